/// Page references copied from the original ("Aufgabenschwerpunkt D, S. 14-16", "Vgl. S. 17",
/// "Vgl. Pkt. 2") name pages and points of a layout kim does not make. Live references are links
/// ("Kapitel 4" → its page via `target-counter`); these are found in the rendered text, outside
/// links, so `kim check` reports them before they are printed stale.
enum Seitenverweise {
    static func veraltet(_ html: String) -> [String] {
        // Only text outside tags and outside links: a cross-reference kim makes is a link.
        let ohneLinks = html.replacing(/<a\b[^>]*>.*?<\/a>/, with: " ").replacing(/<[^>]+>/, with: " ")
        let muster = /(?:\b(?:Vgl\.|vgl\.|siehe)\s+(?:S\.|Pkt\.|Seite|Punkt)\s*\d+(?:\s*[-–]\s*\d+)?)|(?:\b(?:Aufgabenschwerpunkt|Abschnitt|Kapitel|Anlage)\s+[A-Z0-9]{1,2},\s*S\.\s*\d+(?:\s*[-–]\s*\d+)?)/
        return ohneLinks.matches(of: muster).map { String($0.output).split(whereSeparator: \.isWhitespace).joined(separator: " ") }
    }
}
