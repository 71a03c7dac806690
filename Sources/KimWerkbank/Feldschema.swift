import KimLoad
import KimModel
import KimTabellen

/// One place of a JSON Schema as a form sees it: what kind of control it becomes, its German
/// label and hint. Read from the same schemas `kim check` validates with, so a field added to a
/// schema appears in its form without form code.
struct Feldschema {
    enum Art: Equatable {
        /// An object with named fields: a group of controls.
        case objekt
        /// A list of objects: repeatable groups (or, when long, links to one form per item).
        case objektliste
        /// A list of values: checkboxes when they come from an enum, else one value per line.
        case werteliste(Feld.Art)
        case wert(Feld.Art)
        /// A shape the form cannot break down (several types, a map with free keys): its JSON in a text box.
        case json
    }

    /// The node that refers (with the title given beside a `$ref`) and what it refers to.
    let original: JSONNode
    let schema: JSONNode
    let wurzel: JSONNode

    init(_ original: JSONNode, wurzel: JSONNode) {
        self.original = original
        self.schema = Schemafelder.aufgeloest(original, wurzel)
        self.wurzel = wurzel
    }

    var titel: String? { Schemafelder.titel(original, wurzel) }
    var beschreibung: String? { Schemafelder.beschreibung(original, wurzel) }
    /// The description as a hint beside the control (`Formularhinweis`).
    var hinweis: String? { beschreibung.map { Formularhinweis.text($0, ankreuzfeld: art == .wert(.wahrheitswert)) } }
    var typen: [String] { Schemafelder.texte(schema["type"]).filter { $0 != "null" } }
    var pflicht: Set<String> { Set(Schemafelder.texte(schema["required"])) }

    var eigenschaften: [(name: String, schema: Feldschema)] {
        guard case .object(let eintraege)? = schema["properties"]?.value else { return [] }
        return eintraege.filter { $0.key != "$schema" }.map { ($0.key, Feldschema($0.value, wurzel: wurzel)) }
    }

    var elemente: Feldschema? {
        schema["items"].map { Feldschema($0, wurzel: wurzel) }
    }

    var art: Art {
        switch typen {
        case ["object"]:
            return eigenschaften.isEmpty ? .json : .objekt
        case ["array"]:
            guard let elemente else { return .json }
            switch elemente.art {
            case .objekt: return .objektliste
            case .wert(let art): return .werteliste(art)
            default: return .json
            }
        case ["string"], ["integer"], ["number"], ["boolean"]:
            return .wert(Schemafelder.art(schema))
        case []:
            // An enum alone says what it takes.
            if case .array? = schema["enum"]?.value { return .wert(Schemafelder.art(schema)) }
            return .json
        default:
            return .json
        }
    }

    /// `"x-kim-verweis": "data/gremien.json#/gremien"`: the field takes the id of an item of that list
    /// (on the field, beside its `$ref`, or on a list's items).
    var verweisangabe: String? {
        Schemafelder.text(original["x-kim-verweis"]) ?? Schemafelder.text(schema["x-kim-verweis"])
            ?? (typen == ["array"] ? elemente?.verweisangabe : nil)
    }

    /// The schema of a part below this one: a property's, or a list item's.
    func unter(_ teil: String) -> Feldschema? {
        switch art {
        case .objektliste, .werteliste: return elemente
        default: return eigenschaften.first { $0.name == teil }?.schema
        }
    }

    func unter(_ teile: [String]) -> Feldschema? {
        var aktuell: Feldschema? = self
        for teil in teile { aktuell = aktuell?.unter(teil) }
        return aktuell
    }
}
