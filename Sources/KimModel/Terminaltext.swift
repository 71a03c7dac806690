/// Text for the terminal: a file name or an excerpt with ESC could recolour the terminal, move its
/// cursor or hide the rest of the line; a C1 control or a bidi override could do the same or reorder it.
/// Such characters are shown as `\u{1B}`, everything else as it is.
public enum Terminaltext {
    /// `zeilen`: line breaks stay (a message of several lines); otherwise they are shown as `\u{A}` too.
    public static func sicher(_ text: String, zeilen: Bool = false) -> String {
        let gefahr = { (scalar: Unicode.Scalar) in gefaehrlich(scalar) && !(zeilen && scalar == "\n") }
        guard text.unicodeScalars.contains(where: gefahr) else { return text }
        var ergebnis = ""
        for scalar in text.unicodeScalars {
            if gefahr(scalar) {
                ergebnis += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                ergebnis.unicodeScalars.append(scalar)
            }
        }
        return ergebnis
    }

    static func gefaehrlich(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        // Bidi embeddings, overrides and isolates; line and paragraph separators.
        case 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029, 0x200E, 0x200F, 0x061C: return true
        default: return false
        }
    }
}
