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

    @Test("die Zusammenfassung nennt je Sozialraum die Ansprechstelle, die neuesten Beschlüsse und das Geplante, aus den Daten und als Beispieldaten gekennzeichnet")
    func zusammenfassungAusDaten() throws {
        let site = try Self.site()
        let tr = try #require(site["sprachen/tr.html"])
        for raum in ["Oberhausen Mitte / Styrum", "Sterkrade-Nord", "Osterfeld"] {
            #expect(tr.contains(">\(raum)</a>"), "\(raum)")
        }
        #expect(tr.contains("href=\"tel:02088250\""))
        #expect(tr.contains("href=\"mailto:kim-osterfeld@oberhausen.example\""))
        #expect(tr.contains("<strong>Örnek veriler: Bu bilgiler açıklama amacıyla uydurulmuştur.</strong>"))
        #expect(tr.contains("<h2 id=\"beschluesse\">Son kararlar</h2>") && tr.contains("<h2 id=\"geplant\">Neler planlanıyor?</h2>"))
        // The newest Beschluss of the register is the first one here, with its date.
        let register = try #require(site["beschluesse.html"])
        let neuester = try #require(register.firstMatch(of: #/<ul class="register">\s*<li><a href="([^"]+)"/#)).1
        let erster = try #require(tr.firstMatch(of: #/<h2 id="beschluesse">[\s\S]*?<a href="\.\./([^"]+)" hreflang="de"/#)).1
        #expect(erster == neuester, "\(erster) statt \(neuester)")
    }

    @Test("kim check nennt jedes fehlende Wort einer Übersetzung mit Datei und Zeile")
    func uebersetzungVollstaendig() throws {
        var dateien = try Fixtures.referenzDateien()
        let bytes = try #require(dateien["data/sprachen.json"])
        var text = String(decoding: bytes, as: UTF8.self)
        // The Turkish footer loses its "Impressum", the Arabic navigation its "Suche".
        text = text.replacing("\"impressum\": \"Künye\",", with: "")
        text = text.replacing(#/"quellen": "المصادر",\s*"suche": "البحث"/#, with: "\"quellen\": \"المصادر\"")
        dateien["data/sprachen.json"] = Array(text.utf8)
        let (ausgabe, diagnostics) = Fixtures.pruefen(dateien)
        #expect(ausgabe == nil)
        let fehler = diagnostics.filter { $0.severity == .error }.map(\.formatted)
        #expect(fehler.count == 2, "\(fehler)")
        #expect(fehler.contains { $0.hasPrefix("data/sprachen.json:") && $0.contains("impressum") }, "\(fehler)")
        #expect(fehler.contains { $0.hasPrefix("data/sprachen.json:") && $0.contains("suche") }, "\(fehler)")
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
