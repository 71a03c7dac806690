import CSV
import Foundation

/// CSV as Excel and LibreOffice write it: a German Excel uses semicolons, the decimal comma and
/// Windows-1252 (or UTF-8 with a byte order mark when "CSV UTF-8" is chosen). The fields are
/// split by yaslab/CSV.swift; this file finds out the encoding and the separator.
public enum CSVDatei {
    public struct Fehler: Error, Sendable {
        public var meldung: String
    }

    /// The file read as one sheet named `blatt`, all cells text; `deutsch` when the separator is
    /// a semicolon (then numbers have a decimal comma).
    public static func lesen(_ bytes: [UInt8], blatt: String) throws(Fehler) -> (blatt: Blatt, deutsch: Bool) {
        var text = dekodiert(bytes)
        // Excel understands a first line "sep=;" and some writers add it.
        var trenner: Unicode.Scalar?
        if text.lowercased().hasPrefix("sep="), let ende = text.firstIndex(where: { $0 == "\n" || $0 == "\r\n" }) {
            trenner = text.unicodeScalars.dropFirst(4).first
            text = String(text[text.index(after: ende)...])
        }
        let gewaehlt = trenner ?? erkannterTrenner(text)
        let leser: CSVReader
        do {
            leser = try CSVReader(string: text, hasHeaderRow: false, trimFields: false, delimiter: gewaehlt)
        } catch {
            throw Fehler(meldung: "die CSV-Datei ist nicht lesbar")
        }
        var zeilen: [[Zelle]] = []
        while let zeile = leser.next() {
            guard zeilen.count < Zellensammlung.hoechstensZeilen else { break }
            zeilen.append(zeile.prefix(Zellensammlung.hoechstensSpalten).map { $0.isEmpty ? .leer : .text($0) })
        }
        if leser.error != nil {
            throw Fehler(meldung: "die CSV-Datei endet mitten in einem Feld in Anführungszeichen (Zeile \(zeilen.count + 1))")
        }
        while let letzte = zeilen.last, letzte.allSatisfy(\.istLeer) { zeilen.removeLast() }
        return (Blatt(name: blatt, zeilen: zeilen), gewaehlt == ";")
    }

    /// UTF-8 (with or without byte order mark) when the bytes are valid UTF-8, else Windows-1252,
    /// the encoding of Excel's plain "CSV (Trennzeichen-getrennt)".
    static func dekodiert(_ bytes: [UInt8]) -> String {
        var inhalt = bytes[...]
        if inhalt.starts(with: [0xEF, 0xBB, 0xBF]) { inhalt = inhalt.dropFirst(3) }
        if let utf8 = String(validating: inhalt, as: UTF8.self) { return utf8 }
        return String(data: Data(inhalt), encoding: .windowsCP1252) ?? String(decoding: inhalt, as: UTF8.self)
    }

    /// The separator the first line uses most, outside quotes: semicolon, comma or tab.
    static func erkannterTrenner(_ text: String) -> Unicode.Scalar {
        var anzahl: [Unicode.Scalar: Int] = [";": 0, ",": 0, "\t": 0]
        var inAnfuehrung = false
        for zeichen in text.unicodeScalars {
            if zeichen == "\"" { inAnfuehrung.toggle() }
            if !inAnfuehrung, zeichen == "\n" || zeichen == "\r" { break }
            if !inAnfuehrung, anzahl[zeichen] != nil { anzahl[zeichen, default: 0] += 1 }
        }
        let bester = [";", ",", "\t"].max { (anzahl[$0] ?? 0) < (anzahl[$1] ?? 0) } ?? ";"
        return (anzahl[bester] ?? 0) > 0 ? bester : ";"
    }

    /// One sheet as a CSV for a German Excel: UTF-8 with byte order mark (so Excel sees the
    /// umlauts), semicolons, CRLF line ends, dates TT.MM.JJJJ, numbers with decimal comma.
    public static func schreiben(_ blatt: Blatt) throws -> [UInt8] {
        let strom = OutputStream(toMemory: ())
        strom.open()
        defer { strom.close() }
        let schreiber = try CSVWriter(stream: strom, delimiter: ";", newline: .crlf)
        for zeile in blatt.zeilen {
            try schreiber.write(row: (0..<blatt.spaltenzahl).map { spalte in
                spalte < zeile.count ? feld(zeile[spalte]) : ""
            })
        }
        schreiber.stream.close()
        guard let daten = strom.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
            throw Fehler(meldung: "die CSV-Datei konnte nicht geschrieben werden")
        }
        return [0xEF, 0xBB, 0xBF] + Array(daten) + [0x0D, 0x0A]
    }

    static func feld(_ zelle: Zelle) -> String {
        switch zelle {
        case .leer: return ""
        case .text(let text): return text
        case .zahl(let zahl): return Zahlentext.json(zahl).replacingOccurrences(of: ".", with: ",")
        case .datum(let datum): return Datumstext.deutsch(datum)
        case .wahrheitswert(let wert): return wert ? "WAHR" : "FALSCH"
        }
    }
}
