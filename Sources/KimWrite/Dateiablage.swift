import Foundation
import KimModel
#if canImport(Glibc)
import Glibc
#endif

/// Puts a build's files into a fresh folder on all cores: every path is checked and every
/// folder created first, one thread after another, then the files are written in parallel.
/// A file's write needs only its own folder, so the order of writes does not matter.
/// Files listed in `verknuepfen` are unchanged since the previous build in `vorher`: they get a
/// hard link to the previous file instead of a new inode (the kernel's inode allocation was most
/// of a rebuild's time on ext4). Files in `behalten` were not even made: they are taken from
/// `vorher` (linked, or copied where the file system refuses a link).
/// Returns the identity of every file as it now is on disk.
enum Dateiablage {
    @discardableResult
    static func schreiben(_ dateien: [String: [UInt8]], in ordner: URL, verknuepfen: Set<String> = [], behalten: Set<String> = [],
                          aus vorher: URL? = nil) throws -> (kennungen: [String: Dateikennung], verknuepft: Int) {
        let pfade = (Array(dateien.keys) + behalten).sorted()
        var auftraege: [(ziel: String, pfad: String, inhalt: [UInt8])] = []
        auftraege.reserveCapacity(pfade.count)
        var elternordner: Set<Substring> = []
        let wurzel = ordner.path
        for pfad in pfade {
            // A file to keep has no bytes here: it comes from `vorher`.
            let inhalt = dateien[pfad] ?? []
            let datei = try AtomicFolderWriter.sichererPfad(pfad, in: wurzel)
            // The path has at least the root's "/" (checked above: relative, no empty parts).
            let eltern = datei[..<(datei.lastIndex(of: "/") ?? datei.endIndex)]
            if elternordner.insert(eltern).inserted {
                try FileManager.default.createDirectory(atPath: String(eltern), withIntermediateDirectories: true)
            }
            auftraege.append((datei, pfad, inhalt))
        }
        let vorherPfad = vorher?.path
        let ergebnisse = Parallel.map(auftraege) { auftrag -> Result<(Dateikennung?, Bool), AtomicFolderWriter.Failure> in
            if let vorherPfad, verknuepfen.contains(auftrag.pfad), let kennung = hartVerlinkt(vorherPfad + "/" + auftrag.pfad, nach: auftrag.ziel) {
                return .success((kennung, true))
            }
            do {
                let inhalt = behalten.contains(auftrag.pfad) ? try kopie(auftrag.pfad, aus: vorherPfad) : auftrag.inhalt
                return .success((try schreiben(inhalt, nach: auftrag.ziel, pfad: auftrag.pfad), false))
            } catch let fehler as AtomicFolderWriter.Failure {
                return .failure(fehler)
            } catch {
                return .failure(AtomicFolderWriter.Failure(description: "\(auftrag.pfad) konnte nicht geschrieben werden (\(error))"))
            }
        }
        var kennungen: [String: Dateikennung] = [:]
        kennungen.reserveCapacity(auftraege.count)
        var verknuepft = 0
        for (auftrag, ergebnis) in zip(auftraege, ergebnisse) {
            // The first failure in path order, as a serial run would report it.
            let (kennung, gelinkt) = try ergebnis.get()
            if let kennung { kennungen[auftrag.pfad] = kennung }
            if gelinkt { verknuepft += 1 }
        }
        return (kennungen, verknuepft)
    }

    /// The bytes of a file kept from the previous build, when it cannot be linked.
    static func kopie(_ pfad: String, aus vorher: String?) throws -> [UInt8] {
        guard let vorher, let daten = FileManager.default.contents(atPath: vorher + "/" + pfad) else {
            throw AtomicFolderWriter.Failure(description: "\(pfad) sollte aus dem letzten Build übernommen werden, ist aber nicht mehr lesbar")
        }
        return Array(daten)
    }

    /// A hard link from the previous build's file; nil when the file system refuses
    /// (another device, no hard links, too many links): then the file is written.
    static func hartVerlinkt(_ quelle: String, nach ziel: String) -> Dateikennung? {
        guard link(quelle, ziel) == 0 else { return nil }
        var zustand = stat()
        guard lstat(ziel, &zustand) == 0 else { return nil }
        return Dateikennung(inode: UInt64(zustand.st_ino), groesse: Int64(zustand.st_size),
                            sekunden: Int64(zustand.st_mtim.tv_sec), nanosekunden: Int64(zustand.st_mtim.tv_nsec))
    }

    /// Plain POSIX writes: FileManager and Data sync every single file, which made writing
    /// most of a large build's time. The folder swap already makes the build atomic.
    @discardableResult
    static func schreiben(_ inhalt: [UInt8], nach ziel: String, pfad: String) throws -> Dateikennung? {
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
        return Dateistand.kennung(deskriptor)
    }
}
