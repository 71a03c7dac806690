import KimDerive
import KimMarkdown
import KimModel

extension Website {
    /// Anlage 1: the inventory by Kategorie, a page per Träger, views by Zielgruppe and Sozialraum, downloads.
    func angebote() -> (seiten: [Seite], dateien: [String: String]) {
        let daten = projekt.angebote
        let alle = daten.angebote.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
        // An Angebot may stand in several groups of one page; its element id then carries the group's.
        func liste(_ auswahl: [Angebot], wurzel: String, gruppe: String? = nil) -> [Kontext] {
            auswahl.map { eintrag in
                var kontext = angebot(eintrag, wurzel: wurzel)
                if let gruppe { kontext["id"] = "\(gruppe)-\(eintrag.id)" }
                return kontext
            }
        }
        let krumen: [(String, String)] = [("Angebote (Anlage 1)", "anlage-1/index.html")]

        var kategorien: [Kontext] = daten.kategorien.map { kategorie in
            ["id": kategorie.id, "name": kategorie.name, "beschreibung": kategorie.beschreibung,
             "angebote": liste(alle.filter { $0.kategorie == kategorie.id }, wurzel: "../")]
        }
        let ohne = alle.filter { $0.kategorie == nil }
        if !ohne.isEmpty {
            kategorien.append(["id": "ohne-kategorie", "name": "Ohne eindeutige Kategorie",
                               "beschreibung": "Angebote, die sich keiner der Kategorien eindeutig zuordnen lassen.",
                               "angebote": liste(ohne, wurzel: "../")])
        }
        var seiten: [Seite] = []
        let basis: Kontext = ["wurzel": "../", "hinweis": daten.hinweis, "beispieldaten": daten.beispieldaten ?? false, "stand": Format.datum(daten.stand), "quelle": daten.quelle,
                              "anzahl": Format.zahl(alle.count), "anzahlTraeger": Format.zahl(daten.traeger.count),
                              "angeboteText": Format.anzahl(alle.count, "Angebot", "Angebote"),
                              "traegerText": Format.anzahl(daten.traeger.count, "Träger", "Trägern")]
        seiten.append(Seite(pfad: "anlage-1/index.html", titel: "Angebote (Anlage 1)",
                            beschreibung: "Beratungs- und Case-Management-Angebote für Menschen mit Einwanderungsgeschichte \(Ortsformen(projekt.kommune).inForm), nach Kategorie.",
                            inhalt: vorlagen.render("seiten/angebote", mitKontext(basis.merging(["kategorien": kategorien]) { $1 })) ?? "",
                            bereich: "angebote", brotkrumen: []))

        let zielgruppen: [Kontext] = daten.zielgruppen.map { gruppe in
            ["id": gruppe.id, "name": gruppe.name, "angebote": liste(alle.filter { $0.zielgruppen.contains(gruppe.id) }, wurzel: "../", gruppe: gruppe.id)]
        }
        seiten.append(Seite(pfad: "anlage-1/zielgruppen.html", titel: "Angebote nach Zielgruppe",
                            beschreibung: "Anlage 1 nach Zielgruppen geordnet.",
                            inhalt: vorlagen.render("seiten/angebote-gruppiert", mitKontext(basis.merging(["gruppen": zielgruppen, "titel": "Angebote nach Zielgruppe"]) { $1 })) ?? "",
                            bereich: "angebote", brotkrumen: krumen))

        seiten += sozialraumseiten(alle, basis: basis)

        for traeger in daten.traeger {
            let eigene = alle.filter { $0.traeger == traeger.id }
            let mitglieder = daten.traeger.filter { $0.dachverband == traeger.id }
            let werte: Kontext = [
                "wurzel": "../../", "beispieldaten": daten.beispieldaten ?? false,
                "traeger": traegerKontext(traeger, wurzel: "../../"),
                "angebote": liste(eigene, wurzel: "../../"),
                "mitglieder": mitglieder.map { traegerKontext($0, wurzel: "../../") },
            ]
            seiten.append(Seite(pfad: "anlage-1/traeger/\(traeger.id).html", titel: traeger.name,
                                beschreibung: "Angebote von \(traeger.name) in Anlage 1 des Handlungskonzepts.",
                                inhalt: vorlagen.render("seiten/traeger", mitKontext(werte)) ?? "",
                                bereich: "angebote", brotkrumen: krumen))
        }
        return (seiten, ["downloads/angebote.csv": angeboteCSV(alle), "downloads/angebote.json": angeboteJSON(alle)])
    }

    func traegerKontext(_ traeger: Traeger, wurzel: String) -> Kontext {
        let dach = traeger.dachverband.flatMap { verzeichnis.traeger[$0] }
        return ["id": traeger.id, "name": traeger.name, "art": traeger.art, "web": traeger.web ?? Leer(),
                "href": "\(wurzel)anlage-1/traeger/\(traeger.id).html",
                "dachverband": dach.map { ["name": $0.name, "href": "\(wurzel)anlage-1/traeger/\($0.id).html"] as Kontext } ?? Leer()]
    }

    func angebot(_ angebot: Angebot, wurzel: String) -> Kontext {
        let traeger = verzeichnis.traeger[angebot.traeger]
        return [
            "id": angebot.id, "name": angebot.name,
            "traeger": traeger.map { traegerKontext($0, wurzel: wurzel) } ?? Leer(),
            "kategorie": verzeichnis.kategorieName(angebot) ?? Leer(),
            "zielgruppen": verzeichnis.zielgruppenNamen(angebot),
            "rechtskreis": angebot.rechtskreis.joined(separator: ", "),
            "gebiet": angebot.sozialraeume.isEmpty ? Ortsformen(projekt.kommune).weit : Leer(),
            "sozialraeume": angebot.sozialraeume.isEmpty ? "\(Ortsformen(projekt.kommune).weit) oder ohne Angabe"
                : angebot.sozialraeume.map { nummer in verzeichnis.sozialraeume[nummer].map(anzeigename) ?? nummer }.joined(separator: ", "),
            "sprachen": angebot.sprachen.joined(separator: ", "),
            "oeffnungszeiten": angebot.oeffnungszeiten ?? Leer(),
            // Nothing known of how to reach it: one line "Angaben folgen" instead of four.
            "zugangUnbekannt": angebot.kontakt == nil && angebot.anschrift == nil && angebot.sprachen.isEmpty && angebot.oeffnungszeiten == nil,
            "anschrift": angebot.anschrift.map { KontextBuilder.anschrift($0) } ?? Leer(),
            "kontakt": angebot.kontakt.flatMap { Spiegel.kontext($0) } ?? Leer(),
            "beschreibung": angebot.beschreibung.map { Markdown.html($0) } ?? Leer(),
        ]
    }

    /// Anlage 1 as a table, references by name (see `angebotsexport`).
    func angeboteCSV(_ angebote: [Angebot]) -> String {
        angebotsexport.tabelle(angebote).csv
    }

    /// Anlage 1 with the lists items refer to, each Angebot with its public fields, references by id.
    func angeboteJSON(_ angebote: [Angebot]) -> String {
        let export = angebotsexport
        return JSONText.encode(["stand": projekt.angebote.stand.iso, "quelle": projekt.angebote.quelle, "hinweis": projekt.angebote.hinweis,
                                "beispieldaten": projekt.angebote.beispieldaten ?? false,
                                "kategorien": projekt.angebote.kategorien.map { ["id": $0.id, "name": $0.name] },
                                "traeger": projekt.angebote.traeger.map { ["id": $0.id, "name": $0.name, "art": $0.art] },
                                "angebote": angebote.map(export.jsonEintrag)])
    }

    /// "kreisweit" → "Kreisweit", for a heading.
    static func grossgeschrieben(_ wort: String) -> String {
        wort.prefix(1).uppercased() + wort.dropFirst()
    }

    /// "71 Mitte", or only the name where the Kommune hides the numbers.
    func anzeigename(_ raum: Sozialraum) -> String {
        projekt.kommune.sozialraumnummernZeigen ?? true ? "\(raum.nummer) \(raum.name)" : raum.name
    }
}
