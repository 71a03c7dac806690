import Foundation
import KimModel
#if canImport(Glibc)
import Glibc
#endif

/// Puts a build's files into a fresh folder on all cores: every path is checked and every
/// folder created first, one thread after another, then the files are written in parallel.
/// A file's write needs only its own folder, so the order of writes does not matter.
enum Dateiablage {
    static func schreiben(_ dateien: [String: [UInt8]], in ordner: URL) throws {
        let pfade = dateien.keys.sorted()
        var auftraege: [(ziel: String, pfad: String, inhalt: [UInt8])] = []
        auftraege.reserveCapacity(pfade.count)
        var elternordner: Set<String> = []
        for pfad in pfade {
            guard let inhalt = dateien[pfad] else { continue }
            let datei = try AtomicFolderWriter.sichererPfad(pfad, in: ordner)
            let eltern = datei.deletingLastPathComponent().path
            if elternordner.insert(eltern).inserted {
                try FileManager.default.createDirectory(atPath: eltern, withIntermediateDirectories: true)
            }
            auftraege.append((datei.path, pfad, inhalt))
        }
        let fehler = Parallel.map(auftraege) { auftrag -> AtomicFolderWriter.Failure? in
            do {
                try schreiben(auftrag.inhalt, nach: auftrag.ziel, pfad: auftrag.pfad)
                return nil
            } catch let fehler as AtomicFolderWriter.Failure {
                return fehler
            } catch {
                return AtomicFolderWriter.Failure(description: "\(auftrag.pfad) konnte nicht geschrieben werden (\(error))")
            }
        }
        // The first failure in path order, as a serial run would report it.
        if let erster = fehler.lazy.compactMap({ $0 }).first { throw erster }
    }

    /// Plain POSIX writes: FileManager and Data sync every single file, which made writing
    /// most of a large build's time. The folder swap already makes the build atomic.
    static func schreiben(_ inhalt: [UInt8], nach ziel: String, pfad: String) throws {
        let deskriptor = open(ziel, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard deskriptor >= 0 else { throw AtomicFolderWriter.Failure(description: "\(pfad) konnte nicht geschrieben werden: \(Systemfehler.beschreibung(errno))") }
        defer { close(deskriptor) }
        var geschrieben = 0
        try inhalt.withUnsafeBytes { puffer in
            while geschrieben < puffer.count {
                let ergebnis = write(deskriptor, puffer.baseAddress?.advanced(by: geschrieben), puffer.count - geschrieben)
                if ergebnis < 0 {
                    if errno == EINTR { continue }
                    throw AtomicFolderWriter.Failure(description: "\(pfad) konnte nicht geschrieben werden: \(Systemfehler.beschreibung(errno))")
                }
                geschrieben += ergebnis
            }
        }
    }
}
