import KimDerive
import KimModel

extension Website {
    func startseite(_ diagnostics: inout [Diagnostic]) -> Seite {
        var kennzahlen: [Kontext] = []
        if let gesamt = auswertung.tabelle("gesamt") {
            let stichtag = Format.datum(gesamt.tabelle.stichtag)
            kennzahlen.append(["wert": Format.zahl(gesamt.summe.insgesamt), "text": "Einwohner*innen am \(stichtag)"])
            kennzahlen.append(["wert": gesamt.summe.anteil.map(Format.prozent) ?? "–", "text": "mit Einwanderungsgeschichte"])
        }
        if let kinder = auswertung.tabelle("kinder") {
            kennzahlen.append(["wert": kinder.summe.anteil.map(Format.prozent) ?? "–", "text": "der Kinder unter 6 Jahren mit Einwanderungsgeschichte"])
        }
        let flucht = projekt.demografie.imKontextFlucht
        kennzahlen.append(["wert": Format.zahl(flucht.anzahl), "text": "Menschen im Kontext von Flucht am \(Format.datum(flucht.stichtag))"])
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
                ["nummer": $0.nummer, "name": $0.name, "href": "anlage-1/sozialraum/\(Escape.slug($0.nummer)).html"] as Kontext
            },
        ])
        return Seite(pfad: "index.html", titel: "Kommunales Integrationsmanagement \(projekt.kommune.name)",
                     beschreibung: "Das lokale Handlungskonzept, Zahlen und Gremien des Kommunalen Integrationsmanagements der \(projekt.kommune.bezeichnung).",
                     inhalt: vorlagen.render("seiten/start", werte) ?? "", bereich: "start", brotkrumen: [])
    }

    func kapitelListe(wurzel: String) -> [Kontext] {
        auswertung.aktuelleFassung.kapitel.map {
            ["nummer": String($0.nummer), "titel": $0.titel, "href": "\(wurzel)handlungskonzept/\($0.slug).html"]
        }
    }
}
