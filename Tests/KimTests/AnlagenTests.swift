import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import KimModel
import Testing

@Suite("Anlage 1, Anlage 2, Fassungen, Feeds")
struct AnlagenTests {
    static func site(stichtag: String? = nil) throws -> [String: String] {
        let datum = stichtag.flatMap(Datum.init(iso:))
        let (ausgabe, diagnostics) = Fixtures.pruefen(try Fixtures.referenzDateien(), stichtag: datum)
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.formatted))")
        return try #require(ausgabe).mapValues { String(decoding: $0, as: UTF8.self) }
    }

    @Test("jeder Träger und jedes Angebot, das der Seed nennt, steht in Anlage 1")
    func allesAusDemSeed() throws {
        let seite = try #require(try Self.site()["anlage-1/index.html"])
        let genannt = [
            "AWO / ZAQ", "Caritasverband", "Deutsches Rotes Kreuz", "Diakonisches Werk Mülheim/Ruhr", "Diakonisches Werk Oberhausen",
            "Die kurbel", "Evangelischer Kirchenkreis", "Jüdische Gemeinde DU-MH-OB", "Jobcenter", "Der Paritätische",
            "Pro wohnen international e.V.", "Kinder- und Kulturkreis Oberhausen e.V", "Frauen helfen Frauen e.V.",
            "Jugendmigrationsdienst", "Migrationsberatung für erwachsene Zuwanderer", "Sozialpädagogische Betreuung geflüchteter Menschen im privaten Wohnraum",
            "Fallmanagement", "Hilfeplanung", "Seiteneinsteigerberatung", "IQ-Anerkennungsberatung", "Teilhabemanagement „Gemeinsam klappt’s“",
            "Flüchtlingsberatung", "Integrationsagentur", "Gemeinschaftsunterkunft Duisburger Str. &amp; Bahnhofstr.", "Gemeinschaftsunterkunft Kapellenstr.",
            "Zentrum für Integration und Bildung", "Integration Point", "Wegweiser", "Jugendförderung (3-1-50)", "KIM-CM-Team", "KIM-ABH/EBH",
        ]
        for name in genannt {
            #expect(seite.contains(name), "fehlt in Anlage 1: \(name)")
        }
        #expect(seite.contains("Anspruch auf Vollständigkeit"))
    }

    @Test func downloads() throws {
        let site = try Self.site()
        let csv = try #require(site["downloads/angebote.csv"])
        let zeilen = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(zeilen.first?.hasPrefix("id,name,traeger,kategorie") == true)
        #expect(zeilen.count == (try Fixtures.referenzDateien()["data/angebote.json"]).map { daten in
            ((try? JSONSerialization.jsonObject(with: Data(daten))) as? [String: Any])?["angebote"] as? [Any] ?? []
        }.map { $0.count + 1 })
        let json = try #require(site["downloads/meilensteine.json"])
        #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil)
        let meilensteineCSV = try #require(site["downloads/meilensteine.csv"])
        #expect(!meilensteineCSV.contains("1.000"))
    }

    static func anzahl(_ status: String, in seite: String) -> Int? {
        let muster = try? Regex("kennzahl__wert\">(\\d+)</span> <span class=\"kennzahl__text\">\(status)<")
        guard let muster, let treffer = seite.firstMatch(of: muster), let zahl = treffer.output[1].substring else { return nil }
        return Int(zahl)
    }

    @Test("überfällig hängt vom Stichtag ab")
    func ueberfaelligNachStichtag() throws {
        let frueh = try #require(try Self.site(stichtag: "2021-01-15")["anlage-2/index.html"])
        let spaet = try #require(try Self.site(stichtag: "2030-01-01")["anlage-2/index.html"])
        #expect(Self.anzahl("überfällig", in: frueh) == 0)
        #expect(Self.anzahl("überfällig", in: spaet) == 7)
        #expect(frueh.contains("Stand der Meilensteine am <strong>15.01.2021</strong>"))
    }

    @Test("Zeitleiste und Tabelle zeigen dieselben Meilensteine mit demselben Stand")
    func zeitleisteUndTabelle() throws {
        let seite = try #require(try Self.site()["anlage-2/index.html"])
        // Both drawings of the timeline (wide and narrow) show the same bars.
        let breit = try #require(seite.firstRange(of: "zeitleiste--breit")), schmal = try #require(seite.firstRange(of: "zeitleiste--schmal"))
        let balken = seite[breit.lowerBound..<schmal.lowerBound].matches(of: /zeitleiste__balken--([a-z]+)"/).map { String($0.1) }
        let balkenSchmal = seite[schmal.lowerBound...].matches(of: /zeitleiste__balken--([a-z]+)"/).map { String($0.1) }
        #expect(balken == balkenSchmal)
        let zeilen = seite.matches(of: /<span class="status status--([a-z]+)">/).map { String($0.1) }
        #expect(balken.count >= 10)
        #expect(balken.sorted() == zeilen.sorted())
        var gezaehlt: [String: Int] = [:]
        for status in balken { gezaehlt[status, default: 0] += 1 }
        #expect(Self.anzahl("erledigt", in: seite) == gezaehlt["erledigt", default: 0])
        #expect(Self.anzahl("überfällig", in: seite) == gezaehlt["ueberfaellig", default: 0])
    }

    @Test("die Änderungsseite der Fassung 2 nennt das Teilhabemanagement und die neue Zielgruppe")
    func aenderungenDerFortschreibung() throws {
        let site = try Self.site()
        let seite = try #require(site["fassung/2/aenderungen.html"])
        #expect(seite.contains("Änderungen gegenüber der Fassung vom 24.11.2020"))
        #expect(seite.contains("Teilhabemanagement"))
        #expect(seite.contains("junge Geduldete und Gestattete"))
        #expect(seite.contains("<ins>"))
        // the chapter diff shows the paragraph Fassung 1 did not have
        #expect(seite.contains("Zudem wird das Teilhabemanagement"))
        // the earlier Fassung stays readable and lacks it
        let alt = try #require(site["fassung/1/6-zielgruppen.html"])
        #expect(!alt.contains("Zudem wird das Teilhabemanagement"))
        #expect(try #require(site["handlungskonzept/6-zielgruppen.html"]).contains("Zudem wird das Teilhabemanagement"))
    }

    @Test("die Änderungsliste nennt Felder wie die Schemas und Zielgruppen mit Namen, nicht mit Kennungen")
    func aenderungenLesbar() throws {
        let seite = try #require(try Self.site()["fassung/2/aenderungen.html"])
        let felder = seite.matches(of: /<dt>([^<]*)<\/dt>/).map { String($0.1) }
        #expect(!felder.isEmpty)
        #expect(felder.allSatisfy { $0.first?.isUppercase == true }, "\(felder)")
        #expect(felder.contains("Zielgruppen") && felder.contains("Erledigt am") && felder.contains("Beschreibung"))
        // the new Zielgruppe of the KIM-Case-Management by its name from data/angebote.json
        #expect(!seite.contains("junge-geduldete-gestattete"))
        #expect(seite.contains("Gesondert gefördert bis: 30.06.2022"))
        // an Angebot's Beschreibung is Markdown: compared as the reader sees it, not with its asterisks;
        // only the added sentence is marked, not the whole field
        #expect(!seite.contains("**"))
        #expect(seite.contains("[eingefügt: </span> Seit dem 01.07.2022"))
        #expect(seite.contains("<dd>Rechtskreisübergreifendes, individuelles Case-Management"))
        // a changed date is one field with both dates, not its parts Jahr, Monat, Tag
        #expect(!seite.contains("› Jahr"))
        #expect(seite.contains("[gestrichen: </span>31.12.2021<span class=\"visually-hidden\">]</span></del><ins><span class=\"visually-hidden\">[eingefügt: </span>31.12.2022"))
    }

    @Test("sitemap.xml und feed.xml sind wohlgeformt und vollständig")
    func sitemapUndFeed() throws {
        let site = try Self.site()
        for datei in ["sitemap.xml", "feed.xml"] {
            let parser = XMLParser(data: Data(try #require(site[datei]).utf8))
            #expect(parser.parse(), "\(datei): \(String(describing: parser.parserError))")
        }
        let sitemap = try #require(site["sitemap.xml"])
        let seiten = site.keys.filter { $0.hasSuffix(".html") }
        #expect(sitemap.components(separatedBy: "<url>").count - 1 == seiten.count)
        let feed = try #require(site["feed.xml"])
        #expect(feed.components(separatedBy: "<entry>").count - 1 >= 2 + 5)
        #expect(feed.contains("Fassung 2 vom 30.08.2022"))
    }

    @Test("der Feed hält die neuesten 100 Einträge, die Sitemap alle Seiten")
    func feedBegrenzt() throws {
        var dateien = try Fixtures.referenzDateien()
        let vorlage = String(decoding: try #require(dateien["data/sitzungen/facharbeitskreis-2021-1.json"]), as: UTF8.self)
        for nummer in 1...120 {
            let tag = String(format: "%02d", nummer % 28 + 1), monat = String(format: "%02d", nummer % 12 + 1)
            let text = vorlage.replacingOccurrences(of: "\"id\": \"facharbeitskreis-2021-1\"", with: "\"id\": \"zusatz-\(nummer)\"")
                .replacingOccurrences(of: "\"nummer\": 1,", with: "\"nummer\": \(nummer + 100),")
                .replacingOccurrences(of: "\"datum\": \"2021-02-24\"", with: "\"datum\": \"2019-\(monat)-\(tag)\"")
                .replacingOccurrences(of: "\"fak-2021-1-", with: "\"zusatz-\(nummer)-")
            dateien["data/sitzungen/zusatz-\(nummer).json"] = Array(text.utf8)
        }
        let (ausgabe, diagnostics) = Fixtures.pruefen(dateien)
        let fehler = diagnostics.filter { $0.severity == .error }.prefix(3).map(\.formatted)
        #expect(fehler.isEmpty, "\(fehler)")
        let site = try #require(ausgabe).mapValues { String(decoding: $0, as: UTF8.self) }
        let feed = try #require(site["feed.xml"])
        #expect(feed.components(separatedBy: "<entry>").count - 1 == 100)
        // the newest stay: both Fassungen (2020, 2022) and the Sitzungen of 2021, not the added ones of 2019
        #expect(feed.contains("Fassung 2 vom 30.08.2022"))
        #expect(feed.contains("sitzungen/facharbeitskreis-2021-1.html"))
        let sitemap = try #require(site["sitemap.xml"])
        #expect(sitemap.components(separatedBy: "<url>").count - 1 == site.keys.filter { $0.hasSuffix(".html") }.count)
        #expect(sitemap.contains("sitzungen/zusatz-120.html"))
    }
}
