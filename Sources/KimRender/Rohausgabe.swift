import KimModel

/// `{{{name}}}` and `{{& name}}` put a value into the page without escaping. kim's own templates do
/// that only for HTML that kim made itself (a chapter rendered by cmark, the footnotes, the page
/// inside the layout); a data value printed that way is markup, and a `<script>` in a data file
/// would run on the site. So a project template gets a warning at every raw tag, unless kim's
/// built-in template of the same file prints the same name raw at the same place in its sections:
/// a project that overrides `seiten/kapitel.html` keeps `{{{inhalt}}}` without a warning, a chapter
/// or a new partial that prints `{{{name}}}` of an Angebot is warned.
public enum Rohausgabe {
    /// `eigen` tells whether a template file is the project's own (not only kim's built-in one);
    /// `eingebaut` holds kim's built-in files by project-relative path.
    public static func pruefen(_ vorlagen: [String: Vorlage], eigen: (String) -> Bool, eingebaut: [String: [UInt8]]) -> [Diagnostic] {
        var befunde: [Diagnostic] = []
        for name in vorlagen.keys.sorted() {
            guard let vorlage = vorlagen[name], eigen(vorlage.datei), let tags = Platzhalterpruefung.tags(vorlage.text) else { continue }
            let sicher = eingebaut[vorlage.datei].flatMap { Platzhalterpruefung.tags(String(decoding: $0, as: UTF8.self)) }
                .map { Set(rohe($0).map(\.stelle)) } ?? []
            for (tag, stelle) in rohe(tags) where !sicher.contains(stelle) {
                let geschrieben = ausgeschrieben(tag, in: vorlage.text)
                befunde.append(.warning(vorlage.datei, tag.ort,
                                        "\(geschrieben) setzt »\(tag.name)« ungeschützt als HTML in die Seite: ein Wert mit <, > oder & aus den Daten wird zu Markup",
                                        hint: "{{\(tag.name)}} schreiben, dann maskiert kim den Wert; roh stehen darf nur HTML, das kim selbst erzeugt"))
            }
        }
        return befunde
    }

    /// The raw tags of a template, each with its place: the names of the sections around it and its own name.
    static func rohe(_ tags: [Platzhalterpruefung.Tag]) -> [(tag: Platzhalterpruefung.Tag, stelle: String)] {
        var abschnitte: [String] = []
        var ergebnis: [(tag: Platzhalterpruefung.Tag, stelle: String)] = []
        for tag in tags {
            switch tag.art {
            case .abschnitt: abschnitte.append("#" + tag.name)
            case .umgekehrt: abschnitte.append("^" + tag.name)
            case .ende: _ = abschnitte.popLast()
            case .variable where tag.roh: ergebnis.append((tag, (abschnitte + [tag.name]).joined(separator: "/")))
            default: break
            }
        }
        return ergebnis
    }

    /// The tag as the author wrote it, `{{{ name }}}` or `{{& name}}`, for the message.
    static func ausgeschrieben(_ tag: Platzhalterpruefung.Tag, in text: String) -> String {
        let zeilen = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard tag.ort.line - 1 < zeilen.count else { return "{{{\(tag.name)}}}" }
        let zeile = zeilen[tag.ort.line - 1].dropFirst(tag.ort.column - 1)
        if zeile.hasPrefix("{{{"), let ende = zeile.range(of: "}}}") { return String(zeile[..<ende.upperBound]) }
        if zeile.hasPrefix("{{&"), let ende = zeile.range(of: "}}") { return String(zeile[..<ende.upperBound]) }
        return "{{{\(tag.name)}}}"
    }
}
