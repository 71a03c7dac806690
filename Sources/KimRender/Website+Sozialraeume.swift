import KimDerive
import KimModel

extension Website {
    /// "Wer hilft mir in meinem Sozialraum?": an overview and a page per Sozialraum. Each page names first
    /// whom to call (the Ansprechstelle of `data/ansprechstellen.json`, else the KI's central contact), then the
    /// offers that work in that Sozialraum, then those without Sozialräume, which serve the whole municipality
    /// (marked with `Ortsformen.weit`) – each offer once, its details on demand.
    func sozialraumseiten(_ alle: [Angebot], basis: Kontext) -> [Seite] {
        let kommune = projekt.kommune
        let wort = kommune.sozialraumbegriff ?? .sozialraum
        let weit = alle.filter { $0.sozialraeume.isEmpty }
        let gebietsweit = Ortsformen(kommune).weit
        let krumen: [(String, String)] = [("Angebote (Anlage 1)", "anlage-1/index.html"), ("Nach \(wort.einzahl)", "anlage-1/sozialraeume.html")]
        var seiten: [Seite] = []
        var uebersicht: [Kontext] = []
        for raum in kommune.sozialraeume {
            let oertlich = alle.filter { $0.sozialraeume.contains(raum.nummer) }
            let pfad = "anlage-1/sozialraum/\(Escape.slug(raum.nummer)).html"
            let zeigeNummer = kommune.sozialraumnummernZeigen ?? true
            let stelle = projekt.ansprechstelle(fuer: raum.nummer)
            uebersicht.append(["nummer": zeigeNummer ? raum.nummer : "", "name": raum.name, "href": String(pfad.dropFirst("anlage-1/".count)),
                               "anzahlOertlich": Format.anzahl(oertlich.count, "Angebot", "Angebote"),
                               "stelle": stelle?.name ?? Leer()])
            let unvollstaendig = (oertlich + weit).filter(Self.zugangUnvollstaendig).count
            let werte = basis.merging([
                "wurzel": "../../",
                "raum": ["nummer": raum.nummer, "name": raum.name, "anzeigename": anzeigename(raum)] as Kontext,
                "gebietsweit": gebietsweit,
                "stelle": ansprechstelleKontext(stelle),
                "oertlich": oertlich.map { kurzeintrag($0) },
                "weit": weit.map { kurzeintrag($0) },
                "titelOertlich": "Angebote \(wort.mitIn) \(raum.name) (\(Format.zahl(oertlich.count)))",
                "titelWeit": "Angebote \(gebietsweit) (\(Format.zahl(weit.count)))",
                "fehlend": unvollstaendig == 0 ? Leer() as Any : Format.anzahl(unvollstaendig, "Angebot", "Angeboten"),
                "andere": kommune.sozialraeume.filter { $0.nummer != raum.nummer }.map {
                    ["name": anzeigename($0), "href": "\(Escape.slug($0.nummer)).html"] as Kontext
                },
            ]) { $1 }
            seiten.append(Seite(pfad: pfad, titel: "Hilfe \(wort.mitIn) \(anzeigename(raum))",
                                beschreibung: "Wen rufe ich an? Ansprechstelle und Beratungsangebote für Menschen mit Einwanderungsgeschichte \(wort.mitIn) \(anzeigename(raum)), \(Ortsformen(kommune).kurzform).",
                                inhalt: vorlagen.render("seiten/sozialraum", mitKontext(werte)) ?? "",
                                bereich: "angebote", brotkrumen: krumen))
        }
        let werte = basis.merging(["raeume": uebersicht, "gebietsweit": gebietsweit,
                                   "angeboteWeit": Format.anzahl(weit.count, "Angebot", "Angebote")]) { $1 }
        seiten.insert(Seite(pfad: "anlage-1/sozialraeume.html", titel: "Angebote nach \(wort.einzahl)",
                            beschreibung: "Wer hilft mir vor Ort? Ansprechstellen und Beratungsangebote (Anlage 1), geordnet nach \(wort.einzahl), \(Ortsformen(kommune).kurzform).",
                            inhalt: vorlagen.render("seiten/sozialraeume", mitKontext(werte)) ?? "",
                            bereich: "angebote", brotkrumen: [("Angebote (Anlage 1)", "anlage-1/index.html")]), at: 0)
        return seiten
    }

    /// Whether one of contact, address, languages or opening hours is missing: the page says so once for all.
    static func zugangUnvollstaendig(_ angebot: Angebot) -> Bool {
        angebot.kontakt == nil || angebot.anschrift == nil || angebot.sprachen.isEmpty || angebot.oeffnungszeiten == nil
    }

    /// One offer as a line that opens to its details: name, Träger and languages at once, the rest on demand.
    private func kurzeintrag(_ eintrag: Angebot) -> Kontext {
        var kontext = angebot(eintrag, wurzel: "../../")
        kontext["id"] = "angebot-\(eintrag.id)"
        kontext["telefonLink"] = eintrag.kontakt?.telefon.map(Self.telefonLink) ?? Leer()
        return kontext
    }

    /// The Ansprechstelle of a Sozialraum, or the KI's central contact when it has none.
    private func ansprechstelleKontext(_ stelle: Ansprechstelle?) -> Kontext {
        let ki = projekt.kommune.ki
        guard let stelle else {
            return ["eigene": false, "name": ki.name,
                    "telefon": ki.kontakt.telefon ?? Leer(), "telefonLink": ki.kontakt.telefon.map(Self.telefonLink) ?? Leer(),
                    "email": ki.kontakt.email ?? Leer(), "web": ki.kontakt.web ?? Leer(),
                    "anschrift": KontextBuilder.anschrift(ki.anschrift), "beispieldaten": projekt.kommune.beispieldaten ?? false,
                    "ansprechperson": Leer(), "oeffnungszeiten": Leer(), "sprachen": Leer()]
        }
        return ["eigene": true, "name": stelle.name, "ansprechperson": stelle.ansprechperson ?? Leer(),
                "telefon": stelle.telefon ?? Leer(), "telefonLink": stelle.telefon.map(Self.telefonLink) ?? Leer(),
                "email": stelle.email ?? Leer(), "web": Leer(),
                "anschrift": stelle.anschrift.map { KontextBuilder.anschrift($0) } ?? Leer(),
                "oeffnungszeiten": stelle.oeffnungszeiten ?? Leer(),
                "sprachen": stelle.sprachen.isEmpty ? Leer() as Any : stelle.sprachen.joined(separator: ", "),
                "beispieldaten": stelle.beispieldaten ?? projekt.ansprechstellen?.beispieldaten ?? false]
    }

    /// "0208 825-0" → "tel:02088250": digits and a leading plus only, as RFC 3966 dialling wants them.
    static func telefonLink(_ nummer: String) -> String {
        "tel:" + String(nummer.filter { $0.isASCII && ($0.isNumber || $0 == "+") })
    }
}
