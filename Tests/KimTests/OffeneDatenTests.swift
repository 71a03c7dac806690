import Foundation
import KimDerive
import KimModel
@testable import KimRender
import Testing

/// The open data: escaping of Turtle and iCalendar, the calendar's rule for non-public Sitzungen,
/// the table files and their documentation, the OParl Location ids.
@Suite("Offene Daten")
struct OffeneDatenTests {
    // MARK: Turtle

    @Test("ein IRI mit verbotenen Zeichen bleibt ein einziges IRI")
    func turtleIRI() {
        #expect(Turtle.iri("https://x.de/a b") == "<https://x.de/a%20b>")
        #expect(Turtle.iri("https://x.de/>{}|^`\\\"<") == "<https://x.de/%3E%7B%7D%7C%5E%60%5C%22%3C>")
        #expect(Turtle.iri("https://x.de/\n") == "<https://x.de/%0A>")
        #expect(Turtle.iri("https://x.de/äß") == "<https://x.de/äß>")
    }

    @Test("ein Literal mit Anführungszeichen, Backslash, Zeilenumbruch und Steuerzeichen")
    func turtleLiteral() {
        #expect(Turtle.literal("a\"b") == "\"a\\\"b\"")
        #expect(Turtle.literal("a\\b") == "\"a\\\\b\"")
        #expect(Turtle.literal("a\nb\rc\td") == "\"a\\nb\\rc\\td\"")
        #expect(Turtle.literal("a\u{01}b\u{7F}") == "\"a\\u0001b\\u007F\"")
        #expect(Turtle.literal("\"\"\" . <x> ;") == "\"\\\"\\\"\\\" . <x> ;\"")
        #expect(Turtle.deutsch("Straße") == "\"Straße\"@de")
    }

    // MARK: iCalendar

    @Test("TEXT-Werte: Komma, Semikolon, Backslash und Zeilenumbrüche maskiert")
    func icalText() {
        #expect(ICalendar.text("a,b;c\\d") == "a\\,b\\;c\\\\d")
        #expect(ICalendar.text("a\nb\r\nc\rd") == "a\\nb\\nc\\nd")
        #expect(ICalendar.text("a\u{07}b") == "ab")
        #expect(ICalendar.uri("https://x.de/a,b\r\nBEGIN:VEVENT") == "https://x.de/a,bBEGIN:VEVENT")
    }

    @Test("Zeilen werden nach höchstens 75 Oktetten gefaltet, ohne ein UTF-8-Zeichen zu teilen")
    func icalFalten() throws {
        for inhalt in ["SUMMARY:" + String(repeating: "ä", count: 100), "LOCATION:" + String(repeating: "x", count: 200),
                       "DESCRIPTION:" + String(repeating: "€a", count: 70), "X:kurz", "LOCATION:" + String(repeating: "😀", count: 40)] {
            let gefaltet = ICalendar.zeile(inhalt)
            #expect(gefaltet.hasSuffix("\r\n"))
            // "\r\n" is one Character in Swift: cut the line end as bytes.
            let ohneEnde = String(decoding: Array(gefaltet.utf8.dropLast(2)), as: UTF8.self)
            let zeilen = ohneEnde.components(separatedBy: "\r\n")
            for (index, zeile) in zeilen.enumerated() {
                #expect(zeile.utf8.count <= 75, "\(zeile.utf8.count) Oktette")
                if index > 0 { #expect(zeile.hasPrefix(" ")) }
            }
            // Unfolding (RFC 5545 § 3.1) gives the line back.
            #expect(ohneEnde.replacingOccurrences(of: "\r\n ", with: "") == inhalt)
        }
    }

    /// The reference project with one Sitzung made non-public and an `ort` full of iCalendar syntax.
    static func mitNichtOeffentlicherSitzung() throws -> [String: [UInt8]] {
        var dateien = try Fixtures.referenzDateien()
        try dateien.ersetzen(in: "data/sitzungen/lenkungskreis-2021-1.json", "\"oeffentlich\": true,\n  \"teilnahme\"",
                             durch: "\"oeffentlich\": false,\n  \"teilnahme\"")
        try dateien.ersetzen(in: "data/sitzungen/lenkungskreis-2021-1.json", "\"ort\": \"Videokonferenz\"",
                             durch: "\"ort\": \"Geheimraum ORT-7Q2X\"")
        try dateien.ersetzen(in: "data/sitzungen/facharbeitskreis-2021-1.json", "\"ort\": \"Videokonferenz\"",
                             durch: "\"ort\": \"Raum 1; Etage 2, Hof\\\\Tor\\nHinterhaus – \(String(repeating: "Schwartzstraße ", count: 8))\"")
        return dateien
    }

    @Test("der Kalender: ein Termin je Sitzung, nicht öffentliche nur mit Datum und Gremium")
    func kalender() throws {
        let (ausgabe, befunde) = Fixtures.pruefen(try Self.mitNichtOeffentlicherSitzung())
        #expect(!befunde.hasErrors, "\(befunde.map(\.formatted))")
        let text = Fixtures.text(ausgabe?["sitzungen.ics"])
        #expect(text.components(separatedBy: "BEGIN:VEVENT").count - 1 == Set(try BriefingTests.projekt().sitzungen.map(\.id)).count)
        let entfaltet = text.replacingOccurrences(of: "\r\n ", with: "")
        let ereignisse = entfaltet.components(separatedBy: "BEGIN:VEVENT\r\n").dropFirst()
        let geheim = try #require(ereignisse.first { $0.contains("UID:sitzung-lenkungskreis-2021-1@kim.oberhausen.de") })
        let zeilen = geheim.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(zeilen == ["UID:sitzung-lenkungskreis-2021-1@kim.oberhausen.de", "DTSTAMP:20220830T000000Z", "DTSTART;VALUE=DATE:20210310",
                           "SUMMARY:Sitzung Lenkungskreis Kommunales Integrationsmanagement (nicht öffentlich)",
                           "CLASS:CONFIDENTIAL", "END:VEVENT"])
        #expect(!text.contains("ORT-7Q2X"))
        #expect(entfaltet.contains("LOCATION:Raum 1\\; Etage 2\\, Hof\\\\Tor\\nHinterhaus – Schwartzstraße"))
        #expect(entfaltet.contains("DTSTART;TZID=Europe/Berlin:20210224T100000\r\nDTEND;TZID=Europe/Berlin:20210224T120000"))
        // Every line ends in CRLF and is at most 75 octets long.
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        // The UIDs stay the same when another Sitzung changes.
        var geaendert = try Self.mitNichtOeffentlicherSitzung()
        try geaendert.ersetzen(in: "data/sitzungen/facharbeitskreis-2021-2.json", "\"beginn\": \"10:00\"", durch: "\"beginn\": \"09:00\"")
        let zweiter = Fixtures.text(Fixtures.pruefen(geaendert).ausgabe?["sitzungen.ics"])
        func uids(_ text: String) -> [String] { text.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") } }
        #expect(uids(text) == uids(zweiter) && text != zweiter)
    }

    // MARK: Tables

    @Test("jede Tabelle der Zahlen-Seite als CSV und JSON verlinkt, Spalten auf der Offene-Daten-Seite erklärt")
    func tabellenVerlinktUndErklaert() throws {
        let (ausgabe, _) = Fixtures.pruefen(try Fixtures.referenzDateien())
        let dateien = try #require(ausgabe)
        let zahlen = Fixtures.text(dateien["zahlen.html"])
        for id in ["gesamt", "kinder", "senioren"] {
            for endung in ["csv", "json"] {
                #expect(zahlen.contains("href=\"downloads/bevoelkerung-\(id).\(endung)\""), "\(id).\(endung) fehlt auf zahlen.html")
                #expect(dateien["downloads/bevoelkerung-\(id).\(endung)"] != nil)
            }
        }
        #expect(zahlen.contains("href=\"downloads/kennzahlen.csv\""))
        let seite = Fixtures.text(dateien["offene-daten.html"])
        let csvs = dateien.keys.filter { $0.hasPrefix("downloads/") && $0.hasSuffix(".csv") }
        #expect(csvs.count >= 8)
        for pfad in csvs {
            let kopf = Fixtures.text(dateien[pfad]).components(separatedBy: "\r\n")[0]
            #expect(seite.contains("href=\"\(pfad)\""), "\(pfad) fehlt auf offene-daten.html")
            for spalte in kopf.split(separator: ",") {
                #expect(seite.contains("<code>\(spalte)</code>"), "Spalte \(spalte) von \(pfad) nicht erklärt")
            }
            let json = try #require(try JSONSerialization.jsonObject(with: Data(dateien[pfad.replacingOccurrences(of: ".csv", with: ".json")] ?? [])) as? [String: Any])
            #expect(json["stand"] is String, "\(pfad): JSON ohne Stand")
        }
        for kopf in ["feed.xml\" title", "sitzungen.ics\" title", "katalog.ttl\" title"] {
            #expect(zahlen.contains("<link rel=\"alternate\" type=") && zahlen.contains(kopf), "\(kopf) fehlt im Kopf")
        }
    }

    @Test("Bevölkerung als Daten: Anzahlen, berechnete Anteile und die Summe wie auf der Seite")
    func bevoelkerungsdaten() throws {
        let (ausgabe, _) = Fixtures.pruefen(try Fixtures.referenzDateien())
        let zeilen = Fixtures.text(ausgabe?["downloads/bevoelkerung-gesamt.csv"]).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(zeilen.first == "sozialraum_nummer,sozialraum,insgesamt,mit_einwanderungsgeschichte,anteil_prozent")
        let daten = zeilen.dropFirst().map { $0.components(separatedBy: ",") }
        let raeume = daten.dropLast(), summe = try #require(daten.last)
        #expect(summe[0] == "" && summe[1] == "Gesamt")
        #expect(Int(summe[2]) == raeume.compactMap { Int($0[2]) }.reduce(0, +))
        #expect(Int(summe[3]) == raeume.compactMap { Int($0[3]) }.reduce(0, +))
        let seite = Fixtures.text(ausgabe?["zahlen.html"])
        for zeile in daten {
            let anteil = try #require(Anteil(teil: Int(zeile[3]) ?? -1, von: Int(zeile[2]) ?? 0))
            #expect(zeile[4] == "\(anteil.zehntelProzent / 10).\(anteil.zehntelProzent % 10)")
            // The page shows the same share with a comma.
            #expect(seite.contains(zeile[4].replacingOccurrences(of: ".", with: ",") + "&nbsp;%"))
        }
        #expect(!zeilen.joined().contains("."+"000"), "keine Tausenderpunkte")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(ausgabe?["downloads/bevoelkerung-gesamt.json"] ?? [])) as? [String: Any])
        let jsonSumme = try #require(json["summe"] as? [String: Any])
        #expect(jsonSumme["insgesamt"] as? Int == Int(summe[2]))
        #expect((json["zeilen"] as? [Any])?.count == raeume.count)
    }

    @Test("Beschlüsse als CSV: eine Formel am Anfang eines Felds wird entschärft")
    func formelEntschaerft() throws {
        var dateien = try Fixtures.referenzDateien()
        try dateien.ersetzen(in: "data/sitzungen/lenkungskreis-2021-1.json", "\"wortlaut\": \"", durch: "\"wortlaut\": \"=HYPERLINK(1);\\\"x\\\" ")
        let (ausgabe, befunde) = Fixtures.pruefen(dateien)
        #expect(!befunde.hasErrors, "\(befunde.map(\.formatted))")
        let csv = Fixtures.text(ausgabe?["downloads/beschluesse.csv"])
        #expect(csv.contains(",\"'=HYPERLINK(1);\"\"x\"\" "))
        #expect(!csv.contains(",=HYPERLINK"))
    }

    // MARK: Catalogue

    @Test("der Katalog nimmt Lizenz, Regionalschlüssel und Daten aus den Daten")
    func katalogAusDaten() throws {
        var dateien = try Fixtures.referenzDateien()
        try dateien.ersetzen(in: "data/offene-daten.json", "\"dl-by-de/2.0\"", durch: "\"cc-by/4.0\"")
        try dateien.ersetzen(in: "data/offene-daten.json", "\"051190000000\"", durch: "\"051700000000\"")
        try dateien.ersetzen(in: "data/angebote.json", "\"stand\": \"2022-08-30\"", durch: "\"stand\": \"2023-01-15\"")
        let (ausgabe, befunde) = Fixtures.pruefen(dateien)
        #expect(!befunde.hasErrors, "\(befunde.map(\.formatted))")
        let katalog = Fixtures.text(ausgabe?["katalog.ttl"])
        #expect(katalog.contains("dct:license <http://dcat-ap.de/def/licenses/cc-by/4.0>"))
        #expect(!katalog.contains("dl-by-de"))
        #expect(katalog.contains("dcatde:politicalGeocodingURI <http://dcat-ap.de/def/politicalGeocoding/regionalKey/051700000000>"))
        #expect(katalog.contains("dct:modified \"2023-01-15\"^^xsd:date"))
        let seite = Fixtures.text(ausgabe?["offene-daten.html"])
        #expect(seite.contains("Creative Commons Namensnennung 4.0"))
    }

    @Test("ohne data/offene-daten.json baut nichts, mit einer klaren Meldung")
    func ohneOffeneDaten() throws {
        var dateien = try Fixtures.referenzDateien()
        dateien["data/offene-daten.json"] = nil
        let (ausgabe, befunde) = Fixtures.pruefen(dateien)
        #expect(ausgabe == nil)
        #expect(befunde.contains { $0.formatted.contains("data/offene-daten.json") })
    }

    // MARK: OParl

    @Test("OParl: zwei Orte mit demselben Slug bekommen zwei Ids, ein langer Ort einen kurzen Dateinamen")
    func oparlOrte() throws {
        var dateien = try Fixtures.referenzDateien()
        let lang = String(repeating: "Sehr langer Tagungsort ", count: 13)
        #expect(lang.count >= 299)
        try dateien.ersetzen(in: "data/sitzungen/facharbeitskreis-2021-1.json", "\"ort\": \"Videokonferenz\"", durch: "\"ort\": \"Rathaus, Raum 1\"")
        try dateien.ersetzen(in: "data/sitzungen/facharbeitskreis-2021-2.json", "\"ort\": \"Videokonferenz\"", durch: "\"ort\": \"Rathaus – Raum 1\"")
        try dateien.ersetzen(in: "data/sitzungen/lenkungskreis-2021-1.json", "\"ort\": \"Videokonferenz\"", durch: "\"ort\": \"\(lang)\"")
        #expect(Escape.slug("Rathaus, Raum 1") == Escape.slug("Rathaus – Raum 1"))
        let (ausgabe, befunde) = Fixtures.pruefen(dateien)
        #expect(!befunde.hasErrors, "\(befunde.map(\.formatted))")
        let orte = try #require(ausgabe).filter { $0.key.hasPrefix("oparl/location/") }
        let beschreibungen = try orte.values.map { bytes -> String in
            let objekt = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
            return try #require(objekt["description"] as? String)
        }
        #expect(Set(beschreibungen).isSuperset(of: ["Rathaus, Raum 1", "Rathaus – Raum 1", lang.trimmingCharacters(in: .whitespaces)]))
        #expect(orte.count == Set(beschreibungen).count, "ein Ort je Datei")
        for pfad in orte.keys {
            #expect((pfad.split(separator: "/").last?.utf8.count ?? 0) <= 100, "\(pfad) zu lang")
        }
        // Every meeting points at the Location that describes its own place.
        for (pfad, bytes) in try #require(ausgabe) where pfad.hasPrefix("oparl/meeting/") {
            let meeting = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
            let location = try #require(meeting["location"] as? [String: Any])
            let id = try #require(location["id"] as? String)
            let datei = try #require(ausgabe?["oparl/" + id.dropFirst("https://kim.oberhausen.de/oparl/".count)], "\(id) fehlt")
            let eigene = try #require(try JSONSerialization.jsonObject(with: Data(datei)) as? [String: Any])
            #expect(eigene["description"] as? String == location["description"] as? String)
        }
    }

    @Test("OParl-Ortskennung: stabil, unabhängig von Leerraum, verschieden für verschiedene Texte")
    func ortskennung() {
        #expect(Ortskennung.von("Rathaus,  Raum 1 ") == Ortskennung.von("Rathaus, Raum 1"))
        #expect(Ortskennung.von("Rathaus, Raum 1") != Ortskennung.von("Rathaus – Raum 1"))
        // FNV-1a test vectors: the hash, and so the id, is the same on every machine and in every build.
        #expect(Ortskennung.hash("") == "cbf29ce484222325")
        #expect(Ortskennung.hash("a") == "af63dc4c8601ec8c")
        #expect(Ortskennung.von("Videokonferenz").hasPrefix("videokonferenz-"))
        #expect(Ortskennung.von(String(repeating: "a", count: 300)).count == 40 + 1 + 16)
    }
}
