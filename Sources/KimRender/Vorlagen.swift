import Foundation
import KimModel
import Mustache

/// The project's templates, parsed once. Parse errors become diagnostics at the tag;
/// each template's placeholders are checked against the values of its first rendering.
final class Vorlagen {
    let library: MustacheLibrary
    let quellen: [String: Vorlage]
    private var gesammelt: [Diagnostic]
    private var geprueft: Set<String> = []
    /// Pages are rendered on several threads; the findings and the set of checked templates are shared.
    private let sperre = NSLock()

    var befunde: [Diagnostic] { sperre.withLock { gesammelt } }

    init(_ vorlagen: [String: Vorlage]) {
        var library = MustacheLibrary()
        var befunde: [Diagnostic] = []
        for name in vorlagen.keys.sorted() {
            guard let vorlage = vorlagen[name] else { continue }
            do {
                library.register(try MustacheTemplate(string: vorlage.text), named: name)
            } catch {
                befunde.append(Self.syntaxfehler(error, in: vorlage.datei, text: vorlage.text, zeilenversatz: 0))
            }
        }
        self.library = library
        self.quellen = vorlagen
        self.gesammelt = befunde
    }

    static func syntaxfehler(_ error: Error, in datei: String, text: String, zeilenversatz: Int) -> Diagnostic {
        guard let error = error as? MustacheTemplate.ParserError else {
            return .error(datei, nil, "Mustache-Syntaxfehler: \(error)")
        }
        // swift-mustache notices an unclosed section only at the end of the file; point at the tag that opened it.
        if case .expectedSectionEnd? = error.error as? MustacheTemplate.Error, let offen = offenerAbschnitt(text) {
            return .error(datei, SourceLocation(line: offen.ort.line + zeilenversatz, column: offen.ort.column),
                          "Mustache-Syntaxfehler: der Abschnitt {{#\(offen.name)}} wird nicht geschlossen",
                          hint: "{{/\(offen.name)}} an der richtigen Stelle ergänzen")
        }
        return .error(datei, SourceLocation(line: error.context.lineNumber + zeilenversatz, column: error.context.columnNumber + 1),
                      "Mustache-Syntaxfehler: \(describe(error.error))",
                      hint: "jedes {{#abschnitt}} braucht ein passendes {{/abschnitt}}")
    }

    /// The innermost section left open at the end of a template.
    static func offenerAbschnitt(_ text: String) -> Platzhalterpruefung.Tag? {
        guard let tags = Platzhalterpruefung.tags(text) else { return nil }
        var offen: [Platzhalterpruefung.Tag] = []
        for tag in tags {
            switch tag.art {
            case .abschnitt, .umgekehrt: offen.append(tag)
            case .ende: if offen.last?.name == tag.name { offen.removeLast() }
            default: break
            }
        }
        return offen.last
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

    /// Renders a named template; nil when it does not exist (the caller reports that).
    func render(_ name: String, _ kontext: Any) -> String? {
        if let vorlage = quellen[name] {
            pruefen(vorlage, text: vorlage.text, schluessel: name, kontext: kontext, zeilenversatz: 0)
        }
        return library.render(kontext, withTemplate: name)
    }

    /// Renders text taken from a template (a chapter body, a footnote); `zeilenversatz`
    /// maps its lines back to the file. Returns nil after reporting a syntax error.
    func render(text: String, aus vorlage: Vorlage, schluessel: String, zeilenversatz: Int = 0, _ kontext: Any) -> String? {
        let template: MustacheTemplate
        do {
            template = try MustacheTemplate(string: text)
        } catch {
            let befund = Self.syntaxfehler(error, in: vorlage.datei, text: text, zeilenversatz: zeilenversatz)
            sperre.withLock {
                if geprueft.insert(schluessel).inserted { gesammelt.append(befund) }
            }
            return nil
        }
        pruefen(vorlage, text: text, schluessel: schluessel, kontext: kontext, zeilenversatz: zeilenversatz)
        return template.render(kontext, library: library)
    }

    private func pruefen(_ vorlage: Vorlage, text: String, schluessel: String, kontext: Any, zeilenversatz: Int) {
        guard sperre.withLock({ geprueft.insert(schluessel).inserted }) else { return }
        let neu = Platzhalterpruefung.pruefen(vorlage, text: text, kontext: kontext, partials: Set(quellen.keys)).map { befund in
            var befund = befund
            befund.location?.line += zeilenversatz
            return befund
        }
        sperre.withLock { gesammelt += neu }
    }
}

/// An absent optional value: renders as nothing, sections over it are skipped,
/// and the placeholder check still knows the name exists.
struct Leer: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }
}
