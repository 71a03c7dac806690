import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Streams one XML part through Foundation's XMLParser into a handler. Elements and attributes
/// are seen by their local names ("table:name" → "name"): both formats use one vocabulary per
/// part, and a file whose writer chose other prefixes reads the same.
final class XMLLeser: NSObject, XMLParserDelegate {
    struct Fehler: Error {
        var meldung: String
    }

    /// Receives the events; `text` may come in several pieces.
    struct Ereignisse {
        var anfang: (_ name: String, _ attribute: [String: String]) -> Void
        var ende: (_ name: String) -> Void
        var text: (String) -> Void = { _ in }
    }

    private let ereignisse: Ereignisse

    private init(_ ereignisse: Ereignisse) {
        self.ereignisse = ereignisse
    }

    static func lesen(_ bytes: [UInt8], teil: String, _ ereignisse: Ereignisse) throws(Fehler) {
        // No writer of xlsx or ods puts a document type in a part; one that does can define entities
        // that change text unseen (or expand without end). Refused in both formats, in any encoding.
        if Self.hatDokumenttyp(bytes) {
            throw Fehler(meldung: "\(teil) enthält eine Dokumenttypdeklaration (<!DOCTYPE …>); kim liest solche Dateien nicht, denn sie können Text unbemerkt verändern")
        }
        // Foundation's XMLParser on Linux traps on a name or attribute that is not UTF-8 (found by
        // `make fuzz`); office programs write UTF-8, so anything else is a damaged file, said so.
        if let zeile = Self.zeileMitUngueltigemUTF8(bytes) {
            throw Fehler(meldung: "\(teil) ist beschädigt: Zeile \(zeile) enthält Bytes, die kein UTF-8 sind (Excel und LibreOffice speichern UTF-8)")
        }
        let leser = XMLLeser(ereignisse)
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = leser
        guard parser.parse() else {
            throw Fehler(meldung: "\(teil) ist kein gültiges XML (Zeile \(parser.lineNumber))")
        }
    }

    /// The line of the first byte sequence that is not UTF-8; nil when all is UTF-8 or the part is
    /// UTF-16 (with its byte order mark), which libxml2 converts itself.
    static func zeileMitUngueltigemUTF8(_ bytes: [UInt8]) -> Int? {
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) { return nil }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var zeile = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let zeichen): if zeichen == "\n" { zeile += 1 }
            case .emptyInput: return nil
            case .error: return zeile
            }
        }
    }

    /// `<!DOCTYPE` in any case, in UTF-8 or UTF-16 (bytes with a NUL between the characters).
    static func hatDokumenttyp(_ bytes: [UInt8]) -> Bool {
        let muster = Array("<!doctype".utf8)
        let ohneNUL = bytes.count > 1 && (bytes[0] == 0 || bytes[1] == 0 || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]))
            ? bytes.filter { $0 != 0 } : bytes
        guard ohneNUL.count >= muster.count else { return false }
        var i = 0
        while let start = ohneNUL[i...].firstIndex(of: UInt8(ascii: "<")) {
            if start + muster.count <= ohneNUL.count,
               zip(ohneNUL[start..<(start + muster.count)], muster).allSatisfy({ ($0 | 0x20) == ($1 | 0x20) }) {
                return true
            }
            i = start + 1
        }
        return false
    }

    /// Works on the UTF-8 bytes: a name from a damaged file may hold a colon followed by a
    /// combining mark, which character-wise search would not see as a colon.
    static func lokal(_ name: String) -> String {
        let bytes = Array(name.utf8)
        guard let doppelpunkt = bytes.lastIndex(of: UInt8(ascii: ":")) else { return name }
        return String(decoding: bytes[(doppelpunkt + 1)...], as: UTF8.self)
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
                attributes attributeDict: [String: String] = [:]) {
        var attribute: [String: String] = [:]
        for (name, wert) in attributeDict where !name.hasPrefix("xmlns") {
            attribute[Self.lokal(Self.repariert(name))] = Self.repariert(wert)
        }
        ereignisse.anfang(Self.lokal(Self.repariert(elementName)), attribute)
    }

    /// The parser hands on the bytes of a damaged file without checking them; a String with
    /// invalid UTF-8 inside traps later on. Decoding the bytes again replaces what is invalid by U+FFFD.
    static func repariert(_ text: String) -> String {
        String(decoding: Array(text.utf8), as: UTF8.self)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        ereignisse.ende(Self.lokal(Self.repariert(elementName)))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        ereignisse.text(Self.repariert(string))
    }
}

/// Cells collected while reading, sparse until the sheet is complete.
struct Zellensammlung {
    /// More rows or columns than any list of a KI: refused rather than allocated.
    static let hoechstensZeilen = 100_000
    static let hoechstensSpalten = 1_000
    /// Filled cells in all: a few repeated rows of an ods file must not become a hundred million.
    static let hoechstensZellen = 500_000

    private var zellen: [Int: [Int: Zelle]] = [:]
    private var anzahl = 0
    /// More cells than `hoechstensZellen` were offered; the reader refuses the file.
    private(set) var uebervoll = false

    mutating func setzen(_ zelle: Zelle, zeile: Int, spalte: Int) {
        guard !zelle.istLeer, zeile < Self.hoechstensZeilen, spalte < Self.hoechstensSpalten else { return }
        guard anzahl < Self.hoechstensZellen else { uebervoll = true; return }
        anzahl += 1
        zellen[zeile, default: [:]][spalte] = zelle
    }

    static let zuVieleZellen = "die Tabelle hat mehr als \(hoechstensZellen) gefüllte Zellen"

    /// Rows without trailing empty rows and cells.
    var zeilen: [[Zelle]] {
        guard let letzte = zellen.keys.max() else { return [] }
        return (0...letzte).map { zeile in
            guard let inhalt = zellen[zeile], let rechts = inhalt.keys.max() else { return [] }
            return (0...rechts).map { inhalt[$0] ?? .leer }
        }
    }
}
