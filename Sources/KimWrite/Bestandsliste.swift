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
    /// Read as bytes: at state scale the list has 140 000 lines, and splitting it as a `String` took
    /// most of the time of a rebuild that finds nothing changed.
    static func laden(_ datei: URL, ziel: String) -> Bestandsliste? {
        guard let daten = try? Data(contentsOf: datei) else { return nil }
        let bytes = Array(daten)
        var zeilen = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)[...]
        guard let erste = zeilen.popFirst(), erste.elementsEqual((kopf + ziel).utf8) else { return nil }
        var liste = Bestandsliste(ziel: ziel, summe: Pruefsumme(bytes))
        liste.eintraege.reserveCapacity(zeilen.count)
        for zeile in zeilen {
            guard let tab = zeile.firstIndex(of: UInt8(ascii: "\t")) else { return nil }
            let felder = zeile[..<tab].split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
            guard felder.count == 6,
                  let erste = zahl(felder[0], basis: 16), let zweite = zahl(felder[1], basis: 16), let inode = zahl(felder[2]),
                  let groesse = vorzeichenzahl(felder[3]), let sekunden = vorzeichenzahl(felder[4]),
                  let nanosekunden = vorzeichenzahl(felder[5]) else { return nil }
            liste.eintraege[String(decoding: zeile[(tab + 1)...], as: UTF8.self)] = Eintrag(
                pruefsumme: Pruefsumme(erste: erste, zweite: zweite),
                kennung: Dateikennung(inode: inode, groesse: groesse, sekunden: sekunden, nanosekunden: nanosekunden))
        }
        return liste
    }

    /// A number as `bytes` writes it (digits, hexadecimal in lower case); nil for anything else or on overflow.
    private static func zahl(_ ziffern: ArraySlice<UInt8>, basis: UInt64 = 10) -> UInt64? {
        guard !ziffern.isEmpty, ziffern.count <= 20 else { return nil }
        var wert: UInt64 = 0
        for ziffer in ziffern {
            let stelle: UInt64
            switch ziffer {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): stelle = UInt64(ziffer - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where basis == 16: stelle = UInt64(ziffer - UInt8(ascii: "a") + 10)
            default: return nil
            }
            let (mal, ueberlauf1) = wert.multipliedReportingOverflow(by: basis)
            let (plus, ueberlauf2) = mal.addingReportingOverflow(stelle)
            guard !ueberlauf1, !ueberlauf2 else { return nil }
            wert = plus
        }
        return wert
    }

    private static func vorzeichenzahl(_ ziffern: ArraySlice<UInt8>) -> Int64? {
        let negativ = ziffern.first == UInt8(ascii: "-")
        guard let betrag = zahl(negativ ? ziffern.dropFirst() : ziffern), betrag <= UInt64(Int64.max) else { return nil }
        return negativ ? -Int64(betrag) : Int64(betrag)
    }

    /// The list as saved: a head line, then per file (sorted by path) the hash in two hexadecimal
    /// halves, inode, size, seconds and nanoseconds, a tab and the path. Made on bytes: at state
    /// scale it has 140 000 lines.
    var bytes: [UInt8] {
        var ausgabe = Array((Self.kopf + ziel).utf8)
        ausgabe.append(UInt8(ascii: "\n"))
        ausgabe.reserveCapacity(eintraege.count * 120)
        func zahl(_ wert: UInt64, basis: UInt64 = 10) {
            var ziffern: [UInt8] = []
            var rest = wert
            repeat {
                let stelle = UInt8(rest % basis)
                ziffern.append(stelle < 10 ? UInt8(ascii: "0") + stelle : UInt8(ascii: "a") + stelle - 10)
                rest /= basis
            } while rest > 0
            ausgabe.append(contentsOf: ziffern.reversed())
        }
        func vorzeichenzahl(_ wert: Int64) {
            if wert < 0 { ausgabe.append(UInt8(ascii: "-")) }
            zahl(wert.magnitude)
        }
        for (pfad, eintrag) in eintraege.sorted(by: { $0.key < $1.key }) where !pfad.contains("\n") {
            let k = eintrag.kennung
            zahl(eintrag.pruefsumme.erste, basis: 16)
            ausgabe.append(UInt8(ascii: " "))
            zahl(eintrag.pruefsumme.zweite, basis: 16)
            ausgabe.append(UInt8(ascii: " "))
            zahl(k.inode)
            ausgabe.append(UInt8(ascii: " "))
            vorzeichenzahl(k.groesse)
            ausgabe.append(UInt8(ascii: " "))
            vorzeichenzahl(k.sekunden)
            ausgabe.append(UInt8(ascii: " "))
            vorzeichenzahl(k.nanosekunden)
            ausgabe.append(UInt8(ascii: "\t"))
            ausgabe.append(contentsOf: pfad.utf8)
            ausgabe.append(UInt8(ascii: "\n"))
        }
        return ausgabe
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
            let bytes = self.bytes
            try Data(bytes).write(to: temporaer)
            guard rename(temporaer.path, datei.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
            return Pruefsumme(bytes)
        } catch {
            try? FileManager.default.removeItem(at: temporaer)
            throw error
        }
    }
}
