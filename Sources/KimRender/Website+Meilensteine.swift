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
        var zeilen = [["id", "titel", "baustein", "handlungsfeld", "beginn", "ende", "verantwortlich", "beteiligt", "status", "status_am_stichtag", "erledigt_am", "bemerkung"]]
        for e in auswertung.eintraege {
            let m = e.meilenstein
            zeilen.append([m.id, m.titel, String(m.baustein), felder[m.handlungsfeld] ?? m.handlungsfeld, m.beginn.iso, m.ende.iso,
                           m.verantwortlich, m.beteiligt.joined(separator: "; "), m.status.rawValue, e.status.bezeichnung,
                           m.erledigtAm?.iso ?? "", m.bemerkung ?? ""])
        }
        let json = JSONText.encode(["stand": plan.stand.iso, "quelle": plan.quelle, "beispieldaten": plan.beispieldaten ?? false,
                                    "stichtag": auswertung.stichtag.iso,
                                    "meilensteine": auswertung.eintraege.map { e -> [String: Any] in
                                        let m = e.meilenstein
                                        var eintrag: [String: Any] = ["id": m.id, "titel": m.titel, "baustein": m.baustein, "handlungsfeld": m.handlungsfeld,
                                                                      "beginn": m.beginn.iso, "ende": m.ende.iso, "verantwortlich": m.verantwortlich,
                                                                      "beteiligt": m.beteiligt, "status": m.status.rawValue, "statusAmStichtag": e.status.bezeichnung]
                                        if let erledigt = m.erledigtAm { eintrag["erledigtAm"] = erledigt.iso }
                                        if let bemerkung = m.bemerkung { eintrag["bemerkung"] = bemerkung }
                                        return eintrag
                                    }])
        return ([seite], ["downloads/meilensteine.csv": CSV.text(zeilen), "downloads/meilensteine.json": json])
    }

    /// Decisions that name a milestone, linked to their meeting.
    func beschluesseZu(_ meilenstein: String, wurzel: String) -> [Kontext] {
        (verzeichnis.beschluesseNachMeilenstein[meilenstein] ?? []).map {
            ["id": $0.beschluss.id, "text": "Beschluss vom \(Format.datum($0.sitzung.datum))",
             "href": "\(wurzel)sitzungen/\($0.sitzung.id).html#\($0.beschluss.id)"]
        }
    }
}

/// The milestone timeline: one bar per milestone across the quarters, a line at the as-of date.
/// Two layouts of the same drawing: wide (titles left of the bars, scrolls sideways) and narrow
/// (each title above its bar, quarters across the width of a phone), so both can be read without zooming.
enum Zeitleiste {
    struct Mass {
        /// Width of the title column left of the bars; 0 puts each title above its bar.
        let links: Int
        let spalte: Int
        let zeile: Int
        let titelLaenge: Int
        let id: String
    }

    static func kontext(_ auswertung: Meilensteinauswertung) -> Kontext {
        let quartale = auswertung.quartale
        guard !quartale.isEmpty else { return ["leer": true, "breit": Leer(), "schmal": Leer()] }
        let schmaleSpalte = max(340 / quartale.count, 8)
        return ["leer": false,
                "breit": zeichnung(auswertung, Mass(links: 330, spalte: 84, zeile: 26, titelLaenge: 40, id: "zeitleiste")),
                "schmal": zeichnung(auswertung, Mass(links: 0, spalte: schmaleSpalte, zeile: 40, titelLaenge: 50, id: "zeitleiste-schmal"))]
    }

    static func zeichnung(_ auswertung: Meilensteinauswertung, _ mass: Mass) -> Kontext {
        let quartale = auswertung.quartale
        let erstes = quartale.first ?? Quartal(auswertung.stichtag)
        let (links, spalte, zeile, oben) = (mass.links, mass.spalte, mass.zeile, 40)
        let obenAuf = mass.links == 0
        let breite = links + quartale.count * spalte + 10
        func x(_ datum: Datum) -> Int {
            let index = quartale.firstIndex(of: Quartal(datum)) ?? (Quartal(datum) < erstes ? 0 : quartale.count - 1)
            let quartalsbeginn = (datum.quartal - 1) * 3 + 1
            let anteil = Double((datum.monat - quartalsbeginn) * 30 + datum.tag - 1) / 92.0
            return links + index * spalte + Int((min(max(anteil, 0), 1) * Double(spalte)).rounded())
        }
        let balken: [Kontext] = auswertung.eintraege.enumerated().map { index, eintrag in
            let m = eintrag.meilenstein
            let start = x(m.beginn), ende = max(x(m.ende), start + 6)
            let y = oben + index * zeile
            let titel = m.titel.count > mass.titelLaenge ? String(m.titel.prefix(mass.titelLaenge - 1)) + "…" : m.titel
            return ["titel": titel, "langtitel": m.titel,
                    "x": String(start), "y": String(obenAuf ? y + 20 : y + 5), "breite": String(ende - start),
                    "textY": String(obenAuf ? y + 14 : y + 17),
                    "status": eintrag.status.rawValue, "statusText": eintrag.status.bezeichnung]
        }
        let hoehe = oben + auswertung.eintraege.count * zeile + 20
        // Quarter labels need about 40 px each: on a narrow drawing only every n-th is named.
        let jedes = max(1, Int((40.0 / Double(spalte)).rounded(.up)))
        let spalten: [Kontext] = quartale.enumerated().map { index, quartal in
            ["x": String(links + index * spalte), "textX": String(links + index * spalte + (obenAuf ? 2 : spalte / 2)),
             "name": index % jedes == 0 ? (obenAuf ? "Q\(quartal.nummer)/\(quartal.jahr % 100)" : quartal.kurz) : ""]
        }
        var kontext: Kontext = ["id": mass.id, "art": obenAuf ? "schmal" : "breit", "breite": String(breite), "hoehe": String(hoehe), "balken": balken, "spalten": spalten,
                                "linienY2": String(hoehe - 10),
                                "titelX": obenAuf ? "0" : String(links - 10), "titelAnker": obenAuf ? "start" : "end",
                                "quartalAnker": obenAuf ? "start" : "middle",
                                "beschreibung": "Zeitleiste der \(auswertung.eintraege.count) Meilensteine nach Quartalen; Farbe und Text zeigen den Stand am \(Format.datum(auswertung.stichtag)). Die Tabelle darunter enthält dieselben Angaben."]
        if let letztes = quartale.last, Quartal(auswertung.stichtag) >= erstes, Quartal(auswertung.stichtag) <= letztes {
            kontext["stichtagX"] = String(x(auswertung.stichtag))
            kontext["stichtag"] = Format.datum(auswertung.stichtag)
        } else {
            kontext["stichtagX"] = Leer()
            kontext["stichtag"] = Leer()
        }
        return kontext
    }
}
