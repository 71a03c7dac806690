import Foundation
import KimLoad
import KimModel
import KimPipeline
import KimVorgaben
import Testing

/// Issue 28, point 5: names that are one file on macOS and Windows (same after NFC and case folding)
/// are errors, for asset names, for Kennungen that become paths and for the pages of the site.
@Suite("Kollisionen nach Normalform und Groß- und Kleinschreibung")
struct KollisionenTests {
    static let nfc = "caf\u{E9}.css"
    static let nfd = "cafe\u{301}.css"

    @Test("der Vergleichsschlüssel: gleiche Datei auf macOS und Windows, sonst verschieden")
    func schluessel() {
        #expect(Array(Self.nfc.utf8) != Array(Self.nfd.utf8))
        #expect(Pfadschluessel.von(Self.nfc).utf8.elementsEqual(Pfadschluessel.von(Self.nfd).utf8))
        #expect(Pfadschluessel.von("assets/Logo.SVG") == "assets/logo.svg")
        #expect(Pfadschluessel.von("Straße") == Pfadschluessel.von("STRASSE"))
        #expect(Pfadschluessel.von("lk-1") != Pfadschluessel.von("lk-2"))
        #expect(Pfadschluessel.kollidieren("Logo.svg", "logo.svg"))
        #expect(Pfadschluessel.kollidieren(Self.nfc, Self.nfd))
        // The same text twice is a plain duplicate, not a collision of spellings.
        #expect(!Pfadschluessel.kollidieren("logo.svg", "logo.svg"))
        #expect(Pfadschluessel.kollisionen(["a/Logo.svg", "a/x.css", "a/logo.svg"]).map(\.name) == ["a/logo.svg"])
    }

    @Test("Asset-Namen, die sich nur in Normalform oder Schreibweise unterscheiden, sind je ein Fehler an der Datei")
    func assets() throws {
        let projekt = try Fixtures.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt) }
        let assets = projekt.appendingPathComponent("assets")
        try FileManager.default.createDirectory(at: assets, withIntermediateDirectories: true)
        for (name, inhalt) in [(Self.nfc, "a"), (Self.nfd, "b"), ("Logo.svg", "<svg/>"), ("logo.svg", "<svg/>"), ("KIM.css", "p{}"), ("eigen.css", "p{}")] {
            try Data(inhalt.utf8).write(to: assets.appendingPathComponent(name))
        }
        let (geladen, befunde) = ProjectLoader.load(ProjectFiles.disk(projekt).ueberlagert(Vorgaben.dateien))
        let fehler = befunde.filter { $0.severity == .error }
        #expect(fehler.count == 3, "\(fehler.map(\.formatted))")
        // In byte order the precomposed é (C3 A9) comes after e + ◌́ (65 CC 81): the error stands at it.
        let normalform = try #require(fehler.first { $0.message.contains("Normalform") }, "\(fehler.map(\.formatted))")
        #expect(normalform.file.utf8.elementsEqual("assets/\(Self.nfc)".utf8))
        #expect(normalform.message.contains("assets/\(Self.nfd)"))
        let schreibweise = try #require(fehler.first { $0.file == "assets/logo.svg" }, "\(fehler.map(\.formatted))")
        #expect(schreibweise.message.contains("assets/Logo.svg") && schreibweise.message.contains("Groß- und Kleinschreibung"))
        // Beside kim's built-in assets/kim.css it would replace it on a case-insensitive disk.
        let eingebaut = try #require(fehler.first { $0.file == "assets/KIM.css" }, "\(fehler.map(\.formatted))")
        #expect(eingebaut.message.contains("assets/kim.css"))
        #expect(geladen?.assets["assets/eigen.css"] != nil)
    }

    @Test("Kennungen, die sich nur in der Schreibweise unterscheiden, sind ein Fehler an der zweiten, mit Ort der ersten")
    func kennungen() throws {
        var dateien = try Fixtures.referenzDateien()
        try dateien.ersetzen(in: "data/angebote.json", "    {\n      \"id\": \"regelstrukturen\",",
                             durch: "    {\n      \"id\": \"migrationsDienste\",\n      \"name\": \"Doppelt\",\n      \"beschreibung\": \"Zum zweiten Mal\"\n    },\n    {\n      \"id\": \"regelstrukturen\",")
        let original = "data/sitzungen/facharbeitskreis-2021-1.json"
        let kopie = "data/sitzungen/zz-kopie.json"
        dateien[kopie] = dateien[original]
        try dateien.ersetzen(in: kopie, "\"id\": \"facharbeitskreis-2021-1\"", durch: "\"id\": \"facharbeitsKreis-2021-1\"")

        let befunde = Fixtures.pruefen(dateien).diagnostics.filter { $0.severity == .error }
        let kategorie = try #require(befunde.first { $0.file == "data/angebote.json" && $0.message.contains("migrationsDienste") }, "\(befunde.map(\.formatted))")
        let zeilen = Fixtures.text(dateien["data/angebote.json"]).split(separator: "\n", omittingEmptySubsequences: false)
        let zeile = try #require(zeilen.firstIndex { $0.contains("\"migrationsDienste\"") }) + 1
        let ersteZeile = try #require(zeilen.firstIndex { $0.contains("\"migrationsdienste\"") }) + 1
        // The second occurrence, by line and column of its value; the message names the first.
        #expect(kategorie.location?.line == zeile)
        #expect(kategorie.location?.column == 13)
        #expect(kategorie.message.contains("\"migrationsdienste\"") && kategorie.message.contains("data/angebote.json:\(ersteZeile):13"), "\(kategorie.formatted)")
        #expect(kategorie.message.contains("Groß- und Kleinschreibung"))

        let sitzung = try #require(befunde.first { $0.file == kopie && $0.message.contains("facharbeitsKreis-2021-1") }, "\(befunde.map(\.formatted))")
        #expect(sitzung.location == SourceLocation(line: 6, column: 9))
        #expect(sitzung.message.contains("\"facharbeitskreis-2021-1\"") && sitzung.message.contains("\(original):6:9"), "\(sitzung.formatted)")
        // Each clash once.
        #expect(befunde.filter { $0.message.contains("facharbeitsKreis-2021-1") }.count == 1)
        #expect(befunde.filter { $0.message.contains("migrationsDienste") }.count == 1)
    }

    @Test("zwei Seiten, deren Pfade sich nur in der Schreibweise unterscheiden, sind ein Fehler an der eigenen Seite")
    func seitenpfade() throws {
        var dateien = try Fixtures.referenzDateien()
        dateien["templates/texte/Gremien.md"] = Array("# Unsere Gremien\n\nText.\n".utf8)
        let befunde = Fixtures.pruefen(dateien).diagnostics.filter { $0.severity == .error }
        let befund = try #require(befunde.first { $0.file == "templates/texte/Gremien.md" }, "\(befunde.map(\.formatted))")
        #expect(befund.message.contains("gremien.html") && befund.message.contains("Gremien.html"), "\(befund.formatted)")
        #expect(befunde.count == 1, "\(befunde.map(\.formatted))")
    }
}
