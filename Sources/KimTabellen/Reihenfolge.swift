import KimLoad

/// Puts the fields of every object into the order of the schema's `properties`, the order in
/// which the project's data files are written; fields the schema does not know come last.
enum Reihenfolge {
    static func geordnet(_ wert: JSONWert, schema: JSONNode?, wurzel: JSONNode) -> JSONWert {
        let schema = schema.map { Schemafelder.aufgeloest($0, wurzel) }
        var ergebnis = wert
        switch wert.inhalt {
        case .objekt(let felder):
            var reihenfolge: [String] = []
            if case .object(let eigenschaften)? = schema?["properties"]?.value { reihenfolge = eigenschaften.map(\.key) }
            let sortiert = felder.enumerated().sorted { links, rechts in
                let l = reihenfolge.firstIndex(of: links.element.0) ?? reihenfolge.count
                let r = reihenfolge.firstIndex(of: rechts.element.0) ?? reihenfolge.count
                return (l, links.offset) < (r, rechts.offset)
            }
            ergebnis.inhalt = .objekt(sortiert.map { _, feld in
                (feld.0, geordnet(feld.1, schema: schema?["properties"]?[feld.0], wurzel: wurzel))
            })
        case .liste(let elemente):
            ergebnis.inhalt = .liste(elemente.map { geordnet($0, schema: schema?["items"], wurzel: wurzel) })
        default:
            break
        }
        return ergebnis
    }
}
