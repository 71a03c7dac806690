import KimModel

/// German names of data fields, read from the schemas' "title"s, which are the one description
/// of the data: "angebote.*.zielgruppen" → "Zielgruppen". A page that names a field (the change
/// list of a Fassung) says what the author's editor says, not the key.
enum Feldtitel {
    /// Titles by dotted path from the root of a data file; `*` stands for the items of a list.
    /// Empty when the schema cannot be read (loading reports that).
    static func lesen(_ files: ProjectFiles, schema name: String) -> [String: String] {
        guard let bytes = try? files.read("schemas/\(name).schema.json"), let (wurzel, _) = try? JSONParser.parse(bytes) else { return [:] }
        var titel: [String: String] = [:]
        sammeln(wurzel, pfad: "", wurzel: wurzel, tiefe: 0, in: &titel)
        return titel
    }

    private static func sammeln(_ knoten: JSONNode, pfad: String, wurzel: JSONNode, tiefe: Int, in titel: inout [String: String]) {
        // A schema may refer to itself; data files are not nested this deep.
        guard tiefe < 16 else { return }
        let knoten = aufgeloest(knoten, wurzel)
        if !pfad.isEmpty, titel[pfad] == nil, case .string(let text)? = knoten["title"]?.value { titel[pfad] = text }
        if case .object(let eigenschaften)? = knoten["properties"]?.value {
            for eigenschaft in eigenschaften {
                sammeln(eigenschaft.value, pfad: pfad.isEmpty ? eigenschaft.key : "\(pfad).\(eigenschaft.key)", wurzel: wurzel, tiefe: tiefe + 1, in: &titel)
            }
        }
        if let elemente = knoten["items"] {
            sammeln(elemente, pfad: pfad.isEmpty ? "*" : "\(pfad).*", wurzel: wurzel, tiefe: tiefe + 1, in: &titel)
        }
    }

    /// `{"$ref": "#/$defs/Angebot"}` → the definition it names, keeping a title given beside the reference.
    private static func aufgeloest(_ knoten: JSONNode, _ wurzel: JSONNode) -> JSONNode {
        guard case .string(let verweis)? = knoten["$ref"]?.value, var ziel = wurzel.verweisziel(verweis) else { return knoten }
        if let eigenerTitel = knoten["title"], case .object(var members) = ziel.value {
            members.removeAll { $0.key == "title" }
            members.append(JSONNode.Member(key: "title", keyLocation: eigenerTitel.location, value: eigenerTitel))
            ziel.value = .object(members)
        }
        return ziel
    }
}
