import KimDerive
import KimModel

extension Website {
    /// Every dataset of the site, in the order the Offene-Daten page lists them.
    func datenangebot() -> [Datensatz] {
        let demografie = projekt.demografie
        let ortsformen = Ortsformen(projekt.kommune)
        var datensaetze: [Datensatz] = auswertung.bevoelkerung.map { auswertung in
            let tabelle = auswertung.tabelle
            return Datensatz(
                id: Self.bevoelkerungsname(tabelle), titel: ortsformen.ergaenzt(tabelle.titel, um: ortsformen.inForm),
                beschreibung: "\(tabelle.gruppe) und Personen mit Einwanderungsgeschichte je Sozialraum am \(Format.datum(tabelle.stichtag)), mit dem berechneten Anteil und der Summe (Abbildung \(self.auswertung.abbildungen.tabelle(tabelle.id)) des Handlungskonzepts).",
                veroeffentlicht: demografie.stand, geaendert: demografie.stand, quelle: tabelle.quelle,
                themen: ["SOCI"], schlagworte: ["Bevölkerung", "Einwanderungsgeschichte", "Sozialraum", "Integration"], beispieldaten: demografie.beispieldaten ?? false,
                seite: "zahlen.html#abb-\(self.auswertung.abbildungen.tabelle(tabelle.id))", dateien: Datensatz.tabellendateien(Self.bevoelkerungsname(tabelle)),
                spalten: Self.bevoelkerungsspalten)
        }
        if let indikatoren = demografie.indikatoren, let erster = indikatoren.first {
            datensaetze.append(Datensatz(
                id: "kennzahlen", titel: "Weitere Kennzahlen zur Integration \(ortsformen.inForm)",
                beschreibung: "Die Indikatoren, die die Zahlen-Seite neben den Tabellen zeigt (\(indikatoren.map(\.name).joined(separator: ", "))), mit Stichtag, Quelle und Abgrenzung.",
                veroeffentlicht: demografie.stand, geaendert: demografie.stand, quelle: Set(indikatoren.map(\.quelle)).count == 1 ? erster.quelle : demografie.quelle,
                themen: ["SOCI"], schlagworte: ["Integration"] + indikatoren.map(\.name), beispieldaten: demografie.beispieldaten ?? false,
                seite: "zahlen.html#indikator-\(erster.id)", dateien: Datensatz.tabellendateien("kennzahlen"), spalten: Self.kennzahlspalten))
        }
        let angebote = projekt.angebote
        datensaetze.append(Datensatz(
            id: "angebote", titel: "Beratungsangebote für Menschen mit Einwanderungsgeschichte \(ortsformen.inForm) (Anlage 1)",
            beschreibung: "Beratungs- und Case-Management-Angebote mit Träger, Kategorie, Zielgruppen, Rechtskreisen, Sozialräumen, Sprachen und Kontakt.",
            veroeffentlicht: angebote.stand, geaendert: angebote.stand, quelle: angebote.quelle,
            themen: ["SOCI"], schlagworte: ["Beratung", "Integration", "Case Management"], beispieldaten: angebote.beispieldaten ?? false,
            seite: "anlage-1/index.html", dateien: Datensatz.tabellendateien("angebote"), spalten: angebotsexport.spalten))
        let plan = projekt.meilensteinplan
        datensaetze.append(Datensatz(
            id: "meilensteine", titel: "Meilensteinplan des KIM \(Ortsformen(projekt.kommune).kurzform) (Anlage 2)",
            beschreibung: "Meilensteine der Umsetzung mit Zeitraum, Verantwortlichen und ihrem Stand am \(Format.datum(auswertung.stichtag)).",
            veroeffentlicht: plan.stand, geaendert: plan.stand, quelle: plan.quelle,
            themen: ["GOVE", "SOCI"], schlagworte: ["Meilensteine", "Integration", "Umsetzung"], beispieldaten: plan.beispieldaten ?? false,
            seite: "anlage-2/index.html", dateien: Datensatz.tabellendateien("meilensteine"), spalten: meilensteinexport.spalten))
        let sitzungen = sitzungsstand
        let beispiel = projekt.sitzungen.contains { $0.beispieldaten == true }
        datensaetze.append(Datensatz(
            id: "beschluesse", titel: "Beschlüsse der KIM-Gremien \(Ortsformen(projekt.kommune).kurzform)",
            beschreibung: "Alle veröffentlichten Beschlüsse der Gremien des Kommunalen Integrationsmanagements mit Sitzung, Tagesordnungspunkt, Wortlaut und Ergebnis.",
            veroeffentlicht: sitzungen.veroeffentlicht, geaendert: sitzungen.geaendert, quelle: "Niederschriften der Sitzungen (öffentliche Teile)",
            themen: ["GOVE"], schlagworte: ["Beschlüsse", "Gremien", "Integration"], beispieldaten: beispiel,
            seite: "beschluesse.html", dateien: Datensatz.tabellendateien("beschluesse"), spalten: beschlussexport.spalten))
        datensaetze.append(Datensatz(
            id: "aufgaben", titel: "Aufgaben aus den Sitzungen der KIM-Gremien \(Ortsformen(projekt.kommune).kurzform)",
            beschreibung: "Aufgaben aus den öffentlichen Teilen der Sitzungen mit Verantwortlichen, Frist und Stand am \(Format.datum(auswertung.stichtag)).",
            veroeffentlicht: sitzungen.veroeffentlicht, geaendert: sitzungen.geaendert, quelle: "Niederschriften der Sitzungen (öffentliche Teile)",
            themen: ["GOVE"], schlagworte: ["Aufgaben", "Gremien", "Integration"], beispieldaten: beispiel,
            seite: "aufgaben.html", dateien: Datensatz.tabellendateien("aufgaben"), spalten: aufgabenexport.spalten))
        datensaetze.append(Datensatz(
            id: "sitzungskalender", titel: "Sitzungskalender der KIM-Gremien \(Ortsformen(projekt.kommune).kurzform)",
            beschreibung: "Die Sitzungen der Gremien als Kalender zum Abonnieren: öffentliche Sitzungen mit Uhrzeit, Ort und Link zur Niederschrift, nicht öffentliche nur mit Datum und Gremium.",
            veroeffentlicht: sitzungen.veroeffentlicht, geaendert: sitzungen.geaendert, quelle: "Niederschriften der Sitzungen",
            themen: ["GOVE"], schlagworte: ["Sitzungen", "Gremien", "Kalender"], beispieldaten: beispiel,
            seite: "gremien.html", dateien: [Datensatz.Datei(pfad: Sitzungskalender.pfad, format: "iCalendar", dateityp: "ICS")], spalten: []))
        if !optionen.intern {
            datensaetze.append(Datensatz(
                id: "oparl", titel: "Gremien und Sitzungen des KIM \(Ortsformen(projekt.kommune).kurzform) (OParl 1.1)",
                beschreibung: "Die Gremien, ihre Sitzungen und die öffentlichen Tagesordnungspunkte mit Beschlüssen über die Schnittstelle OParl 1.1 für Ratsinformationssysteme; Einstieg ist das System-Objekt.",
                veroeffentlicht: min(projekt.gremien.stand, sitzungen.veroeffentlicht), geaendert: max(projekt.gremien.stand, sitzungen.geaendert),
                quelle: projekt.gremien.quelle, themen: ["GOVE"], schlagworte: ["OParl", "Gremien", "Sitzungen"], beispieldaten: beispiel,
                seite: "gremien.html", dateien: [Datensatz.Datei(pfad: "oparl/system.json", format: "OParl 1.1 (JSON)", dateityp: "JSON")], spalten: []))
        }
        return datensaetze
    }
}
