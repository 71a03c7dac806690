@testable import KimModel
@testable import KimRender
import Testing

@Suite("Begriffe verlinken: ganze Wörter, erstes Vorkommen, nie in Links und Überschriften")
struct BegriffsverweiseTests {
    let verweise = Begriffsverweise([
        Begriff(id: "ki", begriff: "KI", formen: ["KI", "Kommunales Integrationszentrum"], erklaerung: "…"),
        Begriff(id: "kim", begriff: "KIM", formen: ["KIM"], erklaerung: "…"),
        Begriff(id: "uebergang", begriff: "Übergang", formen: ["Übergang"], erklaerung: "…"),
    ])

    func link(_ id: String, _ wort: String) -> String {
        "<a class=\"begriff\" href=\"g.html#begriff-\(id)\">\(wort)</a>"
    }

    @Test("nur das erste Vorkommen je Begriff, die längste Form gewinnt")
    func erstesVorkommen() {
        let html = verweise.verlinken("<p>Das Kommunales Integrationszentrum (KI) und KIM; KI wieder.</p>", ziel: "g.html")
        #expect(html == "<p>Das \(link("ki", "Kommunales Integrationszentrum")) (KI) und \(link("kim", "KIM")); KI wieder.</p>")
    }

    @Test("nie innerhalb eines längeren Worts, auch nicht neben Umlauten, Ziffern oder einem verbindenden Zeichen")
    func ganzeWoerter() {
        for text in ["KIs", "ÄKI", "KIö", "KI2", "2KI", "KI\u{0301}", "Übergangs", "AÜbergang"] {
            #expect(verweise.verlinken("<p>\(text)</p>", ziel: "g.html") == "<p>\(text)</p>", "\(text)")
        }
        #expect(verweise.verlinken("<p>„Übergang“–KI.</p>", ziel: "g.html")
            == "<p>„\(link("uebergang", "Übergang"))“–\(link("ki", "KI")).</p>")
    }

    @Test("Text in Links, Überschriften und verschachtelten ausgenommenen Elementen bleibt, danach wird verlinkt")
    func ausgenommen() {
        let html = verweise.verlinken("<h2>KI</h2><nav><a href=\"x\">KI</a> KI</nav><p class=\"a\">KI</p><br/>", ziel: "g.html")
        #expect(html == "<h2>KI</h2><nav><a href=\"x\">KI</a> KI</nav><p class=\"a\">\(link("ki", "KI"))</p><br/>")
    }

    @Test("kein Link in einer summary: sie ist selbst ein Bedienelement (axe: nested-interactive)")
    func summaryBleibt() {
        let html = verweise.verlinken("<details><summary>KI <span>KI</span></summary><p>KI</p></details>", ziel: "g.html")
        #expect(html == "<details><summary>KI <span>KI</span></summary><p>\(link("ki", "KI"))</p></details>")
    }

    @Test("Markup in den Formen und ungeschlossene Tags bleiben unverändert")
    func unvollstaendig() {
        #expect(verweise.verlinken("<p>KIM <span", ziel: "g.html") == "<p>\(link("kim", "KIM")) <span")
        #expect(Begriffsverweise([]).verlinken("<p>KI</p>", ziel: "g.html") == "<p>KI</p>")
    }
}
