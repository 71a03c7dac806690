import KimDerive
import KimModel

extension Website {
    /// The overview page and one page per chapter of the current Fassung.
    func handlungskonzept(_ diagnostics: inout [Diagnostic]) -> [Seite] {
        let fassung = auswertung.aktuelleFassung
        let titel = projekt.handlungskonzept.titel
        let renderer = KapitelRenderer(vorlagen: vorlagen, markdownKontext: markdownKontext, basis: kontext, projekt: projekt, auswertung: auswertung)
        var seiten: [Seite] = []
        var naechsteFussnote = 1
        for (index, kapitel) in fassung.kapitel.enumerated() {
            guard let vorlage = projekt.vorlagen[kapitel.vorlage] else { continue }
            let ergebnis = renderer.render(vorlage, ersteFussnote: naechsteFussnote, diagnostics: &diagnostics)
            naechsteFussnote = ergebnis.naechsteFussnote
            func nachbar(_ offset: Int) -> Kontext? {
                let position = index + offset
                guard fassung.kapitel.indices.contains(position) else { return nil }
                let anderes = fassung.kapitel[position]
                return ["titel": "\(anderes.nummer). \(anderes.titel)", "href": "\(anderes.slug).html"]
            }
            let werte: Kontext = [
                "wurzel": "../",
                "kapitel": ["nummer": String(kapitel.nummer), "titel": kapitel.titel] as Kontext,
                "inhalt": ergebnis.html,
                "inhaltsverzeichnis": ergebnis.inhalt.map { ["id": $0.id, "text": $0.text] as Kontext },
                "hatInhaltsverzeichnis": ergebnis.inhalt.count > 1,
                "fussnoten": ergebnis.fussnoten,
                "hatFussnoten": !ergebnis.fussnoten.isEmpty,
                "zurueck": nachbar(-1) ?? Leer(),
                "weiter": nachbar(1) ?? Leer(),
            ]
            seiten.append(Seite(pfad: "handlungskonzept/\(kapitel.slug).html", titel: "\(kapitel.nummer). \(kapitel.titel)",
                                beschreibung: "Kapitel \(kapitel.nummer) des \(titel) der \(projekt.kommune.bezeichnung), Fassung \(fassung.nummer) vom \(Format.datum(fassung.datum)).",
                                inhalt: vorlagen.render("seiten/kapitel", mitKontext(werte)) ?? "",
                                bereich: "handlungskonzept", brotkrumen: [("Handlungskonzept", "handlungskonzept/index.html")]))
        }
        let uebersicht = mitKontext([
            "wurzel": "../",
            "kapitel": kapitelListe(wurzel: "../"),
            "fassungen": projekt.handlungskonzept.fassungen.sorted { $0.nummer > $1.nummer }.map {
                ["nummer": String($0.nummer), "datum": Format.datum($0.datum), "beschlossenVon": $0.beschlossenVon,
                 "zusammenfassung": $0.zusammenfassung, "aktuell": $0.nummer == fassung.nummer] as Kontext
            },
        ])
        seiten.insert(Seite(pfad: "handlungskonzept/index.html", titel: titel,
                            beschreibung: "\(titel) der \(projekt.kommune.bezeichnung): alle Kapitel der Fassung \(fassung.nummer).",
                            inhalt: vorlagen.render("seiten/handlungskonzept", uebersicht) ?? "",
                            bereich: "handlungskonzept", brotkrumen: []), at: 0)
        return seiten
    }
}
