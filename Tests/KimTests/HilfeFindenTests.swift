import Foundation
import KimModel
import Testing

@Suite("Hilfe finden: Anlage 1 nach Sozialraum")
struct HilfeFindenTests {
    static func site(_ aendern: (inout [String: Any]) -> Void = { _ in }, kommune: (inout [String: Any]) -> Void = { _ in }) throws -> [String: String] {
        var dateien = try Fixtures.referenzDateien()
        func bearbeiten(_ pfad: String, _ aenderung: (inout [String: Any]) -> Void) throws {
            let bytes = try #require(dateien[pfad])
            var json = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
            aenderung(&json)
            dateien[pfad] = Array(try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]))
        }
        try bearbeiten("data/angebote.json", aendern)
        try bearbeiten("data/kommune.json", kommune)
        let (ausgabe, diagnostics) = Fixtures.pruefen(dateien)
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.formatted))")
        return try #require(ausgabe).mapValues { String(decoding: $0, as: UTF8.self) }
    }

    static func angebote(_ json: [String: Any]) -> [[String: Any]] { json["angebote"] as? [[String: Any]] ?? [] }

    /// The ids of the reference project's Angebote, in file order.
    static func referenzIds() throws -> [String] {
        let bytes = try Fixtures.referenzDateien()["data/angebote.json"] ?? []
        let json = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] ?? [:]
        return angebote(json).compactMap { $0["id"] as? String }
    }

    @Test("jede Sozialraumseite nennt jedes stadtweite Angebot, gekennzeichnet, und die eigenen zuerst")
    func stadtweitUeberall() throws {
        // The last offer becomes local to Sozialraum 73, for a Zielgruppe several city-wide offers serve:
        // it must be on 73 only, before the city-wide ones.
        let site = try Self.site { json in
            var liste = Self.angebote(json)
            liste[liste.count - 1]["sozialraeume"] = ["73"]
            liste[liste.count - 1]["zielgruppen"] = ["gefluechtete"]
            json["angebote"] = liste
        }
        let alle = try Self.referenzIds()
        let oertlich = try #require(alle.last)
        let weit = alle.dropLast()
        #expect(weit.count > 20)
        for nummer in ["71", "72", "73", "74", "75", "76"] {
            let seite = try #require(site["anlage-1/sozialraum/\(nummer).html"], "Seite für \(nummer) fehlt")
            for id in weit {
                #expect(seite.contains("-\(id)\""), "\(nummer): \(id) fehlt")
            }
            #expect(seite.contains("<span class=\"marke-gebiet\">stadtweit</span>"))
            #expect(seite.contains("-\(oertlich)\"") == (nummer == "73"), "\(nummer): \(oertlich)")
        }
        // Within its Zielgruppe section, the local offer is the first card.
        let raum73 = try #require(site["anlage-1/sozialraum/73.html"])
        let abschnitte = raum73.components(separatedBy: "<section ").filter { $0.contains("-\(oertlich)\"") }
        #expect(!abschnitte.isEmpty)
        for abschnitt in abschnitte {
            let karten = abschnitt.matches(of: /<article class="angebot" id="([^"]+)"/).map { String($0.1) }
            #expect(karten.first?.hasSuffix("-\(oertlich)") == true, "\(karten.prefix(2))")
            #expect(karten.count > 1)
        }
        let uebersicht = try #require(site["anlage-1/sozialraeume.html"])
        #expect(uebersicht.contains("href=\"sozialraum/73.html\""))
    }

    @Test("ein Kreis sagt „kreisweit“")
    func kreisweit() throws {
        let site = try Self.site(kommune: { $0["art"] = "Kreis" })
        let seite = try #require(site["anlage-1/sozialraum/71.html"])
        #expect(seite.contains("<span class=\"marke-gebiet\">kreisweit</span>"))
        #expect(!seite.contains(">stadtweit<"))
    }

    @Test("das Wort für das ganze Gebiet kommt aus der Art; namensformen.weit in den Daten ersetzt es", arguments: [
        ("Städteregion", nil, "städteregionsweit"),
        ("Kreis", "im ganzen Kreisgebiet", "im ganzen Kreisgebiet"),
    ])
    func gebietsweit(art: String, eigenesWort: String?, erwartet: String) throws {
        let site = try Self.site(kommune: { kommune in
            kommune["art"] = art
            if let eigenesWort { kommune["namensformen"] = ["weit": eigenesWort] }
        })
        let seite = try #require(site["anlage-1/sozialraum/71.html"])
        #expect(seite.contains("<span class=\"marke-gebiet\">\(erwartet)</span>"))
        #expect(!seite.contains(">stadtweit<"))
    }

    @Test("Kontakt, Anschrift, Sprachen, Öffnungszeiten zuerst; „Angaben folgen“, wo sie fehlen")
    func zugangZuerst() throws {
        let site = try Self.site { json in
            var liste = Self.angebote(json)
            liste[0]["kontakt"] = ["telefon": "0208 12345"]
            liste[0]["oeffnungszeiten"] = "Mo–Do 9–12 <Uhr>"
            json["angebote"] = liste
        }
        let seite = try #require(site["anlage-1/index.html"])
        let ids = try Self.referenzIds()
        let id = try #require(ids.first)
        let start = try #require(seite.range(of: "id=\"\(id)\""))
        let karte = String(seite[start.upperBound...].split(separator: "</article>", maxSplits: 1).first ?? "")
        #expect(karte.contains("Telefon 0208 12345"))
        #expect(karte.contains("Mo–Do 9–12 &lt;Uhr&gt;"))
        // Known and unknown each say so; the access details come before the Träger.
        #expect(karte.contains("<dt>Anschrift</dt><dd><span class=\"angaben-folgen\">Angaben folgen</span>"))
        let oeffnung = try #require(karte.range(of: "Öffnungszeiten"))
        let traeger = try #require(karte.range(of: "<dt>Träger</dt>"))
        #expect(oeffnung.lowerBound < traeger.lowerBound)
        #expect(seite.contains("<strong>Kontakt, Anschrift, Sprachen, Öffnungszeiten:</strong> <span class=\"angaben-folgen\">Angaben folgen</span>"))
    }
}
