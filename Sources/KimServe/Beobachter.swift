#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Notices edits by comparing size, modification time and inode of every file in the watched
/// folders, polled: portable, and with `readdir` and `stat` a few milliseconds even for the
/// 19 000 Sitzung files of a state-wide project (Foundation's enumerator took most of a second).
public struct Beobachter: Sendable {
    public let projekt: URL
    public static let ordner = ["data", "templates", "schemas", "assets"]

    /// What `stat` says about a file; a change of any part is an edit (an editor that saves by
    /// renaming a new file over the old one changes the inode, even within the same second).
    public struct Stand: Equatable, Sendable {
        var groesse: Int64
        var sekunden: Int
        var nanosekunden: Int
        var inode: UInt64
    }

    public init(projekt: URL) {
        self.projekt = projekt
    }

    /// Every file below the watched folders by its path relative to the project.
    public func fingerabdruck() -> [String: Stand] {
        var stand: [String: Stand] = [:]
        let wurzel = projekt.path
        var offen = Self.ordner
        while let relativ = offen.popLast() {
            for (name, istOrdner) in Self.eintraege(wurzel + "/" + relativ) ?? [] {
                let pfad = relativ + "/" + name
                if istOrdner {
                    offen.append(pfad)
                    continue
                }
                var status = stat()
                guard stat(wurzel + "/" + pfad, &status) == 0 else { continue }
                stand[pfad] = Stand(groesse: Int64(status.st_size), sekunden: Int(status.st_mtim.tv_sec),
                                    nanosekunden: Int(status.st_mtim.tv_nsec), inode: UInt64(status.st_ino))
            }
        }
        return stand
    }

    /// The entries of a folder, hidden ones (an editor's swap files) left out as the build leaves
    /// them out; nil when it cannot be read. Only real folders count as folders: a link to a
    /// folder above would be walked forever. Where the file system does not say, lstat does.
    static func eintraege(_ pfad: String) -> [(name: String, ordner: Bool)]? {
        guard let verzeichnis = opendir(pfad) else { return nil }
        defer { closedir(verzeichnis) }
        var eintraege: [(name: String, ordner: Bool)] = []
        while let eintrag = readdir(verzeichnis) {
            let name = withUnsafeBytes(of: eintrag.pointee.d_name) { roh in
                String(decoding: roh.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            var art = Int32(eintrag.pointee.d_type)
            if art == Int32(DT_UNKNOWN) {
                var eigen = stat()
                art = lstat(pfad + "/" + name, &eigen) == 0 && (eigen.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : Int32(DT_REG)
            }
            eintraege.append((name, art == Int32(DT_DIR)))
        }
        return eintraege
    }

    /// The files (relative to the project) added, changed or removed between two fingerprints.
    public func geaendert(von vorher: [String: Stand], zu nachher: [String: Stand]) -> Set<String> {
        Set(vorher.keys).union(nachher.keys).filter { vorher[$0] != nachher[$0] }
    }
}
