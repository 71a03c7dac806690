import KimDerive
import KimModel

/// The Sachstandsbericht for the Verwaltungsvorstand as one self-contained HTML
/// document (its stylesheet inlined), for the browser and for WeasyPrint.
public enum Briefing {
    public static func html(_ projekt: Projekt, _ auswertung: Auswertung, _ sachstand: Sachstand) -> (String?, [Diagnostic]) {
        let vorlagen = Vorlagen(projekt.vorlagen)
        let basis = KontextBuilder.projekt(projekt, auswertung)
        func meilensteine(_ liste: [Meilenstein]) -> [Kontext] {
            liste.map { ["titel": $0.titel, "ende": Format.datum($0.ende), "verantwortlich": $0.verantwortlich,
                         "erledigtAm": $0.erledigtAm.map(Format.datum) ?? Leer()] }
        }
        func aufgaben(_ liste: [Gremienarbeit.AufgabenEintrag]) -> [Kontext] {
            liste.map { ["was": $0.aufgabe.was, "verantwortlich": $0.aufgabe.verantwortlich, "frist": Format.datum($0.aufgabe.frist)] }
        }
        let kennzahlen: [Kontext] = auswertung.bevoelkerung.map { tabelle in
            ["name": tabelle.tabelle.gruppe, "wert": "\(Format.zahl(tabelle.summe.mitEinwanderungsgeschichte)) (\(tabelle.summe.anteil.map(Format.prozent) ?? "–"))",
             "stichtag": Format.datum(tabelle.tabelle.stichtag)]
        }
            + (projekt.demografie.indikatoren ?? []).map { ["name": $0.name, "wert": Format.dezimal($0.wert), "stichtag": Format.datum($0.stichtag)] }
        let werte = basis.merging([
            "stichtag": Format.datum(sachstand.stichtag),
            "metadatum": sachstand.stichtag.iso,
            "seit": sachstand.seit.map(Format.datum) ?? Leer(),
            "kernaussagen": sachstand.kernaussagen,
            "erledigt": meilensteine(sachstand.erledigt),
            "faellig": meilensteine(sachstand.faellig),
            "faelligBis": Format.datum(sachstand.faelligBis),
            "ueberfaellig": meilensteine(sachstand.ueberfaellig),
            "beschluesse": sachstand.beschluesse.map { ["datum": Format.datum($0.sitzung.datum), "wortlaut": $0.beschluss.wortlaut,
                                                        "ergebnis": $0.beschluss.ergebnis.rawValue] as Kontext },
            "offeneAufgaben": aufgaben(sachstand.offeneAufgaben),
            "ueberfaelligeAufgaben": aufgaben(sachstand.ueberfaelligeAufgaben),
            "entscheidungen": sachstand.entscheidungen,
            "kennzahlen": kennzahlen,
            "stil": projekt.assets["assets/briefing.css"].map { String(decoding: $0, as: UTF8.self) } ?? "",
        ]) { $1 }
        let html = vorlagen.render("druck/briefing", werte)
        var befunde = vorlagen.befunde
        if html == nil {
            befunde.append(.error("templates/druck/briefing.html", nil, "die Vorlage fehlt", hint: "aus dem Referenzprojekt übernehmen"))
        }
        return (html, befunde.sorted())
    }
}
