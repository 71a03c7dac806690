/// Text that a spreadsheet program could take for a formula (a leading `=`, `+`, `-`, `@`, tab or
/// carriage return) is written with a leading apostrophe, in every format, as the site's CSVs are;
/// reading takes exactly one apostrophe off again. A text that itself starts with apostrophes before
/// such a character gets one more, so every text comes back as it was.
public enum Formelschutz {
    static let formelzeichen: Set<UInt8> = [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D]

    /// Whether `text` is apostrophes (any number) followed by a formula character.
    static func braucht(_ text: String) -> Bool {
        guard let erstes = text.utf8.first(where: { $0 != UInt8(ascii: "'") }) else { return false }
        return formelzeichen.contains(erstes)
    }

    public static func geschuetzt(_ text: String) -> String {
        braucht(text) ? "'" + text : text
    }

    public static func entschuetzt(_ text: String) -> String {
        text.hasPrefix("'") && braucht(text) ? String(text.dropFirst()) : text
    }
}

extension Arbeitsmappe {
    /// Every text cell protected, for writing.
    public var geschuetzt: Arbeitsmappe { umgeschrieben(Formelschutz.geschuetzt) }

    /// Every text cell as it was before `geschuetzt`, after reading.
    public var entschuetzt: Arbeitsmappe { umgeschrieben(Formelschutz.entschuetzt) }

    private func umgeschrieben(_ aendern: (String) -> String) -> Arbeitsmappe {
        var mappe = self
        for b in mappe.blaetter.indices {
            for z in mappe.blaetter[b].zeilen.indices {
                for s in mappe.blaetter[b].zeilen[z].indices {
                    if case .text(let text) = mappe.blaetter[b].zeilen[z][s] {
                        mappe.blaetter[b].zeilen[z][s] = .text(aendern(text))
                    }
                }
            }
        }
        return mappe
    }
}
