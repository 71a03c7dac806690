import KimModel
import Mustache

/// The project's templates, parsed once. Parse errors become diagnostics at the tag.
struct Vorlagen {
    let library: MustacheLibrary
    let quellen: [String: Vorlage]

    static func parse(_ vorlagen: [String: Vorlage], diagnostics: inout [Diagnostic]) -> Vorlagen {
        var library = MustacheLibrary()
        for name in vorlagen.keys.sorted() {
            guard let vorlage = vorlagen[name] else { continue }
            // Chapter templates are parsed after their footnote marks are rewritten, see `Kapitelseite`.
            do {
                library.register(try MustacheTemplate(string: vorlage.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(vorlage.datei, SourceLocation(line: error.context.lineNumber, column: error.context.columnNumber + 1),
                                          "Mustache-Syntaxfehler: \(Self.describe(error.error))",
                                          hint: "jedes {{#abschnitt}} braucht ein passendes {{/abschnitt}}"))
            } catch {
                diagnostics.append(.error(vorlage.datei, nil, "Mustache-Syntaxfehler: \(error)"))
            }
        }
        return Vorlagen(library: library, quellen: vorlagen)
    }

    static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "der schließende Abschnitt passt nicht zum geöffneten"
        case .unfinishedName: return "ein Platzhalter ist nicht geschlossen (}} fehlt)"
        case .expectedSectionEnd: return "ein Abschnitt wird nicht geschlossen ({{/…}} fehlt)"
        case .invalidSetDelimiter: return "ungültige Änderung der Begrenzer"
        default: return "\(error)"
        }
    }

    /// Renders a named template; nil when it does not exist (validate reports that).
    func render(_ name: String, _ kontext: Any) -> String? {
        library.render(kontext, withTemplate: name)
    }

    func render(text: String, _ kontext: Any) throws -> String {
        try MustacheTemplate(string: text).render(kontext, library: library)
    }
}
