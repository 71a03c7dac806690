import KimDerive
import KimModel

/// Contexts for the figure partials: a demographic table with its bar chart
/// (the structure chart is in Abbildungen+Strukturbild.swift). Geometry is computed
/// here, drawing is left to `templates/partials/*.html`.
enum Abbildungen {
    /// `vergleichbar`: every table whose chart shows the same measure; they share one scale,
    /// so bars of different figures can be compared by eye.
    static func tabelle(_ auswertung: Bevoelkerungsauswertung, abbildungen: Abbildungsnummern, sozialraumnummern: Bool,
                        raumwort: String = Sozialraumbegriff.sozialraum.einzahl, vergleichbar: [Bevoelkerungsauswertung] = []) -> Kontext {
        let nummer = abbildungen.tabelle(auswertung.tabelle.id)
        let tabelle = auswertung.tabelle
        let id = "abb-\(nummer)"
        // Label above each bar, so the chart stays readable at phone width without scaling down.
        let zeilenhoehe = 46, oben = 8, links = 4, balkenbreite = 270
        let alle = vergleichbar.isEmpty ? [auswertung] : vergleichbar
        let maximum = max(alle.flatMap(\.zeilen).compactMap(\.anteil?.zehntelProzent).max() ?? 0, 1)
        // The scale ends at the next multiple of ten percent above the highest share of all comparable charts.
        let skala = min(1000, ((maximum + 99) / 100) * 100)
        let balken: [Kontext] = auswertung.zeilen.enumerated().map { index, zeile in
            let zehntel = zeile.anteil?.zehntelProzent ?? 0
            let breite = Int((Double(zehntel) / Double(skala) * Double(balkenbreite)).rounded())
            let y = oben + index * zeilenhoehe
            return [
                "name": sozialraumnummern ? "\(zeile.sozialraum.nummer) \(zeile.sozialraum.name)" : zeile.sozialraum.name,
                "wert": zeile.anteil.map(Format.prozent) ?? "–",
                "textY": String(y + 14), "balkenY": String(y + 20),
                "x": String(links), "breite": String(max(breite, 1)),
                "wertX": String(links + breite + 8), "wertY": String(y + 35),
                "hervorgehoben": zeile.sozialraum == auswertung.hoechsterAnteil.sozialraum,
            ]
        }
        let achseY = oben + auswertung.zeilen.count * zeilenhoehe
        let hoechster = auswertung.hoechsterAnteil
        let geringster = auswertung.geringsterAnteil
        let beschreibung = "Balkendiagramm: Anteil der Personen mit Einwanderungsgeschichte an der Gruppe „\(tabelle.gruppe)“ je \(raumwort), Stichtag \(Format.datum(tabelle.stichtag)). "
            + "Am höchsten in \(hoechster.sozialraum.name) (\(hoechster.anteil.map(Format.prozent) ?? "–")), am niedrigsten in \(geringster.sozialraum.name) (\(geringster.anteil.map(Format.prozent) ?? "–")); "
            + "gesamt \(auswertung.summe.anteil.map(Format.prozent) ?? "–"). Die Werte stehen in der Tabelle darüber."
        return [
            "id": id,
            "abbildung": String(nummer),
            "titel": tabelle.titel,
            "gruppe": tabelle.gruppe,
            "stichtag": Format.datum(tabelle.stichtag),
            "quelle": tabelle.quelle,
            "zeilen": auswertung.zeilen.map(KontextBuilder.zeile),
            "sozialraumnummern": sozialraumnummern,
            "summe": KontextBuilder.zeile(auswertung.summe),
            "diagramm": [
                "breite": String(links + balkenbreite + 70),
                "hoehe": String(achseY + 26),
                "balken": balken,
                "skalaText": "0 bis \(skala / 10) %" + (alle.count > 1 ? ", gleich in Abb. " + alle.map { String(abbildungen.tabelle($0.tabelle.id)) }.joined(separator: ", ") : ""),
                "skalaY": String(achseY + 18),
                "skalaEndeX": String(links + balkenbreite + 66),
                "beschreibung": beschreibung,
            ] as Kontext,
        ]
    }
}
