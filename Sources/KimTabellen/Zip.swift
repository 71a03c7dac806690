import Foundation
import ZIPFoundation

/// xlsx and ods files are ZIP archives of XML parts; ZIPFoundation reads and writes them.
enum Zip {
    struct Fehler: Error {
        var meldung: String
    }

    /// A spreadsheet of a KI is a few hundred kilobytes; a part larger than this is refused
    /// before it is unpacked, so a crafted archive cannot exhaust memory.
    static let hoechstensEntpackt = 64 * 1024 * 1024

    /// The archive with the parts in the given order. The time stamp is fixed, so the same data
    /// give the same file. `gespeichert`: parts stored without compression (ods' `mimetype`).
    static func packen(_ teile: [(pfad: String, inhalt: [UInt8])], gespeichert: Set<String> = []) throws -> [UInt8] {
        let archiv = try Archive(data: Data(), accessMode: .create)
        let zeitpunkt = Date(timeIntervalSince1970: 1_577_836_800)  // 01.01.2020
        for teil in teile {
            let daten = Data(teil.inhalt)
            try archiv.addEntry(with: teil.pfad, type: .file, uncompressedSize: Int64(daten.count), modificationDate: zeitpunkt,
                                compressionMethod: gespeichert.contains(teil.pfad) ? .none : .deflate) { position, laenge in
                daten.subdata(in: Int(position)..<min(daten.count, Int(position) + laenge))
            }
        }
        guard let daten = archiv.data else { throw Fehler(meldung: "das Archiv konnte nicht geschrieben werden") }
        return Array(daten)
    }

    /// Every file in the archive by its path.
    ///
    /// Unpacked on a thread of its own with a deadline: on Linux, ZIPFoundation 0.9.20 inflates
    /// until the Deflate stream ends and reads on at the end of the file forever when a damaged
    /// stream does not end there. Such a file is reported as damaged after `frist` seconds;
    /// the stuck thread ends with the process (the command line exits right after reporting).
    static func entpacken(_ bytes: [UInt8], frist: Double = 5) throws(Fehler) -> [String: [UInt8]] {
        let auftrag = Auftrag()
        let thread = Thread { [auftrag] in
            auftrag.ergebnis = Result { () throws(Fehler) in try entpackenOhneFrist(bytes) }
            auftrag.fertig.signal()
        }
        thread.start()
        guard auftrag.fertig.wait(timeout: .now() + frist) == .success, let ergebnis = auftrag.ergebnis else {
            throw Fehler(meldung: "die Datei ist beschädigt: ein Teil lässt sich nicht entpacken")
        }
        return try ergebnis.get()
    }

    /// The result of one unpacking, handed from its thread to the waiting one; written once
    /// before `fertig` is signalled, read only after.
    private final class Auftrag: @unchecked Sendable {
        var ergebnis: Result<[String: [UInt8]], Fehler>?
        let fertig = DispatchSemaphore(value: 0)
    }

    /// Read through a temporary file: ZIPFoundation's in-memory reader traps on an entry whose
    /// offset points past the end of the data (weichsel/ZIPFoundation#394, open), its file
    /// reader reports an error instead.
    private static func entpackenOhneFrist(_ bytes: [UInt8]) throws(Fehler) -> [String: [UInt8]] {
        let datei = FileManager.default.temporaryDirectory.appendingPathComponent("kim-tabelle-\(UUID().uuidString).zip")
        do {
            try Data(bytes).write(to: datei)
        } catch {
            throw Fehler(meldung: "die Datei lässt sich nicht zwischenspeichern (\(error.localizedDescription))")
        }
        defer { try? FileManager.default.removeItem(at: datei) }
        let archiv: Archive
        do {
            archiv = try Archive(url: datei, accessMode: .read)
        } catch {
            throw Fehler(meldung: "die Datei ist kein gültiges ZIP-Archiv (xlsx und ods sind ZIP-Archive)")
        }
        var teile: [String: [UInt8]] = [:]
        var gesamt = 0
        for eintrag in archiv where eintrag.type == .file {
            gesamt += Int(clamping: eintrag.uncompressedSize)
            guard gesamt <= hoechstensEntpackt else {
                throw Fehler(meldung: "die Datei ist entpackt größer als \(hoechstensEntpackt / 1024 / 1024) MB")
            }
            var inhalt = Data()
            let pruefsumme: CRC32
            do {
                // The consumer form of `extract` computes the checksum but, unlike the form that writes
                // a file, does not compare it: without this comparison a damaged byte reads as other text.
                pruefsumme = try archiv.extract(eintrag) { stueck in
                    inhalt.append(stueck)
                    guard inhalt.count <= hoechstensEntpackt else { throw Fehler(meldung: "zu groß") }
                }
            } catch {
                throw Fehler(meldung: "der Teil \(eintrag.path) lässt sich nicht entpacken")
            }
            guard pruefsumme == eintrag.checksum else {
                throw Fehler(meldung: "die Datei ist beschädigt: der Teil \(eintrag.path) hat nicht die Prüfsumme, mit der er gespeichert wurde")
            }
            teile[eintrag.path] = Array(inhalt)
        }
        return teile
    }
}
