#if canImport(Glibc)
import Glibc
#endif
import Foundation
import KimModel

/// Two `kim build` into the same folder at once: the second waits for the first (an exclusive
/// `flock` on the output's parent folder), so neither takes the other's temporary folder for a
/// leftover of a killed build. The kernel drops the lock when its holder dies, even by SIGKILL.
final class Schreibsperre {
    private var deskriptor: Int32

    /// Waits for the lock on `ordner`; `beimWarten` runs once if another build holds it.
    init(_ ordner: URL, beimWarten: () -> Void) throws {
        deskriptor = open(ordner.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard deskriptor >= 0 else {
            throw AtomicFolderWriter.Failure(description: "\(ordner.path) lässt sich nicht öffnen: \(Systemfehler.beschreibung(errno))")
        }
        if flock(deskriptor, LOCK_EX | LOCK_NB) != 0 {
            beimWarten()
            while flock(deskriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    let fehler = errno
                    throw AtomicFolderWriter.Failure(description: "\(ordner.path) lässt sich nicht sperren: \(Systemfehler.beschreibung(fehler))")
                }
            }
        }
    }

    func freigeben() {
        if deskriptor >= 0 { close(deskriptor) }
        deskriptor = -1
    }

    deinit {
        freigeben()
    }
}

/// Whether a folder tree can be replaced: every folder in it must be writable, or deleting the previous
/// build would stop halfway and leave it torn.
enum Schreibbarkeit {
    /// The first folder below (and including) `ordner` that kim may not change; nil when all may be.
    static func ersterGesperrterOrdner(_ ordner: String) -> String? {
        var offen = [ordner]
        while let pfad = offen.popLast() {
            guard access(pfad, W_OK | X_OK) == 0, let verzeichnis = opendir(pfad) else { return pfad }
            defer { closedir(verzeichnis) }
            while let eintrag = readdir(verzeichnis) {
                guard Int32(eintrag.pointee.d_type) == Int32(DT_DIR) else { continue }
                let name = withUnsafeBytes(of: eintrag.pointee.d_name) { roh in
                    String(decoding: roh.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name != ".", name != ".." { offen.append(pfad + "/" + name) }
            }
        }
        return nil
    }
}
