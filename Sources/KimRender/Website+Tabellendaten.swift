import KimDerive
import KimModel

/// The tables of the Zahlen page and the Gremien's registers as open data (`downloads/`).
extension Website {
    static let bevoelkerungsspalten = [
        Datentabelle.Spalte(name: "sozialraum_nummer", bedeutung: "Nummer des Sozialraums (statistischer Bezirk); leer in der Zeile „Gesamt“"),
        Datentabelle.Spalte(name: "sozialraum", bedeutung: "Name des Sozialraums; „Gesamt“ in der letzten Zeile (Summe aller Sozialräume)"),
        Datentabelle.Spalte(name: "insgesamt", bedeutung: "Personen der Gruppe insgesamt (Anzahl)"),
        Datentabelle.Spalte(name: "mit_einwanderungsgeschichte", bedeutung: "davon Personen mit Einwanderungsgeschichte (Anzahl)"),
        Datentabelle.Spalte(name: "anteil_prozent", bedeutung: "Anteil mit Einwanderungsgeschichte in Prozent, aus den Anzahlen berechnet, kaufmännisch auf eine Nachkommastelle gerundet, mit Dezimalpunkt; leer, wo niemand der Gruppe lebt"),
    ]

    /// A population table with the shares and the total computed as on the Zahlen page.
    func bevoelkerungsdaten(_ auswertung: Bevoelkerungsauswertung) -> Datentabelle {
        func zeile(_ zeile: Bevoelkerungsauswertung.Zeile, nummer: Bool) -> [Datentabelle.Zelle] {
            [nummer ? .text(zeile.sozialraum.nummer) : .leer, .text(zeile.sozialraum.name), .zahl(zeile.insgesamt),
             .zahl(zeile.mitEinwanderungsgeschichte), .anteil(zeile.anteil)]
        }
        let tabelle = auswertung.tabelle
        return Datentabelle(spalten: Self.bevoelkerungsspalten, zeilen: auswertung.zeilen.map { zeile($0, nummer: true) },
                            summe: zeile(auswertung.summe, nummer: false),
                            kopf: ["titel": tabelle.titel, "gruppe": tabelle.gruppe, "stichtag": tabelle.stichtag.iso,
                                   "quelle": tabelle.quelle, "stand": projekt.demografie.stand.iso])
    }

    static let kennzahlspalten = [
        Datentabelle.Spalte(name: "indikator", bedeutung: "Kennung des Indikators"),
        Datentabelle.Spalte(name: "bezeichnung", bedeutung: "Name des Indikators"),
        Datentabelle.Spalte(name: "wert", bedeutung: "Wert, mit Dezimalpunkt"),
        Datentabelle.Spalte(name: "einheit", bedeutung: "Was gezählt ist, z. B. Personen; leer, wenn nicht angegeben"),
        Datentabelle.Spalte(name: "stichtag", bedeutung: "Stichtag des Werts (JJJJ-MM-TT)"),
        Datentabelle.Spalte(name: "quelle", bedeutung: "Quelle des Werts"),
        Datentabelle.Spalte(name: "definition", bedeutung: "Wie der Indikator abgegrenzt ist; leer, wenn nicht angegeben"),
    ]

    /// The indicators the Zahlen page shows besides the tables.
    func kennzahldaten() -> Datentabelle {
        Datentabelle(spalten: Self.kennzahlspalten,
                     zeilen: (projekt.demografie.indikatoren ?? []).map { indikator in
                         [.text(indikator.id), .text(indikator.name), .dezimal(indikator.wert), indikator.einheit.map { .text($0) } ?? .leer,
                          .text(indikator.stichtag.iso), .text(indikator.quelle), indikator.definition.map { .text($0) } ?? .leer]
                     },
                     kopf: ["stand": projekt.demografie.stand.iso, "quelle": projekt.demografie.quelle])
    }

    /// The Beschlussregister (see `beschlussexport`).
    func beschlussdaten() -> Datentabelle {
        beschlussexport.tabelle(auswertung.gremienarbeit.beschluesse, kopf: sitzungskopf())
    }

    func aufgabendaten() -> Datentabelle {
        var kopf = sitzungskopf()
        kopf["stichtag"] = auswertung.stichtag.iso
        return aufgabenexport.tabelle(auswertung.gremienarbeit.aufgaben, kopf: kopf)
    }

    private func sitzungskopf() -> [String: Any] {
        ["stand": sitzungsstand.geaendert.iso, "quelle": "Niederschriften der Sitzungen der KIM-Gremien (öffentliche Teile)",
         "beispieldaten": projekt.sitzungen.contains { $0.beispieldaten == true }]
    }

    /// First and last Stand of the Sitzungen; the Gremien's Stand when there is none yet.
    var sitzungsstand: (veroeffentlicht: Datum, geaendert: Datum) {
        let staende = projekt.sitzungen.map(\.stand)
        return (staende.min() ?? projekt.gremien.stand, staende.max() ?? projekt.gremien.stand)
    }

    /// Every table file of the site: the Zahlen page's tables, the indicators, the registers.
    func tabellendateien() -> [String: String] {
        var dateien: [String: String] = [:]
        for auswertung in auswertung.bevoelkerung {
            let tabelle = bevoelkerungsdaten(auswertung)
            let name = Self.bevoelkerungsname(auswertung.tabelle)
            dateien["downloads/\(name).csv"] = tabelle.csv
            dateien["downloads/\(name).json"] = tabelle.json
        }
        for (name, tabelle) in [("kennzahlen", kennzahldaten()), ("beschluesse", beschlussdaten()), ("aufgaben", aufgabendaten())] {
            dateien["downloads/\(name).csv"] = tabelle.csv
            dateien["downloads/\(name).json"] = tabelle.json
        }
        return dateien
    }

    static func bevoelkerungsname(_ tabelle: Bevoelkerungstabelle) -> String {
        // The id is unique and, by its schema pattern, safe in a file name and a URL.
        "bevoelkerung-" + tabelle.id
    }
}
