import KimModel

/// Reads the fields of a list's item from its definition in the schema: the columns of a
/// spreadsheet (`kim export`) and of the open data (`Projekt.exportfelder`) alike.
public enum Schemafelder {
    /// The scalar fields of `objekt` and of the objects in it, in the schema's order; lists of
    /// objects are not columns (they get a sheet of their own).
    /// `benannt`: every field of an inner object is headed with the object's title too
    /// ("Menschen im Kontext Flucht: Anzahl"), otherwise only where two headings would be equal.
    public static func felder(_ objekt: JSONNode, wurzel: JSONNode, benannt: Bool = false) -> [Feld] {
        var felder: [Feld] = []
        sammeln(aufgeloest(objekt, wurzel), pfad: [], pflicht: true, oeffentlich: true, wurzel: wurzel, in: &felder)
        // Two columns with the same heading: name the object each lies in ("Anschrift: Ort").
        let doppelt = Dictionary(grouping: felder, by: \.titel).filter { $0.value.count > 1 }.keys
        return felder.map { feld in
            guard benannt || doppelt.contains(feld.titel), feld.pfad.count > 1,
                  let eltern = titel(objekt, pfad: Array(feld.pfad.dropLast()), wurzel: wurzel) else { return feld }
            var umbenannt = feld
            umbenannt.titel = "\(eltern): \(feld.titel)"
            return umbenannt
        }
    }

    /// `oeffentlich`: false below an object the schema calls not public, so nothing in it is either.
    private static func sammeln(_ objekt: JSONNode, pfad: [String], pflicht: Bool, oeffentlich: Bool, wurzel: JSONNode, in felder: inout [Feld]) {
        guard case .object(let eigenschaften)? = objekt["properties"]?.value else { return }
        let erforderlich = Set(texte(objekt["required"]))
        for eigenschaft in eigenschaften where eigenschaft.key != "$schema" {
            let schema = aufgeloest(eigenschaft.value, wurzel)
            let istPflicht = pflicht && erforderlich.contains(eigenschaft.key)
            let istOeffentlich = oeffentlich && !nichtOeffentlich(eigenschaft.value, schema)
            let typ = texte(schema["type"]).first ?? ""
            if typ == "object" {
                sammeln(schema, pfad: pfad + [eigenschaft.key], pflicht: istPflicht, oeffentlich: istOeffentlich, wurzel: wurzel, in: &felder)
                continue
            }
            var liste = false
            var element = schema
            if typ == "array" {
                guard let elemente = schema["items"] else { continue }
                element = aufgeloest(elemente, wurzel)
                if texte(element["type"]).first == "object" { continue }
                liste = true
            }
            // Beside the reference, in the definition it names, or at a list's items ("SozialraumNummer").
            let verweis = text(eigenschaft.value["x-kim-verweis"]) ?? text(schema["x-kim-verweis"]) ?? (liste ? text(element["x-kim-verweis"]) : nil)
            felder.append(Feld(pfad: pfad + [eigenschaft.key], titel: titel(eigenschaft.value, wurzel) ?? eigenschaft.key,
                               beschreibung: beschreibung(eigenschaft.value, wurzel) ?? "", art: art(element), liste: liste, pflicht: istPflicht,
                               muster: text(element["x-kim-muster"]), verweis: verweis, oeffentlich: istOeffentlich,
                               bedeutung: text(eigenschaft.value["x-kim-bedeutung"])))
        }
    }

    /// `"x-kim-oeffentlich": false` beside the field or in the definition it names.
    private static func nichtOeffentlich(_ original: JSONNode, _ aufgeloest: JSONNode) -> Bool {
        [original, aufgeloest].contains { knoten in
            if case .bool(false)? = knoten["x-kim-oeffentlich"]?.value { return true }
            return false
        }
    }

    public static func art(_ schema: JSONNode) -> Feld.Art {
        if case .array? = schema["enum"]?.value { return .wahl(texte(schema["enum"])) }
        switch texte(schema["type"]).first {
        case "integer": return .ganzzahl
        case "number": return .zahl
        case "boolean": return .wahrheitswert
        default: return text(schema["format"]) == "date" ? .datum : .text
        }
    }

    /// The title of the object at `pfad` below `objekt`.
    private static func titel(_ objekt: JSONNode, pfad: [String], wurzel: JSONNode) -> String? {
        var knoten = aufgeloest(objekt, wurzel)
        var original = objekt
        for teil in pfad {
            guard let weiter = knoten["properties"]?[teil] else { return nil }
            original = weiter
            knoten = aufgeloest(weiter, wurzel)
        }
        return titel(original, wurzel)
    }

    /// `{"$ref": "#/$defs/Kennung"}` → the definition it names (titles and descriptions given
    /// beside a reference are read from the referring node, see `titel(_:_:)`).
    public static func aufgeloest(_ knoten: JSONNode, _ wurzel: JSONNode) -> JSONNode {
        guard case .string(let verweis)? = knoten["$ref"]?.value, let ziel = wurzel.verweisziel(verweis) else { return knoten }
        return ziel
    }

    /// The title given beside a reference, else the definition's.
    public static func titel(_ original: JSONNode, _ wurzel: JSONNode) -> String? {
        titel(original) ?? titel(aufgeloest(original, wurzel))
    }

    public static func beschreibung(_ original: JSONNode, _ wurzel: JSONNode) -> String? {
        beschreibung(original) ?? beschreibung(aufgeloest(original, wurzel))
    }

    static func titel(_ knoten: JSONNode) -> String? { text(knoten["title"]) }
    static func beschreibung(_ knoten: JSONNode) -> String? { text(knoten["description"]) }

    public static func text(_ knoten: JSONNode?) -> String? {
        if case .string(let text)? = knoten?.value { return text }
        return nil
    }

    public static func texte(_ knoten: JSONNode?) -> [String] {
        switch knoten?.value {
        case .string(let text)?: return [text]
        case .array(let elemente)?: return elemente.compactMap { text($0) }
        default: return []
        }
    }
}
