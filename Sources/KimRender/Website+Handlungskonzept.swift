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
                            beschreibung: "\(Ortsformen(projekt.kommune).ergaenzt(projekt.handlungskonzept.titel, um: Ortsformen(projekt.kommune).genitiv)): alle Kapitel der Fassung \(fassung.nummer).",
                            inhalt: vorlagen.render("seiten/handlungskonzept", uebersicht) ?? "",
                            bereich: "handlungskonzept", brotkrumen: []), at: 0)

        var texte: [Int: [(titel: String, text: String)]] = [:]
        for eintrag in projekt.handlungskonzept.fassungen.sorted(by: { $0.nummer < $1.nummer }) {
            guard let damals = fuerFassung(eintrag.nummer) else { continue }
            let ordner = "fassung/\(eintrag.nummer)"
            let krumen: [(String, String)] = [("Handlungskonzept", "handlungskonzept/index.html"), ("Fassung \(eintrag.nummer)", "\(ordner)/index.html")]
            let (kapitel, kapiteltexte) = damals.kapitelseiten(ordner: ordner, krumen: krumen, aktuelle: fassung, &diagnostics)
            texte[eintrag.nummer] = kapiteltexte
            seiten += kapitel
            let liste = eintrag.kapitel.map { ["nummer": String($0.nummer), "titel": $0.titel, "href": "\($0.slug).html"] as Kontext }
            seiten.append(Seite(pfad: "\(ordner)/index.html", titel: "Fassung \(eintrag.nummer) vom \(Format.datum(eintrag.datum))",
                                beschreibung: "\(projekt.handlungskonzept.titel), Fassung \(eintrag.nummer) vom \(Format.datum(eintrag.datum)).",
                                inhalt: damals.vorlagen.render("seiten/fassung", damals.mitKontext(["wurzel": "../../", "kapitel": liste,
                                                                                                      "aktuell": eintrag.nummer == fassung.nummer])) ?? "",
                                bereich: "handlungskonzept", brotkrumen: [("Handlungskonzept", "handlungskonzept/index.html")], suchbar: false))
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

    /// One page per chapter of this website's Fassung, in `ordner`. Under fassung/N/ (`aktuelle` given), a chapter of
    /// the current Fassung names its canonical page under handlungskonzept/, one of an earlier Fassung says it is not current.
    func kapitelseiten(ordner: String, krumen: [(String, String)], aktuelle: Fassung? = nil,
                       _ diagnostics: inout [Diagnostic]) -> (seiten: [Seite], texte: [(titel: String, text: String)]) {
        let fassung = auswertung.aktuelleFassung
        let tiefe = String(repeating: "../", count: ordner.split(separator: "/").count)
        let renderer = KapitelRenderer(vorlagen: vorlagen, markdownKontext: markdownKontext, basis: kontext, projekt: projekt, auswertung: auswertung,
                                       wurzel: tiefe)
        var seiten: [Seite] = []
        var texte: [(titel: String, text: String)] = []
        var naechsteFussnote = 1
        for (index, kapitel) in fassung.kapitel.enumerated() {
            guard let vorlage = projekt.vorlagen[kapitel.vorlage] else { continue }
            // The current Fassung appears under handlungskonzept/ and under fassung/N/: render its chapters once.
            let schluessel = "\(fassung.nummer)|\(vorlage.name)|\(naechsteFussnote)|\(tiefe)"
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
                "frueher": frueher(kapitel, aktuelle: aktuelle, tiefe: tiefe) ?? Leer(),
                "kurzfassung": kapitel.kurzfassung ?? [],
            ]
            let kopie = aktuelle.map { $0.nummer == fassung.nummer } ?? false
            seiten.append(Seite(pfad: "\(ordner)/\(kapitel.slug).html", titel: "\(kapitel.nummer). \(kapitel.titel)",
                                beschreibung: "Kapitel \(kapitel.nummer) des Handlungskonzepts \(Ortsformen(projekt.kommune).genitiv), Fassung \(fassung.nummer) vom \(Format.datum(fassung.datum)).",
                                inhalt: vorlagen.render("seiten/kapitel", mitKontext(werte)) ?? "",
                                bereich: "handlungskonzept", brotkrumen: krumen,
                                kanonisch: kopie ? "handlungskonzept/\(kapitel.slug).html" : nil, suchbar: aktuelle == nil))
        }
        return (seiten, texte)
    }

    /// For a chapter of an earlier Fassung: that it is not current, and where the current text is.
    func frueher(_ kapitel: Kapitel, aktuelle: Fassung?, tiefe: String) -> Kontext? {
        let fassung = auswertung.aktuelleFassung
        guard let aktuelle, aktuelle.nummer != fassung.nummer else { return nil }
        let gleiches = aktuelle.kapitel.first { $0.slug == kapitel.slug }
        return ["datum": Format.datum(aktuelle.datum), "nummer": String(aktuelle.nummer),
                "href": "\(tiefe)handlungskonzept/\(gleiches?.slug ?? "index").html",
                "titel": gleiches.map { "\($0.nummer). \($0.titel)" } ?? "Handlungskonzept"]
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

    /// One changed field, its old and new wording in one text with the changed words marked;
    /// a Markdown field compared as the reader sees it (rendered), not as written.
    static func feldaenderung(_ aenderung: Fassungsvergleich.Feldaenderung) -> Kontext {
        let alt = aenderung.markdown ? klartext(Markdown.html(aenderung.alt)) : aenderung.alt
        let neu = aenderung.markdown ? klartext(Markdown.html(aenderung.neu)) : aenderung.neu
        return ["feld": aenderung.feld, "alt": aenderung.alt, "neu": aenderung.neu, "markdown": aenderung.markdown,
                "vergleich": wortvergleichHTML(alt: alt, neu: neu)]
    }

    /// Old and new text as one HTML text: unchanged words plain, removed ones in `del`, added ones in `ins`,
    /// each announced ("gestrichen:", "eingefügt:") for screen readers, which do not read the marks.
    static func wortvergleichHTML(alt: String, neu: String) -> String {
        // "–" stands for "no value": a value set or removed is all new or all gone. A value of one word
        // (a date, a status) is replaced whole: "31.12.2021 → 31.12.2022", not "31.12.[2021][2022]".
        let einWort = !alt.contains(where: \.isWhitespace) && !neu.contains(where: \.isWhitespace)
        let stuecke: [Wortvergleich.Stueck] = alt == "–" ? [.init(art: .eingefuegt, text: neu)]
            : neu == "–" ? [.init(art: .geloescht, text: alt)]
            : einWort ? [.init(art: .geloescht, text: alt), .init(art: .eingefuegt, text: neu)]
            : Wortvergleich.stuecke(alt: alt, neu: neu)
        return stuecke.map { stueck in
            switch stueck.art {
            case .gleich: return Escape.html(stueck.text)
            case .geloescht: return "<del><span class=\"visually-hidden\">[gestrichen: </span>\(Escape.html(stueck.text))<span class=\"visually-hidden\">]</span></del>"
            case .eingefuegt: return "<ins><span class=\"visually-hidden\">[eingefügt: </span>\(Escape.html(stueck.text))<span class=\"visually-hidden\">]</span></ins>"
            }
        }.joined()
    }

    /// The text of an HTML fragment made by cmark: tags dropped, block ends as spaces, entities decoded.
    static func klartext(_ html: String) -> String {
        let ohneTags = html.replacing(/<\/(p|li|h[1-6]|blockquote|pre)>/, with: " ").replacing(/<[^>]*>/, with: "")
        let text = ohneTags.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
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
             "absaetze": Textvergleich.bloecke(kapitel.absaetze).map { block -> Kontext in
                 switch block {
                 case .eingefuegt(let text):
                     return ["html": Self.vergleichsabsatz(text), "eingefuegt": true, "geloescht": false, "geaendert": false]
                 case .geloescht(let text):
                     return ["html": Self.vergleichsabsatz(text), "eingefuegt": false, "geloescht": true, "geaendert": false]
                 case .geaendert(let alt, let neu):
                     let html = Self.wortvergleichHTML(alt: Self.klartext(Self.vergleichsabsatz(alt)), neu: Self.klartext(Self.vergleichsabsatz(neu)))
                     return ["html": html, "eingefuegt": false, "geloescht": false, "geaendert": true]
                 }
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
