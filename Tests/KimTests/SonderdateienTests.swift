import Foundation
import KimLoad
import KimModel
import KimVorgaben
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 28, point 5: a FIFO, socket or device where data are expected is an error at its path and is
/// never opened (a FIFO would block kim for ever); an unreadable file says so and is not called missing.
@Suite("Besondere und unlesbare Dateien", .serialized)
struct SonderdateienTests {
    /// `kim` with a deadline: a run that hangs is killed and fails the test instead of stalling the suite.
    static func kimMitFrist(_ argumente: [String], sekunden: Double = 120) throws -> (status: Int32, ausgabe: String, haengt: Bool) {
        let kim = try #require(AbbruchTests.kim, "\(AbbruchTests.ohneKim)")
        let prozess = Process()
        prozess.executableURL = kim
        prozess.arguments = argumente
        let ausgabe = FileManager.default.temporaryDirectory.appendingPathComponent("kim-sonder-\(UUID().uuidString).txt")
        FileManager.default.createFile(atPath: ausgabe.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: ausgabe) }
        let kanal = try FileHandle(forWritingTo: ausgabe)
        prozess.standardError = kanal
        prozess.standardOutput = kanal
        try prozess.run()
        let frist = Date().addingTimeInterval(sekunden)
        while prozess.isRunning, Date() < frist { usleep(50_000) }
        let haengt = prozess.isRunning
        if haengt {
            kill(prozess.processIdentifier, SIGKILL)
        }
        prozess.waitUntilExit()
        try kanal.close()
        return (prozess.terminationStatus, String(decoding: try Data(contentsOf: ausgabe), as: UTF8.self), haengt)
    }

    @Test("FIFOs als Daten, Sitzung, Vorlage und Asset: je ein Fehler am Pfad, kim hängt nicht, Exit 1, site/ bleibt")
    func fifos() throws {
        let projekt = try AbbruchTests.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt.deletingLastPathComponent()) }
        let erst = try Self.kimMitFrist(AbbruchTests.build + ["--project", projekt.path])
        #expect(erst.status == 0, "\(erst.ausgabe)")
        try FileManager.default.createDirectory(at: projekt.appendingPathComponent("assets"), withIntermediateDirectories: true)
        try FileManager.default.removeItem(at: projekt.appendingPathComponent("data/quellen.json"))
        let pfade = ["data/quellen.json", "data/sitzungen/pipe.json", "templates/texte/pipe.md", "assets/pipe.css"]
        for pfad in pfade {
            #expect(mkfifo(projekt.appendingPathComponent(pfad).path, 0o644) == 0, "\(pfad)")
        }
        // A link inside assets/ to a FIFO is the same thing.
        try FileManager.default.createSymbolicLink(atPath: projekt.appendingPathComponent("assets/verweis.css").path, withDestinationPath: "pipe.css")
        let vorher = try #require(try AbbruchTests.schnappschuss(projekt.appendingPathComponent("site")))
        #expect(vorher["index.html"] != nil)

        let lauf = try Self.kimMitFrist(AbbruchTests.build + ["--project", projekt.path])
        #expect(!lauf.haengt, "kim wartet auf eine FIFO")
        #expect(lauf.status == 1, "\(lauf.ausgabe)")
        for pfad in pfade + ["assets/verweis.css"] {
            let zeilen = lauf.ausgabe.split(separator: "\n").filter { $0.hasPrefix("\(pfad): Fehler: das ist keine gewöhnliche Datei, sondern eine benannte Pipe (FIFO)") }
            #expect(zeilen.count == 1, "\(pfad): \(lauf.ausgabe)")
        }
        #expect(!lauf.ausgabe.contains("fehlt"), "\(lauf.ausgabe)")
        #expect(try AbbruchTests.schnappschuss(projekt.appendingPathComponent("site")) == vorher)
    }

    @Test("eine fehlende Datendatei heißt fehlend, keine Vorlage wird fehlend genannt, die nur unlesbar ist")
    func fehlendUndUnlesbar() throws {
        let projekt = try AbbruchTests.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt.deletingLastPathComponent()) }
        try FileManager.default.removeItem(at: projekt.appendingPathComponent("data/quellen.json"))
        let (_, befunde) = ProjectLoader.load(ProjectFiles.disk(projekt).ueberlagert(Vorgaben.dateien))
        #expect(befunde.map(\.formatted) == ["data/quellen.json: Fehler: die Datei fehlt"])
    }

    @Test("ein Kapitel und eine Datendatei ohne Leserecht: „nicht lesbar“ an der Datei, kein „gibt es nicht“, Exit 1",
          .enabled(if: AbbruchTests.kim != nil))
    func unlesbar() throws {
        let projekt = try AbbruchTests.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt.deletingLastPathComponent()) }
        let kapitel = "templates/kapitel/2-ausgangslage.md"
        // A Sitzung: the rest of the project still loads, so the checks that could call the chapter missing run.
        let sitzung = "data/sitzungen/facharbeitskreis-2021-1.json"
        try HaertungTests.ausfuehren("/bin/chmod", ["000", projekt.appendingPathComponent(kapitel).path, projekt.appendingPathComponent(sitzung).path])
        let lauf = try HaertungTests.alsNutzer(["check", "--project", projekt.path], projekt: projekt)
        #expect(lauf.status == 1, "\(lauf.fehlerausgabe)")
        let zeilen = lauf.fehlerausgabe.split(separator: "\n").map(String.init)
        #expect(zeilen.filter { $0 == "\(kapitel): Fehler: die Datei ist nicht lesbar: kim hat keine Leseberechtigung" }.count == 1, "\(lauf.fehlerausgabe)")
        #expect(zeilen.filter { $0 == "\(sitzung): Fehler: die Datei ist nicht lesbar: kim hat keine Leseberechtigung" }.count == 1, "\(lauf.fehlerausgabe)")
        #expect(!lauf.fehlerausgabe.contains("gibt es nicht"), "\(lauf.fehlerausgabe)")
        #expect(!lauf.fehlerausgabe.contains("fehlt"), "\(lauf.fehlerausgabe)")
    }
}
