import KimDerive
import KimModel

extension Website {
    func startseite(_ diagnostics: inout [Diagnostic]) -> Seite {
        let kennzahlen = eckdaten()
        let werte = mitKontext([
            "wurzel": "",
            "einleitung": markdownSeite("texte/start", &diagnostics) ?? "",
            "kennzahlen": kennzahlen,
            "kapitel": kapitelListe(wurzel: ""),
            "sprachLinks": sprachLinks.map { link -> Kontext in
                var link = link
                link["href"] = link["pfad"] ?? ""
                return link
            },
            "aktuell": aktuellKontext(wurzel: "", anzahl: Self.aktuellAufStartseite),
            "sozialraumLinks": projekt.kommune.sozialraeume.map {
                ["nummer": projekt.kommune.sozialraumnummernZeigen ?? true ? $0.nummer : "", "name": $0.name, "href": "anlage-1/sozialraum/\(Escape.slug($0.nummer)).html"] as Kontext
            },
        ])
        return Seite(pfad: "index.html", titel: "Kommunales Integrationsmanagement \(Ortsformen(projekt.kommune).kurzform)",
                     beschreibung: "Das lokale Handlungskonzept, Zahlen und Gremien des Kommunalen Integrationsmanagements \(Ortsformen(projekt.kommune).genitiv).",
                     inhalt: vorlagen.render("seiten/start", werte) ?? "", bereich: "start", brotkrumen: [])
    }

    /// The start page's key figures, as `data/demografie.json` names them under "eckdaten".
    func eckdaten() -> [Kontext] {
        (projekt.demografie.eckdaten ?? []).compactMap { eckdatum -> Kontext? in
            if let id = eckdatum.indikator, let indikator = projekt.demografie.indikatoren?.first(where: { $0.id == id }) {
                return ["wert": Format.dezimal(indikator.wert), "text": eckdatum.text, "stichtag": Format.datum(indikator.stichtag)]
            }
            guard let id = eckdatum.tabelle, let tabelle = auswertung.tabelle(id), let art = eckdatum.wert else { return nil }
            let summe = tabelle.summe
            let wert = switch art {
            case .insgesamt: Format.zahl(summe.insgesamt)
            case .mitEinwanderungsgeschichte: Format.zahl(summe.mitEinwanderungsgeschichte)
            case .anteil: summe.anteil.map(Format.prozent) ?? "–"
            }
            return ["wert": wert, "text": eckdatum.text, "stichtag": Format.datum(tabelle.tabelle.stichtag)]
        }
    }

    func kapitelListe(wurzel: String) -> [Kontext] {
        auswertung.aktuelleFassung.kapitel.map {
            ["nummer": String($0.nummer), "titel": $0.titel, "href": "\(wurzel)handlungskonzept/\($0.slug).html"]
        }
    }
}
