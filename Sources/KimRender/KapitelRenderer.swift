import KimDerive
import KimMarkdown
import KimModel

/// Renders one chapter template: footnotes out, Mustache, figures in, cmark, anchors, footnotes back.
struct KapitelRenderer {
    let vorlagen: Vorlagen
    let markdownKontext: Any
    /// The project's values for HTML partials, under each figure's own values.
    let basis: Kontext
    let projekt: Projekt
    let auswertung: Auswertung
    /// The way from the page to the site root, for links out of figures (the structure chart's boxes);
    /// nil outside the site (the PDF), where they point at the published site.
    var wurzel: String? = nil

    struct Ergebnis {
        var html: String
        /// The chapter as Markdown after Mustache, for comparing Fassungen.
        var markdown: String = ""
        var inhalt: [Ueberschriften.Eintrag]
        var fussnoten: [Kontext]
        var naechsteFussnote: Int
    }

    func render(_ vorlage: Vorlage, ersteFussnote: Int, diagnostics: inout [Diagnostic]) -> Ergebnis {
        let fussnoten = Fussnoten(template: vorlage.text, ersteNummer: ersteFussnote)
        for fehlend in fussnoten.unbekannt {
            diagnostics.append(.error(vorlage.datei, SourceLocation(line: fehlend.zeile, column: 1),
                                      "Fußnote [^\(fehlend.key)] hat keine Definition",
                                      hint: "am Ende der Datei eine Zeile \"[^\(fehlend.key)]: Text\" ergänzen"))
        }
        guard let markdown = vorlagen.render(text: fussnoten.text, aus: vorlage, schluessel: vorlage.name, markdownKontext) else {
            return Ergebnis(html: "", inhalt: [], fussnoten: [], naechsteFussnote: ersteFussnote)
        }
        var html = ""
        var absatz: [Substring] = []
        var absatzbeginn = 0
        func abschliessen() {
            if !absatz.isEmpty {
                let text = absatz.joined(separator: "\n")
                for stelle in Markdown.zuTiefVerschachtelt(text) {
                    // The line in the rendered chapter; where placeholders add no lines, the template's own.
                    diagnostics.append(.error(vorlage.datei, SourceLocation(line: absatzbeginn + stelle.zeile, column: stelle.spalte),
                                              "Zitate und Listen sind tiefer als \(Markdown.maximaleVerschachtelung) Ebenen verschachtelt; so tief kann der Druck nicht setzen",
                                              hint: "die Verschachtelung auflösen, z. B. in Absätze oder eine flache Liste"))
                }
                html += Markdown.html(text)
            }
            absatz = []
        }
        for (nummer, zeile) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if absatz.isEmpty { absatzbeginn = nummer }
            if let einschub = Einschub(zeile) {
                abschliessen()
                html += figur(einschub, vorlage: vorlage, diagnostics: &diagnostics)
            } else {
                absatz.append(zeile)
            }
        }
        abschliessen()
        var ueberschriften = Ueberschriften(vergeben: ["inhalt", "fussnoten-titel", "iv-titel"])
        html = fussnoten.verlinken(ueberschriften.verankern(html))
        let noten: [Kontext] = fussnoten.definitionen.map { definition in
            let text = vorlagen.render(text: definition.text, aus: vorlage, schluessel: "\(vorlage.name)#\(definition.key)",
                                       zeilenversatz: definition.zeile - 1, markdownKontext) ?? ""
            return ["key": definition.key, "nummer": String(definition.nummer), "html": Markdown.inlineHTML(text)]
        }
        return Ergebnis(html: html, markdown: markdown, inhalt: ueberschriften.inhalt, fussnoten: noten,
                        naechsteFussnote: ersteFussnote + fussnoten.definitionen.count)
    }

    /// `::: abbildung gesamt` or `::: strukturbild` alone on a line.
    struct Einschub {
        var art: String
        var argument: String?

        init?(_ zeile: Substring) {
            guard zeile.hasPrefix("::: ") else { return nil }
            let teile = zeile.dropFirst(4).split(separator: " ", omittingEmptySubsequences: true)
            guard let art = teile.first, teile.count <= 2 else { return nil }
            self.art = String(art)
            self.argument = teile.count == 2 ? String(teile[1]) : nil
        }
    }

    private func figur(_ einschub: Einschub, vorlage: Vorlage, diagnostics: inout [Diagnostic]) -> String {
        let zeile = vorlage.text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { line in line.hasPrefix("::: \(einschub.art)") && (einschub.argument.map { line.hasSuffix(" \($0)") } ?? true) }
        let ort = zeile.map { SourceLocation(line: $0 + 1, column: 1) }
        switch (einschub.art, einschub.argument) {
        case ("abbildung", let id?):
            guard let tabelle = auswertung.tabelle(id) else {
                let bekannt = auswertung.bevoelkerung.map(\.tabelle.id).joined(separator: ", ")
                diagnostics.append(.error(vorlage.datei, ort, "Abbildung \"\(id)\" gibt es nicht", hint: "bekannt sind: \(bekannt)"))
                return ""
            }
            return vorlagen.render("partials/abbildung", basis.merging(Abbildungen.tabelle(tabelle, abbildungen: auswertung.abbildungen,
                                                                                          sozialraumnummern: projekt.kommune.sozialraumnummernZeigen ?? true,
                                                                                          raumwort: (projekt.kommune.sozialraumbegriff ?? .sozialraum).einzahl,
                                                                                          vergleichbar: auswertung.bevoelkerung)) { $1 }) ?? ""
        case ("strukturbild", nil):
            return vorlagen.render("partials/strukturbild", basis.merging(Abbildungen.strukturbild(projekt.gremien.gremien, nummer: auswertung.abbildungen.strukturbild,
                                                                                                 verweise: wurzel ?? projekt.kommune.basisUrl)) { $1 }) ?? ""
        default:
            diagnostics.append(.error(vorlage.datei, ort, "unbekannter Einschub \"::: \(einschub.art)\(einschub.argument.map { " " + $0 } ?? "")\"",
                                      hint: "möglich sind \"::: abbildung ID\" und \"::: strukturbild\""))
            return ""
        }
    }
}

/// Rendered chapters by Fassung, template and first footnote number, for one build.
final class KapitelSpeicher {
    var ergebnisse: [String: KapitelRenderer.Ergebnis] = [:]
}
