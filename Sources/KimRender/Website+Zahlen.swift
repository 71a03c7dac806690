import KimDerive
import KimModel

extension Website {
    func zahlen() -> Seite {
        // Each table with its files (Website+Tabellendaten), linked under it.
        let abbildungen: [Kontext] = auswertung.bevoelkerung.map { tabelle in
            ["html": vorlagen.render("partials/abbildung", mitKontext(Abbildungen.tabelle(tabelle, abbildungen: auswertung.abbildungen,
                                                                                   sozialraumnummern: projekt.kommune.sozialraumnummernZeigen ?? true,
                                                                                   raumwort: (projekt.kommune.sozialraumbegriff ?? .sozialraum).einzahl,
                                                                                   vergleichbar: auswertung.bevoelkerung))) ?? "",
             "titel": tabelle.tabelle.titel, "daten": "downloads/\(Self.bevoelkerungsname(tabelle.tabelle))"]
        }
        let werte = mitKontext(["wurzel": "", "abbildungen": abbildungen])
        return Seite(pfad: "zahlen.html", titel: "Zahlen",
                     beschreibung: "Bevölkerung mit Einwanderungsgeschichte \(Ortsformen(projekt.kommune).inForm) je \((projekt.kommune.sozialraumbegriff ?? .sozialraum).einzahl).",
                     inhalt: vorlagen.render("seiten/zahlen", werte) ?? "", bereich: "zahlen", brotkrumen: [])
    }

    func gremien(_ diagnostics: inout [Diagnostic]) -> Seite {
        let werte = mitKontext([
            "wurzel": "",
            "strukturbild": vorlagen.render("partials/strukturbild", mitKontext(Abbildungen.strukturbild(projekt.gremien.gremien, nummer: auswertung.abbildungen.strukturbild,
                                                                                                        verweise: ""))) ?? "",
        ])
        return Seite(pfad: "gremien.html", titel: "Gremien",
                     beschreibung: "Die Gremien des Kommunalen Integrationsmanagements \(Ortsformen(projekt.kommune).genitiv): " + projekt.gremien.gremien.map(\.name).joined(separator: ", ") + ".",
                     inhalt: vorlagen.render("seiten/gremien", werte) ?? "", bereich: "gremien", brotkrumen: [])
    }

    func quellen() -> Seite {
        Seite(pfad: "quellen.html", titel: "Quellen",
              beschreibung: "Literatur und Rechtsgrundlagen, auf die sich das Handlungskonzept stützt, und die Datenquellen der Zahlen.",
              inhalt: vorlagen.render("seiten/quellen", mitKontext(["wurzel": ""])) ?? "", bereich: "quellen", brotkrumen: [])
    }
}
