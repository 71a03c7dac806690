import Foundation
import KimLoad
import KimModel
import Testing

/// The official JSON Schema test suite (draft 2020-12) for every keyword `SchemaValidator` implements.
/// A group whose schema uses a keyword kim does not implement must be refused by `SchemaPruefung`
/// (that is counted and listed); every other case must come out as the suite says.
@Suite("JSON-Schema-Testsuite (Draft 2020-12)")
struct JSONSchemaSuiteTests {
    /// The suite's files for the implemented keywords (`SchemaPruefung.gepruefteSchluesselwoerter`) and for
    /// what every schema meets (boolean schemas, `$defs`, cycles). Files for other keywords are out of scope:
    /// a schema using them is refused at load, which `abgelehnt` below checks on a sample.
    static let dateien = [
        "additionalProperties.json", "boolean_schema.json", "enum.json", "format.json", "items.json", "maxLength.json", "maximum.json", "minItems.json",
        "minLength.json", "minimum.json", "pattern.json", "properties.json", "ref.json", "required.json", "type.json",
    ]

    /// Where kim differs on purpose: it asserts `"format": "date"` (the spec allows a validator to), so a Kommune's
    /// "2021-02-30" is an error, not an annotation.
    static let bewusstAnders: Set<String> = [
        "format.json: date format – invalid date string is only an annotation by default",
    ]

    /// A suite value as a `JSONNode`. Read with Foundation, not with kim's `JSONParser`, which refuses on purpose
    /// what JSON allows but a Kommune's data must not contain (NUL, control characters, noncharacters).
    enum Wert: Decodable {
        case null, bool(Bool), zahl(String), text(String), liste([Wert]), objekt([String: Wert])

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .null }
            else if let b = try? c.decode(Bool.self) { self = .bool(b) }
            else if let i = try? c.decode(Int64.self) { self = .zahl(String(i)) }
            else if let d = try? c.decode(Double.self) { self = .zahl(String(d)) }
            else if let t = try? c.decode(String.self) { self = .text(t) }
            else if let l = try? c.decode([Wert].self) { self = .liste(l) }
            else { self = .objekt(try c.decode([String: Wert].self)) }
        }

        var knoten: JSONNode {
            let ort = KimModel.SourceLocation(line: 1, column: 1)
            switch self {
            case .null: return JSONNode(value: .null, location: ort)
            case .bool(let b): return JSONNode(value: .bool(b), location: ort)
            case .zahl(let z): return JSONNode(value: .number(z), location: ort)
            case .text(let t): return JSONNode(value: .string(t), location: ort)
            case .liste(let l): return JSONNode(value: .array(l.map(\.knoten)), location: ort)
            case .objekt(let o):
                return JSONNode(value: .object(o.sorted { $0.key < $1.key }.map { JSONNode.Member(key: $0.key, keyLocation: ort, value: $0.value.knoten) }), location: ort)
            }
        }
    }

    struct Ergebnis {
        var bestanden = 0
        var fehlgeschlagen: [String] = []
        var abgelehnteGruppen: [String] = []
    }

    static func laufen(_ datei: String) throws -> Ergebnis {
        let url = Fixtures.testsuiten.appendingPathComponent("json-schema-test-suite/draft2020-12/\(datei)")
        let dokument = try JSONDecoder().decode(Wert.self, from: Data(contentsOf: url)).knoten
        guard case .array(let gruppen) = dokument.value else { throw CocoaError(.fileReadCorruptFile) }
        var ergebnis = Ergebnis()
        for gruppe in gruppen {
            guard let schema = gruppe["schema"], case .string(let titel)? = gruppe["description"]?.value,
                  case .array(let faelle)? = gruppe["tests"]?.value else { throw CocoaError(.fileReadCorruptFile) }
            if SchemaPruefung.pruefen(schema, datei: datei).hasErrors {
                ergebnis.abgelehnteGruppen.append(titel)
                continue
            }
            let validator = SchemaValidator(schema: schema, file: datei)
            for fall in faelle {
                guard let daten = fall["data"], case .bool(let gueltig)? = fall["valid"]?.value,
                      case .string(let beschreibung)? = fall["description"]?.value else { throw CocoaError(.fileReadCorruptFile) }
                let name = "\(datei): \(titel) – \(beschreibung)"
                if validator.validate(daten).hasErrors == !gueltig || Self.bewusstAnders.contains(name) {
                    ergebnis.bestanden += 1
                } else {
                    ergebnis.fehlgeschlagen.append("\(name) (erwartet: \(gueltig ? "gültig" : "ungültig"))")
                }
            }
        }
        return ergebnis
    }

    @Test("jeder Fall der Dateien für die geprüften Schlüsselwörter", arguments: dateien)
    func datei(_ datei: String) throws {
        let ergebnis = try Self.laufen(datei)
        print("\(datei): \(ergebnis.bestanden) Fälle bestanden; abgelehnte Gruppen (Schlüsselwort nicht umgesetzt): \(ergebnis.abgelehnteGruppen)")
        #expect(ergebnis.fehlgeschlagen.isEmpty, "\(ergebnis.fehlgeschlagen.joined(separator: "\n"))")
        #expect(ergebnis.bestanden > 0, "in \(datei) lief kein Fall")
    }

    @Test("Schemas mit nicht umgesetzten Schlüsselwörtern werden abgelehnt, nicht still übergangen",
          arguments: ["defs.json", "infinite-loop-detection.json", "allOf.json", "anyOf.json", "const.json", "contains.json", "maxItems.json", "patternProperties.json",
                      "uniqueItems.json", "if-then-else.json", "dynamicRef.json", "unevaluatedProperties.json"])
    func abgelehnt(_ datei: String) throws {
        let ergebnis = try Self.laufen(datei)
        #expect(ergebnis.fehlgeschlagen.isEmpty, "\(ergebnis.fehlgeschlagen.joined(separator: "\n"))")
        #expect(!ergebnis.abgelehnteGruppen.isEmpty)
    }
}
