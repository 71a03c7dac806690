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
        // Each offer once: the local one under "Angebote im Sozialraum", before the city-wide section.
        let raum73 = try #require(site["anlage-1/sozialraum/73.html"])
        let eintraege = raum73.matches(of: /<details class="angebot-kurz" id="angebot-([^"]+)"/).map { String($0.1) }
        #expect(eintraege.first == oertlich, "\(eintraege.prefix(2))")
        #expect(eintraege.count == Set(eintraege).count, "ein Angebot steht doppelt")
        #expect(eintraege.count == alle.count)
        let ortsteil = try #require(raum73.range(of: "id=\"angebote-oertlich\""))
        let weitTeil = try #require(raum73.range(of: "id=\"angebote-weit\""))
        let lokal = try #require(raum73.range(of: "id=\"angebot-\(oertlich)\""))
        #expect(ortsteil.upperBound < lokal.lowerBound && lokal.upperBound < weitTeil.lowerBound)
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
        #expect(karte.contains("<dt>Anschrift</dt> <dd><span class=\"angaben-folgen\">Angaben folgen</span>"))
        let oeffnung = try #require(karte.range(of: "Öffnungszeiten"))
        let traeger = try #require(karte.range(of: "<dt>Träger</dt>"))
        #expect(oeffnung.lowerBound < traeger.lowerBound)
        #expect(seite.contains("<strong>Kontakt, Anschrift, Sprachen, Öffnungszeiten:</strong> <span class=\"angaben-folgen\">Angaben folgen</span>"))
    }

    /// The reference with `data/ansprechstellen.json` changed (or removed with nil).
    static func mitAnsprechstellen(_ aendern: ((inout [String: Any]) -> Void)?) throws -> (site: [String: String], diagnostics: [Diagnostic]) {
        var dateien = try Fixtures.referenzDateien()
        if let aendern {
            let bytes = try #require(dateien["data/ansprechstellen.json"])
            var json = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
            aendern(&json)
            dateien["data/ansprechstellen.json"] = Array(try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys, .prettyPrinted]))
        } else {
            dateien["data/ansprechstellen.json"] = nil
        }
        let (ausgabe, diagnostics) = Fixtures.pruefen(dateien)
        return ((ausgabe ?? [:]).mapValues { String(decoding: $0, as: UTF8.self) }, diagnostics)
    }

    @Test("oben auf jeder Sozialraumseite steht, wen man anruft: tel:- und mailto:-Link, Anschrift, Sprechzeiten, Sprachen; „Angaben folgen“ höchstens einmal")
    func ansprechstelleZuerst() throws {
        let (site, diagnostics) = try Self.mitAnsprechstellen { json in
            var stellen = json["ansprechstellen"] as? [[String: Any]] ?? []
            stellen[0]["name"] = "Team <Mitte> & Styrum"
            stellen[0]["telefon"] = "+49 (208) 825-1234"
            json["ansprechstellen"] = stellen
        }
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.formatted))")
        #expect(!diagnostics.contains { $0.message.contains("keine Ansprechstelle") })
        for nummer in ["71", "72", "73", "74", "75", "76"] {
            let seite = try #require(site["anlage-1/sozialraum/\(nummer).html"])
            let stelle = try #require(seite.range(of: "class=\"ansprechstelle\""), "\(nummer): keine Ansprechstelle")
            let angebote = try #require(seite.range(of: "id=\"angebote-oertlich\""))
            #expect(stelle.lowerBound < angebote.lowerBound, "\(nummer): die Ansprechstelle steht nicht zuerst")
            let kasten = String(seite[stelle.lowerBound..<angebote.lowerBound])
            #expect(kasten.contains("href=\"tel:"), "\(nummer)")
            #expect(kasten.contains("href=\"mailto:"), "\(nummer)")
            #expect(kasten.contains("<dt>Sprechzeiten</dt>") && kasten.contains("<dt>Sprachen</dt>") && kasten.contains("<dt>Anschrift</dt>"))
            // Invented contacts say so where they stand.
            #expect(kasten.contains("Beispieldaten"), "\(nummer)")
            #expect(seite.components(separatedBy: "Angaben folgen").count - 1 <= 1, "\(nummer): „Angaben folgen“ mehr als einmal")
        }
        let mitte = try #require(site["anlage-1/sozialraum/71.html"])
        #expect(mitte.contains("<strong>Team &lt;Mitte&gt; &amp; Styrum</strong>"))
        #expect(mitte.contains("href=\"tel:+492088251234\""))
        #expect(!site["anlage-1/sozialraum/74.html", default: ""].contains("Team &lt;Mitte&gt;"))
    }

    @Test("ein Sozialraum ohne Ansprechstelle: kim check warnt, die Seite nennt die zentrale Stelle des KI")
    func ohneAnsprechstelle() throws {
        let (site, diagnostics) = try Self.mitAnsprechstellen { json in
            var stellen = json["ansprechstellen"] as? [[String: Any]] ?? []
            stellen.removeLast()
            json["ansprechstellen"] = stellen
        }
        #expect(!diagnostics.hasErrors)
        let warnungen = diagnostics.filter { $0.message.contains("keine Ansprechstelle") }
        #expect(warnungen.count == 1)
        #expect(warnungen.first?.file == "data/kommune.json")
        #expect(warnungen.first?.message.contains("\"76\"") == true)
        let seite = try #require(site["anlage-1/sozialraum/76.html"])
        #expect(seite.contains("noch keine eigene Ansprechstelle"))
        let name = try #require(seite.firstMatch(of: #/<p class="ansprechstelle__name">([\s\S]*?)</p>/#)).1
        #expect(name.contains("Integrationszentrum"), "\(name)")
        #expect(seite.contains("href=\"tel:02088250\""))

        let (_, ohneDatei) = try Self.mitAnsprechstellen(nil)
        #expect(ohneDatei.filter { $0.message.contains("keine Ansprechstelle") }.count == 6)
    }

    @Test("eine Ansprechstelle mit unbekanntem Sozialraum oder ohne Telefon und E-Mail ist ein Fehler mit Zeile")
    func fehlerhafteAnsprechstelle() throws {
        let (site, diagnostics) = try Self.mitAnsprechstellen { json in
            var stellen = json["ansprechstellen"] as? [[String: Any]] ?? []
            stellen[0]["sozialraeume"] = ["71", "17"]
            stellen[1]["telefon"] = nil
            stellen[1]["email"] = nil
            json["ansprechstellen"] = stellen
        }
        #expect(site.isEmpty)
        let fehler = diagnostics.filter { $0.severity == .error }.map(\.formatted)
        #expect(fehler.contains { $0.hasPrefix("data/ansprechstellen.json:") && $0.contains("Sozialraum \"17\" gibt es nicht") }, "\(fehler)")
        #expect(fehler.contains { $0.hasPrefix("data/ansprechstellen.json:") && $0.contains("weder \"telefon\" noch \"email\"") }, "\(fehler)")
    }
}
