import KimDerive
import KimModel

extension Website {
    /// The Offene-Daten page: every dataset with its files, licence, Stand, Quelle and columns,
    /// and the feeds and interfaces. Its list is the catalogue's, so page and catalogue agree.
    func offeneDaten(_ datensaetze: [Datensatz]) -> Seite {
        let offen = projekt.offeneDaten
        let eintraege: [Kontext] = datensaetze.map { datensatz in
            ["id": datensatz.id, "titel": datensatz.titel, "beschreibung": datensatz.beschreibung,
             "stand": Format.datum(datensatz.geaendert), "quelle": datensatz.quelle, "beispieldaten": datensatz.beispieldaten,
             "seite": datensatz.seite,
             "dateien": datensatz.dateien.map { datei -> Kontext in
                 ["href": datei.pfad, "format": datei.format, "name": String(datei.pfad.split(separator: "/").last ?? "")]
             },
             "spalten": datensatz.spalten.map { ["name": $0.name, "bedeutung": $0.bedeutung] as Kontext },
             "hatSpalten": !datensatz.spalten.isEmpty]
        }
        let werte = mitKontext([
            "wurzel": "",
            "lizenz": ["name": offen.lizenz.name, "text": offen.lizenz.text, "uri": offen.lizenz.uri] as Kontext,
            "namensnennung": offen.namensnennung,
            "offeneDatenBeispiel": offen.beispieldaten ?? false,
            "kontaktstelle": ["name": offen.kontakt.name, "email": offen.kontakt.email ?? Leer()] as Kontext,
            "datensaetze": eintraege,
            "oparl": !optionen.intern,
        ])
        return Seite(pfad: "offene-daten.html", titel: "Offene Daten",
                     beschreibung: "Alle Daten des KIM \(Ortsformen(projekt.kommune).kurzform) zum Herunterladen: Tabellen als CSV und JSON, Sitzungskalender, OParl, Atom-Feed und DCAT-AP.de-Katalog.",
                     inhalt: vorlagen.render("seiten/offene-daten", werte) ?? "", bereich: "", brotkrumen: [])
    }

    /// The catalogue, the calendar and the table files that go with the Offene-Daten page.
    func offeneDatenDateien(_ datensaetze: [Datensatz]) -> [String: String] {
        var dateien = tabellendateien()
        dateien[Sitzungskalender.pfad] = Sitzungskalender(projekt).text
        let erste = projekt.handlungskonzept.fassungen.map(\.datum).min() ?? auswertung.aktuelleFassung.datum
        dateien[Katalog.pfad] = Katalog(projekt: projekt, datensaetze: datensaetze, veroeffentlicht: erste).text
        return dateien
    }
}
