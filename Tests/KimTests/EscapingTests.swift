import KimMarkdown
import KimRender
import Testing

@Suite("Daten sind Text, nie Markup")
struct EscapingTests {
    static let feindlich = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "*fett* und _kursiv_",
        "[x](javascript:alert(1))",
        "Müller & Söhne <GmbH>",
        "1. keine Liste",
        "# keine Überschrift",
        "`code` \\ | ~ ~~durch~~",
        "::: abbildung gesamt",
        "[^3]",
        "\"Anführung\" 'einfach'",
        "Zeile\n\n# neu",
    ]

    @Test("ein feindlicher Wert in einem Markdown-Platzhalter", arguments: feindlich)
    func wertBleibtText(_ wert: String) throws {
        var dateien = try Fixtures.referenzDateien()
        try dateien.ersetzen(in: "data/kommune.json", #""name": "Osterfeld""#, durch: #""name": \#(jsonString(wert))"#)
        let (ausgabe, diagnostics) = Fixtures.pruefen(dateien)
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.formatted))")
        let kapitel = Fixtures.text(ausgabe?["handlungskonzept/2-ausgangslage.html"])
        let alsText = wert.replacingOccurrences(of: "\n", with: " ")
        let erwartet = Escape.html(alsText).replacingOccurrences(of: "'", with: "&#39;")
        // cmark writes ' and " back as plain characters or &quot;; compare what a browser shows.
        let sichtbar = Self.sichtbarerText(kapitel)
        #expect(sichtbar.contains("In \(alsText) leben zahlenmäßig die meisten"), "erwartet als Text: \(erwartet)")
        #expect(!kapitel.contains("<script"))
        #expect(!kapitel.contains("<img"))
        #expect(!kapitel.contains("href=\"javascript:"))
        #expect(!kapitel.contains("<em>fett"))
        #expect(kapitel.components(separatedBy: "<h1").count == 2)
        #expect(!kapitel.contains("<li>keine"))
    }

    @Test func markdownEscapingSchuetztBloecke() {
        #expect(Markdown.html(Escape.markdown("1. keine Liste")) == "<p>1. keine Liste</p>\n")
        #expect(Markdown.html(Escape.markdown("# keine Überschrift")) == "<p># keine Überschrift</p>\n")
        #expect(Markdown.html(Escape.markdown("- kein Punkt")) == "<p>- kein Punkt</p>\n")
        #expect(Markdown.html(Escape.markdown("*a* _b_")) == "<p>*a* _b_</p>\n")
    }

    @Test func cmarkImSicherenModus() {
        #expect(!Markdown.html("<script>alert(1)</script>").contains("<script"))
        #expect(!Markdown.html("[x](javascript:alert(1))").contains("javascript:"))
        #expect(!Markdown.html("<a href=\"x\" onclick=\"y\">z</a>").contains("onclick"))
    }

    @Test func htmlEscaping() {
        #expect(Escape.html("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    }

    /// What a browser would show: tags removed, the few entities kim and cmark write decoded.
    static func sichtbarerText(_ html: String) -> String {
        var text = ""
        var imTag = false
        for zeichen in html {
            if zeichen == "<" { imTag = true } else if zeichen == ">" { imTag = false } else if !imTag { text.append(zeichen) }
        }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

func jsonString(_ text: String) -> String {
    var escaped = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": escaped += "\\\""
        case "\\": escaped += "\\\\"
        case "\n": escaped += "\\n"
        default: escaped.unicodeScalars.append(scalar)
        }
    }
    return escaped + "\""
}
