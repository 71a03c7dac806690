import KimMustache

/// Escaping for each output context. Data are text, never markup.
public enum Escape {
    /// For a value placed into a Markdown template. Every ASCII punctuation character
    /// that CommonMark could read as syntax gets a backslash; `<`, `>`, `&`, `"` and `'`
    /// are left to the HTML escaping Mustache applies next, which CommonMark decodes as
    /// entities. Line breaks become spaces, so a value cannot start a new block.
    public static func markdown(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "{", "}", "[", "]", "(", ")", "#", "+", "-", ".", "!", "|", "~", ":", "=", "^", "$", "%", "@", "?", ";", "/", ",":
                escaped.append("\\")
                escaped.unicodeScalars.append(scalar)
            case "\n", "\r", "\t", "\u{0B}", "\u{0C}":
                escaped.append(" ")
            case "\u{00}":
                break
            default:
                escaped.unicodeScalars.append(scalar)
            }
        }
        // Outer spaces would be read as Markdown: four at the start of a line make a code
        // block, two at the end of one a hard line break. A browser does not show them anyway.
        var scalars = escaped.unicodeScalars[...]
        while scalars.first == " " { scalars.removeFirst() }
        while scalars.last == " " { scalars.removeLast() }
        return String(scalars)
    }

    /// For HTML text and attribute values written by Swift code: the same five entities the
    /// templates get (`HTMLEscaping`), and a NUL dropped, which no page should carry.
    public static func html(_ text: String) -> String {
        var escaped: [UInt8] = []
        escaped.reserveCapacity(text.utf8.count)
        let ohneNUL = text.utf8.contains(0) ? String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\u{00}" })) : text
        HTMLEscaping.append(ohneNUL, to: &escaped)
        return String(decoding: escaped, as: UTF8.self)
    }

    /// For XML (sitemap, feed): the same five entities as HTML.
    public static func xml(_ text: String) -> String { html(text) }

    /// A URL fragment or file name from a heading: lower case ASCII, words joined by "-".
    public static func slug(_ text: String) -> String {
        var slug = ""
        var pendingDash = false
        for character in text.lowercased() {
            let replacement: String
            switch character {
            case "ä": replacement = "ae"
            case "ö": replacement = "oe"
            case "ü": replacement = "ue"
            case "ß": replacement = "ss"
            case "a"..."z", "0"..."9": replacement = String(character)
            default:
                pendingDash = !slug.isEmpty
                continue
            }
            if pendingDash { slug += "-" }
            pendingDash = false
            slug += replacement
        }
        return slug.isEmpty ? "abschnitt" : slug
    }
}
