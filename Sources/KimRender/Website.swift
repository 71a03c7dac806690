import KimDerive
import KimMarkdown
import KimModel

/// The render stage: turns a checked project and its derived values into the files of the site.
public struct Website {
    public struct Optionen: Sendable {
        /// Marks every page "Intern – nicht zur Veröffentlichung".
        public var intern: Bool
        /// Ids of the Sitzungen whose page the output folder already holds as this build would lay it
        /// out (a changed project whose change leaves them alone): their pages are not rendered again.
        public var vorhandeneSitzungsseiten: Set<String>
        /// The groups of pages (see `Seitengruppe`) the output folder already holds, when the change leaves
        /// everything they are made from alone: kept, not rendered again.
        public var vorhandeneGruppen: [Seitengruppe: Seitengruppenvermerk]

        public init(intern: Bool = false, vorhandeneSitzungsseiten: Set<String> = [], vorhandeneGruppen: [Seitengruppe: Seitengruppenvermerk] = [:]) {
            self.intern = intern
            self.vorhandeneSitzungsseiten = vorhandeneSitzungsseiten
            self.vorhandeneGruppen = vorhandeneGruppen
        }
    }

    let projekt: Projekt
    let auswertung: Auswertung
    let optionen: Optionen
    let vorlagen: Vorlagen
    /// The project's values for `*.html` templates (Mustache escapes them for HTML).
    let kontext: Kontext
    /// The same values escaped for Markdown, for `*.md` templates.
    let markdownKontext: Any
    let verzeichnis: Verzeichnis
    let begriffe: Begriffsverweise
    let beschluesseNeuesteZuerst: [Gremienarbeit.BeschlussEintrag]
    /// The words around a page (`ui` in the layout, the language and search pages) per language code (codes
    /// are unique, `kim check` says so), reflected once, not once per page.
    let oberflaechenKontext: [String: Any]

    /// Chapters already rendered in this build, shared with the Websites of earlier Fassungen.
    let kapitelSpeicher: KapitelSpeicher

    init(projekt: Projekt, auswertung: Auswertung, optionen: Optionen, vorlagen: Vorlagen, kapitelSpeicher: KapitelSpeicher = KapitelSpeicher()) {
        self.kapitelSpeicher = kapitelSpeicher
        self.projekt = projekt
        self.auswertung = auswertung
        self.optionen = optionen
        self.vorlagen = vorlagen
        kontext = KontextBuilder.projekt(projekt, auswertung)
        markdownKontext = KontextBuilder.fuerMarkdown(kontext)
        verzeichnis = Verzeichnis(projekt, auswertung)
        begriffe = Begriffsverweise(projekt.glossar)
        beschluesseNeuesteZuerst = Self.neuesteZuerst(auswertung.gremienarbeit.beschluesse)
        var oberflaechen: [String: Any] = [:]
        for code in Set(projekt.sprachen.map(\.code) + ["de"]) {
            oberflaechen[code] = Spiegel.kontext(Self.oberflaeche(code, projekt)) ?? [:]
        }
        oberflaechenKontext = oberflaechen
    }

    /// `handlungskonzept` carries those pages over from the previous rendering of the same project (`kim serve`;
    /// see Gedaechtnis). Returns the Website too, which renders single pages of the same state later.
    public static func render(_ projekt: Projekt, _ auswertung: Auswertung, optionen: Optionen = Optionen(),
                              handlungskonzept: Merkliste<Bool, Handlungskonzeptseiten>? = nil) -> (Ausgabe, [Diagnostic], Website) {
        var diagnostics: [Diagnostic] = []
        let vorlagen = Vorlagen(projekt.vorlagen)
        let website = Website(projekt: projekt, auswertung: auswertung, optionen: optionen, vorlagen: vorlagen)
        for name in Self.benoetigteVorlagen where projekt.vorlagen[name] == nil {
            diagnostics.append(.error("templates/\(name).html", nil, "die Vorlage fehlt", hint: "eine Datei templates/\(name).html anlegen"))
        }
        guard !diagnostics.hasErrors, !vorlagen.befunde.hasErrors else { return (Ausgabe(), (diagnostics + vorlagen.befunde).sorted(), website) }
        var ausgabe = Ausgabe()
        let datensaetze = website.datenangebot()
        // The open data files and OParl are made from the data, not from templates, so they are
        // made while the pages are rendered: nothing is shared but read-only values.
        let (seitenteil, datendateien) = Parallel.zugleich({
            website.seiten(datensaetze, handlungskonzept: handlungskonzept)
        }, {
            (tabellen: website.offeneDatenDateien(datensaetze), oparl: optionen.intern ? [:] : OParlExport(projekt).dateien())
        })
        let (seiten, zusatzdateien) = (seitenteil.seiten, seitenteil.dateien)
        ausgabe.gruppen = seitenteil.gruppen
        ausgabe.behalten.formUnion(seitenteil.behalten)
        diagnostics += seitenteil.diagnostics
        guard !diagnostics.hasErrors else { return (Ausgabe(), (diagnostics + vorlagen.befunde).sorted(), website) }
        for (seite, html) in zip(seiten, seitenteil.html) {
            if let html { ausgabe.schreiben(seite.pfad, html) } else { ausgabe.behalten.insert(seite.pfad) }
        }
        let dateien = zusatzdateien
            .merging(website.feeds(seiten), uniquingKeysWith: { erstes, _ in erstes })
            .merging(datendateien.tabellen, uniquingKeysWith: { erstes, _ in erstes })
        for (pfad, text) in dateien {
            ausgabe.schreiben(pfad, text)
        }
        for (pfad, inhalt) in datendateien.oparl { ausgabe.dateien[pfad] = inhalt }
        for (pfad, inhalt) in Self.assetsDerWebsite(projekt) {
            ausgabe.dateien[pfad] = inhalt
        }
        return (ausgabe, (diagnostics + vorlagen.befunde).sorted(), website)
    }

    /// Every page of the site, laid out unless a finding stops the build, with the files that
    /// come with the Anlagen.
    private struct Seitenteil {
        var seiten: [Seite]
        /// Each page laid out, nil for a page the output folder keeps.
        var html: [String?]
        var dateien: [String: String]
        /// Files other than pages the output folder keeps.
        var behalten: [String]
        var diagnostics: [Diagnostic]
        var gruppen: [Seitengruppe: Seitengruppenvermerk]
    }

    private func seiten(_ datensaetze: [Datensatz], handlungskonzept gedaechtnis: Merkliste<Bool, Handlungskonzeptseiten>?) -> Seitenteil {
        var diagnostics: [Diagnostic] = []
        var seiten: [Seite] = []
        var gruppen: [Gruppenteil] = []
        func hinzu(_ gruppe: Gruppenteil) {
            seiten += gruppe.seiten
            gruppen.append(gruppe)
        }
        seiten.append(startseite(&diagnostics))
        hinzu(handlungskonzept(gedaechtnis: gedaechtnis, &diagnostics))
        hinzu(seitengruppe(.zahlen, &diagnostics) { _ in ([zahlen()], [:]) })
        seiten.append(gremien(&diagnostics))
        hinzu(seitengruppe(.quellen, &diagnostics) { _ in ([quellen()], [:]) })
        hinzu(seitengruppe(.textseiten, &diagnostics) { (textseiten(&$0), [:]) })
        seiten += sitzungsseiten()
        hinzu(seitengruppe(.angebote, &diagnostics) { _ in angebote() })
        let meilensteine = meilensteine()
        seiten += meilensteine.seiten
        seiten.append(offeneDaten(datensaetze))
        if !projekt.glossar.isEmpty { hinzu(seitengruppe(.glossar, &diagnostics) { _ in ([glossarseite()], [:]) }) }
        seiten += sprachseiten()
        seiten.append(suchseite(seiten))
        diagnostics += Ausgabepfade.doppelte(seiten)
        var dateien: [String: String] = [:]
        for gruppe in gruppen { dateien.merge(gruppe.dateien, uniquingKeysWith: { erstes, _ in erstes }) }
        dateien.merge(meilensteine.dateien, uniquingKeysWith: { erstes, _ in erstes })
        let html = diagnostics.hasErrors ? [] : Parallel.map(seiten) { $0.vorhanden ? nil : layout($0) }
        return Seitenteil(seiten: seiten, html: html, dateien: dateien, behalten: gruppen.flatMap(\.behalten), diagnostics: diagnostics,
                          gruppen: Dictionary(gruppen.map { ($0.gruppe, $0.vermerk) }, uniquingKeysWith: { erstes, _ in erstes }))
    }

    static let benoetigteVorlagen = ["layout", "seiten/start", "seiten/handlungskonzept", "seiten/kapitel", "seiten/zahlen",
                                     "seiten/gremien", "seiten/quellen", "seiten/text", "seiten/angebote", "seiten/angebote-gruppiert", "seiten/sozialraeume", "seiten/sozialraum", "seiten/traeger",
                                     "seiten/meilensteine", "seiten/gremium", "seiten/sitzung", "seiten/beschluesse", "seiten/beschluesse-jahr", "seiten/aktuelles", "seiten/aufgaben",
                                     "seiten/fassung", "seiten/aenderungen", "seiten/offene-daten", "partials/abbildung", "partials/strukturbild", "partials/beschluss", "seiten/suche", "seiten/glossar", "seiten/sprache", "partials/angebote-beispiel"]

    func mitKontext(_ zusatz: Kontext) -> Kontext {
        kontext.merging(zusatz) { _, neu in neu }
    }

    /// Areas whose pages link glossary terms at their first use.
    static let bereicheMitBegriffen: Set<String> = ["start", "aktuelles", "handlungskonzept", "zahlen", "angebote", "meilensteine", "gremien"]

    func layout(_ seite: Seite) -> String {
        var seite = seite
        // Not on the change page: there a link would sit inside the marked words.
        if seite.sprache == "de", Self.bereicheMitBegriffen.contains(seite.bereich), !seite.pfad.hasSuffix("/aenderungen.html") {
            seite.inhalt = begriffe.verlinken(seite.inhalt, ziel: seite.wurzel + "glossar.html")
        }
        let fassung = auswertung.aktuelleFassung
        let woerter = oberflaeche(seite.sprache)
        let werte = mitKontext([
            "seite": ["titel": seite.titel, "beschreibung": seite.beschreibung, "inhalt": Self.zellenGetrennt(seite.inhalt),
                      "suchart": (seite.suchbar ? Self.suchart(seite.pfad) : nil).map { $0 as Any } ?? Leer(),
                      "sprache": seite.sprache, "rechtsNachLinks": seite.rechtsNachLinks, "suchbar": seite.suchbar,
                      "kanonisch": seite.kanonisch.map { seite.wurzel + $0 } ?? Leer(),
                      "skript": seite.skript ?? Leer(), "fremd": seite.sprache != "de",
                      "alternativen": seite.alternativen.map { ["sprache": $0.sprache, "href": seite.wurzel + $0.pfad] as Kontext }] as Kontext,
            "sprachLinks": sprachLinks.map { link -> Kontext in
                var link = link
                link["href"] = seite.wurzel + (link["pfad"] as? String ?? "")
                return link
            },
            "wurzel": seite.wurzel,
            "navigation": Navigation.kontext(fuer: seite, woerter),
            "brotkrumen": Navigation.brotkrumen(fuer: seite, woerter),
            "ui": oberflaechenKontext[seite.sprache] ?? [:],
            "istStartseite": seite.pfad == "index.html",
            "intern": optionen.intern,
            "stand": Format.datum(fassung.datum),
        ])
        return vorlagen.render("layout", werte) ?? ""
    }

    /// The words around a page's content in its language (German for every page not translated).
    func oberflaeche(_ sprache: String) -> Oberflaeche {
        Self.oberflaeche(sprache, projekt)
    }

    static func oberflaeche(_ sprache: String, _ projekt: Projekt) -> Oberflaeche {
        projekt.sprachen.first { $0.code == sprache }?.oberflaeche ?? .deutsch
    }

    /// A Markdown page text (`templates/seiten/NAME.md`) as HTML, or nil when the project has none.
    func markdownSeite(_ name: String, _ diagnostics: inout [Diagnostic]) -> String? {
        guard let vorlage = projekt.vorlagen[name] else { return nil }
        let renderer = KapitelRenderer(vorlagen: vorlagen, markdownKontext: markdownKontext, basis: kontext, projekt: projekt, auswertung: auswertung, wurzel: "")
        return renderer.render(vorlage, ersteFussnote: 1, diagnostics: &diagnostics).html
    }
}
