/// Terms of RDF 1.1 Turtle, written strictly: whatever a data file holds, the result is one
/// term that a Turtle parser reads back as exactly that value.
enum Turtle {
    /// An IRI in angle brackets. The characters IRIREF forbids (controls, space, `<>"{}|^\``
    /// and the backslash) are percent-encoded as UTF-8, so a stray one cannot end the IRI.
    static func iri(_ text: String) -> String {
        var ergebnis = "<"
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0...0x20, 0x22, 0x3C, 0x3E, 0x5C, 0x5E, 0x60, 0x7B, 0x7C, 0x7D, 0x7F:
                for byte in String(scalar).utf8 { ergebnis += "%" + hex(byte) }
            default:
                ergebnis.unicodeScalars.append(scalar)
            }
        }
        return ergebnis + ">"
    }

    /// A string literal in double quotes: `"` and `\` get a backslash, line breaks and tabs
    /// their escapes, every other control character a `\uXXXX` escape.
    static func literal(_ text: String) -> String {
        var ergebnis = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": ergebnis += "\\\""
            case "\\": ergebnis += "\\\\"
            case "\n": ergebnis += "\\n"
            case "\r": ergebnis += "\\r"
            case "\t": ergebnis += "\\t"
            case "\u{00}"..."\u{1F}", "\u{7F}":
                ergebnis += "\\u00" + hex(UInt8(scalar.value))
            default:
                ergebnis.unicodeScalars.append(scalar)
            }
        }
        return ergebnis + "\""
    }

    /// German text: `"…"@de`.
    static func deutsch(_ text: String) -> String { literal(text) + "@de" }

    /// `"2022-08-30"^^xsd:date` (the document declares the xsd prefix).
    static func datum(_ iso: String) -> String { literal(iso) + "^^xsd:date" }

    private static func hex(_ byte: UInt8) -> String {
        let ziffern = Array("0123456789ABCDEF")
        return String(ziffern[Int(byte >> 4)]) + String(ziffern[Int(byte & 0x0F)])
    }
}
