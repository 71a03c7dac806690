import KimDerive
import KimModel

extension Website {
    /// Anlage 2: statuses as of the build's date, counts, a timeline and the table by quarter and Baustein.
    func meilensteine() -> (seiten: [Seite], dateien: [String: String]) {
        let auswertung = self.auswertung.meilensteine
        let plan = projekt.meilensteinplan
        let felder = Dictionary(plan.handlungsfelder.map { ($0.id, $0.name) }) { erstes, _ in erstes }
        func eintrag(_ eintrag: Meilensteinauswertung.Eintrag) -> Kontext {
            let m = eintrag.meilenstein
            return ["id": m.id, "titel": m.titel, "baustein": String(m.baustein), "handlungsfeld": felder[m.handlungsfeld] ?? m.handlungsfeld,
                    "zeitraum": "\(Format.datum(m.beginn)) bis \(Format.datum(m.ende))", "quartal": Quartal(m.ende).kurz,
                    "verantwortlich": m.verantwortlich, "beteiligt": m.beteiligt.joined(separator: ", "),
                    "status": eintrag.status.bezeichnung, "statusKlasse": eintrag.status.rawValue,
                    "ueberfaellig": eintrag.status == .ueberfaellig,
                    "erledigtAm": m.erledigtAm.map(Format.datum) ?? Leer(), "bemerkung": m.bemerkung ?? Leer(),
                    "spaet": Zeitleiste.verspaetung(m) != nil, "planEnde": Format.datum(m.ende),
                    "beschluesse": beschluesseZu(m.id, wurzel: "../")]
        }
        let quartale: [Kontext] = auswertung.quartale.compactMap { quartal in
            let darin = auswertung.eintraege.filter { Quartal($0.meilenstein.ende) == quartal }
            guard !darin.isEmpty else { return nil }
            return ["name": quartal.bezeichnung, "id": "q\(quartal.nummer)-\(quartal.jahr)",
                    "bausteine": (1...3).compactMap { baustein -> Kontext? in
                        let auswahl = darin.filter { $0.meilenstein.baustein == baustein }
                        return auswahl.isEmpty ? nil : ["baustein": String(baustein), "meilensteine": auswahl.map(eintrag)]
                    }]
        }
        let zaehlung: [Kontext] = [Stichtagsstatus.erledigt, .laufend, .geplant, .verschoben, .ueberfaellig].map {
            ["status": $0.bezeichnung, "klasse": $0.rawValue, "anzahl": Format.zahl(auswertung.anzahl($0))]
        }
        let werte = mitKontext([
            "wurzel": "../", "stichtag": Format.datum(auswertung.stichtag), "beispieldaten": plan.beispieldaten ?? false,
            "stand": Format.datum(plan.stand), "quelle": plan.quelle,
            "zaehlung": zaehlung, "quartale": quartale,
            "zeitleiste": Zeitleiste.kontext(auswertung),
        ])
        let seite = Seite(pfad: "anlage-2/index.html", titel: "Meilensteinplan (Anlage 2)",
                          beschreibung: "Meilensteine der KIM-Umsetzung \(Ortsformen(projekt.kommune).inForm) mit ihrem Stand am \(Format.datum(auswertung.stichtag)).",
                          inhalt: vorlagen.render("seiten/meilensteine", werte) ?? "", bereich: "meilensteine", brotkrumen: [])
        let export = meilensteinexport
        let json = JSONText.encode(["stand": plan.stand.iso, "quelle": plan.quelle, "beispieldaten": plan.beispieldaten ?? false,
                                    "stichtag": auswertung.stichtag.iso, "meilensteine": auswertung.eintraege.map(export.jsonEintrag)])
        return ([seite], ["downloads/meilensteine.csv": export.tabelle(auswertung.eintraege).csv, "downloads/meilensteine.json": json])
    }

    /// Decisions that name a milestone, linked to their meeting; each link says which Gremium, day and agenda item
    /// it leads to, and a second decision of the same item is numbered, so no two link texts of a row are alike.
    func beschluesseZu(_ meilenstein: String, wurzel: String) -> [Kontext] {
        let eintraege = verzeichnis.beschluesseNachMeilenstein[meilenstein] ?? []
        var gesehen: [String: Int] = [:]
        return eintraege.map { eintrag in
            var text = "Beschluss: \(gremiumName(eintrag.sitzung.gremium)), \(Format.datum(eintrag.sitzung.datum)), TOP \(eintrag.punkt.nummer)"
            gesehen[text, default: 0] += 1
            if let anzahl = gesehen[text], anzahl > 1 { text += " (\(anzahl))" }
            return ["id": eintrag.beschluss.id, "text": text,
                    "href": "\(wurzel)sitzungen/\(eintrag.sitzung.id).html#\(eintrag.beschluss.id)"]
        }
    }
}

/// The milestone timeline: one row per milestone across the quarters, a line at the as-of date.
/// Two layouts of the same drawing: wide (titles left of the bars, scrolls sideways) and narrow
/// (each title above its bar, quarters across the width of a phone), so both can be read without zooming.
/// Titles wrap instead of being cut; the planned period is an outline and what happened is the filled bar,
/// so a milestone finished after its planned end reaches past the outline and says so in words; the
/// as-of line is drawn beside each bar only, never through a title.
enum Zeitleiste {
    struct Mass {
        /// Width of the title column left of the bars; 0 puts each title above its bar.
        let links: Int
        let spalte: Int
        /// Characters per title line at 13 px (about 7 px each, with room for wide letters).
        let zeichenProZeile: Int
        let id: String
    }

    static let zeilenabstand = 16, balkenhoehe = 16

    static func kontext(_ auswertung: Meilensteinauswertung) -> Kontext {
        let quartale = auswertung.quartale
        guard !quartale.isEmpty else { return ["leer": true, "breit": Leer(), "schmal": Leer()] }
        let schmaleSpalte = max(340 / quartale.count, 8)
        return ["leer": false,
                "breit": zeichnung(auswertung, Mass(links: 330, spalte: 84, zeichenProZeile: 44, id: "zeitleiste")),
                "schmal": zeichnung(auswertung, Mass(links: 0, spalte: schmaleSpalte, zeichenProZeile: 46, id: "zeitleiste-schmal"))]
    }

    /// Words into lines of at most `laenge` characters; a longer word stands on a line of its own.
    static func umbrechen(_ text: String, _ laenge: Int) -> [String] {
        var zeilen: [String] = []
        var zeile = ""
        for wort in text.split(separator: " ") {
            if zeile.isEmpty {
                zeile = String(wort)
            } else if zeile.count + 1 + wort.count <= laenge {
                zeile += " " + wort
            } else {
                zeilen.append(zeile)
                zeile = String(wort)
            }
        }
        if !zeile.isEmpty { zeilen.append(zeile) }
        return zeilen.isEmpty ? [""] : zeilen
    }

    /// "erledigt am 01.09.2021, geplant bis 30.06.2021" for a milestone done after its planned end; nil otherwise.
    static func verspaetung(_ m: Meilenstein) -> String? {
        guard let erledigt = m.erledigtAm, erledigt > m.ende else { return nil }
        return "erledigt am \(Format.datum(erledigt)), geplant bis \(Format.datum(m.ende))"
    }

    static func zeichnung(_ auswertung: Meilensteinauswertung, _ mass: Mass) -> Kontext {
        let quartale = auswertung.quartale
        let erstes = quartale.first ?? Quartal(auswertung.stichtag)
        let (links, spalte, oben) = (mass.links, mass.spalte, 40)
        let obenAuf = mass.links == 0
        let breite = links + quartale.count * spalte + 10
        func x(_ datum: Datum) -> Int {
            let index = quartale.firstIndex(of: Quartal(datum)) ?? (Quartal(datum) < erstes ? 0 : quartale.count - 1)
            let quartalsbeginn = (datum.quartal - 1) * 3 + 1
            let anteil = Double((datum.monat - quartalsbeginn) * 30 + datum.tag - 1) / 92.0
            return links + index * spalte + Int((min(max(anteil, 0), 1) * Double(spalte)).rounded())
        }
        let stichtagX: Int? = quartale.last.flatMap { letztes in
            Quartal(auswertung.stichtag) >= erstes && Quartal(auswertung.stichtag) <= letztes ? x(auswertung.stichtag) : nil
        }
        var y = oben
        let balken: [Kontext] = auswertung.eintraege.map { eintrag in
            let m = eintrag.meilenstein
            var zeilen = umbrechen(m.titel, mass.zeichenProZeile)
            let spaet = verspaetung(m)
            if let spaet { zeilen += umbrechen(spaet, mass.zeichenProZeile) }
            let textHoehe = zeilen.count * zeilenabstand
            // Narrow: the title lines, then the bar. Wide: the bar beside the first title line.
            let balkenY = obenAuf ? y + textHoehe + 2 : y + 3
            let zeilenhoehe = obenAuf ? textHoehe + balkenhoehe + 12 : max(textHoehe, balkenhoehe + 4) + 10
            let planStart = x(m.beginn), planEnde = max(x(m.ende), planStart + 6)
            let istEnde = m.erledigtAm.map { max(x($0), planStart + 6) } ?? planEnde
            let texte: [Kontext] = zeilen.enumerated().map { nummer, text in
                ["text": text, "y": String(y + 13 + nummer * zeilenabstand),
                 "klasse": spaet != nil && nummer >= zeilen.count - umbrechen(spaet ?? "", mass.zeichenProZeile).count ? "zeitleiste__spaet" : "zeitleiste__titel"]
            }
            let kontext: Kontext = [
                "zeilen": texte, "langtitel": m.titel,
                "x": String(planStart), "y": String(balkenY), "breite": String(istEnde - planStart),
                "planBreite": String(planEnde - planStart),
                "spaet": spaet ?? Leer(),
                "stichtagY1": String(balkenY - 1), "stichtagY2": String(balkenY + balkenhoehe + 4),
                "status": eintrag.status.rawValue, "statusText": eintrag.status.bezeichnung,
            ]
            y += zeilenhoehe
            return kontext
        }
        let hoehe = y + 24
        // Quarter labels need about 40 px each: on a narrow drawing only every n-th is named.
        let jedes = max(1, Int((40.0 / Double(spalte)).rounded(.up)))
        let spalten: [Kontext] = quartale.enumerated().map { index, quartal in
            ["x": String(links + index * spalte), "textX": String(links + index * spalte + (obenAuf ? 2 : spalte / 2)),
             "name": index % jedes == 0 ? (obenAuf ? "Q\(quartal.nummer)/\(quartal.jahr % 100)" : quartal.kurz) : ""]
        }
        var kontext: Kontext = ["id": mass.id, "art": obenAuf ? "schmal" : "breit", "breite": String(breite), "hoehe": String(hoehe), "balken": balken, "spalten": spalten,
                                // Grid lines stop above the titles of a narrow drawing: they run only through the quarter row.
                                "linienY2": String(obenAuf ? 24 : hoehe - 20),
                                "titelX": obenAuf ? "0" : String(links - 10), "titelAnker": obenAuf ? "start" : "end",
                                "quartalAnker": obenAuf ? "start" : "middle",
                                "beschreibung": "Zeitleiste der \(auswertung.eintraege.count) Meilensteine nach Quartalen; der Rahmen zeigt den geplanten Zeitraum, der gefüllte Balken den tatsächlichen, Farbe und Text den Stand am \(Format.datum(auswertung.stichtag)). Die Tabelle darunter enthält dieselben Angaben."]
        if let stichtagX {
            kontext["stichtagX"] = String(stichtagX)
            kontext["stichtag"] = Format.datum(auswertung.stichtag)
            // The label stays inside the drawing, also when the date is near its right edge.
            kontext["stichtagAnker"] = stichtagX > breite - 60 ? "end" : (stichtagX < links + 60 ? "start" : "middle")
            kontext["stichtagTextY"] = String(hoehe - 6)
        } else {
            kontext["stichtagX"] = Leer()
            kontext["stichtag"] = Leer()
        }
        return kontext
    }
}
