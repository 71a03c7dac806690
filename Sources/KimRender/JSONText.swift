/// Deterministic JSON for downloads and the OParl export: keys sorted, two-space indent.
/// Written by hand because JSONSerialization collates every sorted key through ICU and
/// validates each tree in a separate pass, which made it most of a large build's work.
/// It writes UTF-8 bytes, not a String: the output files are bytes, and appending
/// unicode scalars one by one to a String was a tenth of a large build's work.
enum JSONText {
    static func encode(_ wert: Any) -> String {
        String(decoding: bytes(wert), as: UTF8.self)
    }

    static func bytes(_ wert: Any) -> [UInt8] {
        var puffer = fertig(wert).bytes
        puffer.append(UInt8(ascii: "\n"))
        return puffer
    }

    /// A value already written, to be placed into other values as it is: an OParl agenda item
    /// stands in its own file, in its meeting, in meetings.json and in agendaitems.json, and is
    /// written once. Its lines are indented for where it is placed (JSON text has line breaks
    /// only between tokens, never inside a string).
    struct Fertig {
        let bytes: [UInt8]
    }

    static func fertig(_ wert: Any) -> Fertig {
        var puffer: [UInt8] = []
        puffer.reserveCapacity(1024)
        schreiben(wert, tiefe: 0, in: &puffer)
        return Fertig(bytes: puffer)
    }

    private static func einruecken(_ tiefe: Int, in puffer: inout [UInt8]) {
        puffer.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * tiefe))
    }

    private static func text(_ text: String, in puffer: inout [UInt8]) {
        puffer.append(contentsOf: text.utf8)
    }

    static func schreiben(_ wert: Any, tiefe: Int, in puffer: inout [UInt8]) {
        switch wert {
        case let zeichenkette as String:
            zitieren(zeichenkette, in: &puffer)
        case let fertig as Fertig:
            var lauf = 0
            for (index, byte) in fertig.bytes.enumerated() where byte == UInt8(ascii: "\n") {
                puffer.append(contentsOf: fertig.bytes[lauf...index])
                einruecken(tiefe, in: &puffer)
                lauf = index + 1
            }
            puffer.append(contentsOf: fertig.bytes[lauf...])
        case let wahr as Bool:
            text(wahr ? "true" : "false", in: &puffer)
        case let zahl as Int:
            text(String(zahl), in: &puffer)
        case let zahl as Double:
            text(zahl.rounded() == zahl && abs(zahl) < 1e15 ? String(Int(zahl)) : String(zahl), in: &puffer)
        case let objekt as [String: Any]:
            guard !objekt.isEmpty else { text("{}", in: &puffer); return }
            puffer.append(contentsOf: "{\n".utf8)
            // Keys are unique, so sorting the pairs by key gives the order of sorting the keys.
            let eintraege = objekt.sorted { $0.key < $1.key }
            for (index, eintrag) in eintraege.enumerated() {
                einruecken(tiefe + 1, in: &puffer)
                zitieren(eintrag.key, in: &puffer)
                puffer.append(contentsOf: ": ".utf8)
                schreiben(eintrag.value, tiefe: tiefe + 1, in: &puffer)
                puffer.append(contentsOf: index == eintraege.count - 1 ? "\n".utf8 : ",\n".utf8)
            }
            einruecken(tiefe, in: &puffer)
            puffer.append(UInt8(ascii: "}"))
        case let liste as [Any]:
            guard !liste.isEmpty else { text("[]", in: &puffer); return }
            puffer.append(contentsOf: "[\n".utf8)
            for (index, element) in liste.enumerated() {
                einruecken(tiefe + 1, in: &puffer)
                schreiben(element, tiefe: tiefe + 1, in: &puffer)
                puffer.append(contentsOf: index == liste.count - 1 ? "\n".utf8 : ",\n".utf8)
            }
            einruecken(tiefe, in: &puffer)
            puffer.append(UInt8(ascii: "]"))
        default:
            text("null", in: &puffer)
        }
    }

    /// Escapes `"`, `\`, control characters and U+2028/U+2029 (which end a line in JavaScript);
    /// everything else is copied as it is, in runs, not character by character.
    static func zitieren(_ zeichenkette: String, in puffer: inout [UInt8]) {
        puffer.append(UInt8(ascii: "\""))
        var zeichenkette = zeichenkette
        zeichenkette.withUTF8 { bytes in
            var lauf = 0
            var index = 0
            func bisHier(_ puffer: inout [UInt8]) {
                if lauf < index { puffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lauf..<index])) }
            }
            while index < bytes.count {
                let byte = bytes[index]
                let ersatz: String?
                var laenge = 1
                switch byte {
                case UInt8(ascii: "\""): ersatz = "\\\""
                case UInt8(ascii: "\\"): ersatz = "\\\\"
                case UInt8(ascii: "\n"): ersatz = "\\n"
                case UInt8(ascii: "\r"): ersatz = "\\r"
                case UInt8(ascii: "\t"): ersatz = "\\t"
                case 0..<0x20:
                    let hex = String(byte, radix: 16)
                    ersatz = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    ersatz = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    laenge = 3
                default:
                    ersatz = nil
                }
                if let ersatz {
                    bisHier(&puffer)
                    puffer.append(contentsOf: ersatz.utf8)
                    index += laenge
                    lauf = index
                } else {
                    index += 1
                }
            }
            bisHier(&puffer)
        }
        puffer.append(UInt8(ascii: "\""))
    }
}
