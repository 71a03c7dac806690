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

    static let beschlussspalten = [
        Datentabelle.Spalte(name: "id", bedeutung: "Kennung des Beschlusses"),
        Datentabelle.Spalte(name: "datum", bedeutung: "Datum der Sitzung (JJJJ-MM-TT)"),
        Datentabelle.Spalte(name: "gremium", bedeutung: "Kennung des Gremiums"),
        Datentabelle.Spalte(name: "gremium_name", bedeutung: "Name des Gremiums"),
        Datentabelle.Spalte(name: "sitzung", bedeutung: "Kennung der Sitzung"),
        Datentabelle.Spalte(name: "top", bedeutung: "Nummer des Tagesordnungspunkts"),
        Datentabelle.Spalte(name: "top_titel", bedeutung: "Titel des Tagesordnungspunkts"),
        Datentabelle.Spalte(name: "wortlaut", bedeutung: "Wortlaut des Beschlusses"),
        Datentabelle.Spalte(name: "ergebnis", bedeutung: "Ergebnis: Konsens, einstimmig, mehrheitlich, vertagt, abgelehnt oder zur Kenntnis genommen"),
        Datentabelle.Spalte(name: "enthaltungen", bedeutung: "Zahl der Enthaltungen; leer, wenn nicht festgehalten"),
        Datentabelle.Spalte(name: "meilensteine", bedeutung: "Kennungen der betroffenen Meilensteine aus Anlage 2, durch „; “ getrennt"),
        Datentabelle.Spalte(name: "url", bedeutung: "Adresse des Beschlusses in der Niederschrift"),
    ]

    /// The Beschlussregister: only what the public filter left, so only public decisions.
    func beschlussdaten() -> Datentabelle {
        let basis = projekt.kommune.basisUrl
        let zeilen: [[Datentabelle.Zelle]] = auswertung.gremienarbeit.beschluesse.map { eintrag in
            let beschluss = eintrag.beschluss, sitzung = eintrag.sitzung
            return [.text(beschluss.id), .text(sitzung.datum.iso), .text(sitzung.gremium),
                    .text(verzeichnis.gremien[sitzung.gremium]?.name ?? sitzung.gremium), .text(sitzung.id),
                    .text(eintrag.punkt.nummer), .text(eintrag.punkt.titel), .text(beschluss.wortlaut), .text(beschluss.ergebnis.rawValue),
                    beschluss.enthaltungen.map { .zahl($0) } ?? .leer, .text(beschluss.meilensteine.joined(separator: "; ")),
                    .text("\(basis)sitzungen/\(sitzung.id).html#\(beschluss.id)")]
        }
        return Datentabelle(spalten: Self.beschlussspalten, zeilen: zeilen, kopf: sitzungskopf())
    }

    static let aufgabenspalten = [
        Datentabelle.Spalte(name: "id", bedeutung: "Kennung der Aufgabe"),
        Datentabelle.Spalte(name: "was", bedeutung: "Was zu tun ist"),
        Datentabelle.Spalte(name: "verantwortlich", bedeutung: "Wer verantwortlich ist"),
        Datentabelle.Spalte(name: "frist", bedeutung: "Frist (JJJJ-MM-TT)"),
        Datentabelle.Spalte(name: "status", bedeutung: "Status laut Niederschrift: offen oder erledigt"),
        Datentabelle.Spalte(name: "status_am_stichtag", bedeutung: "Stand am Stichtag der Veröffentlichung: offen, erledigt oder überfällig"),
        Datentabelle.Spalte(name: "erledigt_am", bedeutung: "Datum der Erledigung (JJJJ-MM-TT); leer, solange offen"),
        Datentabelle.Spalte(name: "gremium", bedeutung: "Kennung des Gremiums, in dessen Sitzung die Aufgabe vergeben wurde"),
        Datentabelle.Spalte(name: "sitzung", bedeutung: "Kennung der Sitzung"),
        Datentabelle.Spalte(name: "datum_sitzung", bedeutung: "Datum der Sitzung (JJJJ-MM-TT)"),
        Datentabelle.Spalte(name: "url", bedeutung: "Adresse der Aufgabe in der Niederschrift"),
    ]

    func aufgabendaten() -> Datentabelle {
        let basis = projekt.kommune.basisUrl
        let zeilen: [[Datentabelle.Zelle]] = auswertung.gremienarbeit.aufgaben.map { eintrag in
            let aufgabe = eintrag.aufgabe, sitzung = eintrag.sitzung
            return [.text(aufgabe.id), .text(aufgabe.was), .text(aufgabe.verantwortlich), .text(aufgabe.frist.iso),
                    .text(aufgabe.status.rawValue), .text(eintrag.status.bezeichnung), aufgabe.erledigtAm.map { .text($0.iso) } ?? .leer,
                    .text(sitzung.gremium), .text(sitzung.id), .text(sitzung.datum.iso),
                    .text("\(basis)sitzungen/\(sitzung.id).html#\(aufgabe.id)")]
        }
        var kopf = sitzungskopf()
        kopf["stichtag"] = auswertung.stichtag.iso
        return Datentabelle(spalten: Self.aufgabenspalten, zeilen: zeilen, kopf: kopf)
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
