/// Text that a spreadsheet program could take for a formula (a leading `=`, `+`, `-`, `@`, tab or
/// carriage return) is written with a leading apostrophe, in every spreadsheet kim writes (the site's
/// CSV downloads and `kim export`'s csv, xlsx and ods);
/// reading takes exactly one apostrophe off again. A text that itself starts with apostrophes before
/// such a character gets one more, so every text comes back as it was.
public enum Formelschutz {
    public static let formelzeichen: Set<UInt8> = [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D]

    /// Whether `text` is apostrophes (any number) followed by a formula character.
    public static func braucht(_ text: String) -> Bool {
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

