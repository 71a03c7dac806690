import KimDerive
import KimModel

extension Website {
    func zahlen() -> Seite {
        let abbildungen = auswertung.bevoelkerung.map { tabelle in
            vorlagen.render("partials/abbildung", mitKontext(Abbildungen.tabelle(tabelle))) ?? ""
        }
        let werte = mitKontext(["wurzel": "", "abbildungen": abbildungen])
        return Seite(pfad: "zahlen.html", titel: "Zahlen",
                     beschreibung: "Bevölkerung mit Einwanderungsgeschichte in \(projekt.kommune.name) nach Sozialraum und Altersgruppe.",
                     inhalt: vorlagen.render("seiten/zahlen", werte) ?? "", bereich: "zahlen", brotkrumen: [])
    }

    func gremien(_ diagnostics: inout [Diagnostic]) -> Seite {
        let werte = mitKontext([
            "wurzel": "",
            "strukturbild": vorlagen.render("partials/strukturbild", mitKontext(Abbildungen.strukturbild(projekt.gremien.gremien, verweise: ""))) ?? "",
        ])
        return Seite(pfad: "gremien.html", titel: "Gremien",
                     beschreibung: "Lenkungskreis, Facharbeitskreis Integration, Projektgruppen und weitere Gremien des KIM in \(projekt.kommune.name).",
                     inhalt: vorlagen.render("seiten/gremien", werte) ?? "", bereich: "gremien", brotkrumen: [])
    }

    func quellen() -> Seite {
        Seite(pfad: "quellen.html", titel: "Quellen",
              beschreibung: "Literatur und Rechtsgrundlagen, auf die sich das Handlungskonzept stützt, und die Datenquellen der Zahlen.",
              inhalt: vorlagen.render("seiten/quellen", mitKontext(["wurzel": ""])) ?? "", bereich: "quellen", brotkrumen: [])
    }
}
