import KimDerive
import KimModel

/// The Sachstandsbericht for the Verwaltungsvorstand as one self-contained HTML
/// document (its stylesheet inlined), for the browser and for WeasyPrint.
/// Every date is a `<time>`; dates that lie ahead of the stichtag (deadlines, coming
/// meetings) carry the class `termin`, so a test can prove nothing else is later than it.
public enum Briefing {
    public static func html(_ projekt: Projekt, _ auswertung: Auswertung, _ sachstand: Sachstand) -> (String?, [Diagnostic]) {
        let vorlagen = Vorlagen(projekt.vorlagen)
        let basis = KontextBuilder.projekt(projekt, auswertung)
        let werte = basis.merging(kontext(sachstand, gremien: projekt.gremien.gremien)) { $1 }
            .merging(["stil": projekt.assets["assets/briefing.css"].map { String(decoding: $0, as: UTF8.self) } ?? ""]) { $1 }
        let html = vorlagen.render("druck/briefing", werte)
        var befunde = vorlagen.befunde
        if html == nil {
            befunde.append(.error("templates/druck/briefing.html", nil, "die Vorlage fehlt", hint: "aus dem Referenzprojekt übernehmen"))
        }
        if let html {
            // WeasyPrint resolves the briefing's relative URLs against the assets folder (PDFErzeugung, basis "assets").
            befunde += Druckverweise.pruefen(html: html, basis: "assets", projekt: projekt, vorlage: "templates/druck/briefing.html")
        }
        return (html, befunde.sorted())
    }

    static func datum(_ datum: Datum) -> Kontext { ["text": Format.datum(datum), "iso": datum.iso] }

    static func kontext(_ sachstand: Sachstand, gremien: [Gremium] = []) -> Kontext {
        func gremium(_ id: String) -> String { gremien.first { $0.id == id }?.kurzname ?? id }
        func meilensteine(_ liste: [Meilenstein]) -> [Kontext] {
            liste.map { ["titel": $0.titel, "ende": datum($0.ende), "verantwortlich": $0.verantwortlich,
                         "erledigtAm": $0.erledigtAm.map(datum) ?? Leer()] }
        }
        func aufgaben(_ liste: [Gremienarbeit.AufgabenEintrag]) -> [Kontext] {
            liste.map { ["was": $0.aufgabe.was, "verantwortlich": $0.aufgabe.verantwortlich, "frist": datum($0.aufgabe.frist)] }
        }
        func ampel(_ ampel: Ampel) -> Kontext {
            ["bereich": ampel.bereich, "farbe": ampel.farbe.bezeichnung, "klasse": "\(ampel.farbe)", "begruendung": ampel.begruendung,
             "zeichen": ampel.farbe.zeichen,
             ampel.farbe == .gruen ? "istGruen" : ampel.farbe == .gelb ? "istGelb" : ampel.farbe == .rot ? "istRot" : "istOffen": true]
        }
        let person = sachstand.ansprechperson
        return [
            "stichtag": datum(sachstand.stichtag),
            "metadatum": sachstand.stichtag.iso,
            "seit": sachstand.seit.map(datum) ?? Leer(),
            "fassung": ["nummer": String(sachstand.fassung.nummer), "datum": datum(sachstand.fassung.datum),
                        "beschlossenVon": sachstand.fassung.beschlossenVon] as Kontext,
            "empfaenger": sachstand.empfaenger?.name ?? Leer(),
            "leitgremium": sachstand.leitgremium.map { ["name": $0.name, "kurzname": $0.kurzname] as Kontext } ?? Leer(),
            "bericht": ["vorlage": sachstand.bericht?.vorlage ?? Leer(),
                        "vorgelegtAm": sachstand.bericht?.vorgelegtAm.map(datum) ?? Leer()] as Kontext,
            "ansprechperson": ["name": person.name, "funktion": person.funktion, "telefon": person.telefon ?? Leer(),
                               "email": person.email ?? Leer()] as Kontext,
            "beispieldaten": sachstand.beispieldaten,
            "kernaussagen": sachstand.kernaussagen,
            "gesamtampel": ampel(sachstand.gesamtampel),
            "ampeln": (sachstand.ampeln + (sachstand.aufgabenampel.map { [$0] } ?? [])).map(ampel),
            "ampelregeln": Ampel.regeln,
            "entscheidungen": sachstand.entscheidungen.map { entscheidung($0, gremium: gremium) },
            "entschieden": sachstand.entschieden.map { rueckmeldung -> Kontext in
                let eintrag = rueckmeldung.entscheidung
                return ["titel": eintrag.titel,
                        "datum": eintrag.entschiedenAm.map(datum) ?? Leer(),
                        "vorlage": eintrag.vorlage ?? Leer(),
                        "ergebnis": eintrag.ergebnis ?? eintrag.beschlussvorschlag,
                        "wieVorgeschlagen": eintrag.ergebnis == nil,
                        "umsetzung": rueckmeldung.umsetzung.map { ["datum": datum($0.datum), "text": $0.text] as Kontext },
                        "meilensteine": rueckmeldung.meilensteine.map { ["titel": $0.meilenstein.titel, "status": $0.status.bezeichnung] as Kontext },
                        "ohneFolge": rueckmeldung.umsetzung.isEmpty && rueckmeldung.meilensteine.isEmpty] as Kontext
            },
            "kennzahlen": sachstand.kennzahlen.map(kennzahl),
            "risiken": sachstand.risiken.map { risiko -> Kontext in
                ["titel": risiko.titel, "beschreibung": risiko.beschreibung, "gegenmassnahme": risiko.gegenmassnahme,
                 "einschaetzung": risiko.einschaetzung.rawValue, "seit": datum(risiko.seit)]
            },
            "naechsteSitzungen": sachstand.naechsteSitzungen.map { sitzung -> Kontext in
                ["datum": datum(sitzung.datum), "gremium": sitzung.gremium, "thema": sitzung.thema ?? Leer()]
            },
            "erledigt": meilensteine(sachstand.erledigt),
            "faellig": meilensteine(sachstand.faellig),
            "faelligBis": datum(sachstand.faelligBis),
            "ueberfaellig": meilensteine(sachstand.ueberfaellig),
            "beschluesse": sachstand.beschluesse.map { ["datum": datum($0.sitzung.datum), "wortlaut": $0.beschluss.wortlaut,
                                                        "ergebnis": $0.beschluss.ergebnis.rawValue] as Kontext },
            "offeneAufgaben": aufgaben(sachstand.offeneAufgaben),
            "ueberfaelligeAufgaben": aufgaben(sachstand.ueberfaelligeAufgaben),
        ]
    }

    static func entscheidung(_ eintrag: Entscheidungsbedarf, gremium: (String) -> String) -> Kontext {
        ["titel": eintrag.titel,
         "art": eintrag.art == .beschluss ? "Beschluss" : "Kenntnisnahme",
         "beschlussvorschlag": eintrag.beschlussvorschlag,
         "begruendung": eintrag.begruendung ?? Leer(),
         "gegenstand": eintrag.gegenstand.map { gegenstand -> Kontext in
             ["punkte": gegenstand.punkte ?? [],
              "anlage": gegenstand.anlage.map { ["titel": $0.titel, "url": $0.url] as Kontext } ?? Leer()]
         } ?? Leer(),
         // An empty list says so; a missing one says nothing, so a proposal never claims "no costs" by omission.
         "finanzen": eintrag.finanzen.map { liste -> Kontext in
             ["keine": liste.isEmpty,
              "posten": liste.enumerated().map { index, folge -> Kontext in
                  ["erster": index == 0,
                   "betrag": zahl(folge.betrag, einheit: "€"),
                   "art": folge.art == .einmalig ? "einmalig" : "jährlich",
                   "abJahr": folge.abJahr.map { "ab \($0)" } ?? Leer(),
                   "haushaltsstelle": folge.haushaltsstelle,
                   "bemerkung": folge.bemerkung ?? Leer()]
              }]
         } ?? Leer(),
         "beratungsfolge": (eintrag.beratungsfolge ?? []).enumerated().map { index, schritt -> Kontext in
             ["erster": index == 0, "gremium": gremium(schritt.gremium), "datum": datum(schritt.datum), "zweck": schritt.zweck]
         },
         "optionen": (eintrag.optionen ?? []).map { ["text": $0.text, "folgen": $0.folgen ?? Leer()] as Kontext },
         "folgen": eintrag.folgenOhneEntscheidung ?? Leer(),
         "frist": datum(eintrag.frist),
         "vorlage": eintrag.vorlage ?? Leer(),
         "sitzung": eintrag.sitzung.map(datum) ?? Leer()]
    }

    static func kennzahl(_ stand: Sachstand.Kennzahlstand) -> Kontext {
        let kennzahl = stand.kennzahl
        var eintrag: Kontext = [
            "name": kennzahl.name,
            "wert": zahl(stand.aktuell.wert, einheit: einheit(kennzahl, stand.aktuell.wert)),
            "zeitraum": stand.aktuell.zeitraum ?? Leer(),
            "stichtag": datum(stand.aktuell.stichtag),
            "soll": kennzahl.soll.map { zahl($0, einheit: einheit(kennzahl, $0)) } ?? Leer(),
            "quelle": kennzahl.quelle,
        ]
        if let vorher = stand.vorher {
            let differenz = stand.aktuell.wert - vorher.wert
            let vorzeichen = differenz > 0 ? "+" : differenz < 0 ? "−" : ""
            eintrag["veraenderung"] = [
                // A change of a percentage is in points, not percent.
                "betrag": differenz == 0 ? "unverändert"
                    : vorzeichen + zahl(abs(differenz), einheit: kennzahl.einheit == "%" ? (abs(differenz) == 1 ? "Prozentpunkt" : "Prozentpunkte") : einheit(kennzahl, abs(differenz))),
                "bezug": stand.vorherAusBericht ? "seit dem letzten Bericht" : "seit dem Vorwert",
                "datum": datum(vorher.stichtag),
            ] as Kontext
        } else {
            eintrag["veraenderung"] = Leer()
        }
        return eintrag
    }

    /// "1 Stelle" but "2 Stellen" and "0,5 Stellen": the singular only for exactly one.
    static func einheit(_ kennzahl: Kennzahl, _ wert: Double) -> String {
        wert == 1 ? (kennzahl.einheitEinzahl ?? kennzahl.einheit) : kennzahl.einheit
    }

    /// "2,5 Stellen", "187 Fälle", "52 %": whole numbers without decimals.
    static func zahl(_ wert: Double, einheit: String) -> String {
        let text = wert.rounded() == wert && abs(wert) < Double(Int.max) ? Format.zahl(Int(wert)) : Format.dezimal(wert)
        return einheit.isEmpty ? text : "\(text) \(einheit)"
    }
}
