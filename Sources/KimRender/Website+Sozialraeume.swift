import KimDerive
import KimModel

extension Website {
    /// "Wer hilft mir in meinem Sozialraum?": an overview and a page per Sozialraum. Offers without
    /// Sozialräume serve the whole municipality, so they stand on every Sozialraum page, marked
    /// with the word for the whole area (`Ortsformen.weit`), after the offers that work in that Sozialraum itself.
    func sozialraumseiten(_ alle: [Angebot], basis: Kontext) -> [Seite] {
        let kommune = projekt.kommune
        let weit = alle.filter { $0.sozialraeume.isEmpty }
        let krumen: [(String, String)] = [("Angebote (Anlage 1)", "anlage-1/index.html"), ("Nach Sozialraum", "anlage-1/sozialraeume.html")]
        var seiten: [Seite] = []
        var uebersicht: [Kontext] = []
        for raum in kommune.sozialraeume {
            let oertlich = alle.filter { $0.sozialraeume.contains(raum.nummer) }
            let hier = oertlich + weit
            let pfad = "anlage-1/sozialraum/\(Escape.slug(raum.nummer)).html"
            let zeigeNummer = kommune.sozialraumnummernZeigen ?? true
            uebersicht.append(["nummer": zeigeNummer ? raum.nummer : "", "name": raum.name, "href": String(pfad.dropFirst("anlage-1/".count)),
                               "anzahlOertlich": Format.zahl(oertlich.count), "anzahlWeit": Format.zahl(weit.count)])
            let werte = basis.merging([
                "wurzel": "../../",
                "raum": ["nummer": raum.nummer, "name": raum.name, "anzeigename": anzeigename(raum)] as Kontext,
                "gebietsweit": Ortsformen(kommune).weit,
                "anzahlOertlich": Format.zahl(oertlich.count), "anzahlWeit": Format.zahl(weit.count), "hatOertliche": !oertlich.isEmpty,
                "zielgruppen": zielgruppenAbschnitte(hier),
                "sprachen": sprachenAbschnitte(hier),
                "andere": kommune.sozialraeume.filter { $0.nummer != raum.nummer }.map {
                    ["name": anzeigename($0), "href": "\(Escape.slug($0.nummer)).html"] as Kontext
                },
            ]) { $1 }
            seiten.append(Seite(pfad: pfad, titel: "Hilfe im Sozialraum \(anzeigename(raum))",
                                beschreibung: "Beratungsangebote für Menschen mit Einwanderungsgeschichte im Sozialraum \(anzeigename(raum)), \(Ortsformen(kommune).kurzform): nach Zielgruppe und Sprache.",
                                inhalt: vorlagen.render("seiten/sozialraum", mitKontext(werte)) ?? "",
                                bereich: "angebote", brotkrumen: krumen))
        }
        let werte = basis.merging(["raeume": uebersicht, "gebietsweit": Ortsformen(kommune).weit, "anzahlWeit": Format.zahl(weit.count)]) { $1 }
        seiten.insert(Seite(pfad: "anlage-1/sozialraeume.html", titel: "Angebote nach Sozialraum",
                            beschreibung: "Wer hilft mir in meinem Sozialraum? Anlage 1 nach den Sozialräumen \(Ortsformen(kommune).genitiv).",
                            inhalt: vorlagen.render("seiten/sozialraeume", mitKontext(werte)) ?? "",
                            bereich: "angebote", brotkrumen: [("Angebote (Anlage 1)", "anlage-1/index.html")]), at: 0)
        return seiten
    }

    /// One section per Zielgruppe with its offers (those of the Sozialraum first), and one for offers without a Zielgruppe.
    private func zielgruppenAbschnitte(_ angebote: [Angebot]) -> [Kontext] {
        var gruppen: [(id: String, name: String, angebote: [Angebot])] = projekt.angebote.zielgruppen.map { gruppe in
            (gruppe.id, gruppe.name, angebote.filter { $0.zielgruppen.contains(gruppe.id) })
        }
        gruppen.append(("ohne-zielgruppe", "Ohne Angabe der Zielgruppe", angebote.filter { $0.zielgruppen.isEmpty }))
        return gruppen.filter { !$0.angebote.isEmpty }.map { gruppe in
            let id = "zielgruppe-\(gruppe.id)"
            return ["id": id, "name": gruppe.name, "anzahl": Format.zahl(gruppe.angebote.count),
                    "angebote": gruppe.angebote.map { eintrag -> Kontext in
                        var kontext = angebot(eintrag, wurzel: "../../")
                        kontext["id"] = "\(id)-\(eintrag.id)"
                        return kontext
                    }]
        }
    }

    /// Offers by counselling language, as links to their entry in the first Zielgruppe section.
    private func sprachenAbschnitte(_ angebote: [Angebot]) -> [Kontext] {
        let sprachen = Set(angebote.flatMap(\.sprachen)).sorted { $0.localizedStandardCompare($1) == .orderedAscending }
        return sprachen.map { sprache in
            ["id": "sprache-\(Escape.slug(sprache))", "name": sprache,
             "angebote": angebote.filter { $0.sprachen.contains(sprache) }.map { eintrag -> Kontext in
                 let gruppe = projekt.angebote.zielgruppen.first { eintrag.zielgruppen.contains($0.id) }?.id ?? "ohne-zielgruppe"
                 return ["name": eintrag.name, "href": "#zielgruppe-\(gruppe)-\(eintrag.id)",
                         "gebiet": eintrag.sozialraeume.isEmpty ? Ortsformen(projekt.kommune).weit : Leer()]
             }] as Kontext
        }
    }
}
