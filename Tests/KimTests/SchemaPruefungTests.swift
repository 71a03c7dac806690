import Foundation
import KimLoad
import KimModel
import Testing

@Suite("Schemas: nicht umgesetzte Schlüsselwörter, ECMA-262-Muster, geschlossene Objekte")
struct SchemaPruefungTests {
    func knoten(_ text: String) throws -> JSONNode {
        try JSONParser.parse(Array(text.utf8)).0
    }

    func fehler(_ schema: String, _ daten: String) throws -> [Diagnostic] {
        let schema = try knoten(schema)
        #expect(!SchemaPruefung.pruefen(schema, datei: "schemas/x.schema.json").hasErrors)
        return SchemaValidator(schema: schema, file: "data/x.json").validate(try knoten(daten))
    }

    @Test("ein nicht umgesetztes Schlüsselwort ist ein Fehler an seiner Stelle im Schema")
    func unbekanntesSchluesselwort() throws {
        let schema = try knoten("{\n  \"type\": \"object\",\n  \"properties\": {\n    \"x\": { \"type\": \"array\", \"maxItems\": 3 }\n  }\n}")
        let befunde = SchemaPruefung.pruefen(schema, datei: "schemas/x.schema.json")
        #expect(befunde.map(\.formatted).contains { $0.hasPrefix("schemas/x.schema.json:4:29: Fehler: kim prüft das Schlüsselwort »maxItems« nicht") }, "\(befunde)")
    }

    @Test("ein Muster, das sich nicht übersetzen lässt, und ein Verweis ins Leere sind Fehler im Schema")
    func kaputtesMuster() throws {
        let schema = try knoten(##"{"properties": {"a": {"pattern": "([a-z]"}, "b": {"$ref": "#/$defs/Fehlt"}, "c": {"format": "email"}}}"##)
        let befunde = SchemaPruefung.pruefen(schema, datei: "schemas/x.schema.json").map(\.message)
        #expect(befunde.contains { $0.contains("das Muster \"([a-z]\" lässt sich nicht übersetzen") }, "\(befunde)")
        #expect(befunde.contains { $0.contains("der Verweis \"#/$defs/Fehlt\" führt ins Leere") })
        #expect(befunde.contains { $0.contains("kim prüft das Format \"email\" nicht") })
    }

    @Test("format: date verlangt ein Datum, das es gibt: der 30. Februar und der 31. November sind Fehler am Wert, der 29. Februar 2024 nicht")
    func formatDatum() throws {
        let schema = #"{"type": "object", "properties": {"frist": {"type": "string", "format": "date", "title": "Frist"}}}"#
        for falsch in ["2021-02-30", "2021-11-31", "2021-13-01"] {
            let befunde = try fehler(schema, "{\"frist\": \"\(falsch)\"}")
            #expect(befunde.map(\.message) == ["\"frist\" muss ein gültiges Datum im Format JJJJ-MM-TT sein, gefunden: \"\(falsch)\" (Text)"], "\(falsch)")
            #expect(befunde.first?.location?.column == 11, "\(falsch)")
        }
        #expect(try fehler(schema, #"{"frist": "2024-02-29"}"#).isEmpty)
    }

    @Test("additionalProperties: false lässt ein \"$schema\" tiefer im Dokument nicht durch")
    func verschachteltesSchema() throws {
        let schema = #"{"type": "object", "additionalProperties": false, "properties": {"$schema": {"type": "string"}, "a": {"type": "object", "additionalProperties": false, "properties": {"b": {"type": "string"}}}}}"#
        #expect(try fehler(schema, #"{"$schema": "x", "a": {"b": "y"}}"#).isEmpty)
        let befunde = try fehler(schema, #"{"a": {"b": "y", "$schema": "x"}}"#)
        #expect(befunde.map(\.message) == ["unbekanntes Feld \"$schema\""])
    }

    @Test("pattern nach ECMA-262: \\s umfasst U+FEFF, nicht U+0085; \\d und \\w nur ASCII; $ nur am Ende")
    func ecmaMuster() throws {
        let schema = #"{"type": "string", "pattern": "^[^\\s]+$"}"#
        #expect(try fehler(schema, "\"ab\"").isEmpty)
        #expect(!(try fehler(schema, "\"a\\uFEFFb\"")).isEmpty, "U+FEFF ist in ECMA-262 Leerraum")
        #expect(!(try fehler(schema, "\"a\\u00A0b\"")).isEmpty)
        #expect(!(try fehler(#"{"pattern": "^\\S+$"}"#, "\"a\\u3000b\"")).isEmpty)
        #expect(try fehler(#"{"pattern": "^\\S+$"}"#, "\"a\u{1F600}b\"").isEmpty)
        #expect(!(try fehler(#"{"pattern": "^\\d+$"}"#, "\"\u{0663}\"")).isEmpty, "arabisch-indische Ziffer ist kein \\d")
        #expect(!(try fehler(#"{"pattern": "^\\w+$"}"#, "\"ä\"")).isEmpty)
        #expect(!(try fehler(#"{"pattern": "^a$"}"#, "\"a\\n\"")).isEmpty)
        #expect(!(try fehler(#"{"pattern": "^a.b$"}"#, "\"a\\u2028b\"")).isEmpty)
        #expect(try fehler(#"{"pattern": "^[a[]+$"}"#, "\"a[\"").isEmpty, "[ in einer Klasse ist in ECMA-262 ein Zeichen")
        #expect(try fehler(#"{"pattern": "^\\u00e4\\u{1F600}?$"}"#, "\"ä\"").isEmpty)
    }

    @Test("eine ganze Zahl jenseits von 2^53 heißt zu groß")
    func grosseZahl() throws {
        let befunde = try fehler(#"{"type": "integer"}"#, "12345678901234567890")
        #expect(befunde.map(\.message) == ["Der Wert ist zu groß: 12345678901234567890 (höchstens 9007199254740991)"])
        #expect(try fehler(#"{"type": "integer"}"#, "9007199254740991").isEmpty)
    }

    @Test("die Schemas des Projekts bestehen die Prüfung")
    func projektschemas() throws {
        let files = ProjectFiles.disk(Fixtures.referenzprojekt)
        for pfad in files.list("schemas") where pfad.hasSuffix(".schema.json") {
            let befunde = SchemaPruefung.pruefen(try JSONParser.parse(try files.read(pfad)).0, datei: pfad)
            #expect(befunde.isEmpty, "\(befunde.map(\.formatted))")
        }
    }
}
