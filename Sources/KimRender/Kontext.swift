import KimDerive
import KimModel

/// The values templates see, as a tree of dictionaries, lists, strings and
/// booleans. Numbers and dates are already German-formatted text here.
public typealias Kontext = [String: Any]

enum KontextBuilder {
    static func projekt(_ projekt: Projekt, _ auswertung: Auswertung) -> Kontext {
        [
            "kommune": kommune(projekt.kommune),
            "ki": ki(projekt.kommune.ki),
            "bausteine": projekt.programm.bausteine.map { ["nummer": String($0.nummer), "titel": $0.titel, "beschreibung": $0.beschreibung] },
            "overhead": overhead(projekt.programm.overhead),
            "zielgruppen": zielgruppen(projekt.programm.zielgruppen),
            "demografie": demografie(projekt.demografie, auswertung),
            "strukturbild": ["abbildung": String(auswertung.abbildungen.strukturbild)] as Kontext,
            "gremien": gremien(projekt.gremien.gremien),
            "quellen": quellen(projekt.quellen.quellen),
            "handlungskonzept": handlungskonzept(projekt.handlungskonzept, auswertung.aktuelleFassung),
            "rechtliches": Spiegel.kontext(projekt.rechtliches) ?? [:],
            // true only in the printed Handlungskonzept: text about clicking and links stays on the site.
            "druck": false,
            // Pages link the glossary only where there is one (a new project has none).
            "hatGlossar": !projekt.glossar.isEmpty,
            // Which datasets are invented for illustration; their pages say so.
            "beispiel": ["angebote": projekt.angebote.beispieldaten ?? false, "gremien": projekt.gremien.beispieldaten ?? false,
                         "quellen": projekt.quellen.beispieldaten ?? false, "programm": projekt.programm.beispieldaten ?? false] as Kontext,
        ]
    }

    static func kommune(_ kommune: Kommune) -> Kontext {
        let formen = Ortsformen(kommune)
        return ["name": kommune.name, "bezeichnung": kommune.bezeichnung, "art": kommune.art,
         "ortIn": formen.inForm, "genitiv": formen.genitiv, "kurzform": formen.kurzform, "gebiet": formen.gebiet, "weit": formen.weit,
         "beispieldaten": kommune.beispieldaten ?? false,
         "anschrift": anschrift(kommune.anschrift),
         "sozialraeume": kommune.sozialraeume.map { ["nummer": $0.nummer, "name": $0.name] },
         "raumwort": raumwort(kommune)]
    }

    /// The Kommune's word for a Sozialraum: `einzahl`, `mehrzahl`, `mitIn` ("im Sozialraum").
    static func raumwort(_ kommune: Kommune) -> Kontext {
        let begriff = kommune.sozialraumbegriff ?? .sozialraum
        return ["einzahl": begriff.einzahl, "mehrzahl": begriff.mehrzahl, "mitIn": begriff.mitIn]
    }

    static func anschrift(_ anschrift: Anschrift) -> Kontext {
        ["strasse": anschrift.strasse, "plz": anschrift.plz, "ort": anschrift.ort]
    }

    static func ki(_ ki: KommunalesIntegrationszentrum) -> Kontext {
        ["bereich": ki.bereich, "name": ki.name, "dezernat": ki.dezernat, "anschrift": anschrift(ki.anschrift),
         "kontakt": Spiegel.kontext(ki.kontakt) ?? Leer()]
    }

    static func overhead(_ overhead: Overhead) -> Kontext {
        ["koordinationsstellen": Format.dezimal(overhead.koordinationsstellen),
         "verwaltungsassistenz": Format.dezimal(overhead.verwaltungsassistenz),
         "aufgabenbereiche": overhead.aufgabenbereiche.map { ["buchstabe": $0.buchstabe, "titel": $0.titel, "aufgaben": $0.aufgaben] }]
    }

    static func zielgruppen(_ zielgruppen: Zielgruppen) -> Kontext {
        ["gesamtprozess": zielgruppen.gesamtprozess,
         "caseManagement": zielgruppen.caseManagement,
         "teilhabemanagement": zielgruppen.teilhabemanagement.flatMap { Spiegel.kontext($0) } ?? Leer()]
    }

    static func zeile(_ zeile: Bevoelkerungsauswertung.Zeile) -> Kontext {
        ["nummer": zeile.sozialraum.nummer, "name": zeile.sozialraum.name,
         "insgesamt": Format.zahl(zeile.insgesamt), "anzahl": Format.zahl(zeile.mitEinwanderungsgeschichte),
         "anteil": zeile.anteil.map(Format.anteil) ?? "–",
         "mehrAlsHaelfte": (zeile.anteil?.zehntelProzent ?? 0) > 500]
    }

    static func demografie(_ demografie: Demografie, _ auswertung: Auswertung) -> Kontext {
        var kontext: Kontext = [:]
        var tabellen: [Kontext] = []
        for tabelle in auswertung.bevoelkerung {
            let eintrag: Kontext = [
                "id": tabelle.tabelle.id,
                "abbildung": String(auswertung.abbildungen.tabelle(tabelle.tabelle.id)),
                "titel": tabelle.tabelle.titel,
                "gruppe": tabelle.tabelle.gruppe,
                "stichtag": Format.datum(tabelle.tabelle.stichtag),
                "quelle": tabelle.tabelle.quelle,
                "zeilen": tabelle.zeilen.map(zeile),
                "summe": zeile(tabelle.summe),
                "meisteAnzahl": zeile(tabelle.meisteAnzahl),
                "hoechsterAnteil": zeile(tabelle.hoechsterAnteil),
                "geringsterAnteil": zeile(tabelle.geringsterAnteil),
                "spitzeGleich": tabelle.spitzeGleich,
            ]
            kontext[tabelle.tabelle.id] = eintrag
            tabellen.append(eintrag)
        }
        let indikatoren = (demografie.indikatoren ?? []).map(indikator)
        kontext["tabellen"] = tabellen
        kontext["indikatoren"] = indikatoren
        kontext["indikator"] = Dictionary(zip((demografie.indikatoren ?? []).map(\.id), indikatoren)) { erster, _ in erster }
        kontext["beispieldaten"] = demografie.beispieldaten ?? false
        return kontext
    }

    static func indikator(_ indikator: Indikator) -> Kontext {
        ["id": indikator.id, "name": indikator.name, "wert": Format.dezimal(indikator.wert),
         "einheit": indikator.einheit ?? Leer(), "stichtag": Format.datum(indikator.stichtag),
         "quelle": indikator.quelle, "definition": indikator.definition ?? Leer()]
    }

    static func gremien(_ gremien: [Gremium]) -> Kontext {
        var kontext: Kontext = [:]
        for gremium in gremien {
            kontext[gremium.id] = self.gremium(gremium, alle: gremien)
        }
        kontext["alle"] = gremien.map { self.gremium($0, alle: gremien) }
        return kontext
    }

    static func gremium(_ gremium: Gremium, alle: [Gremium]) -> Kontext {
        let kontext: Kontext = [
            "id": gremium.id, "name": gremium.name, "kurzname": gremium.kurzname, "art": gremium.art,
            "beschreibung": gremium.beschreibung,
            "aufgaben": gremium.aufgaben, "arbeitsweise": gremium.arbeitsweise,
            "mitglieder": gremium.mitglieder.map { mitglied -> Kontext in
                var eintrag: Kontext = ["bezeichnung": mitglied.bezeichnung, "rolle": mitglied.rolle ?? Leer()]
                eintrag["angebote"] = (mitglied.angebote ?? []).map { ["name": $0.name, "teile": $0.teile ?? []] as Kontext }
                return eintrag
            },
            "hatMitglieder": !gremium.mitglieder.isEmpty,
            "vertretungen": gremium.vertretungen.map { vertretung -> Kontext in
                let ziel = alle.first { $0.id == vertretung.gremium }
                return ["gremium": ziel?.kurzname ?? vertretung.gremium, "anzahl": vertretung.anzahl == 1 ? "eine Vertretung" : "\(vertretung.anzahl) Vertretungen"]
            },
            "geschaeftsfuehrung": gremium.geschaeftsfuehrung ?? Leer(),
            "sitzungenProJahr": gremium.sitzungenProJahr.map(String.init) ?? Leer(),
            // As a phrase after "Beschlüsse": "im Konsens", "einstimmig", "mit Mehrheit".
            "beschlussfassung": gremium.beschlussfassung.map { ["Konsens": "im Konsens", "mehrheitlich": "mit Mehrheit"][$0] ?? $0 } ?? Leer(),
            "enthaltungenZulaessig": gremium.enthaltungenZulaessig ?? false,
        ]
        return kontext
    }

    static func quellen(_ quellen: [Quelle]) -> Kontext {
        var kontext: Kontext = [:]
        for quelle in quellen {
            kontext[quelle.id] = ["id": quelle.id, "zitat": zitat(quelle), "url": quelle.url ?? Leer()] as Kontext
        }
        kontext["alle"] = quellen.sorted { zitat($0) < zitat($1) }.map { ["id": $0.id, "zitat": zitat($0)] as Kontext }
        return kontext
    }

    /// Citation in the seed's style: "Bogumil, J./Hafner, J. 2019: Titel. (Zusatz). Bochum"
    static func zitat(_ quelle: Quelle) -> String {
        var text = quelle.autoren
        if let jahr = quelle.jahr { text += " \(jahr)" }
        text += ": \(quelle.titel)"
        if quelle.zusatz != nil || quelle.ort != nil { text += "." }
        if let zusatz = quelle.zusatz { text += " \(zusatz)" }
        if let ort = quelle.ort { text += " \(ort)" }
        return text
    }

    static func handlungskonzept(_ handlungskonzept: Handlungskonzept, _ fassung: Fassung) -> Kontext {
        ["titel": handlungskonzept.titel, "untertitel": handlungskonzept.untertitel,
         "fassung": ["nummer": String(fassung.nummer), "datum": Format.datum(fassung.datum),
                     "beschlossenVon": fassung.beschlossenVon, "zusammenfassung": fassung.zusammenfassung,
                     "pdf": "downloads/handlungskonzept-fassung-\(fassung.nummer).pdf"] as Kontext,
         // One line per change, however many templates (Fassungen) it was made in.
         "korrekturen": (handlungskonzept.korrekturen ?? []).reduce(into: [(String, String)]()) { liste, k in
             if !liste.contains(where: { $0 == (k.original, k.korrigiert) }) { liste.append((k.original, k.korrigiert)) }
         }.map { ["original": $0.0, "korrigiert": $0.1] as Kontext },
         "beispieldaten": handlungskonzept.beispieldaten ?? false]
    }

    /// The same tree with every text escaped for Markdown, for `*.md` templates.
    static func fuerMarkdown(_ value: Any) -> Any {
        switch value {
        case let text as String: return Escape.markdown(text)
        case let dictionary as Kontext: return dictionary.mapValues(fuerMarkdown)
        case let list as [Any]: return list.map(fuerMarkdown)
        default: return value
        }
    }
}
