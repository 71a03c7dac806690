import KimDerive
import KimMarkdown
import KimModel

extension Website {
    /// A page per Gremium and per Sitzung, the Beschlussregister and the Aufgabenliste.
    func sitzungsseiten() -> [Seite] {
        let gremien = projekt.gremien.gremien
        let krumen: [(String, String)] = [("Gremien", "gremien.html")]
        var seiten: [Seite] = []
        let sitzungenNachGremium = Dictionary(grouping: projekt.sitzungen, by: \.gremium)
        for gremium in gremien {
            let sitzungen = sitzungenNachGremium[gremium.id] ?? []
            let werte = mitKontext([
                "wurzel": "../",
                "gremium": KontextBuilder.gremium(gremium, alle: gremien),
                "sitzungen": sitzungen.map { sitzungKurz($0, wurzel: "../") },
                "hatSitzungen": !sitzungen.isEmpty,
            ])
            seiten.append(Seite(pfad: "gremien/\(gremium.id).html", titel: gremium.name,
                                beschreibung: "\(gremium.name): Aufgaben, Mitglieder und Sitzungen.",
                                inhalt: vorlagen.render("seiten/gremium", werte) ?? "", bereich: "gremien", brotkrumen: krumen))
        }
        seiten += Parallel.map(projekt.sitzungen) { sitzung in
            let gremium = verzeichnis.gremien[sitzung.gremium]
            let werte = mitKontext(["wurzel": "../", "sitzung": sitzungVoll(sitzung, wurzel: "../")])
            return Seite(pfad: "sitzungen/\(sitzung.id).html", titel: "\(sitzung.nummer). Sitzung \(gremium?.kurzname ?? sitzung.gremium) am \(Format.datum(sitzung.datum))",
                                beschreibung: "Niederschrift der \(sitzung.nummer). Sitzung \(gremium?.name ?? sitzung.gremium) vom \(Format.datum(sitzung.datum)).",
                                inhalt: vorlagen.render("seiten/sitzung", werte) ?? "", bereich: "gremien",
                         brotkrumen: krumen + [(gremium?.kurzname ?? sitzung.gremium, "gremien/\(sitzung.gremium).html")])
        }
        seiten.append(beschlussregister())
        seiten.append(aufgabenliste())
        return seiten
    }

    func gremiumName(_ id: String) -> String {
        verzeichnis.gremien[id]?.kurzname ?? id
    }

    func sitzungKurz(_ sitzung: Sitzung, wurzel: String) -> Kontext {
        ["id": sitzung.id, "nummer": String(sitzung.nummer), "datum": Format.datum(sitzung.datum),
         "gremium": gremiumName(sitzung.gremium), "href": "\(wurzel)sitzungen/\(sitzung.id).html",
         "beispieldaten": sitzung.beispieldaten ?? false, "ort": sitzung.ort]
    }

    func sitzungVoll(_ sitzung: Sitzung, wurzel: String) -> Kontext {
        func meilensteinLinks(_ ids: [String]) -> [Kontext] {
            ids.map { ["id": $0, "titel": verzeichnis.meilensteine[$0]?.titel ?? $0, "href": "\(wurzel)anlage-2/index.html#\($0)"] }
        }
        var kontext = sitzungKurz(sitzung, wurzel: wurzel)
        kontext["beginn"] = sitzung.beginn
        kontext["ende"] = sitzung.ende
        kontext["gremiumHref"] = "\(wurzel)gremien/\(sitzung.gremium).html"
        kontext["gremiumName"] = verzeichnis.gremien[sitzung.gremium]?.name ?? sitzung.gremium
        kontext["oeffentlich"] = sitzung.oeffentlich
        kontext["niederschriftGenehmigt"] = sitzung.niederschriftGenehmigt ?? false
        kontext["anwesend"] = sitzung.teilnahme.filter(\.anwesend).map(teilnahme)
        kontext["entschuldigt"] = sitzung.teilnahme.filter { !$0.anwesend }.map(teilnahme)
        kontext["tagesordnung"] = sitzung.tagesordnung.map { punkt -> Kontext in
            ["nummer": punkt.nummer, "titel": punkt.titel, "oeffentlich": punkt.oeffentlich,
             "id": "top-\(Escape.slug(punkt.nummer))",
             "bericht": punkt.bericht.map { Markdown.html($0) } ?? Leer(),
             "beschluesse": punkt.beschluesse.map { beschluss -> Kontext in
                 ["id": beschluss.id, "wortlaut": beschluss.wortlaut, "ergebnis": beschluss.ergebnis.rawValue,
                  "enthaltungen": beschluss.enthaltungen.map { $0 == 1 ? "1 Enthaltung" : "\($0) Enthaltungen" } ?? Leer(),
                  "meilensteine": meilensteinLinks(beschluss.meilensteine)]
             },
             "aufgaben": punkt.aufgaben.map { aufgabe($0, status: Stichtagsstatus.von($0, am: auswertung.stichtag)) },
             "meilensteine": meilensteinLinks(punkt.meilensteine)]
        }
        return kontext
    }

    func teilnahme(_ teilnahme: Teilnahme) -> Kontext {
        // Personal names only with consent, in the internal build too.
        let name: Any = teilnahme.einwilligung == true ? (teilnahme.name.map { $0 as Any } ?? Leer()) : Leer()
        return ["organisation": teilnahme.organisation, "rolle": teilnahme.rolle ?? Leer(), "name": name]
    }

    func aufgabe(_ aufgabe: Aufgabe, status: Stichtagsstatus) -> Kontext {
        ["id": aufgabe.id, "was": aufgabe.was, "verantwortlich": aufgabe.verantwortlich, "frist": Format.datum(aufgabe.frist),
         "status": status.bezeichnung, "statusKlasse": status.rawValue, "erledigtAm": aufgabe.erledigtAm.map(Format.datum) ?? Leer()]
    }

    func beschlussregister() -> Seite {
        let eintraege = auswertung.gremienarbeit.beschluesse
        let nachGremium = Dictionary(grouping: eintraege, by: \.sitzung.gremium)
        let gruppen: [Kontext] = projekt.gremien.gremien.compactMap { gremium in
            let eigene = nachGremium[gremium.id] ?? []
            guard !eigene.isEmpty else { return nil }
            let jahre = Set(eigene.map(\.sitzung.datum.jahr)).sorted()
            return ["gremium": gremium.name, "id": gremium.id,
                    "jahre": jahre.map { jahr -> Kontext in
                        ["jahr": String(jahr), "beschluesse": eigene.filter { $0.sitzung.datum.jahr == jahr }.map { eintrag -> Kontext in
                            ["id": eintrag.beschluss.id, "wortlaut": eintrag.beschluss.wortlaut, "ergebnis": eintrag.beschluss.ergebnis.rawValue,
                             "datum": Format.datum(eintrag.sitzung.datum), "top": eintrag.punkt.nummer, "toptitel": eintrag.punkt.titel,
                             "href": "sitzungen/\(eintrag.sitzung.id).html#\(eintrag.beschluss.id)",
                             "meilensteine": eintrag.beschluss.meilensteine.map { id in
                                 ["titel": verzeichnis.meilensteine[id]?.titel ?? id,
                                  "href": "anlage-2/index.html#\(id)"] as Kontext
                             }]
                        }]
                    }]
        }
        return Seite(pfad: "beschluesse.html", titel: "Beschlussregister",
                     beschreibung: "Alle veröffentlichten Beschlüsse der KIM-Gremien nach Gremium und Jahr.",
                     inhalt: vorlagen.render("seiten/beschluesse", mitKontext(["wurzel": "", "gruppen": gruppen, "hatBeschluesse": !gruppen.isEmpty])) ?? "",
                     bereich: "gremien", brotkrumen: [("Gremien", "gremien.html")])
    }

    func aufgabenliste() -> Seite {
        let eintraege = auswertung.gremienarbeit.aufgaben
        func gruppe(_ status: Stichtagsstatus, _ titel: String) -> Kontext {
            let auswahl = eintraege.filter { $0.status == status }
            return ["titel": titel, "id": status.rawValue, "anzahl": Format.zahl(auswahl.count), "leer": auswahl.isEmpty,
                    "aufgaben": auswahl.map { eintrag -> Kontext in
                        var kontext = aufgabe(eintrag.aufgabe, status: eintrag.status)
                        kontext["sitzung"] = "\(gremiumName(eintrag.sitzung.gremium)), \(Format.datum(eintrag.sitzung.datum))"
                        kontext["href"] = "sitzungen/\(eintrag.sitzung.id).html#\(eintrag.aufgabe.id)"
                        return kontext
                    }]
        }
        let werte = mitKontext(["wurzel": "", "stichtag": Format.datum(auswertung.stichtag),
                                "gruppen": [gruppe(.ueberfaellig, "Überfällig"), gruppe(.offen, "Offen"), gruppe(.erledigt, "Erledigt")]])
        return Seite(pfad: "aufgaben.html", titel: "Aufgabenliste",
                     beschreibung: "Aufgaben aus den Sitzungen der KIM-Gremien: offen, erledigt und überfällig.",
                     inhalt: vorlagen.render("seiten/aufgaben", werte) ?? "", bereich: "gremien", brotkrumen: [("Gremien", "gremien.html")])
    }
}
