import KimDerive
import KimModel

extension Website {
    /// How many entries the Atom feed keeps, the newest first.
    static let feedEintraege = 100

    /// `sitemap.xml` with every page, and an Atom feed with the newest entries, one per Fassung and per Sitzung.
    func feeds(_ seiten: [Seite]) -> [String: String] {
        let basis = projekt.kommune.basisUrl
        var sitemap = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for seite in seiten.sorted(by: { $0.pfad < $1.pfad }) {
            sitemap += "  <url><loc>\(Escape.xml(basis + seite.pfad))</loc></url>\n"
        }
        sitemap += "</urlset>\n"

        struct Eintrag { var id: String; var titel: String; var datum: Datum; var pfad: String; var text: String }
        var eintraege: [Eintrag] = projekt.handlungskonzept.fassungen.map {
            Eintrag(id: "fassung-\($0.nummer)", titel: "Handlungskonzept: Fassung \($0.nummer) vom \(Format.datum($0.datum))",
                    datum: $0.datum, pfad: "fassung/\($0.nummer)/index.html", text: $0.zusammenfassung)
        }
        eintraege += projekt.sitzungen.map {
            Eintrag(id: "sitzung-\($0.id)", titel: "Niederschrift: \($0.nummer). Sitzung \(gremiumName($0.gremium)) am \(Format.datum($0.datum))",
                    datum: $0.datum, pfad: "sitzungen/\($0.id).html",
                    text: $0.tagesordnung.map { "TOP \($0.nummer): \($0.titel)" }.joined(separator: "; "))
        }
        eintraege.sort { ($0.datum, $0.id) > ($1.datum, $1.id) }
        // A feed reader wants what is new; a state-wide project would otherwise put 19 000 Sitzungen in it.
        eintraege = Array(eintraege.prefix(Self.feedEintraege))
        let aktualisiert = eintraege.map(\.datum).max() ?? auswertung.aktuelleFassung.datum
        func zeit(_ datum: Datum) -> String { "\(datum.iso)T00:00:00Z" }
        var feed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
          <title>\(Escape.xml("Kommunales Integrationsmanagement \(Ortsformen(projekt.kommune).kurzform)"))</title>
          <subtitle>\(Escape.xml("Fassungen des Handlungskonzepts und Niederschriften der Gremien"))</subtitle>
          <id>\(Escape.xml(basis + "feed.xml"))</id>
          <link rel="self" href="\(Escape.xml(basis + "feed.xml"))"/>
          <link rel="alternate" type="text/html" href="\(Escape.xml(basis))"/>
          <updated>\(zeit(aktualisiert))</updated>
          <author><name>\(Escape.xml("\(projekt.kommune.bezeichnung) – \(projekt.kommune.ki.name)"))</name></author>

        """
        for eintrag in eintraege {
            feed += """
              <entry>
                <id>\(Escape.xml(basis + eintrag.pfad))</id>
                <title>\(Escape.xml(eintrag.titel))</title>
                <link rel="alternate" type="text/html" href="\(Escape.xml(basis + eintrag.pfad))"/>
                <updated>\(zeit(eintrag.datum))</updated>
                <summary>\(Escape.xml(eintrag.text))</summary>
              </entry>

            """
        }
        feed += "</feed>\n"
        return ["sitemap.xml": sitemap, "feed.xml": feed]
    }
}
