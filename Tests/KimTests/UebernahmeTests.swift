import Foundation
import KimModel
import KimPipeline
@testable import KimWrite
import Testing

/// A build of a changed project keeps what the change left alone: the pages of unchanged Sitzungen
/// are not rendered again, and files that passed their schema last time are not checked again.
/// Whatever is kept, the folder ends with the bytes and the findings of a build from scratch.
@Suite("Übernahme aus dem letzten Build")
struct UebernahmeTests {
    typealias Hilfe = UnveraenderteEingabenTests

    static func sitzungsdateien(_ projekt: URL) throws -> [URL] {
        let ordner = projekt.appendingPathComponent("data/sitzungen")
        return try FileManager.default.contentsOfDirectory(atPath: ordner.path).filter { $0.hasSuffix(".json") }.sorted()
            .map { ordner.appendingPathComponent($0) }
    }

    /// Replaces the first `alt` in a file; the test fails when there is none.
    static func ersetzen(_ alt: String, _ neu: String, in datei: URL) throws {
        let text = try String(contentsOf: datei, encoding: .utf8)
        let stelle = try #require(text.range(of: alt), "\(alt) fehlt in \(datei.lastPathComponent)")
        try text.replacingCharacters(in: stelle, with: neu).write(to: datei, atomically: true, encoding: .utf8)
    }

    static func handlungskonzeptpfade(_ dateien: [String: [UInt8]]?) -> Set<String> {
        Set((dateien ?? [:]).keys.filter { ($0.hasPrefix("handlungskonzept/") || $0.hasPrefix("fassung/")) && $0.hasSuffix(".html") })
    }

    /// The files of the groups of pages that read no Sitzung (`Seitengruppe`), named here as a reader finds
    /// them: the Handlungskonzept, Anlage 1 with its downloads, the figures, the sources, the glossary and
    /// the project's text pages.
    static func gruppenpfade(_ dateien: [String: [UInt8]]?, projekt: URL) throws -> Set<String> {
        let texte = try FileManager.default.contentsOfDirectory(atPath: projekt.appendingPathComponent("templates/texte").path)
            .filter { $0.hasSuffix(".md") && $0 != "start.md" }.map { $0.replacingOccurrences(of: ".md", with: ".html") }
        let einzeln = Set(["zahlen.html", "quellen.html", "glossar.html", "downloads/angebote.csv", "downloads/angebote.json"] + texte)
        return handlungskonzeptpfade(dateien).union((dateien ?? [:]).keys.filter {
            ($0.hasPrefix("anlage-1/") && $0.hasSuffix(".html")) || einzeln.contains($0)
        })
    }

    static func seitenpfade(_ dateien: [String: [UInt8]]?) -> Set<String> {
        Set((dateien ?? [:]).keys.filter { $0.hasPrefix("sitzungen/") && $0.hasSuffix(".html") })
    }

    @Test("eine Sitzung geändert: nur ihre Seite neu dargestellt, die anderen behalten (mit Inode), Bytes und Befunde wie von Grund auf",
          arguments: Hilfe.projekte)
    func eineSitzung(_ name: String) throws {
        let projekt = try Hilfe.kopie(name)
        defer { try? FileManager.default.removeItem(at: projekt.deletingLastPathComponent()) }
        let erster = try Hilfe.bauen(projekt)
        #expect(erster.geschrieben && erster.behalteneSeiten == 0, "\(erster.diagnostics.map(\.formatted))")
        let erste = try AbbruchTests.schnappschuss(Hilfe.site(projekt))
        let seiten = Self.seitenpfade(erste)
        let kapitel = Self.handlungskonzeptpfade(erste)
        let gruppen = try Self.gruppenpfade(erste, projekt: projekt)
        #expect(kapitel.count > 3 && gruppen.count > kapitel.count + 10)
        let vorher = try #require(Dateistand.erfassen(Hilfe.site(projekt))).dateien
        let datei = try #require(try Self.sitzungsdateien(projekt).last)
        try Self.ersetzen("\"ort\": \"", "\"ort\": \"Neu: ", in: datei)

        let zweiter = try Hilfe.bauen(projekt)
        #expect(zweiter.geschrieben && !zweiter.eingabenUnveraendert)
        // Every Sitzung page but the changed Sitzung's and the first one's (which checks the template), and
        // every file of the groups no Sitzung feeds (the Handlungskonzept, Anlage 1, …).
        #expect(zweiter.behalteneSeiten == seiten.count - 2 + gruppen.count, "\(zweiter.behalteneSeiten) von \(seiten.count) + \(gruppen.count)")
        let nachher = try #require(Dateistand.erfassen(Hilfe.site(projekt))).dateien
        let unberuehrt = seiten.filter { nachher[$0] == vorher[$0] }
        #expect(unberuehrt.count >= seiten.count - 2)
        #expect(gruppen.filter { nachher[$0] != vorher[$0] }.isEmpty, "Seiten, die keine Sitzung liest, neu geschrieben: \(gruppen.filter { nachher[$0] != vorher[$0] }.sorted())")
        let frisch = try Hilfe.vonGrundAufMitBefunden(projekt)
        #expect(try AbbruchTests.schnappschuss(Hilfe.site(projekt)) == frisch.dateien)
        #expect(zweiter.diagnostics == frisch.befunde)
        #expect(try Self.seitenpfade(frisch.dateien).contains { String(decoding: frisch.dateien?[$0] ?? [], as: UTF8.self).contains("Neu: ") })
        #expect(try Hilfe.bauen(projekt).eingabenUnveraendert)
    }

    /// Changes after which no page can be kept.
    enum Aenderung: String, CaseIterable, CustomTestStringConvertible {
        case gremienname = "der Name eines Gremiums (steht auf seinen Sitzungsseiten)"
        case sitzungsvorlage = "die Vorlage der Sitzungsseiten"
        case sitzungsseiteVonHand = "eine Sitzungsseite in site/ von Hand geändert"
        case kapitel = "ein Satz in einem Kapitel des Handlungskonzepts"
        case kapitelseiteVonHand = "eine Seite des Handlungskonzepts in site/ von Hand geändert"
        case angebot = "der Name einer Kategorie der Anlage 1"
        case angebotsdownloadVonHand = "downloads/angebote.csv in site/ von Hand geändert"

        var testDescription: String { rawValue }
    }

    @Test("was alle Sitzungsseiten betrifft, stellt sie alle neu dar", arguments: Aenderung.allCases)
    func alleNeu(_ aenderung: Aenderung) throws {
        let projekt = try Hilfe.kopie("Oberhausen")
        defer { try? FileManager.default.removeItem(at: projekt.deletingLastPathComponent()) }
        #expect(try Hilfe.bauen(projekt).geschrieben)
        let site = Hilfe.site(projekt)
        let seiten = Self.seitenpfade(try AbbruchTests.schnappschuss(site)).sorted()
        // Always together with a Sitzung change, which alone would keep the other pages.
        try Self.ersetzen("\"ort\": \"", "\"ort\": \"Neu: ", in: try #require(try Self.sitzungsdateien(projekt).last))
        switch aenderung {
        case .gremienname:
            try Self.ersetzen("\"kurzname\": \"", "\"kurzname\": \"Umbenannt ", in: projekt.appendingPathComponent("data/gremien.json"))
        case .sitzungsvorlage:
            let vorlage = try Fixtures.eigeneKopie(projekt, "templates/seiten/sitzung.html")
            try (try String(contentsOf: vorlage, encoding: .utf8) + "\n<p>Ende der Niederschrift</p>\n").write(to: vorlage, atomically: true, encoding: .utf8)
        case .sitzungsseiteVonHand:
            // The page of a Sitzung that did not change (not the first one, which is always rendered):
            // the writer finds it changed and the build renders every page after all.
            let seite = try #require(seiten.first { $0.hasPrefix("sitzungen/lenkungskreis-") })
            try Data("von Hand".utf8).write(to: site.appendingPathComponent(seite))
        case .kapitel:
            let kapitel = try #require(try FileManager.default.contentsOfDirectory(atPath: projekt.appendingPathComponent("templates/kapitel").path)
                .filter { $0.hasSuffix(".md") }.sorted().first)
            let datei = projekt.appendingPathComponent("templates/kapitel/\(kapitel)")
            try (try String(contentsOf: datei, encoding: .utf8) + "\nEin neuer Satz am Ende des Kapitels.\n").write(to: datei, atomically: true, encoding: .utf8)
        case .kapitelseiteVonHand:
            try Data("von Hand".utf8).write(to: site.appendingPathComponent("handlungskonzept/index.html"))
        case .angebot:
            try Self.ersetzen("\"name\": \"", "\"name\": \"Umbenannt ", in: projekt.appendingPathComponent("data/angebote.json"))
        case .angebotsdownloadVonHand:
            try Data("von Hand".utf8).write(to: site.appendingPathComponent("downloads/angebote.csv"))
        }
        let zweiter = try Hilfe.bauen(projekt)
        #expect(zweiter.geschrieben && zweiter.behalteneSeiten == 0)
        let frisch = try Hilfe.vonGrundAufMitBefunden(projekt)
        #expect(try AbbruchTests.schnappschuss(site) == frisch.dateien)
        #expect(zweiter.diagnostics == frisch.befunde)
    }

    @Test("eine unveränderte Sitzung wird wieder geprüft, wenn sich ihr Schema ändert")
    func schemaGeaendert() throws {
        let projekt = try Hilfe.kopie("Oberhausen")
        defer { try? FileManager.default.removeItem(at: projekt.deletingLastPathComponent()) }
        #expect(try Hilfe.bauen(projekt).geschrieben)
        let schema = try Fixtures.eigeneKopie(projekt, "schemas/sitzung.schema.json")
        try Self.ersetzen("\"required\": [", "\"required\": [\"protokollant\", ", in: schema)
        let zweiter = try Hilfe.bauen(projekt)
        #expect(!zweiter.geschrieben)
        let bemaengelt = Set(zweiter.diagnostics.filter { $0.severity == .error && $0.message.contains("protokollant") }.map(\.file))
        #expect(bemaengelt == Set(try Self.sitzungsdateien(projekt).map { "data/sitzungen/" + $0.lastPathComponent }))
    }

    @Test("eine Datei, die behalten werden sollte, ist von Hand geändert: der Schreiber schreibt nichts und sagt welche")
    func behaltenVeraendert() throws {
        let ordner = try Fixtures.temporaererOrdner()
        defer { try? FileManager.default.removeItem(at: ordner) }
        let ziel = ordner.appendingPathComponent("site")
        let schreiber = AtomicFolderWriter(ziel: ziel, bestandsliste: ordner.appendingPathComponent("site.bestandsliste"))
        try schreiber.schreiben(["a.html": Array("A".utf8), "b/c.html": Array("C".utf8)])
        let behalten = try schreiber.schreiben(["a.html": Array("A2".utf8)], behalten: ["b/c.html"])
        #expect(behalten.geschrieben == 1 && behalten.verknuepft == 1)
        #expect(try AbbruchTests.schnappschuss(ziel) == ["a.html": Array("A2".utf8), "b/c.html": Array("C".utf8)])
        try Data("von Hand".utf8).write(to: ziel.appendingPathComponent("b/c.html"))
        let stand = try AbbruchTests.schnappschuss(ziel)
        #expect(throws: AtomicFolderWriter.BestandVeraendert.self) {
            try schreiber.schreiben(["a.html": Array("A3".utf8)], behalten: ["b/c.html"])
        }
        #expect(try AbbruchTests.schnappschuss(ziel) == stand)
    }
}
