import Foundation
import KimModel

extension Website {
    /// Text pages the law asks for; every project must have them.
    static let pflichttexte = ["impressum", "datenschutz", "barrierefreiheit", "leichte-sprache"]

    /// Every `templates/texte/NAME.md` except the start page's text becomes `NAME.html`.
    /// Its first line, `# Titel`, is the page title.
    func textseiten(_ diagnostics: inout [Diagnostic]) -> [Seite] {
        for name in Self.pflichttexte where projekt.vorlagen["texte/\(name)"] == nil {
            diagnostics.append(.error("templates/texte/\(name).md", nil, "die Seite fehlt; jede Website einer Behörde braucht sie",
                                      hint: "die Datei aus dem Referenzprojekt übernehmen und anpassen"))
        }
        let renderer = KapitelRenderer(vorlagen: vorlagen, markdownKontext: markdownKontext, basis: kontext, projekt: projekt, auswertung: auswertung)
        var seiten: [Seite] = []
        for (name, vorlage) in projekt.vorlagen.sorted(by: { $0.key < $1.key }) where name.hasPrefix("texte/") && name != "texte/start" {
            let slug = String(name.dropFirst("texte/".count))
            var zeilen = vorlage.text.split(separator: "\n", omittingEmptySubsequences: false)
            guard let erste = zeilen.first, erste.hasPrefix("# ") else {
                diagnostics.append(.error(vorlage.datei, SourceLocation(line: 1, column: 1), "die erste Zeile muss der Seitentitel sein",
                                          hint: "mit \"# Titel\" beginnen"))
                continue
            }
            let titel = String(erste.dropFirst(2)).trimmingCharacters(in: .whitespaces)
            // Keep the line count, so diagnostics from the body still point at the right line.
            zeilen[0] = ""
            let rumpf = Vorlage(name: vorlage.name, datei: vorlage.datei, text: zeilen.joined(separator: "\n"))
            let ergebnis = renderer.render(rumpf, ersteFussnote: 1, diagnostics: &diagnostics)
            let werte = mitKontext([
                "wurzel": "", "titel": titel, "inhalt": ergebnis.html,
                "inhaltsverzeichnis": ergebnis.inhalt.map { ["id": $0.id, "text": $0.text] as Kontext },
                "hatInhaltsverzeichnis": ergebnis.inhalt.count > 2, "inhaltsverzeichnisTitel": "Inhalt dieser Seite",
                "fussnoten": ergebnis.fussnoten, "hatFussnoten": !ergebnis.fussnoten.isEmpty,
                "leichteSprache": slug == "leichte-sprache",
            ])
            seiten.append(Seite(pfad: "\(slug).html", titel: titel, beschreibung: "\(titel) – \(projekt.kommune.bezeichnung), Kommunales Integrationsmanagement",
                                inhalt: vorlagen.render("seiten/text", werte) ?? "", bereich: slug, brotkrumen: [], quelle: vorlage.datei))
        }
        return seiten
    }
}
