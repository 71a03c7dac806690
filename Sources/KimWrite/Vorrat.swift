import Foundation
import KimModel
#if canImport(Glibc)
import Glibc
#endif

/// The output of the build before the last one, kept in the project's `build/` (`build/site.vorige`)
/// instead of being deleted after the swap. The next build brings this folder up to date in place
/// and swaps it with the output folder, so an everyday rebuild touches only the files that changed
/// in the last two builds: the others are already there, most of them as the same inode as in the
/// output folder. The output folder itself is never written into, so a killed build still leaves
/// the old folder or the new one.
///
/// Which files of the kept folder are right is decided by identity, as for the output folder: a
/// file counts only when it has the identity (inode, size, modification time) the Bestandsliste
/// records for that path with the new hash. kim never writes into an existing inode (a file to
/// replace is unlinked first, since it may be linked into the output folder too), so an identity
/// keeps its bytes; whatever a killed build or a hand left behind in the folder is replaced or removed.
enum Vorrat {
    struct Ergebnis {
        var kennungen: [String: Dateikennung]
        /// Files linked from the output folder, files already right in the kept folder.
        var verknuepft: Int
        var unberuehrt: Int
    }

    /// Brings `vorrat` to exactly `dateien` and `behalten` (kept files, taken from `ziel`).
    /// `gleich` are the files `ziel` already holds with the new bytes (linked from there).
    static func abgleichen(_ vorrat: URL, dateien: [String: [UInt8]], behalten: Set<String>, pruefsummen: [String: Pruefsumme],
                           liste: Bestandsliste?, gleich: Set<String>, aus ziel: URL) throws -> Ergebnis {
        let stand = try vorbereiten(vorrat)
        let alle = Set(dateien.keys).union(behalten)
        var kennungen: [String: Dateikennung] = [:]
        for (pfad, kennung) in stand.dateien where alle.contains(pfad) {
            if let eintrag = liste?.eintraege[pfad], eintrag.kennung == kennung, eintrag.pruefsumme == pruefsummen[pfad] {
                kennungen[pfad] = kennung
            }
        }
        // Out of the way first: stale files, files to replace, then folders no file needs (deepest first),
        // so that a path that changed from folder to file or back is free.
        let basis = vorrat.path + "/"
        let weg = stand.dateien.keys.filter { kennungen[$0] == nil }
        let fehler = Parallel.map(weg) { pfad in unlink(basis + pfad) == 0 ? nil : (pfad, errno) }.compactMap { $0 }
        if let (pfad, nummer) = fehler.first {
            throw AtomicFolderWriter.Failure(description: "\(basis + pfad) ließ sich nicht entfernen: \(Systemfehler.beschreibung(nummer))")
        }
        let benoetigt = Dateistand.benoetigteOrdner(alle)
        for ordner in stand.ordner.subtracting(benoetigt).sorted(by: { $0.utf8.count > $1.utf8.count }) where rmdir(basis + ordner) != 0 {
            try Ordnerloeschung.entfernen(URL(fileURLWithPath: basis + ordner))
        }
        let fehlend = alle.subtracting(kennungen.keys)
        let (neu, verknuepft) = try Dateiablage.schreiben(dateien.filter { fehlend.contains($0.key) }, in: vorrat, verknuepfen: gleich,
                                                          behalten: behalten.intersection(fehlend), aus: ziel)
        kennungen.merge(neu) { _, neu in neu }
        return Ergebnis(kennungen: kennungen, verknuepft: verknuepft, unberuehrt: alle.count - fehlend.count)
    }

    /// The kept folder as it is, created when there is none; started afresh when it holds anything but
    /// files and folders (a link kim did not make) or cannot be read completely.
    static func vorbereiten(_ vorrat: URL) throws -> Dateistand {
        if let stand = Dateistand.erfassen(vorrat), stand.sonstige == 0 { return stand }
        if FileManager.default.fileExists(atPath: vorrat.path) { try Ordnerloeschung.entfernen(vorrat) }
        do {
            try FileManager.default.createDirectory(at: vorrat, withIntermediateDirectories: true)
        } catch {
            throw AtomicFolderWriter.Failure(description: "der Ordner \(vorrat.path) lässt sich nicht anlegen: \(Systemfehler.beschreibung(error))")
        }
        return Dateistand()
    }

    /// Whether two paths lie on the same file system, so one can be renamed onto the other.
    static func gleichesGeraet(_ erster: URL, _ zweiter: URL) -> Bool {
        var a = stat(), b = stat()
        return stat(erster.path, &a) == 0 && stat(zweiter.path, &b) == 0 && a.st_dev == b.st_dev
    }
}
