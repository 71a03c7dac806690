import Foundation
import KimDerive
import KimModel
import KimMustache

/// The project's templates, parsed once. Parse errors become diagnostics at the tag;
/// each template's placeholders are checked against the values of its first rendering.
final class Vorlagen: @unchecked Sendable {
    let library: TemplateLibrary
    let quellen: [String: Vorlage]
    var gesammelt: [Diagnostic]
    var geprueft: Set<String> = []
    /// Templates (file and line offset) whose rendering a limit stopped.
    private var abgebrochen: Set<String> = []
    /// Texts taken from templates (chapter bodies, footnotes), parsed once per text.
    private var textvorlagen: [String: Template] = [:]
    /// While a part of the site is recorded (`aufzeichnen`), the templates it used.
    var aufzeichnung: Set<String>?
    /// Pages are rendered on several threads; findings, checked templates and parsed texts are shared.
    let sperre = NSLock()

    var befunde: [Diagnostic] { sperre.withLock { gesammelt } }

    init(_ vorlagen: [String: Vorlage]) {
        var library = TemplateLibrary()
        var befunde: [Diagnostic] = []
        for name in vorlagen.keys.sorted() {
            guard let vorlage = vorlagen[name] else { continue }
            do {
                library.register(try Template(vorlage.text), named: name)
            } catch {
                befunde.append(Self.syntaxfehler(error, in: vorlage.datei, zeilenversatz: 0))
            }
        }
        befunde += Self.kreise(library, vorlagen)
        self.library = library
        self.quellen = vorlagen
        self.gesammelt = befunde
    }

    static func syntaxfehler(_ fehler: TemplateSyntaxError, in datei: String, zeilenversatz: Int) -> Diagnostic {
        let ort = SourceLocation(line: fehler.line + zeilenversatz, column: fehler.column)
        switch fehler.kind {
        case .unclosedSection(let name):
            return .error(datei, ort, "Mustache-Syntaxfehler: der Abschnitt {{#\(name)}} wird nicht geschlossen",
                          hint: "{{/\(name)}} an der richtigen Stelle ergänzen")
        case .wrongSectionClose(let erwartet, let gefunden):
            return .error(datei, ort, "Mustache-Syntaxfehler: der schließende Abschnitt passt nicht zum geöffneten",
                          hint: "offen ist {{#\(erwartet)}}, geschlossen wird {{/\(gefunden)}}")
        case .unexpectedSectionClose(let name):
            return .error(datei, ort, "Mustache-Syntaxfehler: {{/\(name)}} schließt keinen offenen Abschnitt",
                          hint: "das passende {{#\(name)}} ergänzen oder diese Zeile entfernen")
        case .unfinishedTag:
            return .error(datei, ort, "Mustache-Syntaxfehler: ein Platzhalter ist nicht geschlossen (}} fehlt)",
                          hint: "Namen bestehen aus Buchstaben a–z und A–Z, Ziffern, Punkt, - und _")
        case .nestedTooDeep:
            return .error(datei, ort, "Mustache-Syntaxfehler: Abschnitte sind tiefer als \(Template.maximumNesting) Ebenen verschachtelt",
                          hint: "Abschnitte schließen oder in Teilvorlagen aufteilen")
        case .unsupported(let was):
            return .error(datei, ort, "Mustache-Syntaxfehler: \(was) unterstützt kim nicht",
                          hint: "Platzhalter, Abschnitte und Teilvorlagen ({{> name}}) verwenden")
        }
    }

    /// A partial that leads back to the template including it would never end: an error at its tag.
    static func kreise(_ library: TemplateLibrary, _ vorlagen: [String: Vorlage]) -> [Diagnostic] {
        var befunde: [Diagnostic] = []
        for name in vorlagen.keys.sorted() {
            guard let template = library.templates[name], let vorlage = vorlagen[name] else { continue }
            for partial in template.partialNames.sorted() {
                guard partial == name || library.templates[partial].map({ library.partials(reachableFrom: $0).contains(name) }) == true else { continue }
                let ort = Platzhalterpruefung.tags(vorlage.text)?.first { $0.art == .partial && $0.name == partial }?.ort
                befunde.append(.error(vorlage.datei, ort, "die Teilvorlage »\(partial)« führt zurück zu »\(name)«: die Einbindung endet nie",
                                      hint: "die Einbindung {{> \(partial)}} entfernen"))
            }
        }
        return befunde
    }

    /// Renders a named template; nil when it does not exist (the caller reports that).
    func render(_ name: String, _ kontext: Any) -> String? {
        if let vorlage = quellen[name] {
            pruefen(vorlage, text: vorlage.text, schluessel: name, kontext: kontext, zeilenversatz: 0)
        }
        merken(name, library.templates[name])
        guard let template = library.templates[name] else { return nil }
        return begrenzt(template, kontext, datei: quellen[name]?.datei ?? "templates/\(name).html", zeilenversatz: 0)
    }

    /// Renders within `TemplateLimits`; a limit reached is an error at the outermost open section.
    private func begrenzt(_ template: Template, _ kontext: Any, datei: String, zeilenversatz: Int) -> String {
        // A template that broke a limit once is not rendered again in this run: its error stands already.
        let schluessel = "\(datei):\(zeilenversatz)"
        if sperre.withLock({ abgebrochen.contains(schluessel) }) { return "" }
        let (bytes, abbruch) = library.renderChecked(template, kontext)
        if let abbruch {
            sperre.withLock { _ = abgebrochen.insert(schluessel) }
            let ort = abbruch.partial.flatMap { quellen[$0] }.map { ($0.datei, 0) } ?? (datei, zeilenversatz)
            let stelle = abbruch.line > 0 ? SourceLocation(line: abbruch.line + ort.1, column: abbruch.column) : nil
            let grund = switch abbruch.kind {
            case .tooManySteps(let n): "mehr als \(Format.zahl(n)) Schritte"
            case .outputTooLarge(let n): "mehr als \(Format.zahl(n / (1 << 20))) MB Ausgabe"
            case .tooSlow(let dauer): "länger als \(dauer.components.seconds) Sekunden"
            }
            let befund = Diagnostic.error(ort.0, stelle, "die Vorlage bricht ab: \(grund) für eine Seite, hier verschachtelte Abschnitte vervielfachen sich",
                                          hint: "Abschnitte über Listen nicht ineinander wiederholen; jede Liste einmal durchlaufen")
            sperre.withLock { if !gesammelt.contains(befund) { gesammelt.append(befund) } }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Renders text taken from a template (a chapter body, a footnote); `zeilenversatz`
    /// maps its lines back to the file. Returns nil after reporting a syntax error.
    func render(text: String, aus vorlage: Vorlage, schluessel: String, zeilenversatz: Int = 0, _ kontext: Any) -> String? {
        let template: Template
        if let geparst = sperre.withLock({ textvorlagen[text] }) {
            template = geparst
        } else {
            do {
                template = try Template(text)
            } catch {
                merken(vorlage.name, nil)
                let befund = Self.syntaxfehler(error, in: vorlage.datei, zeilenversatz: zeilenversatz)
                sperre.withLock {
                    if geprueft.insert(schluessel).inserted { gesammelt.append(befund) }
                }
                return nil
            }
            sperre.withLock { textvorlagen[text] = template }
        }
        pruefen(vorlage, text: text, schluessel: schluessel, kontext: kontext, zeilenversatz: zeilenversatz)
        merken(vorlage.name, template)
        return begrenzt(template, kontext, datei: vorlage.datei, zeilenversatz: zeilenversatz)
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
struct Leer: TemplateRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }
}
