import KimDerive
import KimModel

extension Website {
    /// Per language of `data/sprachen.json`: a summary page (sprachen/CODE.html) and a search page
    /// (sprachen/CODE-suche.html), in the page's language and writing direction, marked as a non-official
    /// translation. The summary says what KIM is, whom to call per Sozialraum, what was decided last and what
    /// is planned next, with names, dates and numbers from the data (those stay German and say so).
    func sprachseiten() -> [Seite] {
        let sprachen = projekt.sprachen
        let alle = sprachen.map { (sprache: $0.code, pfad: "sprachen/\($0.code).html") }
        let daten = zusammenfassungsdaten()
        return sprachen.flatMap { sprache -> [Seite] in
            let werte = mitKontext(daten.merging([
                "wurzel": "../",
                "sprache": Spiegel.kontext(sprache) ?? [:],
                "ui": oberflaechenKontext[sprache.code] ?? [:],
                "rtl": sprache.richtung == .rtl,
                "andere": sprachen.filter { $0.code != sprache.code }.map {
                    ["code": $0.code, "name": $0.name, "href": "\($0.code).html", "rtl": $0.richtung == .rtl] as Kontext
                },
            ]) { $1 })
            let seite = Seite(pfad: "sprachen/\(sprache.code).html", titel: sprache.titel,
                              beschreibung: "\(sprache.titel) – \(sprache.hinweis)",
                              inhalt: vorlagen.render("seiten/sprache", werte) ?? "", bereich: "sprachen", brotkrumen: [],
                              sprache: sprache.code, rechtsNachLinks: sprache.richtung == .rtl, alternativen: [("de", "index.html")] + alle)
            return [seite, suchseite(sprache)]
        }
    }

    /// What every summary shows from the data, the same in each language: the contact per Sozialraum,
    /// the three newest public Beschlüsse and the next three open Meilensteine.
    private func zusammenfassungsdaten() -> Kontext {
        let ki = projekt.kommune.ki
        let raeume: [Kontext] = projekt.kommune.sozialraeume.map { raum in
            let stelle = projekt.ansprechstelle(fuer: raum.nummer)
            let telefon = stelle.map { $0.telefon } ?? ki.kontakt.telefon
            let email = stelle.map { $0.email } ?? ki.kontakt.email
            return ["raum": raum.name, "stelle": stelle?.name ?? ki.name,
                    "telefon": telefon ?? Leer(), "telefonLink": telefon.map(Self.telefonLink) ?? Leer(),
                    "email": email ?? Leer(), "href": "../anlage-1/sozialraum/\(Escape.slug(raum.nummer)).html"]
        }
        let offen = auswertung.meilensteine.eintraege.filter { $0.status != .erledigt }
            .sorted { ($0.meilenstein.ende, $0.meilenstein.id) < ($1.meilenstein.ende, $1.meilenstein.id) }
        let beschluesse = beschluesseNeuesteZuerst.prefix(3)
        return [
            "raeume": raeume,
            "ansprechBeispiel": projekt.ansprechstellen?.beispieldaten ?? (projekt.ansprechstellen == nil && projekt.kommune.beispieldaten == true),
            "beschluesse": beschluesse.map { beschlussEintrag($0, wurzel: "../") },
            "beschluesseBeispiel": beschluesse.contains { $0.sitzung.beispieldaten == true },
            "geplant": offen.prefix(3).map { ["titel": $0.meilenstein.titel, "ende": Format.datum($0.meilenstein.ende), "id": $0.meilenstein.id] as Kontext },
            "geplantBeispiel": projekt.meilensteinplan.beispieldaten ?? false,
        ]
    }

    /// The languages for the links on German pages (start page, footer).
    var sprachLinks: [Kontext] {
        projekt.sprachen.map { ["code": $0.code, "name": $0.name, "nameDeutsch": $0.nameDeutsch, "pfad": "sprachen/\($0.code).html",
                                "rtl": $0.richtung == .rtl] as Kontext }
    }
}
