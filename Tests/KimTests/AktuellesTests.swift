import Foundation
import KimDerive
import KimModel
import Testing

@Suite("Aktuelles zuerst: Beschlüsse, Sitzungen, Aufgaben")
struct AktuellesTests {
    static func site(_ dateien: [String: [UInt8]]) throws -> [String: String] {
        let (ausgabe, diagnostics) = Fixtures.pruefen(dateien)
        #expect(!diagnostics.hasErrors, "\(diagnostics.prefix(5).map(\.formatted))")
        return try #require(ausgabe).mapValues { String(decoding: $0, as: UTF8.self) }
    }

    /// The dates of the register's entries in page order ("17.11.2021 · …").
    static func daten(_ seite: String) -> [Datum] {
        seite.matches(of: #/<li><a href="[^"]*">(\d\d)\.(\d\d)\.(\d{4}) · /#).compactMap { treffer in
            Datum(iso: "\(treffer.3)-\(treffer.2)-\(treffer.1)")
        }
    }

    @Test("Beschlussregister und Startseite: die neuesten zuerst; die Startseite verlinkt den neuesten Beschluss")
    func neuesteZuerst() throws {
        let site = try Self.site(try Fixtures.referenzDateien())
        let register = try #require(site["beschluesse.html"])
        let daten = Self.daten(register)
        #expect(daten.count > 10)
        #expect(daten == daten.sorted(by: >))
        #expect(register.contains("hinweis--beispiel"))
        let start = try #require(site["index.html"])
        let neuester = try #require(register.firstMatch(of: #/<li><a href="(sitzungen/[^"]+)"/#)?.1)
        #expect(start.contains("href=\"\(neuester)\""))
        #expect(try #require(site["aktuelles.html"]).contains("href=\"\(neuester)\""))
    }

    /// The reference with its Sitzung lenkungskreis-2021-3 copied into each year from 1990 to 2029
    /// (dates, ids and Fristen moved to that year).
    static func vierzigJahre() throws -> [String: [UInt8]] {
        var dateien = try Fixtures.referenzDateien()
        let vorlage = String(decoding: try #require(dateien["data/sitzungen/lenkungskreis-2021-3.json"]), as: UTF8.self)
        for jahr in 1990..<2030 where jahr != 2021 {
            let kopie = vorlage.replacingOccurrences(of: "2021", with: String(jahr))
                .replacing(/"id": "([^"]+)"/) { "\"id\": \"\($0.1)-k\(jahr)\"" }
                .replacingOccurrences(of: "\"id\": \"lenkungskreis-\(jahr)-3-k\(jahr)\"", with: "\"id\": \"lenkungskreis-\(jahr)-3\"")
            dateien["data/sitzungen/lenkungskreis-\(jahr)-3.json"] = Array(kopie.utf8)
        }
        return dateien
    }

    @Test("ab vielen Beschlüssen eine Seite je Jahr")
    func seiteJeJahr() throws {
        // 40 copies of a Sitzung with 7 Beschlüsse, one per year from 1990: 280 Beschlüsse more.
        let site = try Self.site(try Self.vierzigJahre())
        let register = try #require(site["beschluesse.html"])
        #expect(register.contains("href=\"beschluesse/2029.html\""))
        let jahr = try #require(site["beschluesse/2029.html"], "keine Seite für 2029")
        #expect(Self.daten(jahr).allSatisfy { $0.jahr == 2029 })
        // 2021 keeps exactly the reference's Beschlüsse of that year.
        let referenz = try #require(try Self.site(try Fixtures.referenzDateien())["beschluesse.html"])
        let jahr2021 = try #require(site["beschluesse/2021.html"])
        #expect(Self.daten(jahr2021) == Self.daten(referenz).filter { $0.jahr == 2021 })
        // The overview does not list every Beschluss any more.
        #expect(Self.daten(register).count == 10)
    }

    /// The links to Aufgaben in a page's part from `ab` on, in page order.
    static func aufgabenLinks(_ seite: String, ab: String) -> [String] {
        guard let start = seite.range(of: ab) else { return [] }
        return seite[start.upperBound...].matches(of: #/<a href="(sitzungen/[^"#]+#[^"]+)">/#).map { String($0.1) }
    }

    @Test("Aktuelles zeigt die zehn offenen Aufgaben mit der frühesten Frist, die Aufgabenliste alle")
    func dringendsteAufgaben() throws {
        let referenz = try Self.site(try Fixtures.referenzDateien())
        let aktuell = try #require(referenz["aktuelles.html"])
        #expect(Self.aufgabenLinks(aktuell, ab: "<h2 id=\"aufgaben\">").count == 7, "die Referenz hat 7 offene, alle gezeigt")
        #expect(!aktuell.contains("Gezeigt sind"))
        // 40 copies of a Sitzung with Aufgaben, their Fristen moved to the years 1990 to 2029.
        let site = try Self.site(try Self.vierzigJahre())
        let gezeigt = Self.aufgabenLinks(try #require(site["aktuelles.html"]), ab: "<h2 id=\"aufgaben\">")
        let liste = try #require(site["aufgaben.html"])
        let offen = Self.aufgabenLinks(String(liste[..<(liste.range(of: "id=\"erledigt\"")?.lowerBound ?? liste.endIndex)]), ab: "<main")
        #expect(offen.count > 10)
        #expect(gezeigt == Array(offen.prefix(10)))
        #expect(try #require(site["aktuelles.html"]).contains("Gezeigt sind die 10 mit der frühesten Frist; alle \(Format.zahl(offen.count)) stehen in der Aufgabenliste."))
    }

    @Test("ein Gremium ohne eigene Sitzungen nennt, wo sie stehen, und was es betrifft")
    func integrationsrat() throws {
        let site = try Self.site(try Fixtures.referenzDateien())
        let seite = try #require(site["gremien/integrationsrat.html"])
        #expect(seite.contains("<a href=\"https://www.oberhausen.de/\">Ratsinformationssystem der Stadt Oberhausen</a>"))
        #expect(seite.contains("href=\"../sitzungen/lenkungskreis-2021-2.html#top-"))
        // Its latest Sitzungen stand before its Aufgaben on a Gremium page with Sitzungen.
        let lenkungskreis = try #require(site["gremien/lenkungskreis.html"])
        let sitzungen = try #require(lenkungskreis.range(of: "id=\"sitzungen\""))
        let aufgaben = try #require(lenkungskreis.range(of: "id=\"aufgaben\""))
        #expect(sitzungen.lowerBound < aufgaben.lowerBound)
    }
}
