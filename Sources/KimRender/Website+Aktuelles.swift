import KimDerive
import KimModel

extension Website {
    /// How many entries the start page and the Aktuelles page show of each kind.
    static let aktuellAufStartseite = 3
    static let aktuellAufSeite = 10

    /// Beschlüsse newest first: by the date of their Sitzung, then in the order of the Niederschrift.
    /// Sorted once per Website (`beschluesseNeuesteZuerst`): four pages need the order, and a state has 97 000.
    static func neuesteZuerst(_ eintraege: [Gremienarbeit.BeschlussEintrag]) -> [Gremienarbeit.BeschlussEintrag] {
        eintraege.indices.sorted { links, rechts in
            let (a, b) = (eintraege[links].sitzung.datum, eintraege[rechts].sitzung.datum)
            return a != b ? a > b : links < rechts
        }.map { eintraege[$0] }
    }

    var sitzungenNeuesteZuerst: [Sitzung] {
        projekt.sitzungen.reversed()
    }

    func beschlussEintrag(_ eintrag: Gremienarbeit.BeschlussEintrag, wurzel: String) -> Kontext {
        ["id": eintrag.beschluss.id, "wortlaut": eintrag.beschluss.wortlaut, "ergebnis": eintrag.beschluss.ergebnis.rawValue,
         "datum": Format.datum(eintrag.sitzung.datum), "gremium": gremiumName(eintrag.sitzung.gremium),
         "top": eintrag.punkt.nummer, "toptitel": eintrag.punkt.titel,
         "beispieldaten": eintrag.sitzung.beispieldaten ?? false,
         "href": "\(wurzel)sitzungen/\(eintrag.sitzung.id).html#\(eintrag.beschluss.id)",
         "meilensteine": eintrag.beschluss.meilensteine.map { id in
             ["titel": verzeichnis.meilensteine[id]?.titel ?? id, "href": "\(wurzel)anlage-2/index.html#\(id)"] as Kontext
         }]
    }

    /// The latest Beschlüsse and Sitzungen and the most urgent open Aufgaben (earliest Frist first, so the
    /// overdue ones lead), `anzahl` of each, for the start page and the Aktuelles page. The Aufgabenliste
    /// has all of them: a state-wide project has 19 000 open ones, a page of 7 MB on a phone.
    func aktuellKontext(wurzel: String, anzahl: Int) -> Kontext {
        let aufgaben = auswertung.gremienarbeit.aufgaben
        let offen = aufgaben.filter { $0.status == .offen || $0.status == .ueberfaellig }
        let beispiel = projekt.sitzungen.contains { $0.beispieldaten == true }
        return [
            "beschluesse": beschluesseNeuesteZuerst.prefix(anzahl).map { beschlussEintrag($0, wurzel: wurzel) },
            "sitzungen": sitzungenNeuesteZuerst.prefix(anzahl).map { sitzungKurz($0, wurzel: wurzel) },
            "weitereOffene": offen.count > anzahl ? ["gezeigt": Format.zahl(anzahl)] as Kontext : Leer(),
            "offeneAufgaben": offen.prefix(anzahl).map { eintrag -> Kontext in
                var kontext = aufgabe(eintrag.aufgabe, status: eintrag.status)
                kontext["sitzung"] = "\(gremiumName(eintrag.sitzung.gremium)), \(Format.datum(eintrag.sitzung.datum))"
                kontext["href"] = "\(wurzel)sitzungen/\(eintrag.sitzung.id).html#\(eintrag.aufgabe.id)"
                return kontext
            },
            "anzahlOffen": Format.zahl(offen.count),
            "anzahlUeberfaellig": Format.zahl(offen.filter { $0.status == .ueberfaellig }.count),
            "hatSitzungen": !projekt.sitzungen.isEmpty,
            "beispieldaten": beispiel,
            "stichtag": Format.datum(auswertung.stichtag),
        ]
    }

    func aktuellesSeite() -> Seite {
        let werte = mitKontext(["wurzel": "", "aktuell": aktuellKontext(wurzel: "", anzahl: Self.aktuellAufSeite)])
        return Seite(pfad: "aktuelles.html", titel: "Aktuelles: Sitzungen, Beschlüsse, Aufgaben",
                     beschreibung: "Was die KIM-Gremien zuletzt beraten und beschlossen haben und welche Aufgaben offen sind.",
                     inhalt: vorlagen.render("seiten/aktuelles", werte) ?? "", bereich: "aktuelles", brotkrumen: [])
    }
}
