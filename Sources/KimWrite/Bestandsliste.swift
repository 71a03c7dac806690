import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What kim last wrote into an output folder: per file its content hash and the identity
/// (inode, size, modification time) the file had when kim wrote or linked it. Kept outside
/// the output (in the project's `build/`), so the site holds no file a reader does not need.
///
/// A file counts as unchanged only when its hash is the new one and its identity on disk is
/// still the recorded one; an edit by hand or a file swapped in by another tool therefore
/// makes kim write it again. A list that is out of date (kim killed after the swap, before the
/// list was saved) is harmless for the same reason: a file kim rewrote has a new inode, and the
/// old inodes stay taken until the previous tree is removed after the swap.
struct Bestandsliste {
    struct Eintrag: Equatable {
        var pruefsumme: Pruefsumme
        var kennung: Dateikennung
    }

    static let kopf = "kim-bestandsliste 1\t"

    var ziel: String
    var eintraege: [String: Eintrag] = [:]
    /// The hash of the list as it was read or saved: names this state of the folder in a Buildvermerk.
    var summe = Pruefsumme(erste: 0, zweite: 0)

    /// The list for `ziel`; nil when there is none, it is unreadable or it belongs to another folder.
    static func laden(_ datei: URL, ziel: String) -> Bestandsliste? {
        guard let daten = try? Data(contentsOf: datei) else { return nil }
        let text = String(decoding: daten, as: UTF8.self)
        var zeilen = text.split(separator: "\n", omittingEmptySubsequences: true)[...]
        guard let erste = zeilen.popFirst(), erste == kopf + ziel else { return nil }
        var liste = Bestandsliste(ziel: ziel, summe: Pruefsumme(Array(daten)))
        for zeile in zeilen {
            let teile = zeile.split(separator: "\t", maxSplits: 1)
            guard teile.count == 2 else { return nil }
            let felder = teile[0].split(separator: " ")
            guard felder.count == 6,
                  let erste = UInt64(felder[0], radix: 16), let zweite = UInt64(felder[1], radix: 16),
                  let inode = UInt64(felder[2]), let groesse = Int64(felder[3]),
                  let sekunden = Int64(felder[4]), let nanosekunden = Int64(felder[5]) else { return nil }
            liste.eintraege[String(teile[1])] = Eintrag(
                pruefsumme: Pruefsumme(erste: erste, zweite: zweite),
                kennung: Dateikennung(inode: inode, groesse: groesse, sekunden: sekunden, nanosekunden: nanosekunden))
        }
        return liste
    }

    var text: String {
        var zeilen = [Self.kopf + ziel]
        for (pfad, eintrag) in eintraege.sorted(by: { $0.key < $1.key }) where !pfad.contains("\n") {
            let k = eintrag.kennung
            zeilen.append("\(String(eintrag.pruefsumme.erste, radix: 16)) \(String(eintrag.pruefsumme.zweite, radix: 16)) \(k.inode) \(k.groesse) \(k.sekunden) \(k.nanosekunden)\t\(pfad)")
        }
        return zeilen.joined(separator: "\n") + "\n"
    }

    /// The new files whose bytes are already on disk in the folder, as recorded.
    func unveraendert(_ pruefsummen: [String: Pruefsumme], _ stand: Dateistand) -> Set<String> {
        var gleich: Set<String> = []
        for (pfad, summe) in pruefsummen {
            guard let eintrag = eintraege[pfad], eintrag.pruefsumme == summe,
                  let vorhanden = stand.dateien[pfad], vorhanden == eintrag.kennung else { continue }
            gleich.insert(pfad)
        }
        return gleich
    }

    /// Whether the folder holds exactly the files of the list, each still with its recorded identity,
    /// and nothing else: then it is byte for byte what the build that saved the list wrote.
    func stimmt(mit stand: Dateistand) -> Bool {
        stand.sonstige == 0 && stand.dateien.count == eintraege.count
            && eintraege.allSatisfy { stand.dateien[$0.key] == $0.value.kennung }
            && stand.ordner == Dateistand.benoetigteOrdner(eintraege.keys)
    }

    /// Saves the list by renaming a complete copy into place, so a reader never sees half of it.
    /// Returns its hash.
    @discardableResult
    func speichern(_ datei: URL) throws -> Pruefsumme {
        let temporaer = datei.deletingLastPathComponent().appendingPathComponent(datei.lastPathComponent + ".tmp-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: datei.deletingLastPathComponent(), withIntermediateDirectories: true)
        do {
            let bytes = Array(text.utf8)
            try Data(bytes).write(to: temporaer)
            guard rename(temporaer.path, datei.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
            return Pruefsumme(bytes)
        } catch {
            try? FileManager.default.removeItem(at: temporaer)
            throw error
        }
    }
}
