import Foundation
import KimModel
import KimPipeline
@testable import KimWrite
import Testing

/// The everyday rebuild of an unchanged project: `kim build` compares what the last build read
/// (Buildvermerk) and ends without loading or rendering. Any change to what a build reads, to the
/// options or to the output folder makes it build again, with the bytes a build from scratch writes.
@Suite("Unveränderte Eingaben")
struct UnveraenderteEingabenTests {
    static let projekte = ["Oberhausen", "Kreis Lindenau"]

    /// A copy of one of the two example projects' sources in a fresh temporary folder.
    static func kopie(_ name: String) throws -> URL {
        let ziel = try Fixtures.temporaererOrdner().appendingPathComponent("projekt")
        guard name == "Kreis Lindenau" else { return try Fixtures.projektKopie(nach: ziel) }
        let quelle = Fixtures.referenzprojekt.appendingPathComponent("beispiele/kreis-lindenau")
        try FileManager.default.createDirectory(at: ziel, withIntermediateDirectories: true)
        for ordner in Fixtures.projektordner where FileManager.default.fileExists(atPath: quelle.appendingPathComponent(ordner).path) {
            try FileManager.default.copyItem(at: quelle.appendingPathComponent(ordner), to: ziel.appendingPathComponent(ordner))
        }
        return ziel
    }

    static func bauen(_ projekt: URL, stichtag: Datum? = nil, ausgabe: URL? = nil) throws -> Build.Ergebnis {
        try Build(Build.Optionen(projekt: projekt, stichtag: stichtag, ausgabe: ausgabe)).ausfuehren()
    }

    /// What a build from scratch of the project as it is now writes (into a folder of its own, without a record).
    static func vonGrundAuf(_ projekt: URL, stichtag: Datum? = nil) throws -> [String: [UInt8]]? {
        try vonGrundAufMitBefunden(projekt, stichtag: stichtag).dateien
    }

    /// The same with the findings of that build.
    static func vonGrundAufMitBefunden(_ projekt: URL, stichtag: Datum? = nil) throws -> (dateien: [String: [UInt8]]?, befunde: [Diagnostic]) {
        let ausgabe = projekt.deletingLastPathComponent().appendingPathComponent("frisch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: ausgabe) }
        let ergebnis = try bauen(projekt, stichtag: stichtag, ausgabe: ausgabe)
        #expect(!ergebnis.eingabenUnveraendert && ergebnis.behalteneSeiten == 0)
        return (try AbbruchTests.schnappschuss(ausgabe), ergebnis.diagnostics)
    }

    static func site(_ projekt: URL) -> URL { projekt.appendingPathComponent("site") }

    @Test("ein unveränderter Stand: nichts geladen oder gerendert, dieselben Befunde, jede Datei behält Inode und mtime", arguments: projekte)
    func unveraendert(_ name: String) throws {
        let projekt = try Self.kopie(name)
        defer { try? FileManager.default.removeItem(at: projekt.deletingLastPathComponent()) }
        let erster = try Self.bauen(projekt)
        #expect(erster.geschrieben && !erster.eingabenUnveraendert, "\(erster.diagnostics.map(\.formatted))")
        let vorher = try #require(Dateistand.erfassen(Self.site(projekt))).dateien
        let zweiter = try Self.bauen(projekt)
        #expect(zweiter.eingabenUnveraendert)
        #expect(zweiter.geschrieben && zweiter.schreibbericht.unveraendert)
        #expect(zweiter.diagnostics == erster.diagnostics)
        #expect(zweiter.dateien == erster.dateien && zweiter.dateien == vorher.count)
        #expect(try #require(Dateistand.erfassen(Self.site(projekt))).dateien == vorher)
    }

    /// One change to what a build depends on, made to the project copy after its first build.
    enum Aenderung: String, CaseIterable, CustomTestStringConvertible {
        case gleichLangGeaendert = "ein Zeichen einer Sitzung, gleiche Länge"
        case dateiHinzugefuegt = "eine Datei in assets/ hinzugefügt"
        case dateiEntfernt = "eine Sitzung entfernt"
        case eigeneVorlage = "eine eingebaute Vorlage durch eine eigene ersetzt"
        case ausgabeVonHand = "eine Seite in site/ von Hand geändert"
        case ausgabeFremd = "eine fremde Datei in site/ gelegt"
        case ausgabeGeloescht = "eine Datei aus site/ gelöscht"
        case vermerkKaputt = "der Vermerk in build/ ist unlesbar"

        var testDescription: String { rawValue }

        func anwenden(_ projekt: URL) throws {
            let fm = FileManager.default
            let site = UnveraenderteEingabenTests.site(projekt)
            let sitzungen = projekt.appendingPathComponent("data/sitzungen")
            let sitzung = try #require(try fm.contentsOfDirectory(atPath: sitzungen.path).sorted().first { $0.hasSuffix(".json") })
            switch self {
            case .gleichLangGeaendert:
                let datei = sitzungen.appendingPathComponent(sitzung)
                let text = try String(contentsOf: datei, encoding: .utf8)
                let stelle = try #require(text.range(of: "\"ort\": \""))
                let zeichen = text[stelle.upperBound]
                var neu = text
                neu.replaceSubrange(stelle.upperBound...stelle.upperBound, with: zeichen == "X" ? "Y" : "X")
                #expect(neu.utf8.count == text.utf8.count)
                try neu.write(to: datei, atomically: false, encoding: .utf8)
            case .dateiHinzugefuegt:
                try fm.createDirectory(at: projekt.appendingPathComponent("assets"), withIntermediateDirectories: true)
                try Data("neu".utf8).write(to: projekt.appendingPathComponent("assets/hinweis.txt"))
            case .dateiEntfernt:
                try fm.removeItem(at: sitzungen.appendingPathComponent(sitzung))
            case .eigeneVorlage:
                let datei = try Fixtures.eigeneKopie(projekt, "templates/seiten/start.html")
                try (try String(contentsOf: datei, encoding: .utf8) + "\n<p>Eigene Startseite</p>\n").write(to: datei, atomically: true, encoding: .utf8)
            case .ausgabeVonHand:
                try Data("von Hand".utf8).write(to: site.appendingPathComponent("index.html"))
            case .ausgabeFremd:
                try Data("fremd".utf8).write(to: site.appendingPathComponent("fremd.txt"))
            case .ausgabeGeloescht:
                try fm.removeItem(at: site.appendingPathComponent("index.html"))
            case .vermerkKaputt:
                try Data("{\"format\": 1".utf8).write(to: projekt.appendingPathComponent("build/site.vermerk"))
            }
        }
    }

    @Test("jede Änderung an Eingaben oder Ausgabe: neu gebaut, mit den Bytes eines Builds von Grund auf", arguments: Aenderung.allCases)
    func geaendert(_ aenderung: Aenderung) throws {
        let projekt = try Self.kopie("Oberhausen")
        defer { try? FileManager.default.removeItem(at: projekt.deletingLastPathComponent()) }
        let erster = try Self.bauen(projekt)
        #expect(erster.geschrieben, "\(erster.diagnostics.map(\.formatted))")
        let vorher = try AbbruchTests.schnappschuss(Self.site(projekt))
        try aenderung.anwenden(projekt)
        let zweiter = try Self.bauen(projekt)
        #expect(!zweiter.eingabenUnveraendert)
        #expect(zweiter.geschrieben, "\(zweiter.diagnostics.map(\.formatted))")
        let nachher = try AbbruchTests.schnappschuss(Self.site(projekt))
        #expect(nachher == (try Self.vonGrundAuf(projekt)))
        // Changes to the sources change the site; changes to the output are undone.
        let quellenGeaendert: Set<Aenderung> = [.gleichLangGeaendert, .dateiHinzugefuegt, .dateiEntfernt, .eigeneVorlage]
        #expect((nachher != vorher) == quellenGeaendert.contains(aenderung))
        // Built again, the new state is recognised as unchanged.
        #expect(try Self.bauen(projekt).eingabenUnveraendert)
    }

    @Test("ein anderer Stichtag ist eine andere Eingabe")
    func andererStichtag() throws {
        let projekt = try Self.kopie("Oberhausen")
        defer { try? FileManager.default.removeItem(at: projekt.deletingLastPathComponent()) }
        #expect(try Self.bauen(projekt).geschrieben)
        let stichtag = try #require(Datum(iso: "2030-01-01"))
        let anders = try Self.bauen(projekt, stichtag: stichtag)
        #expect(!anders.eingabenUnveraendert)
        #expect(try AbbruchTests.schnappschuss(Self.site(projekt)) == (try Self.vonGrundAuf(projekt, stichtag: stichtag)))
        #expect(try Self.bauen(projekt, stichtag: stichtag).eingabenUnveraendert)
        #expect(try !Self.bauen(projekt).eingabenUnveraendert)
    }

    @Test("ein fehlgeschlagener Build lässt Ausgabe und Vermerk stehen; zurückgenommen ist der Stand wieder der alte")
    func fehlgeschlagen() throws {
        let projekt = try Self.kopie("Oberhausen")
        defer { try? FileManager.default.removeItem(at: projekt.deletingLastPathComponent()) }
        #expect(try Self.bauen(projekt).geschrieben)
        let vorher = try AbbruchTests.schnappschuss(Self.site(projekt))
        let kommune = projekt.appendingPathComponent("data/kommune.json")
        let original = try Data(contentsOf: kommune)
        try Data("{ kaputt".utf8).write(to: kommune)
        let kaputt = try Self.bauen(projekt)
        #expect(!kaputt.geschrieben && !kaputt.eingabenUnveraendert && kaputt.diagnostics.hasErrors)
        try original.write(to: kommune)
        #expect(try Self.bauen(projekt).eingabenUnveraendert)
        #expect(try AbbruchTests.schnappschuss(Self.site(projekt)) == vorher)
    }

    @Test("ein Vermerk gilt nur mit der Bestandsliste seines Builds (kim beendet zwischen Liste und Vermerk)")
    func vermerkGehoertZurListe() throws {
        let projekt = try Self.kopie("Oberhausen")
        defer { try? FileManager.default.removeItem(at: projekt.deletingLastPathComponent()) }
        let vermerk = projekt.appendingPathComponent("build/site.vermerk")
        #expect(try Self.bauen(projekt).geschrieben)
        let alterVermerk = try Data(contentsOf: vermerk)
        let kommune = projekt.appendingPathComponent("data/kommune.json")
        let original = try Data(contentsOf: kommune)
        let text = String(decoding: original, as: UTF8.self)
        #expect(text.contains("\"name\": \"Oberhausen\""))
        try Data(text.replacingOccurrences(of: "\"name\": \"Oberhausen\"", with: "\"name\": \"Oberhausen an der Ruhr\"").utf8).write(to: kommune)
        #expect(try Self.bauen(projekt).geschrieben)
        // As if the second build had been killed after saving its list and before saving its record,
        // and the author then went back to the first state of the data.
        try alterVermerk.write(to: vermerk)
        try original.write(to: kommune)
        let ergebnis = try Self.bauen(projekt)
        #expect(!ergebnis.eingabenUnveraendert)
        #expect(try AbbruchTests.schnappschuss(Self.site(projekt)) == (try Self.vonGrundAuf(projekt)))
    }

    @Test("eine Ausgabe nach build/ selbst: keine Bestandsliste und kein Vermerk darin, jeder Build baut")
    func ausgabeInBuild() throws {
        let projekt = try Self.kopie("Kreis Lindenau")
        defer { try? FileManager.default.removeItem(at: projekt.deletingLastPathComponent()) }
        let ausgabe = projekt.appendingPathComponent("build")
        #expect(try Self.bauen(projekt, ausgabe: ausgabe).geschrieben)
        let zweiter = try Self.bauen(projekt, ausgabe: ausgabe)
        #expect(zweiter.geschrieben && !zweiter.eingabenUnveraendert)
        let dateien = try FileManager.default.contentsOfDirectory(atPath: ausgabe.path)
        #expect(!dateien.contains { $0.hasSuffix(".vermerk") || $0.hasSuffix(".bestandsliste") }, "\(dateien)")
    }
}
