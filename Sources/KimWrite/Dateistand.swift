import CAtomicRename
#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// What identifies a file on disk without reading it: a rewrite or an edit in place
/// changes the inode or the modification time (and mostly the size).
struct Dateikennung: Equatable, Sendable {
    var inode: UInt64
    var groesse: Int64
    var sekunden: Int64
    var nanosekunden: Int64
}

/// Everything below an output folder, as `kim_walk_tree` finds it: its files with their
/// identity, its folders, and how many entries are neither (symbolic links, sockets …).
struct Dateistand {
    var dateien: [String: Dateikennung] = [:]
    var ordner: Set<String> = []
    var sonstige = 0

    /// nil when the folder does not exist or cannot be read completely.
    static func erfassen(_ ordner: URL) -> Dateistand? {
        final class Sammlung { var stand = Dateistand() }
        let sammlung = Sammlung()
        let ergebnis = withExtendedLifetime(sammlung) {
            kim_walk_tree(ordner.path, { kontext, pfad, art, inode, groesse, sekunden, nanosekunden in
                guard let kontext, let pfad else { return }
                let sammlung = Unmanaged<Sammlung>.fromOpaque(kontext).takeUnretainedValue()
                let relativ = String(cString: pfad)
                switch Int(art) {
                case Int(KIM_ENTRY_FILE):
                    sammlung.stand.dateien[relativ] = Dateikennung(inode: inode, groesse: groesse, sekunden: sekunden, nanosekunden: nanosekunden)
                case Int(KIM_ENTRY_FOLDER): sammlung.stand.ordner.insert(relativ)
                default: sammlung.stand.sonstige += 1
                }
            }, Unmanaged.passUnretained(sammlung).toOpaque())
        }
        return ergebnis == 0 ? sammlung.stand : nil
    }

    /// The state without what lies below the given top-level folders.
    func ohne(_ oberste: Set<String>) -> Dateistand {
        guard !oberste.isEmpty else { return self }
        let oberster = { (pfad: String) in String(pfad.prefix { $0 != "/" }) }
        return Dateistand(dateien: dateien.filter { !oberste.contains(oberster($0.key)) },
                          ordner: ordner.filter { !oberste.contains(oberster($0)) }, sonstige: sonstige)
    }

    /// The identity of a file just written, from its open descriptor.
    static func kennung(_ deskriptor: Int32) -> Dateikennung? {
        var zustand = stat()
        guard fstat(deskriptor, &zustand) == 0 else { return nil }
        return Dateikennung(inode: UInt64(zustand.st_ino), groesse: Int64(zustand.st_size),
                            sekunden: Int64(zustand.st_mtim.tv_sec), nanosekunden: Int64(zustand.st_mtim.tv_nsec))
    }

    /// The folders a set of output files needs (every parent of every file).
    static func benoetigteOrdner<Pfade: Sequence>(_ pfade: Pfade) -> Set<String> where Pfade.Element == String {
        var ordner: Set<String> = []
        for pfad in pfade {
            // From the longest parent up, until one is known (then so are all above it).
            var ende = pfad.utf8.lastIndex(of: UInt8(ascii: "/"))
            while let stelle = ende, ordner.insert(String(pfad[..<stelle])).inserted {
                ende = pfad.utf8[..<stelle].lastIndex(of: UInt8(ascii: "/"))
            }
        }
        return ordner
    }
}
