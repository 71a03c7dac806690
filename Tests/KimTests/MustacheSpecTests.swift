import Foundation
import KimMustache
import Testing

/// The required files of the official Mustache specification (`../shared/testsuites/mustache-spec/`),
/// run against KimMustache. Every case runs; the features kim refuses on purpose must be refused with a
/// syntax error, not rendered some other way. The optional `~…` files (lambdas, inheritance, dynamic names)
/// are out of scope: kim refuses their tags (`optionaleAbgelehnt`); lambdas need code in the data, which JSON cannot hold.
@Suite("Mustache-Spezifikation (Pflichtdateien)")
struct MustacheSpecTests {
    static let dateien = ["comments.json", "delimiters.json", "interpolation.json", "inverted.json", "partials.json", "sections.json"]

    /// Cases kim refuses on purpose, each with the reason. Everything else must render exactly as the spec says.
    static let bewusstAbgelehnt: [String: String] = [
        // kim's templates keep the one syntax a Kommune learns: no Set Delimiter tags.
        "delimiters.json": "andere Begrenzer ({{=…=}}) lehnt kim ab",
    ]

    struct Fall: Decodable {
        var name: String
        var desc: String
        var data: Wert
        var template: String
        var expected: String
        var partials: [String: String]?
    }

    struct Datei: Decodable {
        var tests: [Fall]
    }

    /// A spec value as the context kim renders: objects as dictionaries, lists as arrays.
    enum Wert: Decodable {
        case null, bool(Bool), zahl(Double), text(String), liste([Wert]), objekt([String: Wert])

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .null }
            else if let b = try? c.decode(Bool.self) { self = .bool(b) }
            else if let d = try? c.decode(Double.self) { self = .zahl(d) }
            else if let t = try? c.decode(String.self) { self = .text(t) }
            else if let l = try? c.decode([Wert].self) { self = .liste(l) }
            else { self = .objekt(try c.decode([String: Wert].self)) }
        }

        var kontext: Any? {
            switch self {
            case .null: return nil
            case .bool(let b): return b
            // Mustache shows numbers as JSON would: 1 as "1", 1.5 as "1.5".
            case .zahl(let d): return d.rounded() == d && abs(d) < 1e15 ? String(Int(d)) : String(d)
            case .text(let t): return t
            case .liste(let l): return l.map { $0.kontext as Any }
            case .objekt(let o): return o.compactMapValues(\.kontext)
            }
        }
    }

    @Test("jeder Fall rendert wie die Spezifikation oder ist bewusst abgelehnt", arguments: dateien)
    func datei(_ name: String) throws {
        let url = Fixtures.testsuiten.appendingPathComponent("mustache-spec/\(name)")
        let datei = try JSONDecoder().decode(Datei.self, from: Data(contentsOf: url))
        var bestanden = 0, abgelehnt = 0
        for fall in datei.tests {
            let bezeichnung = "\(name): \(fall.name)"
            if Self.bewusstAbgelehnt[name] != nil {
                // Refused means a syntax error naming what is not supported, never output.
                do {
                    _ = try Template(fall.template)
                    for quelle in (fall.partials ?? [:]).values { _ = try Template(quelle) }
                    Issue.record("\(bezeichnung): nicht abgelehnt")
                } catch {
                    guard case .unsupported = error.kind else {
                        Issue.record("\(bezeichnung): abgelehnt mit \(error.kind), nicht als nicht unterstützt")
                        continue
                    }
                    abgelehnt += 1
                }
                continue
            }
            var bibliothek = TemplateLibrary()
            for (partial, quelle) in fall.partials ?? [:] {
                bibliothek.register(try Template(quelle), named: partial)
            }
            let ergebnis = bibliothek.render(try Template(fall.template), fall.data.kontext ?? [String: Any]())
            #expect(ergebnis == fall.expected, "\(bezeichnung) – \(fall.desc)")
            if ergebnis == fall.expected { bestanden += 1 }
        }
        print("\(name): \(bestanden) bestanden, \(abgelehnt) bewusst abgelehnt \(Self.bewusstAbgelehnt[name].map { "(\($0))" } ?? "")")
    }

    @Test("Vererbung und dynamische Namen (optionale Dateien) lehnt kim mit klarer Meldung ab", arguments: ["~inheritance.json", "~dynamic-names.json"])
    func optionaleAbgelehnt(_ name: String) throws {
        let url = Fixtures.testsuiten.appendingPathComponent("mustache-spec/\(name)")
        let datei = try JSONDecoder().decode(Datei.self, from: Data(contentsOf: url))
        var abgelehnt = 0
        for fall in datei.tests {
            do {
                _ = try Template(fall.template)
                for quelle in (fall.partials ?? [:]).values { _ = try Template(quelle) }
            } catch {
                if case .unsupported = error.kind { abgelehnt += 1 }
            }
        }
        print("\(name): \(abgelehnt) von \(datei.tests.count) Fällen abgelehnt")
        #expect(abgelehnt == datei.tests.count, "nur \(abgelehnt) von \(datei.tests.count) abgelehnt")
    }

    @Test("{{>*name}} ist eine dynamische Teilvorlage und wird abgelehnt, nicht als Teilvorlage »*name« gelesen")
    func dynamischeTeilvorlage() {
        #expect(throws: TemplateSyntaxError(kind: .unsupported("dynamische Teilvorlagen ({{>*…}})"), line: 1, column: 3)) {
            try Template("x {{>*dynamisch}}")
        }
    }
}
