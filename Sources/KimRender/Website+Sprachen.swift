import KimDerive
import KimModel

extension Website {
    /// A page per language of `data/sprachen.json` (sprachen/CODE.html): what KIM is and where to get help,
    /// in the page's language and writing direction, marked as a non-official translation, linked to one another.
    func sprachseiten() -> [Seite] {
        let sprachen = projekt.sprachen
        let alle = sprachen.map { (sprache: $0.code, pfad: "sprachen/\($0.code).html") }
        return sprachen.map { sprache in
            let werte = mitKontext([
                "wurzel": "../",
                "sprache": Spiegel.kontext(sprache) ?? [:],
                "rtl": sprache.richtung == .rtl,
                "andere": sprachen.filter { $0.code != sprache.code }.map {
                    ["code": $0.code, "name": $0.name, "href": "\($0.code).html", "rtl": $0.richtung == .rtl] as Kontext
                },
            ])
            return Seite(pfad: "sprachen/\(sprache.code).html", titel: sprache.titel,
                         beschreibung: "\(sprache.titel) – \(sprache.hinweis)",
                         inhalt: vorlagen.render("seiten/sprache", werte) ?? "", bereich: "sprachen", brotkrumen: [],
                         sprache: sprache.code, rechtsNachLinks: sprache.richtung == .rtl, alternativen: [("de", "index.html")] + alle)
        }
    }

    /// The languages for the links on German pages (start page, footer).
    var sprachLinks: [Kontext] {
        projekt.sprachen.map { ["code": $0.code, "name": $0.name, "nameDeutsch": $0.nameDeutsch, "pfad": "sprachen/\($0.code).html",
                                "rtl": $0.richtung == .rtl] as Kontext }
    }
}
