import KimLoad

/// Where each value of a JSON text stands, in bytes: the minimal-diff writer replaces exactly
/// the bytes of a changed value and leaves every other byte of the file as it was. Only used on
/// text `JSONParser` has already accepted, so it need not report errors; on anything else it
/// returns nil.
struct Spanne {
    enum Art {
        case skalar
        case objekt([Spannenmitglied])
        case liste([Spanne])
    }

    var start: Int
    var ende: Int
    var art: Art

    static func lesen(_ bytes: [UInt8]) -> Spanne? {
        var leser = Leser(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { leser.index = 3 }
        leser.leerraum()
        return leser.wert(tiefe: 0)
    }

    /// The span at a pointer's parts; nil when there is none.
    func finden(_ teile: ArraySlice<String>) -> Spanne? {
        guard let erster = teile.first else { return self }
        switch art {
        case .objekt(let eintraege):
            return eintraege.last { $0.schluessel == erster }?.wert.finden(teile.dropFirst())
        case .liste(let elemente):
            guard let index = Int(erster), elemente.indices.contains(index) else { return nil }
            return elemente[index].finden(teile.dropFirst())
        case .skalar:
            return nil
        }
    }

    private struct Leser {
        let bytes: [UInt8]
        var index = 0

        mutating func leerraum() {
            while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        }

        mutating func wert(tiefe: Int) -> Spanne? {
            guard index < bytes.count, tiefe < 256 else { return nil }
            let start = index
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var eintraege: [Spannenmitglied] = []
                leerraum()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return Spanne(start: start, ende: index, art: .objekt([]))
                }
                while true {
                    leerraum()
                    let schluesselStart = index
                    guard let schluessel = zeichenkette() else { return nil }
                    leerraum()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
                    index += 1
                    leerraum()
                    guard let wert = wert(tiefe: tiefe + 1) else { return nil }
                    eintraege.append(Spannenmitglied(schluessel: schluessel, schluesselStart: schluesselStart, wert: wert))
                    leerraum()
                    guard index < bytes.count else { return nil }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    guard bytes[index] == UInt8(ascii: "}") else { return nil }
                    index += 1
                    return Spanne(start: start, ende: index, art: .objekt(eintraege))
                }
            case UInt8(ascii: "["):
                index += 1
                var elemente: [Spanne] = []
                leerraum()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return Spanne(start: start, ende: index, art: .liste([]))
                }
                while true {
                    leerraum()
                    guard let element = wert(tiefe: tiefe + 1) else { return nil }
                    elemente.append(element)
                    leerraum()
                    guard index < bytes.count else { return nil }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    guard bytes[index] == UInt8(ascii: "]") else { return nil }
                    index += 1
                    return Spanne(start: start, ende: index, art: .liste(elemente))
                }
            case UInt8(ascii: "\""):
                guard zeichenkette() != nil else { return nil }
                return Spanne(start: start, ende: index, art: .skalar)
            default:
                // Number, true, false, null: up to the next delimiter.
                while index < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) {
                    index += 1
                }
                return index > start ? Spanne(start: start, ende: index, art: .skalar) : nil
            }
        }

        /// A string's decoded text; the index ends after its closing quote.
        mutating func zeichenkette() -> String? {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            let start = index
            index += 1
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
            }
            guard index < bytes.count else { return nil }
            index += 1
            if !bytes[(start + 1)..<(index - 1)].contains(UInt8(ascii: "\\")) {
                return String(decoding: bytes[(start + 1)..<(index - 1)], as: UTF8.self)
            }
            // With escapes: decoded with JSONParser's rules through a tiny document.: decoded with JSONParser's rules through a tiny document.
            guard let (knoten, _) = try? JSONParser.parse(Array(bytes[start..<index])), case .string(let text) = knoten.value else { return nil }
            return text
        }
    }
}

/// A member of an object: where its key starts, and its value.
struct Spannenmitglied {
    var schluessel: String
    var schluesselStart: Int
    var wert: Spanne
}
