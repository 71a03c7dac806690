import KimModel

/// The main navigation, the same on every page, in the page's language; on a translated page the links
/// lead to German pages (said once beside the navigation, and by hreflang), except the search, which
/// has a page of its own in each language.
enum Navigation {
    static let bereiche: [(id: String, pfad: String)] = [
        ("aktuelles", "aktuelles.html"), ("handlungskonzept", "handlungskonzept/index.html"), ("zahlen", "zahlen.html"),
        ("angebote", "anlage-1/index.html"), ("meilensteine", "anlage-2/index.html"), ("gremien", "gremien.html"),
        ("quellen", "quellen.html"), ("suche", "suche.html"),
    ]

    static func titel(_ bereich: String, _ woerter: Navigationswoerter) -> String {
        switch bereich {
        case "aktuelles": woerter.aktuelles
        case "handlungskonzept": woerter.handlungskonzept
        case "zahlen": woerter.zahlen
        case "angebote": woerter.angebote
        case "meilensteine": woerter.meilensteine
        case "gremien": woerter.gremien
        case "quellen": woerter.quellen
        default: woerter.suche
        }
    }

    /// The search page of a language: sprachen/CODE-suche.html.
    static func suchpfad(_ sprache: String) -> String {
        sprache == "de" ? "suche.html" : "sprachen/\(sprache)-suche.html"
    }

    static func kontext(fuer seite: Seite, _ woerter: Oberflaeche) -> [Kontext] {
        bereiche.map { bereich in
            let eigeneSprache = bereich.id == "suche"
            return ["titel": titel(bereich.id, woerter.navigation),
                    "href": seite.wurzel + (eigeneSprache ? suchpfad(seite.sprache) : bereich.pfad),
                    "deutsch": seite.sprache != "de" && !eigeneSprache,
                    "aktuell": bereich.id == seite.bereich]
        }
    }

    static func brotkrumen(fuer seite: Seite, _ woerter: Oberflaeche) -> [Kontext] {
        var krumen: [Kontext] = [["titel": woerter.start, "href": seite.wurzel + "index.html", "aktuell": false, "deutsch": seite.sprache != "de"]]
        for krume in seite.brotkrumen {
            krumen.append(["titel": krume.titel, "href": seite.wurzel + krume.pfad, "aktuell": false, "deutsch": false])
        }
        krumen.append(["titel": seite.titel, "href": "", "aktuell": true, "deutsch": false])
        return krumen
    }
}
