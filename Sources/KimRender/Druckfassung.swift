import KimDerive
import KimMarkdown
import KimModel

/// The Handlungskonzept as one HTML document for WeasyPrint: title page, table of
/// contents with page numbers, chapters with footnotes at the foot of their page,
/// Anlage 1 and 2, sources. Made from the same chapter templates and data as the site.
public enum Druckfassung {
    /// nil when the Fassung does not exist; template problems go into the diagnostics.
    public static func html(_ projekt: Projekt, _ auswertung: Auswertung, fassung nummer: Int) -> (String?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let vorlagen = Vorlagen(projekt.vorlagen)
        let website = Website(projekt: projekt, auswertung: auswertung, optionen: Website.Optionen(), vorlagen: vorlagen)
        guard let damals = website.fuerFassung(nummer) else { return (nil, diagnostics) }
        let fassung = damals.auswertung.aktuelleFassung
        // "druck" lets a template leave out what only the site can do (links to click, boxes that lead somewhere).
        let renderer = KapitelRenderer(vorlagen: vorlagen, markdownKontext: damals.markdownKontext, basis: damals.kontext.merging(["druck": true]) { $1 },
                                       projekt: damals.projekt, auswertung: damals.auswertung)
        var kapitel: [Kontext] = []
        var naechsteFussnote = 1
        for eintrag in fassung.kapitel {
            guard let vorlage = projekt.vorlagen[eintrag.vorlage] else { continue }
            let ergebnis = renderer.render(vorlage, ersteFussnote: naechsteFussnote, diagnostics: &diagnostics)
            naechsteFussnote = ergebnis.naechsteFussnote
            let mitFussnoten = fussnotenAnOrt(ergebnis.html, noten: ergebnis.fussnoten, kapitel: eintrag.nummer)
            diagnostics += Seitenverweise.veraltet(mitFussnoten).map { verweis in
                .warning(vorlage.datei, nil, "der Seitenverweis „\(verweis)“ stammt aus dem Original und nennt keine Seite, die kim setzt",
                         hint: "auf „Kapitel N“ oder „Anlage N“ verweisen (kim setzt die Seite selbst) oder das Dokument nennen, dessen Seite gemeint ist")
            }
            kapitel.append(["id": "kapitel-\(eintrag.nummer)", "nummer": String(eintrag.nummer), "titel": eintrag.titel,
                            "inhalt": Querverweise.verlinken(mitFussnoten,
                                                             ziel: Querverweise.imDruck(fassung))])
        }
        let plan = damals.auswertung.meilensteine
        let angebote = damals.projekt.angebote
        let werte = damals.mitKontext([
            "kapitel": kapitel,
            "angebote": angebote.angebote.sorted { ($0.kategorie ?? "~", $0.name) < ($1.kategorie ?? "~", $1.name) }.map { angebot -> Kontext in
                ["name": angebot.name,
                 "traeger": damals.verzeichnis.traegerName(angebot),
                 "kategorie": damals.verzeichnis.kategorieName(angebot) ?? "ohne eindeutige Kategorie",
                 "zielgruppen": damals.verzeichnis.zielgruppenNamen(angebot).joined(separator: ", "),
                 "rechtskreis": angebot.rechtskreis.joined(separator: ", ")]
            },
            "angeboteHinweis": angebote.hinweis,
            "meilensteine": plan.eintraege.map { eintrag -> Kontext in
                let m = eintrag.meilenstein
                return ["titel": m.titel, "baustein": String(m.baustein), "zeitraum": "\(Format.datum(m.beginn)) – \(Format.datum(m.ende))",
                        "verantwortlich": m.verantwortlich, "status": eintrag.status.bezeichnung,
                        "erledigtAm": m.erledigtAm.map { Format.datum($0) } ?? Leer()]
            },
            "meilensteineBeispiel": damals.projekt.meilensteinplan.beispieldaten ?? false,
            "beispielhinweis": beispielhinweis(damals.projekt),
            "stichtag": Format.datum(plan.stichtag),
            "druck": true,
            "impressum": impressum(damals.projekt, fassung),
            "metadatum": fassung.datum.iso,
        ])
        let html = vorlagen.render("druck/handlungskonzept", werte)
        if html == nil {
            diagnostics.append(.error("templates/druck/handlungskonzept.html", nil, "die Vorlage fehlt", hint: "aus dem Referenzprojekt übernehmen"))
        }
        if let html {
            diagnostics += Druckverweise.pruefen(html: html, basis: "", projekt: projekt, vorlage: "templates/druck/handlungskonzept.html")
        }
        return (html, (diagnostics + vorlagen.befunde).sorted())
    }

    /// The Impressum page: publisher, contact, web address and date from the data, the logo when the
    /// project has one (`assets/logo.svg` or `assets/logo.png`), and the adoption of this Fassung.
    static func impressum(_ projekt: Projekt, _ fassung: Fassung) -> Kontext {
        let logo = ["assets/logo.svg", "assets/logo.png"].first { projekt.assets[$0] != nil }
        return ["logo": logo ?? Leer(),
                "webadresse": projekt.kommune.basisUrl,
                "datum": Format.datum(fassung.datum),
                "beschluss": ["gremium": fassung.beschlossenVon, "datum": Format.datum(fassung.datum),
                              "beispieldaten": projekt.handlungskonzept.beispieldaten == true] as Kontext]
    }

    /// What the title page says about example data in this document, nil when there is none:
    /// an adopted Konzept must not print invented dates as if they were facts.
    static func beispielhinweis(_ projekt: Projekt) -> Any {
        var teile: [String] = []
        if projekt.handlungskonzept.beispieldaten == true { teile.append("Nummer und Datum der Fassung") }
        if projekt.meilensteinplan.beispieldaten == true { teile.append("der Meilensteinplan in Anlage 2") }
        guard !teile.isEmpty else { return Leer() }
        return teile.joined(separator: " sowie ") + " sind zur Veranschaulichung gesetzt."
    }

    /// Moves each footnote's text to where its mark stands; the print stylesheet floats it to the page foot.
    static func fussnotenAnOrt(_ html: String, noten: [Kontext], kapitel: Int) -> String {
        var html = html
        for note in noten {
            guard let key = note["key"] as? String, let nummer = note["nummer"] as? String, let text = note["html"] as? String else { continue }
            let marke = "<sup class=\"fussnote-marke\"><a id=\"fnref-\(key)\" href=\"#fn-\(key)\" role=\"doc-noteref\" aria-label=\"Fußnote \(nummer)\">\(nummer)</a></sup>"
            html = html.replacingOccurrences(of: marke, with: "<span class=\"fussnote\">\(text)</span>")
        }
        // Ids must stay unique across the chapters of one document.
        html = html.replacingOccurrences(of: " id=\"", with: " id=\"k\(kapitel)-").replacingOccurrences(of: " href=\"#", with: " href=\"#k\(kapitel)-")
        return html.replacing(/aria-labelledby="([^"]*)"/) { treffer in
            "aria-labelledby=\"" + treffer.1.split(separator: " ").map { "k\(kapitel)-\($0)" }.joined(separator: " ") + "\""
        }
    }
}
