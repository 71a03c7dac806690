import KimModel

extension Website {
    /// Groups of the plain page list, in the order of the main navigation; pages of other areas last.
    static let suchGruppen: [(bereich: String, titel: String)] = [
        ("start", "Start"), ("aktuelles", "Aktuelles"), ("handlungskonzept", "Handlungskonzept"), ("zahlen", "Zahlen"),
        ("angebote", "Angebote (Anlage 1)"), ("meilensteine", "Meilensteine (Anlage 2)"), ("gremien", "Gremien"),
        ("quellen", "Quellen"), ("sprachen", "In anderen Sprachen"), ("texte", "Weitere Seiten"),
    ]

    /// Folders of the site made after kim from the finished pages (the search index, see
    /// scripts/search-index.sh): kim keeps them while the pages stay the same and removes them
    /// with the previous pages when they change, so no index ever describes other pages.
    public static let nachgelagerteOrdner: Set<String> = ["pagefind"]

    /// The search page: a full-text search (Pagefind, built by `make site` into pagefind/) for those whose
    /// browser runs it, and for everyone a plain list of the site's pages. Copies, earlier Fassungen and
    /// single Niederschriften stay out of the list (the Gremien pages and the Beschlussregister lead to them).
    func suchseite(_ seiten: [Seite]) -> Seite {
        let gelistet = seiten.filter { $0.suchbar && !$0.pfad.hasPrefix("sitzungen/") && !$0.pfad.hasPrefix("beschluesse/") }
        let bekannt = Set(Self.suchGruppen.map(\.bereich))
        let gruppen: [Kontext] = Self.suchGruppen.compactMap { gruppe in
            let eigene = gelistet.filter { $0.bereich == gruppe.bereich || (gruppe.bereich == "texte" && !bekannt.contains($0.bereich)) }
            guard !eigene.isEmpty else { return nil }
            return ["titel": gruppe.titel, "id": "seiten-\(gruppe.bereich)",
                    "seiten": eigene.map { ["titel": $0.titel, "href": $0.pfad, "sprache": $0.sprache == "de" ? Leer() : $0.sprache] as Kontext }]
        }
        return Seite(pfad: "suche.html", titel: "Suche",
                     beschreibung: "Volltextsuche über alle Seiten des Kommunalen Integrationsmanagements \(projekt.kommune.name) und eine Liste aller Seiten.",
                     inhalt: vorlagen.render("seiten/suche", mitKontext(["wurzel": "", "gruppen": gruppen])) ?? "",
                     bereich: "suche", brotkrumen: [], suchbar: false, skript: "assets/suche.js")
    }
}
