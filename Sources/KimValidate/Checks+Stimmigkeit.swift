import KimDerive
import KimModel

extension Validate {
    /// Data that must not contradict itself unnoticed: a proposal's deadline against the milestone it
    /// cites, a Vorlage number used twice, a Kennzahl below its target while its milestone is done,
    /// percentages of different periods, and a figure dated after the Fassung that prints it.
    static func checkStimmigkeit(_ projekt: Projekt, _ findings: inout Findings) {
        checkFassungsstichtage(projekt, &findings)
        guard let daten = projekt.berichtsdaten else { return }
        let file = "data/berichte.json"
        let meilensteine = Dictionary(projekt.meilensteinplan.meilensteine.map { ($0.id, $0) }) { erster, _ in erster }

        for (index, eintrag) in (daten.entscheidungen ?? []).enumerated() {
            for datum in Self.fristenImText(eintrag.beschlussvorschlag) {
                for id in eintrag.meilensteine ?? [] {
                    guard let meilenstein = meilensteine[id], datum > meilenstein.ende else { continue }
                    findings.warning(file, "/entscheidungen/\(index)/beschlussvorschlag",
                                     "der Beschlussvorschlag „\(eintrag.titel)“ setzt eine Frist bis \(Format.datum(datum)), der Meilenstein „\(meilenstein.titel)“, auf den er sich bezieht, endet am \(Format.datum(meilenstein.ende))",
                                     hint: "die Frist im Vorschlag an das Ende des Meilensteins anpassen oder den Meilenstein mit \"urspruenglichesEnde\" verschieben")
                }
            }
        }

        var vorlagen: [String: String] = [:]
        let nummern = daten.berichte.enumerated().compactMap { i, b in b.vorlage.map { ($0, "/berichte/\(i)/vorlage") } }
            + (daten.entscheidungen ?? []).enumerated().compactMap { i, e in e.vorlage.map { ($0, "/entscheidungen/\(i)/vorlage") } }
        for (nummer, pointer) in nummern {
            if let erste = vorlagen[nummer] {
                findings.warning(file, pointer, "die Vorlagennummer „\(nummer)“ ist zweimal vergeben (zuerst \(findings.stelle(file, erste)))",
                                 hint: "jede Vorlage hat ihre eigene Nummer")
            } else {
                vorlagen[nummer] = pointer
            }
        }

        for (k, kennzahl) in (daten.kennzahlen ?? []).enumerated() {
            let base = "/kennzahlen/\(k)"
            if let id = kennzahl.meilenstein {
                if let meilenstein = meilensteine[id] {
                    checkKennzahlGegenMeilenstein(kennzahl, meilenstein, file: file, base: base, &findings)
                } else {
                    findings.error(file, "\(base)/meilenstein", "Meilenstein \"\(id)\" steht nicht in data/meilensteine.json")
                }
            }
            let jahre = Set(kennzahl.werte.map(\.stichtag.jahr))
            if kennzahl.einheit == "%", jahre.count > 1, let ohne = kennzahl.werte.firstIndex(where: { $0.zeitraum == nil }) {
                findings.warning(file, "\(base)/werte/\(ohne)",
                                 "die Prozentwerte von „\(kennzahl.name)“ reichen über \(jahre.count) Jahre, ohne Zeitraum würde der Bericht Werte verschiedener Zeiträume vergleichen",
                                 hint: "bei jedem Wert \"zeitraum\" angeben, z. B. \"Förderjahr \(kennzahl.werte[ohne].stichtag.jahr)\"")
            }
        }
    }

    /// A milestone that reaches the target is done, yet a value from that day on lies below the target.
    static func checkKennzahlGegenMeilenstein(_ kennzahl: Kennzahl, _ meilenstein: Meilenstein, file: String, base: String, _ findings: inout Findings) {
        guard let soll = kennzahl.soll, meilenstein.status == .erledigt, let erledigt = meilenstein.erledigtAm else { return }
        for (w, wert) in kennzahl.werte.enumerated() where wert.stichtag >= erledigt && wert.wert < soll {
            findings.warning(file, "\(base)/werte/\(w)/wert",
                             "„\(kennzahl.name)“ zeigt am \(Format.datum(wert.stichtag)) \(zahl(wert.wert)) bei einem Soll von \(zahl(soll)), der Meilenstein „\(meilenstein.titel)“ ist aber seit dem \(Format.datum(erledigt)) erledigt",
                             hint: "den Wert oder den Status des Meilensteins prüfen")
        }
    }

    /// A Fassung prints only what was known on its date: no figure of a later Stichtag.
    static func checkFassungsstichtage(_ projekt: Projekt, _ findings: inout Findings) {
        for fassung in projekt.handlungskonzept.fassungen {
            let file = projekt.archiv[fassung.nummer] == nil ? "data/demografie.json" : "data/fassungen/\(fassung.nummer)/demografie.json"
            let demografie = projekt.stand(fassung.nummer).demografie
            for (i, indikator) in (demografie.indikatoren ?? []).enumerated() where indikator.stichtag > fassung.datum {
                findings.warning(file, "/indikatoren/\(i)/stichtag",
                                 "„\(indikator.name)“ hat den Stichtag \(Format.datum(indikator.stichtag)), Fassung \(fassung.nummer) ist aber vom \(Format.datum(fassung.datum)); sie kann die Zahl nicht kennen",
                                 hint: "den Wert aus dieser Fassung nehmen oder einen Stichtag vor dem Datum der Fassung eintragen")
            }
            for (t, tabelle) in demografie.tabellen.enumerated() where tabelle.stichtag > fassung.datum {
                findings.warning(file, "/tabellen/\(t)/stichtag",
                                 "die Tabelle „\(tabelle.id)“ hat den Stichtag \(Format.datum(tabelle.stichtag)), Fassung \(fassung.nummer) ist aber vom \(Format.datum(fassung.datum))",
                                 hint: "einen Stichtag vor dem Datum der Fassung eintragen")
            }
        }
    }

    static func zahl(_ wert: Double) -> String {
        wert.rounded() == wert && abs(wert) < 1e15 ? Format.zahl(Int(wert)) : Format.dezimal(wert)
    }

    /// Deadlines a proposal sets in its words: every "bis zum 31.03.2022" / "bis 31.03.2022".
    static func fristenImText(_ text: String) -> [Datum] {
        text.matches(of: /bis (?:zum )?(\d{2})\.(\d{2})\.(\d{4})/).compactMap { treffer in
            guard let tag = Int(treffer.1), let monat = Int(treffer.2), let jahr = Int(treffer.3) else { return nil }
            return Datum(jahr: jahr, monat: monat, tag: tag)
        }
    }
}
