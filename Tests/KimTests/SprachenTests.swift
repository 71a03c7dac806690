import Foundation
import KimModel
import KimVorgaben
import Testing

@Suite("Zusammenfassungen in anderen Sprachen")
struct SprachenTests {
    static func site() throws -> [String: String] {
        let (ausgabe, diagnostics) = Fixtures.pruefen(try Fixtures.referenzDateien())
        #expect(!diagnostics.hasErrors, "\(diagnostics.prefix(5).map(\.formatted))")
        return try #require(ausgabe).mapValues { String(decoding: $0, as: UTF8.self) }
    }

    @Test("jede Sprache: lang, Richtung, Hinweis auf die nicht amtliche Übersetzung, hreflang zu allen anderen")
    func seiten() throws {
        let site = try Self.site()
        let codes = ["tr", "ar", "en", "uk"]
        for code in codes {
            let seite = try #require(site["sprachen/\(code).html"], "sprachen/\(code).html fehlt")
            let rtl = code == "ar"
            #expect(seite.hasPrefix("<!DOCTYPE html>\n<html lang=\"\(code)\"\(rtl ? " dir=\"rtl\"" : "")>"), "\(code)")
            #expect(seite.contains("Nicht amtliche Übersetzung"))
            // The frame is in the page's language; its links lead to German pages and say so.
            #expect(seite.contains("<header class=\"kopf\">"))
            #expect(seite.contains("<nav class=\"hauptnavigation\" aria-label=\"") && seite.contains("aria-describedby=\"navigation-deutsch\""))
            #expect(seite.contains("<li><a href=\"../aktuelles.html\" hreflang=\"de\">"))
            #expect(seite.contains("<li><a href=\"../sprachen/\(code)-suche.html\">"), "\(code): die Suche führt zur Suche der Sprache")
            #expect(!seite.contains(">Zum Inhalt springen<") && !seite.contains(">Impressum<") && !seite.contains(">Aktuelles<"), "\(code)")
            let suche = try #require(site["sprachen/\(code)-suche.html"], "sprachen/\(code)-suche.html fehlt")
            #expect(suche.hasPrefix("<!DOCTYPE html>\n<html lang=\"\(code)\""), "\(code)")
            #expect(suche.contains("<script type=\"module\" src=\"../assets/suche.js\"></script>"))
            #expect(suche.contains("href=\"../suche.html\" hreflang=\"de\""))
            #expect(seite.contains("<link rel=\"alternate\" hreflang=\"de\" href=\"../index.html\">"))
            for andere in codes where andere != code {
                #expect(seite.contains("<link rel=\"alternate\" hreflang=\"\(andere)\" href=\"../sprachen/\(andere).html\">"), "\(code) → \(andere)")
                #expect(seite.contains("href=\"\(andere).html\" hreflang=\"\(andere)\" lang=\"\(andere)\""), "\(code) → \(andere)")
            }
            #expect(seite.contains("href=\"../anlage-1/sozialraeume.html\""))
        }
        let start = try #require(site["index.html"])
        #expect(start.contains("<a href=\"sprachen/ar.html\" hreflang=\"ar\" lang=\"ar\" dir=\"rtl\">العربية</a>"))
    }

    @Test("die Schrift für Arabisch liegt bei und wird nur für arabische Zeichen geladen")
    func schrift() throws {
        let dateien = Vorgaben.dateien
        #expect(dateien["assets/fonts/NotoSansArabic-Regular.ttf"] != nil)
        #expect(dateien["assets/fonts/LICENSE-NotoSansArabic.txt"] != nil)
        let css = String(decoding: try #require(dateien["assets/kim.css"]), as: UTF8.self)
        #expect(css.contains("src: url(\"fonts/NotoSansArabic-Regular.ttf\")"))
        #expect(css.contains("unicode-range: U+0600-06FF"))
    }
}
