import Foundation
@testable import KimRender
import KimModel
import Testing

@Suite("Suche und ehrliche Kennzeichnung: was indiziert wird, was kanonisch ist")
struct SucheTests {
    static func site() throws -> [String: String] {
        let (ausgabe, diagnostics) = Fixtures.pruefen(try Fixtures.referenzDateien())
        #expect(!diagnostics.hasErrors, "\(diagnostics.prefix(5).map(\.formatted))")
        return try #require(ausgabe).mapValues { String(decoding: $0, as: UTF8.self) }
    }

    @Test("nur Originale kommen in den Suchindex; Kopien nennen ihr Original, frühere Fassungen die aktuelle")
    func indexUndKanonisch() throws {
        let site = try Self.site()
        let aktuell = try #require(site["handlungskonzept/6-zielgruppen.html"])
        #expect(aktuell.contains("<main id=\"inhalt\" class=\"inhalt\" tabindex=\"-1\" data-pagefind-body data-pagefind-filter=\"art:Kapitel\">"))
        #expect(!aktuell.contains("rel=\"canonical\""))
        let kopie = try #require(site["fassung/2/6-zielgruppen.html"])
        #expect(!kopie.contains("data-pagefind-body"))
        #expect(kopie.contains("<link rel=\"canonical\" href=\"../../handlungskonzept/6-zielgruppen.html\">"))
        #expect(!kopie.contains("Nicht die aktuelle Fassung"))
        let frueher = try #require(site["fassung/1/6-zielgruppen.html"])
        #expect(!frueher.contains("data-pagefind-body"))
        #expect(frueher.contains("Nicht die aktuelle Fassung"))
        #expect(frueher.contains("<a href=\"../../handlungskonzept/6-zielgruppen.html\">6. "))
        #expect(try #require(site["sitzungen/lenkungskreis-2021-1.html"]).contains("data-pagefind-body"))
    }

    @Test("Treffer nennen das Gremium, Zellen und Listenpunkte bleiben getrennte Wörter, jede Seite trägt ihre Art für den Filter")
    func trefferLesbar() throws {
        let site = try Self.site()
        let sitzung = try #require(site["sitzungen/lenkungskreis-2021-1.html"])
        // Pagefind titles a result with the page's first h1.
        let h1 = try #require(sitzung.firstMatch(of: #/<h1>([^<]+)</h1>/#)).1
        #expect(h1 == "Lenkungskreis Kommunales Integrationsmanagement, 1. Sitzung am 10.03.2021", "\(h1)")
        let arten: [(String, String?)] = [("handlungskonzept/6-zielgruppen.html", "Kapitel"), ("sitzungen/lenkungskreis-2021-1.html", "Sitzung"),
                                          ("beschluesse.html", "Beschluss"), ("anlage-1/index.html", "Angebot"),
                                          ("anlage-1/sozialraum/71.html", "Angebot"), ("index.html", nil), ("handlungskonzept/index.html", nil)]
        for (pfad, art) in arten {
            let seite = try #require(site[pfad])
            let gefunden = seite.firstMatch(of: #/data-pagefind-filter="art:([^"]+)"/#).map { String($0.1) }
            #expect(gefunden == art, "\(pfad): \(gefunden ?? "keine Art")")
        }
        for (pfad, seite) in site where pfad.hasSuffix(".html") {
            for zusammen in ["</td><", "</th><", "</dt><", "</dd><", "</li><"] {
                #expect(!seite.contains(zusammen), "\(pfad): \(zusammen)")
            }
        }
        let suche = try #require(site["suche.html"])
        for art in ["Kapitel", "Sitzung", "Beschluss", "Angebot"] {
            #expect(suche.contains("<input type=\"radio\" name=\"art\" value=\"\(art)\">"), "\(art)")
        }
    }

    @Test("Zellen getrennt in einem Durchgang: dasselbe wie jedes Ende einzeln zu ersetzen, auch bei Folgen und Umlauten")
    func zellenGetrenntWieErsetzen() {
        let enden = ["</td><", "</th><", "</dt><", "</dd><", "</li><"]
        func ersetzt(_ html: String) -> String {
            enden.reduce(html) { text, ende in text.replacing(ende, with: String(ende.dropLast()) + " <") }
        }
        let feste = ["", "</td>", "</td><", "<td>a</td><td>b</td>", "</li></li><", "</li></li></li><", "</td></th><", "</td></th></td><",
                     "<ul><li>Träger</li><li>Stadtverwaltung</li></ul>", "ä</dd><dt>ö</dt><dd>ü</dd>", "</TD><", "</tr><td>"]
        for fall in feste {
            #expect(Website.zellenGetrennt(fall) == ersetzt(fall), "\(fall)")
        }
        // Random sequences of the pieces that matter, from a fixed seed.
        let stuecke = ["</td>", "</th>", "</dt>", "</dd>", "</li>", "<", ">", "/", "td", "li", "<td>", "ä", " ", "x"]
        var zustand: UInt64 = 0x4B494D
        for _ in 0..<2_000 {
            var fall = ""
            for _ in 0..<12 {
                zustand = zustand &* 6364136223846793005 &+ 1442695040888963407
                fall += stuecke[Int(zustand >> 33) % stuecke.count]
            }
            #expect(Website.zellenGetrennt(fall) == ersetzt(fall), "\(fall)")
        }
    }

    @Test("die Suchseite: Suchfeld erst mit JavaScript, darunter eine Liste der Seiten für alle")
    func suchseite() throws {
        let site = try Self.site()
        let suche = try #require(site["suche.html"])
        #expect(suche.contains("<div class=\"suche\" id=\"suche\" hidden data-zu-kurz=\"Bitte mindestens zwei Zeichen eingeben.\""))
        #expect(suche.contains("<script type=\"module\" src=\"assets/suche.js\"></script>"))
        #expect(!suche.contains("data-pagefind-body"))
        let links = Set(suche.matches(of: #/<li><a href="([^"]+)"/#).map { String($0.1) })
        for pfad in ["index.html", "handlungskonzept/6-zielgruppen.html", "anlage-1/sozialraum/71.html", "beschluesse.html", "impressum.html"] {
            #expect(links.contains(pfad), "\(pfad) fehlt in der Liste")
        }
        #expect(!links.contains { ($0.hasPrefix("fassung/") && !$0.hasSuffix("/aenderungen.html")) || $0.hasPrefix("sitzungen/") })
        // Only the search pages (German and one per language) load a script.
        for (pfad, seite) in site where pfad.hasSuffix(".html") && pfad != "suche.html" && !pfad.hasSuffix("-suche.html") {
            #expect(!seite.contains("<script"), "\(pfad)")
        }
    }

    @Test("jede Seite mit Beispieldaten sagt es: Anlage 1 und 2, Register, Aufgaben, Aktuelles, Niederschriften")
    func beispieldaten() throws {
        let site = try Self.site()
        let seiten = site.keys.filter { pfad in
            pfad.hasSuffix(".html") && (pfad.hasPrefix("anlage-1/") || pfad.hasPrefix("anlage-2/") || pfad.hasPrefix("sitzungen/")
                || ["beschluesse.html", "aufgaben.html", "aktuelles.html", "index.html"].contains(pfad))
        }
        #expect(seiten.count > 30)
        for pfad in seiten.sorted() {
            #expect(site[pfad]?.contains("<strong>Beispieldaten:</strong>") == true, "\(pfad) sagt nicht, dass es Beispieldaten zeigt")
        }
        // And not where the data are real: the chapters and the numbers.
        #expect(site["zahlen.html"]?.contains("Beispieldaten:") == false)
    }
}
