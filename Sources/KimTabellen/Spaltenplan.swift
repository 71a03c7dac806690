import KimModel
import KimLoad

/// The columns of one list's sheet: the table column for nested rows, then the fields.
struct Spaltenplan {
    let liste: Tabellenplan.Liste
    let felder: [Feld]

    /// Nil when the schema has no such list (a schema changed by the project).
    init?(_ liste: Tabellenplan.Liste, schema: JSONNode) {
        var knoten: JSONNode?
        if let eltern = liste.eltern {
            knoten = Self.elemente(schema, schema["properties"]?[eltern.schluessel]).flatMap { Self.elemente(schema, $0["properties"]?[liste.schluessel]) }
        } else {
            knoten = Self.elemente(schema, schema["properties"]?[liste.schluessel])
        }
        guard let knoten else { return nil }
        self.liste = liste
        self.felder = Schemafelder.felder(knoten, wurzel: schema)
    }

    private static func elemente(_ wurzel: JSONNode, _ liste: JSONNode?) -> JSONNode? {
        guard let liste, let elemente = Schemafelder.aufgeloest(liste, wurzel)["items"] else { return nil }
        return Schemafelder.aufgeloest(elemente, wurzel)
    }

    var versatz: Int { liste.eltern == nil ? 0 : 1 }

    var titel: [String] { (liste.eltern.map { [$0.spaltentitel] } ?? []) + felder.map(\.titel) }

    func spalte(_ feld: Feld) -> Int? {
        felder.firstIndex(of: feld).map { $0 + versatz }
    }
}

/// The file's single values (Stand, Quelle, …) as rows of the sheet "Angaben".
enum Angabenplan {
    static func felder(_ schema: JSONNode) -> [Feld] {
        Schemafelder.felder(schema, wurzel: schema, benannt: true)
    }
}
