import Foundation
import KimModel

/// Checks a JSON document against a JSON Schema (draft 2020-12, the subset the
/// project's schemas use) and explains each violation in German at the value
/// that caused it. The schemas in `schemas/` are the single source of truth for
/// the shape of the data; the Swift model only decodes what passed them.
public struct SchemaValidator {
    let root: JSONNode
    let file: String
    /// Each pattern compiled once, not once per value (700 000 rows took minutes).
    private let expressions = ExpressionCache()
    /// Each `$ref` looked up once per file, not once per value it applies to.
    private let verweise = ReferenceCache()

    public init(schema: JSONNode, file: String) {
        self.root = schema
        self.file = file
    }

    private final class ExpressionCache {
        var compiled: [String: NSRegularExpression?] = [:]

        /// nil when the pattern is not valid ECMA-262; `SchemaPruefung` reports that at the schema.
        func expression(_ pattern: String) -> NSRegularExpression? {
            if let known = compiled[pattern] { return known }
            let expression = try? ECMAMuster.kompilieren(pattern)
            compiled[pattern] = expression
            return expression
        }
    }

    public func validate(_ document: JSONNode) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        check(document, against: root, name: nil, into: &diagnostics)
        return diagnostics
    }

    private final class ReferenceCache {
        /// nil: the reference leads nowhere, the schema stands for itself.
        var ziele: [String: JSONNode?] = [:]
    }

    /// The schema a `$ref` names; nil when there is none or it leads nowhere (`SchemaPruefung` reports that).
    private func target(of schema: JSONNode) -> JSONNode? {
        guard case .string(let reference)? = schema["$ref"]?.value else { return nil }
        if let bekannt = verweise.ziele[reference] { return bekannt }
        let node = root.verweisziel(reference)
        verweise.ziele[reference] = .some(node)
        return node
    }

    private func resolve(_ schema: JSONNode) -> JSONNode {
        target(of: schema) ?? schema
    }

    private func strings(_ node: JSONNode?) -> [String] {
        guard let node else { return [] }
        switch node.value {
        case .string(let text): return [text]
        case .array(let items): return items.compactMap { if case .string(let text) = $0.value { text } else { nil } }
        default: return []
        }
    }

    private func number(_ node: JSONNode?) -> Double? {
        if case .number(let text)? = node?.value { return Double(text) }
        return nil
    }

    private func label(_ name: String?) -> String {
        name.map { "\"\($0)\"" } ?? "Der Wert"
    }

    private func check(_ value: JSONNode, against schema: JSONNode, name: String?, into diagnostics: inout [Diagnostic]) {
        switch schema.value {
        case .bool(true): return
        case .bool(false):
            diagnostics.append(.error(file, value.location, "\(label(name)) ist hier nicht erlaubt, gefunden: \(value.shownForMessage)"))
            return
        default: break
        }
        // In 2020-12 a `$ref` applies beside its siblings, not instead of them.
        if let target = target(of: schema) {
            let before = diagnostics.count
            check(value, against: target, name: name, into: &diagnostics)
            // Already invalid: the siblings would only add follow-up messages.
            if diagnostics.count > before { return }
        }
        let types = strings(schema["type"])
        if types.contains("integer"), case .number(let text) = value.value, let zahl = Double(text), zahl.rounded() == zahl,
           abs(zahl) > Self.groessteGanzeZahl {
            // Beyond 2^53 a double no longer holds every integer: the value would silently change.
            diagnostics.append(.error(file, value.location, "\(label(name)) ist zu groß: \(text) (höchstens \(Int(Self.groessteGanzeZahl)))"))
            return
        }
        if !types.isEmpty, !types.contains(where: { matches(value, type: $0) }) {
            diagnostics.append(typeMismatch(value, expected: types, schema: schema, name: name))
            return
        }
        if let allowed = schema["enum"], case .array(let options) = allowed.value {
            if !options.contains(where: { equal($0, value) }) {
                let list = options.map(\.shownLiteral).joined(separator: ", ")
                var hint: String?
                if case .string(let text) = value.value {
                    let candidates = options.compactMap { if case .string(let option) = $0.value { option } else { nil } }
                    hint = Spelling.suggestion(for: text, among: candidates).map { "meinten Sie »\($0)«?" }
                }
                diagnostics.append(.error(file, value.location, "\(label(name)) muss einer dieser Werte sein: \(list); gefunden: \(value.shownForMessage)", hint: hint))
            }
        }
        switch value.value {
        case .string(let text):
            checkString(text, value, schema, name, &diagnostics)
        case .number(let text):
            checkNumber(text, value, schema, name, &diagnostics)
        case .array(let items):
            if let minimum = number(schema["minItems"]), Double(items.count) < minimum {
                diagnostics.append(.error(file, value.location, "\(label(name)) braucht mindestens \(Int(minimum)) Einträge, gefunden: \(items.count)"))
            }
            if let itemSchema = schema["items"] {
                let itemName = name.map { "\($0)[]" }
                for item in items {
                    check(item, against: itemSchema, name: itemName, into: &diagnostics)
                }
            }
        case .object(let members):
            checkObject(members, value, schema, name, &diagnostics)
        default:
            break
        }
    }

    private func checkString(_ text: String, _ value: JSONNode, _ schema: JSONNode, _ name: String?, _ diagnostics: inout [Diagnostic]) {
        // JSON Schema counts code points, not what Swift calls characters ("e\u{301}" is two).
        // Counted only as far as a bound needs: "not empty" on a long Bericht must not walk all of it.
        let maximum = number(schema["maxLength"])
        let length = maximum == nil ? nil : text.unicodeScalars.count
        if let minimum = number(schema["minLength"]), Double(length ?? Self.laenge(text, hoechstens: minimum)) < minimum {
            let message = minimum == 1 ? "\(label(name)) darf nicht leer sein" : "\(label(name)) braucht mindestens \(Int(minimum)) Zeichen"
            diagnostics.append(.error(file, value.location, message))
        }
        if let maximum, let length, Double(length) > maximum {
            diagnostics.append(.error(file, value.location, "\(label(name)) darf höchstens \(Int(maximum)) Zeichen lang sein, gefunden: \(length)"))
        }
        if case .string(let format)? = schema["format"]?.value, format == "date", Datum(iso: text) == nil {
            diagnostics.append(.error(file, value.location, "\(label(name)) muss ein gültiges Datum im Format JJJJ-MM-TT sein, gefunden: \(value.shownForMessage)",
                                      hint: Self.dateHint(text)))
        }
        if case .string(let pattern)? = schema["pattern"]?.value {
            guard let regex = expressions.expression(pattern) else {
                diagnostics.append(.error(file, value.location, "\(label(name)) lässt sich nicht prüfen: das Muster \(pattern) im Schema ist ungültig"))
                return
            }
            if regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
                let explanation = strings(schema["x-kim-muster"]).first ?? "dem Muster \(pattern) folgen"
                diagnostics.append(.error(file, value.location, "\(label(name)) muss \(explanation), gefunden: \(value.shownForMessage)"))
            }
        }
    }

    /// The number of code points, but no more than the first that reach `grenze`.
    static func laenge(_ text: String, hoechstens grenze: Double) -> Int {
        var anzahl = 0
        for _ in text.unicodeScalars {
            if Double(anzahl) >= grenze { break }
            anzahl += 1
        }
        return anzahl
    }

    /// 2^53 − 1: the largest integer up to which every integer survives as a double.
    static let groessteGanzeZahl = 9_007_199_254_740_991.0

    static func dateHint(_ text: String) -> String? {
        let parts = text.split(separator: ".")
        if parts.count == 3, parts[2].count == 4 {
            return "Datum als \(parts[2])-\(parts[1].count == 1 ? "0" : "")\(parts[1])-\(parts[0].count == 1 ? "0" : "")\(parts[0]) schreiben"
        }
        return "Datum als JJJJ-MM-TT schreiben, z. B. 2019-12-31"
    }

    private func checkNumber(_ text: String, _ value: JSONNode, _ schema: JSONNode, _ name: String?, _ diagnostics: inout [Diagnostic]) {
        guard let number = Double(text) else { return }
        if let minimum = self.number(schema["minimum"]), number < minimum {
            diagnostics.append(.error(file, value.location, "\(label(name)) muss ≥ \(Self.show(minimum)) sein, gefunden: \(text)"))
        }
        if let maximum = self.number(schema["maximum"]), number > maximum {
            diagnostics.append(.error(file, value.location, "\(label(name)) muss ≤ \(Self.show(maximum)) sein, gefunden: \(text)"))
        }
    }

    private func checkObject(_ members: [JSONNode.Member], _ value: JSONNode, _ schema: JSONNode, _ name: String?, _ diagnostics: inout [Diagnostic]) {
        let properties: [JSONNode.Member]
        if case .object(let declared)? = schema["properties"]?.value { properties = declared } else { properties = [] }
        for required in strings(schema["required"]) where !members.contains(where: { $0.key == required }) {
            let where_ = name.map { " in \"\($0)\"" } ?? ""
            diagnostics.append(.error(file, value.location, "Pflichtfeld \"\(required)\" fehlt\(where_)",
                                      hint: describe(properties.first { $0.key == required }?.value)))
        }
        let additional = schema["additionalProperties"]
        let closed: Bool
        if case .bool(false)? = additional?.value { closed = true } else { closed = false }
        for member in members {
            if let property = properties.first(where: { $0.key == member.key }) {
                check(member.value, against: property.value, name: member.key, into: &diagnostics)
            } else if let additional, !closed {
                check(member.value, against: additional, name: member.key, into: &diagnostics)
            } else if closed {
                // "$schema" too: the schemas declare it where it belongs, at the top of a file.
                let known = properties.map(\.key)
                let suggestion = Spelling.suggestion(for: member.key, among: known)
                // A schema may explain where a field that used to be valid went (x-kim-hinweis-unbekannt).
                let umzug: String?
                if case .string(let text)? = schema["x-kim-hinweis-unbekannt"]?.value { umzug = text } else { umzug = nil }
                let hint = suggestion.map { "meinten Sie »\($0)«?" } ?? umzug ?? "erlaubt sind: \(known.joined(separator: ", "))"
                diagnostics.append(.error(file, member.keyLocation, "unbekanntes Feld \"\(member.key)\"", hint: hint))
            }
        }
    }

    /// The field's own title, else the title of what it refers to.
    private func describe(_ property: JSONNode?) -> String? {
        guard let property else { return nil }
        for node in [property, resolve(property)] {
            if case .string(let title)? = node["title"]?.value { return title }
        }
        return nil
    }

    private func typeMismatch(_ value: JSONNode, expected: [String], schema: JSONNode, name: String?) -> Diagnostic {
        let germanTypes = expected.map { type -> String in
            switch type {
            case "integer":
                if let minimum = number(schema["minimum"]) { return "eine ganze Zahl ≥ \(Self.show(minimum))" }
                return "eine ganze Zahl"
            case "number": return "eine Zahl"
            case "string": return "ein Text"
            case "boolean": return "true oder false"
            case "array": return "eine Liste [ … ]"
            case "object": return "ein Objekt { … }"
            case "null": return "null"
            default: return type
            }
        }
        var hint: String?
        if case .string(let text) = value.value, expected.contains(where: { $0 == "integer" || $0 == "number" }) {
            if text.contains(".") || text.contains(",") {
                hint = "Zahlen ohne Tausenderpunkt und ohne Anführungszeichen schreiben: \(text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: "."))"
            } else {
                hint = "Zahlen ohne Anführungszeichen schreiben"
            }
        } else if case .number(let text) = value.value, expected == ["string"] {
            hint = "Text in Anführungszeichen setzen: \"\(text)\""
        } else if case .number(let text) = value.value, expected == ["integer"], text.wholeMatch(of: /-?[0-9]{1,3}\.[0-9]{3}/) != nil {
            // 11.973 is a valid JSON number, but meant as eleven thousand.
            hint = "Zahlen ohne Tausenderpunkt schreiben: \(text.replacingOccurrences(of: ".", with: ""))"
        }
        return .error(file, value.location, "\(label(name)) muss \(germanTypes.joined(separator: " oder ")) sein, gefunden: \(value.shownForMessage)", hint: hint)
    }

    private func matches(_ value: JSONNode, type: String) -> Bool {
        switch (type, value.value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object): return true
        case ("number", .number): return true
        case ("integer", .number(let text)):
            guard let number = Double(text) else { return false }
            return number.rounded() == number
        default: return false
        }
    }

    private func equal(_ left: JSONNode, _ right: JSONNode) -> Bool {
        switch (left.value, right.value) {
        // Code point by code point, as JSON Schema compares: Swift's == would let "a\u{308}" pass for "ä".
        case (.string(let a), .string(let b)): return a.unicodeScalars.elementsEqual(b.unicodeScalars)
        case (.number(let a), .number(let b)): return Double(a) == Double(b)
        case (.bool(let a), .bool(let b)): return a == b
        case (.null, .null): return true
        case (.array(let a), .array(let b)): return a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
        case (.object(let a), .object(let b)):
            return a.count == b.count && a.allSatisfy { member in
                b.first { $0.key.unicodeScalars.elementsEqual(member.key.unicodeScalars) }.map { equal(member.value, $0.value) } ?? false
            }
        default: return false
        }
    }

    static func show(_ number: Double) -> String {
        number.rounded() == number ? String(Int(number)) : String(number)
    }
}

extension JSONNode {
    /// The value as it would be written in JSON, for lists of allowed values.
    var shownLiteral: String {
        switch value {
        case .string(let text): return "\"\(text)\""
        case .number(let text): return text
        case .bool(let flag): return String(flag)
        case .null: return "null"
        default: return typeName
        }
    }
}
