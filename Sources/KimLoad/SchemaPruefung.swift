import KimModel

/// Checks a schema before any data meets it. A Kommune edits `schemas/` too, and a keyword the
/// validator does not implement would otherwise be ignored without a word: `"maxItems": 3`
/// would promise a check that never happens. So every keyword is either one `SchemaValidator`
/// implements, an annotation, or an error at that keyword.
public enum SchemaPruefung {
    /// What `SchemaValidator` checks.
    public static let gepruefteSchluesselwoerter: Set<String> = [
        "type", "enum", "minLength", "maxLength", "pattern", "format", "minimum", "maximum",
        "minItems", "items", "properties", "required", "additionalProperties", "$ref",
    ]
    /// Keywords that only describe (draft 2020-12 meta-data and core vocabularies); `x-…` is kim's own.
    static let anmerkungen: Set<String> = [
        "$schema", "$id", "$defs", "$comment", "title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly",
    ]
    static let typen: Set<String> = ["null", "boolean", "string", "number", "integer", "array", "object"]
    /// The only `format` the validator checks; others are annotations in 2020-12, which a reader would take for checks.
    static let formate: Set<String> = ["date"]

    public static func pruefen(_ wurzel: JSONNode, datei: String) -> [Diagnostic] {
        var pruefung = Lauf(wurzel: wurzel, datei: datei)
        pruefung.schema(wurzel, istWurzel: true)
        return pruefung.befunde
    }

    private struct Lauf {
        let wurzel: JSONNode
        let datei: String
        var befunde: [Diagnostic] = []

        mutating func fehler(_ ort: SourceLocation, _ text: String, hint: String? = nil) {
            befunde.append(.error(datei, ort, text, hint: hint))
        }

        mutating func schema(_ knoten: JSONNode, istWurzel: Bool = false) {
            guard case .object(let eintraege) = knoten.value else {
                if case .bool = knoten.value { return }
                fehler(knoten.location, "ein Schema muss ein Objekt { … } oder true/false sein, gefunden: \(knoten.shownForMessage)")
                return
            }
            for eintrag in eintraege {
                schluesselwort(eintrag, istWurzel: istWurzel)
            }
        }

        mutating func schluesselwort(_ eintrag: JSONNode.Member, istWurzel: Bool) {
            let wert = eintrag.value
            switch eintrag.key {
            case "$id", "$schema":
                if !istWurzel {
                    fehler(eintrag.keyLocation, "»\(eintrag.key)« steht nur ganz oben im Schema", hint: "hier entfernen")
                }
            case "$defs", "properties":
                guard case .object(let teile) = wert.value else {
                    fehler(wert.location, "»\(eintrag.key)« muss ein Objekt { … } sein, gefunden: \(wert.shownForMessage)")
                    return
                }
                for teil in teile { schema(teil.value) }
            case "items", "additionalProperties":
                schema(wert)
            case "type":
                let namen: [JSONNode]
                switch wert.value {
                case .string: namen = [wert]
                case .array(let liste) where !liste.isEmpty: namen = liste
                default:
                    fehler(wert.location, "»type« muss ein Typname oder eine Liste von Typnamen sein, gefunden: \(wert.shownForMessage)")
                    return
                }
                for name in namen {
                    if case .string(let text) = name.value, SchemaPruefung.typen.contains(text) { continue }
                    fehler(name.location, "unbekannter Typ \(name.shownForMessage)", hint: "möglich: \(SchemaPruefung.typen.sorted().joined(separator: ", "))")
                }
            case "enum":
                guard case .array = wert.value else {
                    fehler(wert.location, "»enum« muss eine Liste sein, gefunden: \(wert.shownForMessage)")
                    return
                }
            case "required":
                guard case .array(let liste) = wert.value, liste.allSatisfy({ if case .string = $0.value { true } else { false } }) else {
                    fehler(wert.location, "»required« muss eine Liste von Feldnamen sein, gefunden: \(wert.shownForMessage)")
                    return
                }
            case "minLength", "maxLength", "minItems":
                guard case .number(let text) = wert.value, let zahl = Double(text), zahl >= 0, zahl.rounded() == zahl else {
                    fehler(wert.location, "»\(eintrag.key)« muss eine ganze Zahl ≥ 0 sein, gefunden: \(wert.shownForMessage)")
                    return
                }
            case "minimum", "maximum":
                guard case .number(let text) = wert.value, Double(text)?.isFinite == true else {
                    fehler(wert.location, "»\(eintrag.key)« muss eine Zahl sein, gefunden: \(wert.shownForMessage)")
                    return
                }
            case "pattern":
                guard case .string(let muster) = wert.value else {
                    fehler(wert.location, "»pattern« muss ein Text sein, gefunden: \(wert.shownForMessage)")
                    return
                }
                do {
                    _ = try ECMAMuster.kompilieren(muster)
                } catch {
                    fehler(wert.location, "das Muster \(wert.shownLiteral) lässt sich nicht übersetzen: \(error.grund)",
                           hint: "reguläre Ausdrücke nach ECMA-262 (JavaScript) schreiben")
                }
            case "format":
                guard case .string(let format) = wert.value, SchemaPruefung.formate.contains(format) else {
                    fehler(wert.location, "kim prüft das Format \(wert.shownLiteral) nicht", hint: "möglich: \(SchemaPruefung.formate.sorted().joined(separator: ", ")); sonst das Feld mit »pattern« beschreiben")
                    return
                }
            case "$ref":
                verweis(wert)
            case let schluessel where SchemaPruefung.anmerkungen.contains(schluessel) || schluessel.hasPrefix("x-"):
                break
            default:
                fehler(eintrag.keyLocation, "kim prüft das Schlüsselwort »\(eintrag.key)« nicht; die Daten würden ohne diese Prüfung angenommen",
                       hint: "unterstützt: \(SchemaPruefung.gepruefteSchluesselwoerter.sorted().joined(separator: ", ")); eigene Anmerkungen beginnen mit »x-«")
            }
        }

        /// Only references inside the same schema ("#/$defs/Datum"), which must lead somewhere and not in a circle.
        mutating func verweis(_ wert: JSONNode) {
            guard case .string(var ziel) = wert.value else {
                fehler(wert.location, "»$ref« muss ein Text sein, gefunden: \(wert.shownForMessage)")
                return
            }
            var besucht: Set<String> = []
            while true {
                guard ziel == "#" || ziel.hasPrefix("#/") else {
                    fehler(wert.location, "kim folgt nur Verweisen innerhalb des Schemas (\"#/$defs/…\"), gefunden: \"\(ziel)\"")
                    return
                }
                guard let knoten = wurzel.verweisziel(ziel) else {
                    fehler(wert.location, "der Verweis \"\(ziel)\" führt ins Leere", hint: "den Namen unter »$defs« prüfen")
                    return
                }
                guard besucht.insert(ziel).inserted else {
                    fehler(wert.location, "die Verweise \(besucht.sorted().joined(separator: " → ")) führen im Kreis")
                    return
                }
                guard case .string(let weiter)? = knoten["$ref"]?.value else { return }
                ziel = weiter
            }
        }
    }
}
