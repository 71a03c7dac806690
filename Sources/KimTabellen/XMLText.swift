/// Escaping for the XML that xlsx and ods files are made of. Every value from the data passes
/// through here; nothing else writes data into XML.
public enum XMLText {
    /// Text content of an element: `&`, `<`, `>` as entities, a carriage return as `&#13;` (XML
    /// parsers would turn it into a line feed). Characters XML 1.0 cannot carry at all (control
    /// characters other than tab and line feed) go to `ersatz`, which decides how to keep them.
    public static func text(_ wert: String, ersatz: (Unicode.Scalar) -> String = { _ in "\u{FFFD}" }) -> String {
        var ergebnis = ""
        ergebnis.reserveCapacity(wert.utf8.count)
        for scalar in wert.unicodeScalars {
            switch scalar {
            case "&": ergebnis += "&amp;"
            case "<": ergebnis += "&lt;"
            case ">": ergebnis += "&gt;"
            case "\r": ergebnis += "&#13;"
            case "\t", "\n": ergebnis.unicodeScalars.append(scalar)
            default:
                if erlaubt(scalar) { ergebnis.unicodeScalars.append(scalar) } else { ergebnis += ersatz(scalar) }
            }
        }
        return ergebnis
    }

    /// An attribute value in double quotes: as `text`, and quotes, tab and line feed as
    /// character references (attribute normalisation would turn them into spaces).
    public static func attribut(_ wert: String) -> String {
        var ergebnis = ""
        for scalar in text(wert).unicodeScalars {
            switch scalar {
            case "\"": ergebnis += "&quot;"
            case "'": ergebnis += "&apos;"
            case "\t": ergebnis += "&#9;"
            case "\n": ergebnis += "&#10;"
            default: ergebnis.unicodeScalars.append(scalar)
            }
        }
        return ergebnis
    }

    /// XML 1.0's Char production, less the tab, line feed and carriage return handled above.
    static func erlaubt(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// Excel's own escape for what XML cannot carry (ST_Xstring): a control character as
    /// `_x0001_`. A literal `_x0041_` in the data must then itself be escaped (`_x005F_x0041_`),
    /// or Excel would read it as "A".
    public static func excelText(_ wert: String) -> String {
        var geschuetzt = ""
        let scalars = Array(wert.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if scalar == "_", excelEscapeFolgt(scalars, ab: index) {
                geschuetzt += "_x005F_"
            } else {
                geschuetzt.unicodeScalars.append(scalar)
            }
        }
        return text(geschuetzt) { scalar in "_x" + hex4(scalar.value) + "_" }
    }

    /// Reverses `excelText`'s `_xHHHH_` escapes (the XML entities are the parser's business).
    public static func excelEntschluesselt(_ wert: String) -> String {
        guard wert.contains("_x") else { return wert }
        let scalars = Array(wert.unicodeScalars)
        var ergebnis = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "_", excelEscapeFolgt(scalars, ab: index),
               let wert = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)..<(index + 6)])), radix: 16),
               let scalar = Unicode.Scalar(wert) {
                ergebnis.append(scalar)
                index += 7
            } else {
                ergebnis.append(scalars[index])
                index += 1
            }
        }
        return String(ergebnis)
    }

    /// Whether `_xHHHH_` starts at `index`.
    private static func excelEscapeFolgt(_ scalars: [Unicode.Scalar], ab index: Int) -> Bool {
        guard index + 6 < scalars.count, scalars[index] == "_", scalars[index + 1] == "x", scalars[index + 6] == "_" else { return false }
        return scalars[(index + 2)..<(index + 6)].allSatisfy { $0.properties.isASCIIHexDigit }
    }

    private static func hex4(_ wert: UInt32) -> String {
        let ziffern = String(wert, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - ziffern.count)) + ziffern
    }
}
