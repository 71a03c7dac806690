import KimMustache
import Testing

@Suite("Mustache-Vorlagen (KimMustache)")
struct MustacheTests {
    struct Nichts: TemplateRenderable {
        var renderText: String { "" }
        var isNull: Bool { true }
    }

    func render(_ text: String, _ kontext: [String: Any], partials: [String: String] = [:]) throws -> String {
        var library = TemplateLibrary()
        for (name, quelle) in partials { library.register(try Template(quelle), named: name) }
        return library.render(try Template(text), kontext)
    }

    func fehler(_ text: String) -> TemplateSyntaxError? {
        do {
            _ = try Template(text)
            return nil
        } catch {
            return error
        }
    }

    @Test("Werte werden für HTML maskiert, {{{…}}} und {{&…}} nicht")
    func maskierung() throws {
        let wert = "Müller & Söhne <b>\"fett\"</b> 'x' – Überfällig"
        #expect(try render("{{w}}", ["w": wert]) == "Müller &amp; Söhne &lt;b&gt;&quot;fett&quot;&lt;/b&gt; &#39;x&#39; – Überfällig")
        #expect(try render("{{{w}}}|{{&w}}", ["w": "<i>"]) == "<i>|<i>")
        #expect(try render("{{ja}} {{nein}} {{zahl}}", ["ja": true, "nein": false, "zahl": 42]) == "true false 42")
    }

    @Test("Namen: mit Punkten, von innen nach außen gesucht; .name nur im innersten Wert")
    func namen() throws {
        let kontext: [String: Any] = ["a": ["b": ["c": "tief"]] as [String: Any], "aussen": "A", "liste": [["x": "1"], ["x": "2"]]]
        #expect(try render("{{a.b.c}}", kontext) == "tief")
        #expect(try render("{{a.b.fehlt}}|{{fehlt.c}}", kontext) == "|")
        #expect(try render("{{#liste}}{{x}}{{aussen}};{{/liste}}", kontext) == "1A;2A;")
        #expect(try render("{{#liste}}{{.aussen}}{{.x}};{{/liste}}", kontext) == "1;2;")
        #expect(try render("{{#a}}{{#b}}{{c}}{{/b}}{{/a}}", kontext) == "tief")
    }

    @Test("Abschnitte: Listen, Wahrheitswerte, leere Werte, umgekehrte Abschnitte")
    func abschnitte() throws {
        let kontext: [String: Any] = ["leer": [String](), "texte": ["x", "y"], "ja": true, "nein": false, "nichts": Nichts(), "objekt": ["n": "o"]]
        #expect(try render("{{#texte}}[{{.}}]{{/texte}}", kontext) == "[x][y]")
        #expect(try render("{{#leer}}X{{/leer}}{{^leer}}leer{{/leer}}", kontext) == "leer")
        #expect(try render("{{#ja}}J{{/ja}}{{#nein}}N{{/nein}}{{^nein}}n{{/nein}}", kontext) == "Jn")
        #expect(try render("{{#nichts}}X{{/nichts}}{{^nichts}}ohne{{/nichts}}", kontext) == "ohne")
        #expect(try render("{{#fehlt}}X{{/fehlt}}{{^fehlt}}fehlt{{/fehlt}}", kontext) == "fehlt")
        #expect(try render("{{#objekt}}{{n}}{{/objekt}}{{^objekt}}X{{/objekt}}", kontext) == "o")
        #expect(try render("{{^empty(texte)}}voll{{/empty(texte)}}{{#empty(leer)}}leer{{/empty(leer)}}", kontext) == "vollleer")
    }

    @Test("first() und last() in Listen, auch in verschachtelten")
    func position() throws {
        let kontext: [String: Any] = ["l": [["n": "a", "u": ["1", "2"]], ["n": "b", "u": ["3"]]]]
        #expect(try render("{{#l}}{{n}}{{^last()}}, {{/last()}}{{/l}}", kontext) == "a, b")
        #expect(try render("{{#l}}{{#first()}}erst:{{/first()}}{{n}}({{#u}}{{.}}{{^last()}}+{{/last()}}{{/u}}){{^last()}} {{/last()}}{{/l}}", kontext)
                == "erst:a(1+2) b(3)")
        #expect(try render("{{^last()}}außerhalb{{/last()}}", kontext) == "außerhalb")
    }

    @Test("Alleinstehende Abschnitts- und Kommentarzeilen verschwinden samt Zeilenumbruch")
    func alleinstehend() throws {
        let kontext: [String: Any] = ["ja": true, "l": ["x", "y"]]
        #expect(try render("a\n{{#ja}}\nb\n{{/ja}}\nc\n", kontext) == "a\nb\nc\n")
        #expect(try render("a\n  {{#l}}\n  <li>{{.}}</li>\n  {{/l}}\nc", kontext) == "a\n  <li>x</li>\n  <li>y</li>\nc")
        #expect(try render("a\n  {{! Kommentar }}  \nb", kontext) == "a\nb")
        #expect(try render("a {{! mitten }}b\n", kontext) == "a b\n")
        #expect(try render("  {{#ja}}x{{/ja}}\n", kontext) == "  x\n")
        #expect(try render("{{^ja}}\nnie\n{{/ja}}", kontext) == "")
    }

    @Test("Eine alleinstehende Teilvorlage wird wie ihr Tag eingerückt")
    func teilvorlagen() throws {
        let partials = ["p": "<p>{{n}}</p>\n<p>zwei</p>\n"]
        #expect(try render("<div>\n  {{> p}}\n</div>\n", ["n": "eins"], partials: partials) == "<div>\n  <p>eins</p>\n  <p>zwei</p>\n</div>\n")
        #expect(try render("x {{> p}}y", ["n": "1"], partials: partials) == "x <p>1</p>\n<p>zwei</p>\ny")
        #expect(try render("{{> fehlt}}", [:]) == "")
        // Inside a partial, first()/last() of the outer list are not visible (as in swift-mustache).
        #expect(try render("{{#l}}{{> q}}{{/l}}", ["l": ["a"]], partials: ["q": "{{.}}{{^last()}}!{{/last()}}"]) == "a!")
    }

    @Test("Syntaxfehler mit Zeile und Spalte des Tags")
    func syntaxfehler() {
        #expect(fehler("Text\n\n  {{#offen}}\nx") == TemplateSyntaxError(kind: .unclosedSection("offen"), line: 3, column: 3))
        #expect(fehler("{{#a}}\n{{#b}}{{/a}}") == TemplateSyntaxError(kind: .wrongSectionClose(expected: "b", found: "a"), line: 2, column: 7))
        #expect(fehler("ä{{/a}}") == TemplateSyntaxError(kind: .unexpectedSectionClose("a"), line: 1, column: 2))
        #expect(fehler("{{name") == TemplateSyntaxError(kind: .unfinishedTag, line: 1, column: 1))
        #expect(fehler("{{nä}}") == TemplateSyntaxError(kind: .unfinishedTag, line: 1, column: 1))
        #expect(fehler("{{=<% %>=}}")?.kind == .unsupported("andere Begrenzer ({{=…=}})"))
        #expect(fehler("{{#upper(x)}}{{/upper(x)}}").map { if case .unsupported = $0.kind { true } else { false } } == true)
        #expect(fehler("{{! offen") == TemplateSyntaxError(kind: .unfinishedTag, line: 1, column: 1))
        // Fuzz/corpus/markdown: a line ends at every "\n", also in "\r\n" (one Character in Swift).
        #expect(fehler("a\r\nb\r\n  {{#x}}") == TemplateSyntaxError(kind: .unclosedSection("x"), line: 3, column: 3))
    }

    @Test("Grenzen statt Absturz: tiefe Verschachtelung, eine Teilvorlage, die sich selbst einbindet")
    func grenzen() throws {
        let erlaubt = String(repeating: "{{#a}}", count: Template.maximumNesting) + "x" + String(repeating: "{{/a}}", count: Template.maximumNesting)
        #expect(try render(erlaubt, ["a": true]) == "x")
        let tief = String(repeating: "{{#a}}", count: 10_000) + String(repeating: "{{/a}}", count: 10_000)
        #expect(fehler(tief) == TemplateSyntaxError(kind: .nestedTooDeep, line: 1, column: 6 * Template.maximumNesting + 1))
        // The renderer stops at its depth limit; Vorlagen reports the cycle before rendering.
        let ausgabe = try render("{{> kreis}}", [:], partials: ["kreis": "x{{> kreis}}"])
        #expect(!ausgabe.isEmpty && ausgabe.allSatisfy { $0 == "x" })
    }
}
