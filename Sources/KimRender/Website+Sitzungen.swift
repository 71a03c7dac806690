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
        let ohneSitzungen = erwaehnungen(gremien.filter { sitzungenNachGremium[$0.id] == nil })
        // Sorted once: a state-wide project has 97 000 Beschlüsse and hundreds of Gremien.
        let beschluesseNachGremium = Dictionary(grouping: beschluesseNeuesteZuerst, by: \.sitzung.gremium)
        for gremium in gremien {
            let sitzungen = (sitzungenNachGremium[gremium.id] ?? []).reversed()
            let beschluesse = beschluesseNachGremium[gremium.id] ?? []
            let werte = mitKontext([
                "wurzel": "../",
                "gremium": KontextBuilder.gremium(gremium, alle: gremien),
                "sitzungen": sitzungen.map { sitzungKurz($0, wurzel: "../") },
                "hatSitzungen": !sitzungen.isEmpty,
                "beschluesse": beschluesse.prefix(Self.aktuellAufStartseite).map { beschlussEintrag($0, wurzel: "../") },
                "veroeffentlicht": gremium.sitzungenVeroeffentlicht.map { ["titel": $0.titel, "url": $0.url] as Kontext } ?? Leer(),
                "vertretenIn": gremium.vertretungen.compactMap { verzeichnis.gremien[$0.gremium] }.map {
                    ["name": $0.name, "href": "\($0.id).html"] as Kontext
                },
                "betrifft": ohneSitzungen[gremium.id] ?? [],
            ])
            seiten.append(Seite(pfad: "gremien/\(gremium.id).html", titel: gremium.name,
                                beschreibung: "\(gremium.name): Aufgaben, Mitglieder und Sitzungen.",
                                inhalt: vorlagen.render("seiten/gremium", werte) ?? "", bereich: "gremien", brotkrumen: krumen))
        }
        seiten += Parallel.map(projekt.sitzungen) { sitzungsseite($0, darstellen: !optionen.vorhandeneSitzungsseiten.contains($0.id)) }
        seiten += beschlussregister()
        seiten.append(aufgabenliste())
        seiten.append(aktuellesSeite())
        return seiten
    }

    /// A Sitzung's page. It depends on that Sitzung and on project-wide values only (Gremien, Meilensteine,
    /// Stichtag, templates), which lets `kim serve` show an edited Sitzung before the rest is rebuilt,
    /// and a build keep the pages of the Sitzungen an edit left alone (`darstellen: false`: only what
    /// the other pages need to know of it, its path and title, marked `vorhanden`).
    func sitzungsseite(_ sitzung: Sitzung, darstellen: Bool = true) -> Seite {
        let gremium = verzeichnis.gremien[sitzung.gremium]
        let inhalt = darstellen ? vorlagen.render("seiten/sitzung", mitKontext(["wurzel": "../", "sitzung": sitzungVoll(sitzung, wurzel: "../")])) ?? "" : ""
        var seite = Seite(pfad: "sitzungen/\(sitzung.id).html", titel: "\(sitzung.nummer). Sitzung \(gremium?.kurzname ?? sitzung.gremium) am \(Format.datum(sitzung.datum))",
                          beschreibung: "Niederschrift der \(sitzung.nummer). Sitzung \(gremium?.name ?? sitzung.gremium) vom \(Format.datum(sitzung.datum)).",
                          inhalt: inhalt, bereich: "gremien",
                          brotkrumen: [("Gremien", "gremien.html"), (gremium?.kurzname ?? sitzung.gremium, "gremien/\(sitzung.gremium).html")])
        seite.vorhanden = !darstellen
        return seite
    }

    /// Agenda items of other Gremien's Sitzungen that name a Gremium (in a title, report, Beschluss, Aufgabe),
    /// newest first, for each of `gremien`: what concerns a Gremium whose own Sitzungen are published elsewhere.
    /// One pass over all Sitzungen; a text is lowercased only for names that are not pure ASCII.
    func erwaehnungen(_ gremien: [Gremium]) -> [String: [Kontext]] {
        guard !gremien.isEmpty else { return [:] }
        let namen = gremien.map { gremium -> (id: String, varianten: Set<String>, vortest: [[UInt8]]?) in
            let varianten = Set([gremium.kurzname, gremium.name].map { $0.lowercased() })
            let ascii = varianten.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
            return (gremium.id, varianten, ascii ? varianten.map { Array($0.utf8) } : nil)
        }
        var treffer: [String: [Kontext]] = [:]
        var kleintext = Bytesuche.Kleintext()
        for sitzung in sitzungenNeuesteZuerst {
            for punkt in sitzung.tagesordnung where punkt.oeffentlich {
                let teile = [punkt.titel, punkt.bericht ?? ""] + punkt.beschluesse.map(\.wortlaut) + punkt.aufgaben.map(\.was)
                kleintext.setzen(teile)
                var klein: String?
                for (id, varianten, vortest) in namen where id != sitzung.gremium {
                    if let vortest {
                        // ASCII names: the ASCII-lower-cased bytes answer exactly what the lower-cased text would.
                        guard vortest.contains(where: kleintext.enthaelt) else { continue }
                    } else {
                        let text = klein ?? teile.joined(separator: "\n").lowercased()
                        klein = text
                        guard varianten.contains(where: { text.enthaeltBytes($0) }) else { continue }
                    }
                    let anwesend = sitzung.teilnahme.filter(\.anwesend).map { $0.organisation.lowercased() }
                    treffer[id, default: []].append([
                        "datum": Format.datum(sitzung.datum), "gremium": gremiumName(sitzung.gremium),
                        "top": punkt.nummer, "titel": punkt.titel,
                        "anwesend": anwesend.contains { organisation in varianten.contains { organisation.enthaeltBytes($0) } },
                        "href": "../sitzungen/\(sitzung.id).html#top-\(Escape.slug(punkt.nummer))"])
                }
            }
        }
        return treffer
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

    /// Past this many Beschlüsse the register gets a page per year; one page of a state-wide project would be unreadable.
    static let registerSeitenProJahrAb = 100

    /// The Beschlussregister newest first, grouped by year; once long, `beschluesse.html` lists the latest
    /// and the years, and each year has its own page.
    func beschlussregister() -> [Seite] {
        let eintraege = beschluesseNeuesteZuerst
        let jahre = eintraege.map(\.sitzung.datum.jahr).reduce(into: [Int]()) { if $0.last != $1 { $0.append($1) } }
        let proJahr = eintraege.count >= Self.registerSeitenProJahrAb
        let beispiel = eintraege.contains { $0.sitzung.beispieldaten == true }
        let krumen: [(String, String)] = [("Aktuelles", "aktuelles.html")]
        func jahrKontext(_ jahr: Int, wurzel: String) -> Kontext {
            let auswahl = eintraege.filter { $0.sitzung.datum.jahr == jahr }
            return ["jahr": String(jahr), "href": "\(wurzel)beschluesse/\(jahr).html", "anzahl": Format.zahl(auswahl.count),
                    "anzahlText": Format.anzahl(auswahl.count, "Beschluss", "Beschlüsse"),
                    "beschluesse": auswahl.map { beschlussEintrag($0, wurzel: wurzel) }]
        }
        var seiten: [Seite] = []
        let uebersicht: Kontext = [
            "wurzel": "", "beispieldaten": beispiel, "hatBeschluesse": !eintraege.isEmpty, "proJahr": proJahr,
            "jahre": jahre.map { jahrKontext($0, wurzel: "") },
            "neueste": proJahr ? eintraege.prefix(Self.aktuellAufSeite).map { beschlussEintrag($0, wurzel: "") } : [],
        ]
        seiten.append(Seite(pfad: "beschluesse.html", titel: "Beschlussregister",
                            beschreibung: "Alle veröffentlichten Beschlüsse der KIM-Gremien, die neuesten zuerst.",
                            inhalt: vorlagen.render("seiten/beschluesse", mitKontext(uebersicht)) ?? "",
                            bereich: "aktuelles", brotkrumen: krumen))
        if proJahr {
            for jahr in jahre {
                let werte: Kontext = ["wurzel": "../", "beispieldaten": beispiel, "jahr": jahrKontext(jahr, wurzel: "../")]
                seiten.append(Seite(pfad: "beschluesse/\(jahr).html", titel: "Beschlüsse \(jahr)",
                                    beschreibung: "Die veröffentlichten Beschlüsse der KIM-Gremien aus dem Jahr \(jahr), die neuesten zuerst.",
                                    inhalt: vorlagen.render("seiten/beschluesse-jahr", mitKontext(werte)) ?? "",
                                    bereich: "aktuelles", brotkrumen: krumen + [("Beschlussregister", "beschluesse.html")]))
            }
        }
        return seiten
    }

    func aufgabenliste() -> Seite {
        let eintraege = auswertung.gremienarbeit.aufgaben
        func gruppe(_ status: Stichtagsstatus, _ titel: String) -> Kontext {
            // Open ones by Frist (the most urgent first), done ones newest first.
            let auswahl = status == .erledigt
                ? eintraege.filter { $0.status == status }.sorted { links, rechts in
                    let (a, b) = (links.aufgabe.erledigtAm ?? links.aufgabe.frist, rechts.aufgabe.erledigtAm ?? rechts.aufgabe.frist)
                    return a != b ? a > b : links.aufgabe.id < rechts.aufgabe.id
                }
                : eintraege.filter { $0.status == status }
            return ["titel": titel, "id": status.rawValue, "anzahl": Format.zahl(auswahl.count), "leer": auswahl.isEmpty,
                    "aufgaben": auswahl.map { eintrag -> Kontext in
                        var kontext = aufgabe(eintrag.aufgabe, status: eintrag.status)
                        kontext["sitzung"] = "\(gremiumName(eintrag.sitzung.gremium)), \(Format.datum(eintrag.sitzung.datum))"
                        kontext["href"] = "sitzungen/\(eintrag.sitzung.id).html#\(eintrag.aufgabe.id)"
                        return kontext
                    }]
        }
        let werte = mitKontext(["wurzel": "", "stichtag": Format.datum(auswertung.stichtag),
                                "beispieldaten": projekt.sitzungen.contains { $0.beispieldaten == true },
                                "gruppen": [gruppe(.ueberfaellig, "Überfällig"), gruppe(.offen, "Offen"), gruppe(.erledigt, "Erledigt")]])
        return Seite(pfad: "aufgaben.html", titel: "Aufgabenliste",
                     beschreibung: "Aufgaben aus den Sitzungen der KIM-Gremien: offen, erledigt und überfällig.",
                     inhalt: vorlagen.render("seiten/aufgaben", werte) ?? "", bereich: "aktuelles", brotkrumen: [("Aktuelles", "aktuelles.html")])
    }
}
