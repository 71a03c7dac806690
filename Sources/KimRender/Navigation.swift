/// The main navigation, the same on every page.
enum Navigation {
    static let bereiche: [(id: String, titel: String, pfad: String)] = [
        ("aktuelles", "Aktuelles", "aktuelles.html"),
        ("handlungskonzept", "Handlungskonzept", "handlungskonzept/index.html"),
        ("zahlen", "Zahlen", "zahlen.html"),
        ("angebote", "Angebote", "anlage-1/index.html"),
        ("meilensteine", "Meilensteine", "anlage-2/index.html"),
        ("gremien", "Gremien", "gremien.html"),
        ("quellen", "Quellen", "quellen.html"),
        ("suche", "Suche", "suche.html"),
    ]

    static func kontext(fuer seite: Seite) -> [Kontext] {
        bereiche.map { bereich in
            ["titel": bereich.titel, "href": seite.wurzel + bereich.pfad, "aktuell": bereich.id == seite.bereich]
        }
    }

    static func brotkrumen(fuer seite: Seite) -> [Kontext] {
        var krumen: [Kontext] = [["titel": "Start", "href": seite.wurzel + "index.html", "aktuell": false]]
        for krume in seite.brotkrumen {
            krumen.append(["titel": krume.titel, "href": seite.wurzel + krume.pfad, "aktuell": false])
        }
        krumen.append(["titel": seite.titel, "href": "", "aktuell": true])
        return krumen
    }
}
