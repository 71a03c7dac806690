import Foundation
import KimLoad
import KimModel

/// Between a field's JSON value and a cell, in both directions.
enum Zellwerte {
    /// Several values in one cell ("Deutsch; Arabisch") are separated by this.
    static let trenner = "; "

    static func format(_ feld: Feld) -> Spaltenformat {
        if feld.liste { return .text }
        switch feld.art {
        case .datum: return .datum
        case .ganzzahl, .zahl: return .zahl
        default: return .text
        }
    }

    // MARK: JSON → cell (export)

    static func zelle(_ knoten: JSONNode?, feld: Feld, verweis: Tabellenplan.Verweis?, bezuege: Bezuege) -> Zelle {
        guard let knoten else { return .leer }
        if feld.liste {
            guard case .array(let elemente) = knoten.value, !elemente.isEmpty else { return .leer }
            return .text(elemente.map { anzeige($0, verweis: verweis, bezuege: bezuege) }.joined(separator: trenner))
        }
        if verweis != nil { return .text(anzeige(knoten, verweis: verweis, bezuege: bezuege)) }
        switch (feld.art, knoten.value) {
        case (.datum, .string(let text)): return Datum(iso: text).map(Zelle.datum) ?? .text(text)
        case (_, .number(let text)): return Double(text).map(Zelle.zahl) ?? .text(text)
        case (_, .bool(let wert)): return .text(wert ? "ja" : "nein")
        case (_, .string(let text)): return .text(text)
        default: return .leer
        }
    }

    private static func anzeige(_ knoten: JSONNode, verweis: Tabellenplan.Verweis?, bezuege: Bezuege) -> String {
        switch knoten.value {
        case .string(let text): return verweis.flatMap(bezuege.liste)?.anzeige(text) ?? text
        case .number(let text): return text
        case .bool(let wert): return wert ? "ja" : "nein"
        default: return ""
        }
    }

    // MARK: cell → JSON (import)

    enum Ergebnis {
        case wert(JSONWert.Inhalt)
        case leer
        case fehler(String, hinweis: String?)
    }

    /// `deutsch`: a text "1.234,5" is a number with decimal comma (a German CSV).
    static func wert(_ zelle: Zelle, feld: Feld, verweis: Tabellenplan.Verweis?, bezuege: Bezuege, deutsch: Bool) -> Ergebnis {
        if feld.liste {
            guard !zelle.istLeer else { return feld.pflicht ? .wert(.liste([])) : .leer }
            let teile: [String]
            if case .text(let text) = zelle {
                teile = text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            } else {
                teile = [text(zelle)]
            }
            var werte: [JSONWert.Inhalt] = []
            for teil in teile {
                switch einzelwert(.text(teil), feld: feld, verweis: verweis, bezuege: bezuege, deutsch: deutsch) {
                case .wert(let inhalt): werte.append(inhalt)
                case .leer: continue
                case .fehler(let meldung, let hinweis): return .fehler(meldung, hinweis: hinweis)
                }
            }
            return .wert(.liste(werte.map { JSONWert($0) }))
        }
        guard !zelle.istLeer else { return .leer }
        return einzelwert(zelle, feld: feld, verweis: verweis, bezuege: bezuege, deutsch: deutsch)
    }

    private static func einzelwert(_ zelle: Zelle, feld: Feld, verweis: Tabellenplan.Verweis?, bezuege: Bezuege, deutsch: Bool) -> Ergebnis {
        if let verweis, let liste = bezuege.liste(verweis) {
            let gesucht = text(zelle)
            switch liste.aufloesen(gesucht) {
            case .id(let id): return .wert(.text(id))
            case .mehrdeutig(let ids):
                return .fehler("\(liste.bezeichnung) »\(gesucht)« ist mehrdeutig", hinweis: "die Kennung angeben: \(ids.joined(separator: " oder "))")
            case .unbekannt(let vorschlag):
                return .fehler("unbekannter Eintrag »\(gesucht)« (\(liste.bezeichnung))",
                               hinweis: vorschlag.map { "meinten Sie »\($0)«?" } ?? "erlaubt sind die Namen aus »\(liste.bezeichnung)«")
            }
        }
        switch feld.art {
        case .text, .wahl:
            return .wert(.text(text(zelle)))
        case .ganzzahl, .zahl:
            switch zelle {
            case .zahl(let zahl): return .wert(.zahl(Zahlentext.json(zahl)))
            case .text(let text):
                // Not a number: kept as text, so the schema check reports it as for a data file.
                return .wert(Zahlentext.lesen(text, deutsch: deutsch).map { .zahl(Zahlentext.json($0)) } ?? .text(text.trimmingCharacters(in: .whitespaces)))
            default: return .wert(.text(self.text(zelle)))
            }
        case .datum:
            switch zelle {
            case .datum(let datum): return .wert(.text(datum.iso))
            case .zahl(let zahl):
                if let datum = Seriendatum.datum(zahl), zahl == zahl.rounded() { return .wert(.text(datum.iso)) }
                return .fehler("muss ein Datum sein, gefunden: \(Zahlentext.json(zahl)) (Zahl)", hinweis: "als TT.MM.JJJJ schreiben, z. B. 31.03.2021")
            default:
                let gefunden = text(zelle)
                switch Datumstext.lesen(gefunden) {
                case .datum(let datum): return .wert(.text(datum.iso))
                case .ungueltig: return .fehler("den Tag »\(gefunden)« gibt es nicht", hinweis: "ein gültiges Datum als TT.MM.JJJJ schreiben")
                case .keinDatum: return .fehler("muss ein Datum sein, gefunden: »\(gefunden)«", hinweis: "als TT.MM.JJJJ schreiben, z. B. 31.03.2021")
                }
            }
        case .wahrheitswert:
            switch zelle {
            case .wahrheitswert(let wert): return .wert(.wahrheitswert(wert))
            case .zahl(let zahl) where zahl == 0 || zahl == 1: return .wert(.wahrheitswert(zahl == 1))
            default:
                switch text(zelle).lowercased() {
                case "ja", "wahr", "true", "x": return .wert(.wahrheitswert(true))
                case "nein", "falsch", "false": return .wert(.wahrheitswert(false))
                default: return .fehler("muss »ja« oder »nein« sein, gefunden: »\(text(zelle))«", hinweis: nil)
                }
            }
        }
    }

    /// A cell as text: numbers without grouping, dates as TT.MM.JJJJ.
    static func text(_ zelle: Zelle) -> String {
        switch zelle {
        case .leer: return ""
        case .text(let text): return text.trimmingCharacters(in: .whitespacesAndNewlines)
        case .zahl(let zahl): return Zahlentext.json(zahl)
        case .datum(let datum): return Datumstext.deutsch(datum)
        case .wahrheitswert(let wert): return wert ? "ja" : "nein"
        }
    }
}
