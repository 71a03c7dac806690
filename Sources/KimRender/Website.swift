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
        /// The Handlungskonzept pages as the output folder already holds them, when the change leaves
        /// everything they are made from alone: kept, not rendered again.
        public var vorhandenesHandlungskonzept: Handlungskonzeptvermerk?

        public init(intern: Bool = false, vorhandeneSitzungsseiten: Set<String> = [], vorhandenesHandlungskonzept: Handlungskonzeptvermerk? = nil) {
            self.intern = intern
            self.vorhandeneSitzungsseiten = vorhandeneSitzungsseiten
            self.vorhandenesHandlungskonzept = vorhandenesHandlungskonzept
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
    }

    /// `handlungskonzept` carries those pages over from the previous rendering of the same project, and
    /// `website` keeps this site when it has no error, for single pages (both `kim serve`; see Gedaechtnis).
    public static func render(_ projekt: Projekt, _ auswertung: Auswertung, optionen: Optionen = Optionen(),
                              handlungskonzept: Merkliste<Bool, Handlungskonzeptseiten>? = nil,
                              website letzte: Merkliste<Bool, Website>? = nil) -> (Ausgabe, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let vorlagen = Vorlagen(projekt.vorlagen)
        let website = Website(projekt: projekt, auswertung: auswertung, optionen: optionen, vorlagen: vorlagen)
        for name in Self.benoetigteVorlagen where projekt.vorlagen[name] == nil {
            diagnostics.append(.error("templates/\(name).html", nil, "die Vorlage fehlt", hint: "eine Datei templates/\(name).html anlegen"))
        }
        guard !diagnostics.hasErrors, !vorlagen.befunde.hasErrors else { return (Ausgabe(), (diagnostics + vorlagen.befunde).sorted()) }
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
        ausgabe.handlungskonzept = seitenteil.handlungskonzept
        diagnostics += seitenteil.diagnostics
        guard !diagnostics.hasErrors else { return (Ausgabe(), (diagnostics + vorlagen.befunde).sorted()) }
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
        let befunde = (diagnostics + vorlagen.befunde).sorted()
        if !befunde.hasErrors { letzte?.merken(optionen.intern, website) }
        return (ausgabe, befunde)
    }

    /// Every page of the site, laid out unless a finding stops the build, with the files that
    /// come with the Anlagen.
    private struct Seitenteil {
        var seiten: [Seite]
        /// Each page laid out, nil for a page the output folder keeps.
        var html: [String?]
        var dateien: [String: String]
        var diagnostics: [Diagnostic]
        var handlungskonzept: Handlungskonzeptvermerk
    }

    private func seiten(_ datensaetze: [Datensatz], handlungskonzept gedaechtnis: Merkliste<Bool, Handlungskonzeptseiten>?) -> Seitenteil {
        var diagnostics: [Diagnostic] = []
        var seiten: [Seite] = []
        seiten.append(startseite(&diagnostics))
        let handlungskonzept = handlungskonzept(gedaechtnis: gedaechtnis, &diagnostics)
        seiten += handlungskonzept.seiten
        seiten.append(zahlen())
        seiten.append(gremien(&diagnostics))
        seiten.append(quellen())
        seiten += textseiten(&diagnostics)
        seiten += sitzungsseiten()
        let angebote = angebote()
        let meilensteine = meilensteine()
        seiten += angebote.seiten + meilensteine.seiten
        seiten.append(offeneDaten(datensaetze))
        if !projekt.glossar.isEmpty { seiten.append(glossarseite()) }
        seiten += sprachseiten()
        seiten.append(suchseite(seiten))
        diagnostics += Ausgabepfade.doppelte(seiten)
        let dateien = angebote.dateien.merging(meilensteine.dateien, uniquingKeysWith: { erstes, _ in erstes })
        let html = diagnostics.hasErrors ? [] : Parallel.map(seiten) { $0.vorhanden ? nil : layout($0) }
        return Seitenteil(seiten: seiten, html: html, dateien: dateien, diagnostics: diagnostics, handlungskonzept: handlungskonzept.vermerk)
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
            "ui": Spiegel.kontext(woerter) ?? [:],
            "istStartseite": seite.pfad == "index.html",
            "intern": optionen.intern,
            "stand": Format.datum(fassung.datum),
        ])
        return vorlagen.render("layout", werte) ?? ""
    }

    /// The words around a page's content in its language (German for every page not translated).
    func oberflaeche(_ sprache: String) -> Oberflaeche {
        projekt.sprachen.first { $0.code == sprache }?.oberflaeche ?? .deutsch
    }

    /// A Markdown page text (`templates/seiten/NAME.md`) as HTML, or nil when the project has none.
    func markdownSeite(_ name: String, _ diagnostics: inout [Diagnostic]) -> String? {
        guard let vorlage = projekt.vorlagen[name] else { return nil }
        let renderer = KapitelRenderer(vorlagen: vorlagen, markdownKontext: markdownKontext, basis: kontext, projekt: projekt, auswertung: auswertung, wurzel: "")
        return renderer.render(vorlage, ersteFussnote: 1, diagnostics: &diagnostics).html
    }
}
