import KimModel
/// The sheet that explains every column, from the schema's descriptions, and how the sheets
/// go back into kim.
enum Erlaeuterungen {
    static func blatt(plan: Tabellenplan, plaene: [Spaltenplan], angaben: [Feld], bezuege: Bezuege) -> Blatt {
        var zeilen: [[Zelle]] = [["Blatt", "Spalte", "Pflicht", "Was hineingehört", "Form"].map(Zelle.text)]
        let allgemein = [
            "Jede Zeile ist ein Eintrag. Neue Einträge unten anfügen; die Kennung darf leer bleiben, kim bildet sie dann aus dem Namen.",
            "Eine Kennung nicht ändern: Beschlüsse, Sitzungen und frühere Fassungen verweisen mit ihr auf den Eintrag.",
            "Mehrere Werte in einer Zelle mit Semikolon trennen, z. B. »Deutsch; Arabisch«.",
            "Verweise (Träger, Kategorie, Sozialraum …) mit dem Namen schreiben, wie er im jeweiligen Blatt oder in »\(Tabellenplan.auswahlblatt)« steht.",
            "Daten als Datum eingeben (TT.MM.JJJJ), Zahlen ohne Tausenderpunkt oder als Zahl.",
            "Zurück nach kim: kim import \(plan.datensatz.rawValue) DATEI --ersetzen. Die Blätter »\(Tabellenplan.erlaeuterungsblatt)« und »\(Tabellenplan.auswahlblatt)« liest kim nicht.",
        ]
        for satz in allgemein {
            zeilen.append([.text("alle"), .leer, .leer, .text(satz), .leer])
        }
        for spalten in plaene {
            if let eltern = spalten.liste.eltern {
                zeilen.append([.text(spalten.liste.blatt), .text(eltern.spaltentitel), .text("ja"),
                               .text("Kennung der Tabelle aus dem Blatt, in der die Zeile steht."), .text("Kennung")])
            }
            for feld in spalten.felder {
                zeilen.append(zeile(spalten.liste.blatt, feld, verweis: spalten.liste.verweise[feld.schluessel], plan: plan))
            }
        }
        for feld in angaben {
            zeilen.append(zeile(Tabellenplan.angabenblatt, feld, verweis: nil, plan: plan))
        }
        return Blatt(name: Tabellenplan.erlaeuterungsblatt, zeilen: zeilen, breiten: [0: 16, 1: 30, 2: 12, 3: 90, 4: 50])
    }

    private static func zeile(_ blatt: String, _ feld: Feld, verweis: Tabellenplan.Verweis?, plan: Tabellenplan) -> [Zelle] {
        // An id may stay empty in a new row: kim derives it from the name.
        let pflicht = feld.schluessel == "id" ? "ja (neu: leer lassen)" : feld.pflicht ? "ja" : "nein"
        return [.text(blatt), .text(feld.titel), .text(pflicht), .text(feld.beschreibung), .text(form(feld, verweis: verweis, plan: plan))]
    }

    private static func form(_ feld: Feld, verweis: Tabellenplan.Verweis?, plan: Tabellenplan) -> String {
        var form: String
        switch verweis {
        case .liste(let schluessel)?:
            let blatt = plan.listen.first { $0.schluessel == schluessel }?.blatt ?? schluessel
            form = "Name aus dem Blatt »\(blatt)«"
        case .sozialraum?: form = "Name oder Nummer eines Sozialraums (data/kommune.json)"
        case .gremium?: form = "Name eines Gremiums (data/gremien.json)"
        case nil:
            switch feld.art {
            case .text: form = feld.muster.map { "muss \($0)" } ?? "Text"
            case .ganzzahl: form = "ganze Zahl"
            case .zahl: form = "Zahl"
            case .datum: form = "Datum (TT.MM.JJJJ)"
            case .wahrheitswert: form = "ja oder nein"
            case .wahl(let werte): form = "einer dieser Werte: " + werte.joined(separator: ", ")
            }
        }
        return feld.liste ? form + "; mehrere mit Semikolon getrennt" : form
    }
}
