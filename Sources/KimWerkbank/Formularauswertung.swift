import KimLoad
import KimModel
import KimTabellen

/// From a posted form back to the document: walks the schema as the form was made from it, takes
/// each control's value by its JSON Pointer, and keeps everything the form did not show (keys the
/// schema does not name, the items of a long list edited one by one) exactly as it was.
struct Formularauswertung {
    let daten: Formulardaten
    /// Messages found before any check: a required field left empty, a number that is none.
    var fehler: [String: String] = [:]
    /// Pointers of items to remove (`_entfernen`).
    let entfernen: Set<String>
    /// Pointers the form showed (`_angezeigt`): checkboxes and list items, which post nothing when empty.
    let angezeigt: Set<String>

    init(_ daten: Formulardaten) {
        self.daten = daten
        entfernen = Set(daten.alle("_entfernen"))
        angezeigt = Set(daten.alle("_angezeigt"))
    }

    /// The new value at `zeiger` (read from the controls named below it); `alt` is the value the
    /// form was made from. nil: the place is to be left out (an optional field left empty).
    mutating func wert(_ schema: Feldschema, zeiger: String, alt: JSONWert?, tiefe: Int = 0) -> JSONWert? {
        switch schema.art {
        case .objekt:
            return objekt(schema, zeiger: zeiger, alt: alt, tiefe: tiefe)
        case .objektliste:
            // A long list is edited item by item: the form shows links, the list stays as it is.
            if Formular.alsVerweise(alt, tiefe: tiefe) { return alt }
            var elemente: [JSONWert] = []
            let alteElemente = alt?.listenelemente ?? []
            // Items go only by `_entfernen`: an item the post does not mention (a partial post) stays as it was.
            let posten = Set(indizes(unter: zeiger)).union(alteElemente.indices).sorted()
            for index in posten where !entfernen.contains(Zeiger.anhaengen(zeiger, String(index))) {
                let altesElement = alteElemente.indices.contains(index) ? alteElemente[index] : nil
                let element = schema.elemente.flatMap { wert($0, zeiger: Zeiger.anhaengen(zeiger, String(index)), alt: altesElement, tiefe: tiefe + 1) }
                elemente.append(element ?? JSONWert(.objekt([])))
            }
            if elemente.isEmpty, alt == nil { return nil }
            return JSONWert(.liste(elemente))
        case .werteliste(let art):
            let werte: [String]
            if schema.verweisangabe != nil || { if case .wahl = art { true } else { false } }() {
                werte = daten.alle(zeiger).filter { !$0.isEmpty }
                // The checkboxes of a list that was not on the form leave it as it was.
                guard angezeigt.contains(zeiger) || !werte.isEmpty else { return alt }
            } else {
                guard let text = daten[zeiger] else { return alt }
                werte = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            if werte.isEmpty, alt == nil { return nil }
            return JSONWert(.liste(werte.map { skalar($0, art: art, zeiger: zeiger) }))
        case .wert(let art):
            if case .wahrheitswert = art {
                guard angezeigt.contains(zeiger) || daten[zeiger] != nil else { return alt }
                let an = daten.alle(zeiger).contains("true")
                return !an && alt == nil ? nil : JSONWert(.wahrheitswert(an))
            }
            guard var text = daten[zeiger] else { return alt }
            text = text.replacingOccurrences(of: "\r\n", with: "\n")
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return nil }
            if let alt, alt.alsText == text { return alt }
            return skalar(text, art: art, zeiger: zeiger)
        case .json:
            guard let text = daten[zeiger] else { return alt }
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return nil }
            do {
                let (knoten, _) = try JSONParser.parse(Array(text.utf8))
                return JSONWert(knoten)
            } catch {
                fehler[zeiger] = "Das ist kein gültiges JSON (Zeile \(error.location.line), Spalte \(error.location.column)): \(error.message)"
                return alt
            }
        }
    }

    private mutating func objekt(_ schema: Feldschema, zeiger: String, alt: JSONWert?, tiefe: Int) -> JSONWert? {
        var felder: [(String, JSONWert)] = []
        if case .objekt(let alteFelder)? = alt?.inhalt { felder = alteFelder }
        let fehlerVorher = fehler
        let pflicht = schema.pflicht
        for (name, teil) in schema.eigenschaften {
            let unterzeiger = Zeiger.anhaengen(zeiger, name)
            let altesFeld = felder.last { $0.0 == name }?.1
            var neu = wert(teil, zeiger: unterzeiger, alt: altesFeld, tiefe: tiefe + 1)
            // A required list may be empty: the form writes [] rather than asking for an item.
            if neu == nil, pflicht.contains(name) {
                switch teil.art {
                case .objektliste, .werteliste: neu = JSONWert(.liste([]))
                // A required checkbox left unticked is false.
                case .wert(.wahrheitswert) where angezeigt.contains(unterzeiger): neu = JSONWert(.wahrheitswert(false))
                default: break
                }
            }
            if let index = felder.lastIndex(where: { $0.0 == name }) {
                if let neu { felder[index].1 = neu } else { felder.remove(at: index) }
            } else if let neu {
                felder.append((name, neu))
            }
            if neu == nil, pflicht.contains(name), fehler[unterzeiger] == nil {
                // A browser sends an impossible date from a date input as empty: say what is wanted.
                let datum = teil.art == .wert(.datum) ? " (ein gültiges Datum, z. B. 2021-03-10)" : ""
                fehler[unterzeiger] = "„\(teil.titel ?? name)“ muss ausgefüllt werden\(datum)."
            }
        }
        if felder.isEmpty, alt == nil {
            // An optional group left empty is left out, and its required fields are not asked for.
            fehler = fehlerVorher
            return nil
        }
        return JSONWert(.objekt(felder))
    }

    /// A value as the schema wants it: numbers as JSON numbers (a German comma becomes a point);
    /// what is not a number stays text, and the schema check says so at the field.
    private func skalar(_ text: String, art: Feld.Art, zeiger: String) -> JSONWert {
        switch art {
        case .ganzzahl, .zahl:
            let zahl = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
            if let (knoten, _) = try? JSONParser.parse(Array(zahl.utf8)), case .number(let json) = knoten.value { return JSONWert(.zahl(json)) }
            return JSONWert(.text(text))
        case .wahrheitswert:
            return JSONWert(.wahrheitswert(text == "true"))
        default:
            return JSONWert(.text(text))
        }
    }

    /// The item numbers the form posted below a list, in order.
    private func indizes(unter zeiger: String) -> [Int] {
        let praefix = zeiger + "/"
        var gesehen = Set<Int>()
        var ergebnis: [Int] = []
        let namen = daten.felder.map(\.name) + daten.alle("_angezeigt")
        for name in namen where name.hasPrefix(praefix) {
            let rest = name.dropFirst(praefix.count)
            guard let index = Int(rest.prefix { $0 != "/" }), index >= 0, gesehen.insert(index).inserted else { continue }
            ergebnis.append(index)
        }
        return ergebnis.sorted()
    }
}
