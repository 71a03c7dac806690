import KimDerive
import KimModel

/// Contexts for the figure partials: a demographic table with its bar chart,
/// and the structure chart of the Gremien (Abb. 4). Geometry is computed here,
/// drawing is left to `templates/partials/*.html`.
enum Abbildungen {
    static func tabelle(_ auswertung: Bevoelkerungsauswertung) -> Kontext {
        let tabelle = auswertung.tabelle
        let id = "abb-\(tabelle.abbildung)"
        // Label above each bar, so the chart stays readable at phone width without scaling down.
        let zeilenhoehe = 46, oben = 8, links = 4, balkenbreite = 270
        let maximum = max(auswertung.zeilen.compactMap(\.anteil?.zehntelProzent).max() ?? 0, 1)
        // The scale ends at the next multiple of ten percent above the highest share.
        let skala = min(1000, ((maximum + 99) / 100) * 100)
        let balken: [Kontext] = auswertung.zeilen.enumerated().map { index, zeile in
            let zehntel = zeile.anteil?.zehntelProzent ?? 0
            let breite = Int((Double(zehntel) / Double(skala) * Double(balkenbreite)).rounded())
            let y = oben + index * zeilenhoehe
            return [
                "name": "\(zeile.sozialraum.nummer) \(zeile.sozialraum.name)",
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
        let beschreibung = "Balkendiagramm: Anteil der Personen mit Einwanderungsgeschichte an der Gruppe „\(tabelle.gruppe)“ je Sozialraum, Stichtag \(Format.datum(tabelle.stichtag)). "
            + "Am höchsten in \(hoechster.sozialraum.name) (\(hoechster.anteil.map(Format.prozent) ?? "–")), am niedrigsten in \(geringster.sozialraum.name) (\(geringster.anteil.map(Format.prozent) ?? "–")); "
            + "gesamt \(auswertung.summe.anteil.map(Format.prozent) ?? "–"). Die Werte stehen in der Tabelle darüber."
        return [
            "id": id,
            "abbildung": String(tabelle.abbildung),
            "titel": tabelle.titel,
            "gruppe": tabelle.gruppe,
            "stichtag": Format.datum(tabelle.stichtag),
            "quelle": tabelle.quelle,
            "zeilen": auswertung.zeilen.map(KontextBuilder.zeile),
            "summe": KontextBuilder.zeile(auswertung.summe),
            "diagramm": [
                "breite": String(links + balkenbreite + 70),
                "hoehe": String(achseY + 26),
                "balken": balken,
                "skalaText": "0 bis \(skala / 10) %",
                "skalaY": String(achseY + 18),
                "skalaEndeX": String(links + balkenbreite),
                "beschreibung": beschreibung,
            ] as Kontext,
        ]
    }

    /// Abb. 4: the Gremien of the KIM structure by level, lines for "jeweils eine Vertretung".
    /// Drawn 400 units wide, so a phone shows it at about its own size; a long name takes two lines;
    /// each box links to its Gremium's page under `verweise` (the way to the site root).
    static func strukturbild(_ gremien: [Gremium], verweise: String) -> Kontext {
        let breite = 400
        let ebenen = Dictionary(grouping: gremien.filter { $0.strukturebene != nil }) { $0.strukturebene ?? 0 }
        let meiste = max(ebenen.values.map(\.count).max() ?? 1, 1)
        let kastenbreite = min(240, (breite - 16 * (meiste + 1)) / meiste)
        // About 8.5 units per character of 15-unit bold Open Sans.
        let zeichenJeZeile = max((kastenbreite - 12) * 2 / 17, 6)
        let kastenhoehe = 60
        var kaesten: [Kontext] = []
        var mitten: [String: (x: Int, y: Int)] = [:]
        for ebene in ebenen.keys.sorted() {
            let liste = ebenen[ebene] ?? []
            let y = 20 + (ebene - 1) * 150
            let abstand = breite / max(liste.count, 1)
            for (index, gremium) in liste.enumerated() {
                let mitteX = abstand / 2 + index * abstand
                let x = mitteX - kastenbreite / 2
                mitten[gremium.id] = (mitteX, y)
                let zeilen = umbrechen(gremium.kurzname, zeichen: zeichenJeZeile)
                let ersteZeileY = y + kastenhoehe / 2 + 6 - (zeilen.count - 1) * 9
                kaesten.append(["name": gremium.kurzname, "x": String(x), "y": String(y),
                                "breite": String(kastenbreite), "hoehe": String(kastenhoehe),
                                "href": "\(verweise)gremien/\(gremium.id).html",
                                "zeilen": zeilen.enumerated().map { nummer, text in
                                    ["text": text, "y": String(ersteZeileY + nummer * 18)] as Kontext
                                },
                                "textX": String(mitteX), "textY": String(y + kastenhoehe / 2 + 6)])
            }
        }
        var linien: [Kontext] = []
        var beschreibungen: [String] = []
        for gremium in gremien {
            guard let von = mitten[gremium.id] else { continue }
            for vertretung in gremium.vertretungen {
                guard let nach = mitten[vertretung.gremium],
                      let ziel = gremien.first(where: { $0.id == vertretung.gremium }) else { continue }
                linien.append(["x1": String(von.x), "y1": String(von.y), "x2": String(nach.x), "y2": String(nach.y + kastenhoehe)])
                let anzahl = vertretung.anzahl == 1 ? "eine Vertretung" : "\(vertretung.anzahl) Vertretungen"
                beschreibungen.append("\(gremium.kurzname) entsendet \(anzahl) in den \(ziel.kurzname)")
            }
        }
        let gemeinsam = Set(gremien.flatMap { gremium in
            mitten[gremium.id] == nil ? [] : gremium.vertretungen.filter { mitten[$0.gremium] != nil }.map(\.anzahl)
        })
        let hinweis = gemeinsam == [1] ? "jeweils eine Vertretung" : ""
        let tiefste = (ebenen.keys.max() ?? 1)
        return [
            "breite": String(breite),
            "hoehe": String(20 + (tiefste - 1) * 150 + kastenhoehe + 20),
            "kaesten": kaesten,
            "linien": linien,
            "hinweis": hinweis,
            "hinweisX": String(breite / 2),
            // Just above the lower boxes, where the two lines are far enough apart for the label.
            "hinweisY": String(20 + 150 - 12),
            "beschreibung": "KIM-Gesamtstruktur: " + (kaesten.compactMap { $0["name"] as? String }.joined(separator: ", "))
                + ". " + beschreibungen.joined(separator: "; ") + ".",
        ]
    }

    /// A name in at most two lines of about `zeichen` characters, broken at the space nearest the middle.
    static func umbrechen(_ name: String, zeichen: Int) -> [String] {
        guard name.count > zeichen else { return [name] }
        let woerter = name.split(separator: " ").map(String.init)
        guard woerter.count > 1 else { return [name] }
        var beste = 1
        var besterAbstand = Int.max
        for teilung in 1..<woerter.count {
            let links = woerter[..<teilung].joined(separator: " ").count
            let rechts = woerter[teilung...].joined(separator: " ").count
            if abs(links - rechts) < besterAbstand { (beste, besterAbstand) = (teilung, abs(links - rechts)) }
        }
        return [woerter[..<beste].joined(separator: " "), woerter[beste...].joined(separator: " ")]
    }
}
