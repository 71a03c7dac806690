import KimModel

/// The fields of the items the open data list, from the project's own schemas (an override in
/// `schemas/` counts, as for checking): `Projekt.exportfelder`.
public enum Exportfelder {
    /// Schema and item definition of every dataset whose downloads list items field by field.
    public static let datensaetze = [("angebote", "Angebot"), ("meilensteine", "Meilenstein"), ("sitzung", "Beschluss"), ("sitzung", "Aufgabe")]

    /// Empty when the schema or the definition cannot be read (loading reports a faulty schema).
    static func lesen(_ files: ProjectFiles, schema name: String, definition: String) -> [Feld] {
        guard let bytes = try? files.read("schemas/\(name).schema.json"), let (wurzel, _) = try? JSONParser.parse(bytes),
              let knoten = wurzel.verweisziel("#/$defs/\(definition)") else { return [] }
        return Schemafelder.felder(knoten, wurzel: wurzel)
    }
}
