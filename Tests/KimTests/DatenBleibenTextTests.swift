import Foundation
import KimMarkdown
import KimModel
import Testing

/// Issue 16: data stay text everywhere; a non-public Sitzung shows only what its announcement said.
@Suite("Daten bleiben Text, Nichtöffentliches bleibt drinnen")
struct DatenBleibenTextTests {
    @Test("Markdown schreibt nie <img>: ein Bild wird seine Beschreibung", arguments: [
        "![Logo](https://tracker.example/pixel.gif)", "Text ![a ![b](x.png) c](https://x.example/y.png) Ende",
        "[![Bild im Link](https://x.example/i.png)](https://ziel.example/)", "![](//x.example/leer.png)",
    ])
    func keineBilder(_ markdown: String) {
        let html = Markdown.html(markdown)
        #expect(!html.contains("<img"), "\(html)")
        #expect(!html.contains("x.example/i.png") && !html.contains("pixel.gif") && !html.contains("leer.png"), "\(html)")
    }

    @Test("die Beschreibung eines Bildes bleibt als Text stehen")
    func bildbeschreibung() {
        #expect(Markdown.html("Vor ![das *Logo* der Stadt](https://x.example/l.png) nach") == "<p>Vor das <em>Logo</em> der Stadt nach</p>\n")
    }

    @Test("E-Mail und Website in rechtliches.json werden geprüft wie die anderen", arguments: [
        ("\"email\": \"info@oberhausen.de\"", "\"email\": \"info at oberhausen\"", "eine E-Mail-Adresse wie name@beispiel.de sein"),
        ("\"web\": \"https://www.oberhausen.de\"", "\"web\": \"https://www.oberhausen.de/ javascript:x\"", "eine Internetadresse sein"),
    ])
    func rechtliches(_ fall: (alt: String, neu: String, meldung: String)) throws {
        var dateien = try Fixtures.referenzDateien()
        let text = Fixtures.text(dateien["data/rechtliches.json"])
        #expect(text.contains(fall.alt))
        dateien["data/rechtliches.json"] = Array(text.replacingOccurrences(of: fall.alt, with: fall.neu).utf8)
        let (ausgabe, befunde) = Fixtures.pruefen(dateien)
        #expect(ausgabe == nil)
        #expect(befunde.map(\.formatted).contains { $0.hasPrefix("data/rechtliches.json:") && $0.contains(fall.meldung) }, "\(befunde.map(\.formatted))")
    }

    @Test("eine nicht öffentliche Sitzung: auf Seiten und in OParl nur Tag, Zeit, Gremium – kein Ort, keine Teilnahme, keine Tagesordnung")
    func nichtOeffentlicheSitzung() throws {
        var dateien = try Fixtures.referenzDateien()
        let pfad = "data/sitzungen/facharbeitskreis-2021-1.json"
        var text = Fixtures.text(dateien[pfad])
        text = text.replacingOccurrences(of: "\"oeffentlich\": true,\n  \"teilnahme\"", with: "\"oeffentlich\": false,\n  \"teilnahme\"")
            .replacingOccurrences(of: "\"ort\": \"Videokonferenz\"", with: "\"ort\": \"Geheimraum 4711\"")
        #expect(text.contains("\"oeffentlich\": false,\n  \"teilnahme\""))
        dateien[pfad] = Array(text.utf8)
        let (ausgabe, befunde) = Fixtures.pruefen(dateien)
        let site = try #require(ausgabe, "\(befunde.map(\.formatted))")
        let alles = site.filter { !$0.key.hasPrefix("assets/") }.map { String(decoding: $0.value, as: UTF8.self) }
        #expect(!alles.contains { $0.contains("Geheimraum 4711") }, "der Ort steht in der Ausgabe")
        let seite = Fixtures.text(site["sitzungen/facharbeitskreis-2021-1.html"])
        #expect(seite.contains("24.02.2021") && seite.contains("Die Sitzung war nicht öffentlich"))
        #expect(!seite.contains("Caritasverband") && !seite.contains("TOP 1"), "Teilnahme oder Tagesordnung veröffentlicht")
        let oparl = Fixtures.text(site["oparl/meeting/facharbeitskreis-2021-1.json"])
        #expect(oparl.contains("\"start\"") && !oparl.contains("\"location\"") && !oparl.contains("AgendaItem"), "\(oparl)")
    }
}
