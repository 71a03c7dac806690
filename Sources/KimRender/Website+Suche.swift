import KimModel

extension Website {
    /// Groups of the plain page list, in the order of the main navigation; pages of other areas last.
    static let suchGruppen: [(bereich: String, titel: String)] = [
        ("start", "Start"), ("aktuelles", "Aktuelles"), ("handlungskonzept", "Handlungskonzept"), ("zahlen", "Zahlen"),
        ("angebote", "Angebote (Anlage 1)"), ("meilensteine", "Meilensteine (Anlage 2)"), ("gremien", "Gremien"),
        ("quellen", "Quellen"), ("sprachen", "In anderen Sprachen"), ("texte", "Weitere Seiten"),
    ]

    /// The kinds a search can be narrowed to (Pagefind filter "art"), in the order the search page offers them.
    public static let suchArten = ["Kapitel", "Sitzung", "Beschluss", "Angebot"]

    /// The kind of a page for the search filter, from where it lies; nil for pages of no kind.
    static func suchart(_ pfad: String) -> String? {
        if pfad.hasPrefix("handlungskonzept/"), pfad != "handlungskonzept/index.html" { return "Kapitel" }
        if pfad.hasPrefix("sitzungen/") { return "Sitzung" }
        if pfad == "beschluesse.html" || pfad.hasPrefix("beschluesse/") { return "Beschluss" }
        if pfad.hasPrefix("anlage-1/") { return "Angebot" }
        return nil
    }

    /// The search page of a translated language (sprachen/CODE-suche.html): its html lang makes Pagefind search
    /// the index of that language; without a script it lists the language's own pages and leads to the German search.
    func suchseite(_ sprache: Zusammenfassung) -> Seite {
        let werte = mitKontext(["wurzel": "../", "gruppen": [Kontext](), "fremd": true, "arten": [Kontext](),
                                "ui": oberflaechenKontext[sprache.code] ?? [:],
                                "eigene": [["titel": sprache.titel, "href": "\(sprache.code).html"] as Kontext]])
        return Seite(pfad: Navigation.suchpfad(sprache.code), titel: sprache.oberflaeche.suche.titel,
                     beschreibung: "\(sprache.oberflaeche.suche.titel) – \(sprache.titel)",
                     inhalt: vorlagen.render("seiten/suche", werte) ?? "", bereich: "suche", brotkrumen: [(sprache.titel, "sprachen/\(sprache.code).html")],
                     suchbar: false, sprache: sprache.code, rechtsNachLinks: sprache.richtung == .rtl, skript: "assets/suche.js")
    }

    /// A space after each closing cell, term, description and list item that runs straight into the next tag:
    /// the browser shows them apart anyway, but a text extractor (the search index's snippets) would run
    /// "Träger" and "Stadtverwaltung" together into one word.
    ///
    /// One pass over the bytes: every page goes through it, and Foundation's `contains` on each page took
    /// a seventh of a changed build (BENCHMARKS.md). As with replacing each "</td><" by "</td> <", an end
    /// tag whose "<" already ended a match of the same tag ("</li></li><") gets no space.
    static func zellenGetrennt(_ html: String) -> String {
        let bytes = Array(html.utf8)
        let enden: [[UInt8]] = ["td", "th", "dt", "dd", "li"].map { Array($0.utf8) }
        var verbraucht = [Int](repeating: -1, count: enden.count)
        var leerzeichenVor: [Int] = []
        var i = 4
        while i + 1 < bytes.count {
            defer { i += 1 }
            guard bytes[i] == UInt8(ascii: ">"), bytes[i + 1] == UInt8(ascii: "<"), bytes[i - 4] == UInt8(ascii: "<"), bytes[i - 3] == UInt8(ascii: "/"),
                  let ende = enden.firstIndex(where: { $0[0] == bytes[i - 2] && $0[1] == bytes[i - 1] }), verbraucht[ende] != i - 4 else { continue }
            verbraucht[ende] = i + 1
            leerzeichenVor.append(i + 1)
        }
        guard !leerzeichenVor.isEmpty else { return html }
        var ergebnis: [UInt8] = []
        ergebnis.reserveCapacity(bytes.count + leerzeichenVor.count)
        var von = 0
        for stelle in leerzeichenVor {
            ergebnis += bytes[von..<stelle]
            ergebnis.append(UInt8(ascii: " "))
            von = stelle
        }
        ergebnis += bytes[von...]
        return String(decoding: ergebnis, as: UTF8.self)
    }

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
                     inhalt: vorlagen.render("seiten/suche", mitKontext(["wurzel": "", "gruppen": gruppen, "fremd": false, "eigene": [Kontext](), "ui": Spiegel.kontext(Oberflaeche.deutsch) ?? [:],
                                                                    "arten": Self.suchArten.map { ["wert": $0, "name": $0] as Kontext }])) ?? "",
                     bereich: "suche", brotkrumen: [], suchbar: false, skript: "assets/suche.js")
    }
}
