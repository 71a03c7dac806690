import KimDerive
import KimModel

extension Website {
    /// "Begriffe erklärt": the glossary from `data/glossar.json`, each term with an anchor the pages link to.
    func glossarseite() -> Seite {
        let begriffe: [Kontext] = projekt.glossar.map {
            ["id": "begriff-\($0.id)", "begriff": $0.begriff, "erklaerung": $0.erklaerung]
        }
        return Seite(pfad: "glossar.html", titel: "Begriffe erklärt",
                     beschreibung: "Begriffe aus dem Handlungskonzept des Kommunalen Integrationsmanagements \(projekt.kommune.name), in einfacher Sprache erklärt.",
                     inhalt: vorlagen.render("seiten/glossar", mitKontext(["wurzel": "", "begriffe": begriffe])) ?? "",
                     bereich: "glossar", brotkrumen: [])
    }
}
