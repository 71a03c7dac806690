import KimDerive
import KimMarkdown
import KimModel

extension Website {
    /// The current Fassung under `handlungskonzept/`, every Fassung under `fassung/N/`, each with its changes.
    func handlungskonzept(_ diagnostics: inout [Diagnostic]) -> [Seite] {
        let fassung = auswertung.aktuelleFassung
        var seiten = kapitelseiten(ordner: "handlungskonzept", krumen: [("Handlungskonzept", "handlungskonzept/index.html")], &diagnostics).seiten
        let uebersicht = mitKontext([
            "wurzel": "../",
            "kapitel": kapitelListe(wurzel: "../"),
            "fassungen": projekt.handlungskonzept.fassungen.sorted { $0.nummer > $1.nummer }.map { eintrag -> Kontext in
                let vorgaenger = projekt.handlungskonzept.fassungen.filter { $0.nummer < eintrag.nummer }.max { $0.nummer < $1.nummer }
                return ["nummer": String(eintrag.nummer), "datum": Format.datum(eintrag.datum), "beschlossenVon": eintrag.beschlossenVon,
                        "zusammenfassung": eintrag.zusammenfassung, "aktuell": eintrag.nummer == fassung.nummer,
                        "href": "../fassung/\(eintrag.nummer)/index.html",
                        "aenderungen": vorgaenger.map { ["href": "../fassung/\(eintrag.nummer)/aenderungen.html", "datum": Format.datum($0.datum)] as Kontext } ?? Leer()]
            },
        ])
        seiten.insert(Seite(pfad: "handlungskonzept/index.html", titel: projekt.handlungskonzept.titel,
                            beschreibung: "\(projekt.handlungskonzept.titel) \(Ortsformen(projekt.kommune).genitiv): alle Kapitel der Fassung \(fassung.nummer).",
                            inhalt: vorlagen.render("seiten/handlungskonzept", uebersicht) ?? "",
                            bereich: "handlungskonzept", brotkrumen: []), at: 0)

        var texte: [Int: [(titel: String, text: String)]] = [:]
        for eintrag in projekt.handlungskonzept.fassungen.sorted(by: { $0.nummer < $1.nummer }) {
            guard let damals = fuerFassung(eintrag.nummer) else { continue }
            let ordner = "fassung/\(eintrag.nummer)"
            let krumen: [(String, String)] = [("Handlungskonzept", "handlungskonzept/index.html"), ("Fassung \(eintrag.nummer)", "\(ordner)/index.html")]
            let (kapitel, kapiteltexte) = damals.kapitelseiten(ordner: ordner, krumen: krumen, &diagnostics)
            texte[eintrag.nummer] = kapiteltexte
            seiten += kapitel
            let liste = eintrag.kapitel.map { ["nummer": String($0.nummer), "titel": $0.titel, "href": "\($0.slug).html"] as Kontext }
            seiten.append(Seite(pfad: "\(ordner)/index.html", titel: "Fassung \(eintrag.nummer) vom \(Format.datum(eintrag.datum))",
                                beschreibung: "\(projekt.handlungskonzept.titel), Fassung \(eintrag.nummer) vom \(Format.datum(eintrag.datum)).",
                                inhalt: damals.vorlagen.render("seiten/fassung", damals.mitKontext(["wurzel": "../../", "kapitel": liste,
                                                                                                      "aktuell": eintrag.nummer == fassung.nummer])) ?? "",
                                bereich: "handlungskonzept", brotkrumen: [("Handlungskonzept", "handlungskonzept/index.html")]))
        }
        let geordnet = projekt.handlungskonzept.fassungen.sorted { $0.nummer < $1.nummer }
        for (alt, neu) in zip(geordnet, geordnet.dropFirst()) {
            let vergleich = Fassungsvergleich(alt: alt, neu: neu, altStand: projekt.stand(alt.nummer), neuStand: projekt.stand(neu.nummer),
                                              altTexte: texte[alt.nummer] ?? [], neuTexte: texte[neu.nummer] ?? [], feldtitel: projekt.feldtitel)
            seiten.append(aenderungsseite(vergleich))
        }
        return seiten
    }

    /// This website as it was for Fassung `nummer`: its archived data, its chapters.
    func fuerFassung(_ nummer: Int) -> Website? {
        var damals = projekt.mit(projekt.stand(nummer))
        // Its pages are chapters, which show no Sitzung and no Bericht: deriving the work of
        // every Gremium again for each Fassung took seconds at state scale.
        damals.sitzungen = []
        damals.berichte = []
        guard let auswertung = Derive.auswerten(damals, stichtag: self.auswertung.stichtag, fassung: nummer) else { return nil }
        return Website(projekt: damals, auswertung: auswertung, optionen: optionen, vorlagen: vorlagen, kapitelSpeicher: kapitelSpeicher)
    }

    /// One page per chapter of this website's Fassung, in `ordner`.
    func kapitelseiten(ordner: String, krumen: [(String, String)], _ diagnostics: inout [Diagnostic]) -> (seiten: [Seite], texte: [(titel: String, text: String)]) {
        let fassung = auswertung.aktuelleFassung
        let tiefe = String(repeating: "../", count: ordner.split(separator: "/").count)
        let renderer = KapitelRenderer(vorlagen: vorlagen, markdownKontext: markdownKontext, basis: kontext, projekt: projekt, auswertung: auswertung)
        var seiten: [Seite] = []
        var texte: [(titel: String, text: String)] = []
        var naechsteFussnote = 1
        for (index, kapitel) in fassung.kapitel.enumerated() {
            guard let vorlage = projekt.vorlagen[kapitel.vorlage] else { continue }
            // The current Fassung appears under handlungskonzept/ and under fassung/N/: render its chapters once.
            let schluessel = "\(fassung.nummer)|\(vorlage.name)|\(naechsteFussnote)"
            let ergebnis = kapitelSpeicher.ergebnisse[schluessel] ?? renderer.render(vorlage, ersteFussnote: naechsteFussnote, diagnostics: &diagnostics)
            kapitelSpeicher.ergebnisse[schluessel] = ergebnis
            naechsteFussnote = ergebnis.naechsteFussnote
            texte.append(("\(kapitel.nummer). \(kapitel.titel)", ergebnis.markdown))
            func nachbar(_ offset: Int) -> Kontext? {
                let position = index + offset
                guard fassung.kapitel.indices.contains(position) else { return nil }
                let anderes = fassung.kapitel[position]
                return ["titel": "\(anderes.nummer). \(anderes.titel)", "href": "\(anderes.slug).html"]
            }
            let werte: Kontext = [
                "wurzel": tiefe,
                "kapitel": ["nummer": String(kapitel.nummer), "titel": kapitel.titel] as Kontext,
                "inhalt": Querverweise.verlinken(ergebnis.html, ziel: Querverweise.aufDerWebsite(fassung, tiefe: tiefe)),
                "inhaltsverzeichnis": ergebnis.inhalt.map { ["id": $0.id, "text": $0.text] as Kontext },
                "hatInhaltsverzeichnis": ergebnis.inhalt.count > 1, "inhaltsverzeichnisTitel": "Inhalt dieses Kapitels",
                "fussnoten": ergebnis.fussnoten,
                "hatFussnoten": !ergebnis.fussnoten.isEmpty,
                "zurueck": nachbar(-1) ?? Leer(),
                "weiter": nachbar(1) ?? Leer(),
            ]
            seiten.append(Seite(pfad: "\(ordner)/\(kapitel.slug).html", titel: "\(kapitel.nummer). \(kapitel.titel)",
                                beschreibung: "Kapitel \(kapitel.nummer) des Handlungskonzepts \(Ortsformen(projekt.kommune).genitiv), Fassung \(fassung.nummer) vom \(Format.datum(fassung.datum)).",
                                inhalt: vorlagen.render("seiten/kapitel", mitKontext(werte)) ?? "",
                                bereich: "handlungskonzept", brotkrumen: krumen))
        }
        return (seiten, texte)
    }

    /// A changed paragraph as HTML for the change page: footnote links dropped (their notes are
    /// not on that page) and headings shown as bold text, so the page keeps its own outline.
    static func vergleichsabsatz(_ markdown: String) -> String {
        let ohneFussnoten = markdown.replacing(/\[\d+\]\(#fn-[A-Za-z0-9-]+\)/, with: "")
        let ueberschrift = /^#{1,6}\s+(.*)$/  // once, not per line: a regex literal is parsed when evaluated
        let zeilen = ohneFussnoten.split(separator: "\n", omittingEmptySubsequences: false).map { zeile -> String in
            guard let treffer = zeile.firstMatch(of: ueberschrift) else { return String(zeile) }
            return "**\(treffer.1)**"
        }
        return Markdown.html(zeilen.joined(separator: "\n"))
    }

    /// One changed field; a Markdown field rendered (cmark, safe mode), so the reader sees its text, not its syntax.
    static func feldaenderung(_ aenderung: Fassungsvergleich.Feldaenderung) -> Kontext {
        // Every entry has every key: the template check looks at the context of the first entry, and a list
        // that starts with a plain field (an added "kontakt") must not fail on »altHTML«.
        let html: (String) -> String = aenderung.markdown ? { Markdown.html($0) } : { Escape.html($0) }
        return ["feld": aenderung.feld, "alt": aenderung.alt, "neu": aenderung.neu, "markdown": aenderung.markdown,
                "altHTML": html(aenderung.alt), "neuHTML": html(aenderung.neu)]
    }

    func aenderungsseite(_ vergleich: Fassungsvergleich) -> Seite {
        func eintraege(_ liste: [Fassungsvergleich.Eintrag]) -> [Kontext] {
            liste.map { eintrag in
                ["id": eintrag.id, "name": eintrag.name,
                 "aenderungen": eintrag.aenderungen.map(Self.feldaenderung)]
            }
        }
        let listen: [Kontext] = vergleich.listen.filter { !$0.leer }.map { liste in
            ["art": liste.art, "hinzugefuegt": eintraege(liste.hinzugefuegt), "entfernt": eintraege(liste.entfernt),
             "geaendert": eintraege(liste.geaendert)]
        }
        let kapitel: [Kontext] = vergleich.kapitel.map { kapitel in
            ["titel": kapitel.titel,
             "absaetze": kapitel.absaetze.filter { $0.art != .gleich }.map { absatz -> Kontext in
                 ["html": Self.vergleichsabsatz(absatz.text), "eingefuegt": absatz.art == .eingefuegt, "geloescht": absatz.art == .geloescht]
             }]
        }
        let werte = mitKontext([
            "wurzel": "../../",
            "alt": ["nummer": String(vergleich.alt.nummer), "datum": Format.datum(vergleich.alt.datum)] as Kontext,
            "neu": ["nummer": String(vergleich.neu.nummer), "datum": Format.datum(vergleich.neu.datum),
                    "zusammenfassung": vergleich.neu.zusammenfassung] as Kontext,
            "listen": listen, "zahlen": vergleich.zahlen.map { ["feld": $0.feld, "alt": $0.alt, "neu": $0.neu] as Kontext },
            "hatZahlen": !vergleich.zahlen.isEmpty, "kapitel": kapitel, "keineAenderungen": listen.isEmpty && kapitel.isEmpty && vergleich.zahlen.isEmpty,
        ])
        return Seite(pfad: "fassung/\(vergleich.neu.nummer)/aenderungen.html",
                     titel: "Änderungen gegenüber der Fassung vom \(Format.datum(vergleich.alt.datum))",
                     beschreibung: "Was sich in Fassung \(vergleich.neu.nummer) des Handlungskonzepts gegenüber Fassung \(vergleich.alt.nummer) geändert hat.",
                     inhalt: vorlagen.render("seiten/aenderungen", werte) ?? "", bereich: "handlungskonzept",
                     brotkrumen: [("Handlungskonzept", "handlungskonzept/index.html"), ("Fassung \(vergleich.neu.nummer)", "fassung/\(vergleich.neu.nummer)/index.html")])
    }
}
