#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Reading and listing a project with POSIX calls: at state scale a project has 19 000
/// Sitzung files, and Foundation's attribute dictionaries and URL resource values per file
/// were a second of every load.
enum Dateisystem {
    /// The whole file, or `TooLarge` before reading when it has more than `hoechstens` bytes.
    static func lesen(_ pfad: String, hoechstens: Int) throws -> [UInt8] {
        let deskriptor = open(pfad, O_RDONLY | O_CLOEXEC)
        guard deskriptor >= 0 else { throw CocoaError(.fileReadNoSuchFile) }
        defer { close(deskriptor) }
        var status = stat()
        guard fstat(deskriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { throw CocoaError(.fileReadUnknown) }
        let groesse = Int(status.st_size)
        guard groesse <= hoechstens else { throw ProjectFiles.TooLarge() }
        var bytes = [UInt8](repeating: 0, count: groesse)
        var gelesen = 0
        try bytes.withUnsafeMutableBytes { puffer in
            while gelesen < groesse {
                let ergebnis = read(deskriptor, puffer.baseAddress?.advanced(by: gelesen), groesse - gelesen)
                if ergebnis < 0, errno == EINTR { continue }
                guard ergebnis > 0 else { throw CocoaError(.fileReadUnknown) }
                gelesen += ergebnis
            }
        }
        return bytes
    }

    /// Every regular file below `wurzel/ordner`, as `ordner/…` paths, without hidden files
    /// and folders; empty when the folder is missing. Symbolic links are followed, as before.
    static func auflisten(_ wurzel: String, _ ordner: String) -> [String] {
        var ergebnis: [String] = []
        var offen = [ordner]
        while let relativ = offen.popLast() {
            guard let verzeichnis = opendir(wurzel + "/" + relativ) else { continue }
            defer { closedir(verzeichnis) }
            while let eintrag = readdir(verzeichnis) {
                let name = withUnsafeBytes(of: eintrag.pointee.d_name) { roh in
                    String(decoding: roh.prefix { $0 != 0 }, as: UTF8.self)
                }
                guard !name.hasPrefix(".") else { continue }
                let pfad = relativ + "/" + name
                switch Int32(eintrag.pointee.d_type) {
                case Int32(DT_REG): ergebnis.append(pfad)
                case Int32(DT_DIR): offen.append(pfad)
                case Int32(DT_LNK), Int32(DT_UNKNOWN):
                    var status = stat()
                    guard stat(wurzel + "/" + pfad, &status) == 0 else { continue }
                    if (status.st_mode & S_IFMT) == S_IFREG { ergebnis.append(pfad) } else if (status.st_mode & S_IFMT) == S_IFDIR { offen.append(pfad) }
                default: continue
                }
            }
        }
        return ergebnis
    }
}
