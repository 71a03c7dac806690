import Foundation
import Testing

@Suite("Fußnoten")
struct FussnotenTests {
    static func seiten() throws -> [String: String] {
        let (ausgabe, diagnostics) = Fixtures.pruefen(try Fixtures.referenzDateien())
        #expect(!diagnostics.hasErrors)
        return try #require(ausgabe).mapValues { String(decoding: $0, as: UTF8.self) }
    }

    @Test("die elf Fußnoten des Seeds, fortlaufend nummeriert und in beide Richtungen verlinkt")
    func nummerierungUndVerweise() throws {
        let seiten = try Self.seiten()
        let kapitel = seiten.keys.filter { $0.hasPrefix("handlungskonzept/") && $0 != "handlungskonzept/index.html" }.sorted()
        var nummern: [Int] = []
        for pfad in kapitel {
            let html = try #require(seiten[pfad])
            let marken = html.matches(of: /<a id="fnref-(\d+)" href="#fn-(\d+)" role="doc-noteref" aria-label="Fußnote (\d+)">(\d+)<\/a>/)
            for marke in marken {
                #expect(marke.1 == marke.2)
                let nummer = try #require(Int(marke.4))
                nummern.append(nummer)
                // the note exists on the same page and links back
                #expect(html.contains("<li id=\"fn-\(marke.2)\" value=\"\(nummer)\">"), "\(pfad): Fußnote \(nummer) fehlt am Kapitelende")
                #expect(html.contains("href=\"#fnref-\(marke.1)\" role=\"doc-backlink\""), "\(pfad): Rückverweis \(nummer) fehlt")
            }
        }
        #expect(nummern == Array(1...11))
    }

    @Test func fussnotentexte() throws {
        let seiten = try Self.seiten()
        let einleitung = try #require(seiten["handlungskonzept/1-einleitung.html"])
        #expect(einleitung.contains("Ministerium für Kinder, Familie, Flüchtlinge und Integration des Landes NRW (Hrsg.) 2020: Handreichung zum kommunalen Einwaderungsmanagement/Integrationsmanagement. Düsseldorf"))
        let ausblick = try #require(seiten["handlungskonzept/7-ausblick.html"])
        #expect(ausblick.contains("Bogumil, J./Hafner, J. 2019: Kommunale Integrationsarbeit in Nordrhein-Westfalen: Ausgangsanalyse und Handlungsempfehlungen. (Wissenschaftliches Gutachten im Auftrag des Ministeriums für Kinder, Familie, Flüchtlinge und Integration des Landes Nordrhein-Westfalen). Bochum, S. 56"))
        let ausgangslage = try #require(seiten["handlungskonzept/2-ausgangslage.html"])
        #expect(ausgangslage.contains("Datenquelle: Stadt Oberhausen – Bereich 4-5/Statistik"))
    }

    @Test func fehlendeDefinitionIstEinFehler() throws {
        var dateien = try Fixtures.referenzDateien()
        try dateien.ersetzen(in: "templates/kapitel/7-ausblick.md", "[^11]: ", durch: "[^elf]: ")
        let (ausgabe, diagnostics) = Fixtures.pruefen(dateien)
        #expect(ausgabe == nil)
        let fehler = try #require(diagnostics.first { $0.message.contains("[^11]") })
        #expect(fehler.file == "templates/kapitel/7-ausblick.md")
        #expect(fehler.location != nil)
    }
}
