import Foundation

/// A schema's `pattern` is an ECMA-262 regular expression (JSON Schema 2020-12, section 6.4);
/// NSRegularExpression speaks ICU. The two differ where a Kommune's pattern would notice:
/// ICU's `\s` lacks U+FEFF and has U+0085, its `\d` and `\w` take every script's digits and
/// letters, its `$` also matches before a final line break, its `.` stops at U+0085, and `[`
/// inside a class opens a nested set. This rewrites those constructs into ICU syntax with
/// ECMA's meaning; everything else is the same in both dialects.
enum ECMAMuster {
    /// ECMA-262 WhiteSpace and LineTerminator (22.2.2.9 CharacterClassEscape `s`): TAB, VT, FF,
    /// SP, NBSP, ZWNBSP (U+FEFF), the Unicode category Zs, LF, CR, LS, PS.
    static let leerraum = #"\t\n\x{0B}\f\r\x{20}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}"#
    static let ziffer = "0-9"
    static let wortzeichen = "A-Za-z0-9_"
    /// ECMA's `.` (without the s flag) stops only at the four line terminators.
    static let zeilenende = #"\n\r\x{2028}\x{2029}"#

    struct Unbekannt: Error {
        /// Why the pattern cannot be read, in German.
        var grund: String
    }

    /// The pattern in ICU syntax, or why it is not a valid ECMA-262 pattern.
    static func icu(_ muster: String) throws(Unbekannt) -> String {
        let zeichen = Array(muster.unicodeScalars)
        var ergebnis = ""
        var index = 0
        var inKlasse = false
        while index < zeichen.count {
            let c = zeichen[index]
            if c == "\\" {
                guard index + 1 < zeichen.count else { throw Unbekannt(grund: "das Muster endet mit einem einzelnen \\") }
                let n = zeichen[index + 1]
                index += 2
                switch n {
                case "s": ergebnis += inKlasse ? leerraum : "[\(leerraum)]"
                case "S": ergebnis += "[^\(leerraum)]"
                case "d": ergebnis += inKlasse ? ziffer : "[\(ziffer)]"
                case "D": ergebnis += "[^\(ziffer)]"
                case "w": ergebnis += inKlasse ? wortzeichen : "[\(wortzeichen)]"
                case "W": ergebnis += "[^\(wortzeichen)]"
                case "b" where !inKlasse: ergebnis += #"(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))"#
                case "B" where !inKlasse: ergebnis += #"(?:(?<=[A-Za-z0-9_])(?=[A-Za-z0-9_])|(?<![A-Za-z0-9_])(?![A-Za-z0-9_]))"#
                case "b": ergebnis += #"\x{08}"#
                case "c":
                    // \cX: the control character X mod 32, for X a Latin letter.
                    guard index < zeichen.count, ("A"..."Z").contains(zeichen[index]) || ("a"..."z").contains(zeichen[index]) else {
                        throw Unbekannt(grund: "nach \\c muss ein Buchstabe A–Z stehen")
                    }
                    ergebnis += String(format: "\\x{%02X}", zeichen[index].value % 32)
                    index += 1
                case "0" where index >= zeichen.count || !("0"..."9").contains(zeichen[index]):
                    ergebnis += #"\x{0}"#
                case "u":
                    // \uXXXX and \u{…}: the same code point in ICU's \x{…} form.
                    let (wert, laenge) = try unicodeEscape(zeichen, ab: index)
                    ergebnis += String(format: "\\x{%X}", wert)
                    index += laenge
                default:
                    ergebnis += "\\" + String(n)
                }
                continue
            }
            if inKlasse {
                switch c {
                case "]": inKlasse = false; ergebnis += "]"
                // ICU reads these as set syntax (nested set, intersection, difference); ECMA as literals.
                case "[", "&", "$": ergebnis += "\\" + String(c)
                case "-" where index + 1 < zeichen.count && zeichen[index + 1] == "-": ergebnis += "\\-"
                default: ergebnis.unicodeScalars.append(c)
                }
                index += 1
                continue
            }
            switch c {
            case "[":
                // ECMA: "[]" matches nothing and "[^]" everything; ICU reads a leading "]" as a literal.
                if index + 1 < zeichen.count, zeichen[index + 1] == "]" {
                    ergebnis += "(?!)"
                    index += 2
                    continue
                }
                if index + 2 < zeichen.count, zeichen[index + 1] == "^", zeichen[index + 2] == "]" {
                    ergebnis += #"[\x{0}-\x{10FFFF}]"#
                    index += 3
                    continue
                }
                inKlasse = true
                ergebnis += "["
                if index + 1 < zeichen.count, zeichen[index + 1] == "^" { ergebnis += "^"; index += 1 }
            case ".": ergebnis += "[^\(zeilenende)]"
            // Without the m flag ECMA anchors at the ends of the input only; ICU's `$` also before a final "\n".
            case "$": ergebnis += #"\z"#
            case "^": ergebnis += #"\A"#
            default: ergebnis.unicodeScalars.append(c)
            }
            index += 1
        }
        if inKlasse { throw Unbekannt(grund: "eine Zeichenklasse [ … ] wird nicht geschlossen") }
        return ergebnis
    }

    /// The code point of `\uXXXX` or `\u{X…}` starting after the `u`, and how many scalars it took.
    private static func unicodeEscape(_ zeichen: [Unicode.Scalar], ab start: Int) throws(Unbekannt) -> (UInt32, Int) {
        func hex(_ von: Int, _ bis: Int) -> UInt32? {
            guard bis <= zeichen.count, von < bis else { return nil }
            return UInt32(String(String.UnicodeScalarView(zeichen[von..<bis])), radix: 16)
        }
        if start < zeichen.count, zeichen[start] == "{" {
            guard let ende = zeichen[start...].firstIndex(of: "}"), let wert = hex(start + 1, ende), wert <= 0x10FFFF else {
                throw Unbekannt(grund: "\\u{…} ist keine gültige Zeichenangabe")
            }
            return (wert, ende - start + 1)
        }
        guard let wert = hex(start, start + 4) else { throw Unbekannt(grund: "nach \\u müssen vier Hexadezimalziffern stehen") }
        return (wert, 4)
    }

    /// The compiled expression, or why the pattern is not usable.
    static func kompilieren(_ muster: String) throws(Unbekannt) -> NSRegularExpression {
        let uebersetzt = try icu(muster)
        do {
            return try NSRegularExpression(pattern: uebersetzt)
        } catch {
            throw Unbekannt(grund: "das Muster ist kein gültiger regulärer Ausdruck")
        }
    }
}
