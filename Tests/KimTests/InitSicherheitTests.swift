import Foundation
import KimModel
import KimPipeline
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 28, point 6: `kim init` looks at every target before it writes, writes nothing through a
/// symbolic link, names a file where a folder belongs in German, and can be repeated after an
/// interrupted run.
@Suite("kim init: erst prüfen, dann schreiben", .serialized)
struct InitSicherheitTests {
    static func geruest(_ ordner: URL, name: String = "Kreis Beispiel") throws -> Projektgeruest {
        try Projektgeruest(projekt: ordner, art: .kreis, name: name, stand: InitTests.stand())
    }

    /// Every entry below `ordner` (files, folders, links) by relative path, with a link's target or a file's bytes.
    static func bestand(_ ordner: URL) throws -> [String: String] {
        var ergebnis: [String: String] = [:]
        let wurzel = ordner.standardizedFileURL.path
        for pfad in try FileManager.default.subpathsOfDirectory(atPath: wurzel) {
            let voll = wurzel + "/" + pfad
            if let ziel = try? FileManager.default.destinationOfSymbolicLink(atPath: voll) {
                ergebnis[pfad] = "-> " + ziel
            } else if let daten = FileManager.default.contents(atPath: voll) {
                ergebnis[pfad] = String(decoding: daten, as: UTF8.self)
            } else {
                ergebnis[pfad] = "/"
            }
        }
        return ergebnis
    }

    @Test("Verweise auf dem Weg und am Ziel, eine Datei statt eines Ordners: alle gemeldet, nichts geschrieben, nichts draußen")
    func verweiseUndDateien() throws {
        let basis = try Fixtures.temporaererOrdner()
        defer { try? FileManager.default.removeItem(at: basis) }
        let projekt = basis.appendingPathComponent("projekt"), draussen = basis.appendingPathComponent("draussen")
        let fm = FileManager.default
        try fm.createDirectory(at: projekt.appendingPathComponent("data"), withIntermediateDirectories: true)
        try fm.createDirectory(at: draussen, withIntermediateDirectories: true)
        // A dangling link where data/kommune.json goes, a linked folder, a file where a folder goes, a linked .gitignore.
        try fm.createSymbolicLink(atPath: projekt.appendingPathComponent("data/kommune.json").path, withDestinationPath: draussen.appendingPathComponent("kommune.json").path)
        try fm.createSymbolicLink(atPath: projekt.appendingPathComponent("templates").path, withDestinationPath: draussen.path)
        try Data("kein Ordner".utf8).write(to: projekt.appendingPathComponent("schemas"))
        try fm.createSymbolicLink(atPath: projekt.appendingPathComponent(".gitignore").path, withDestinationPath: draussen.appendingPathComponent("gi").path)
        let vorher = try Self.bestand(basis)

        let fehler = #expect(throws: Projektgeruest.Failure.self) { try Self.geruest(projekt).anlegen() }
        let zeilen = (fehler?.description ?? "").split(separator: "\n").map(String.init)
        #expect(zeilen.contains("data/kommune.json: ist ein symbolischer Verweis; kim init schreibt nicht durch Verweise"), "\(zeilen)")
        #expect(zeilen.contains { $0.hasPrefix("templates: ist ein symbolischer Verweis") }, "\(zeilen)")
        #expect(zeilen.contains("schemas: ist eine Datei; kim init braucht hier einen Ordner"), "\(zeilen)")
        // One line per obstacle, none for the files below a folder that is in the way.
        #expect(zeilen.count == 3, "\(zeilen)")
        #expect(try Self.bestand(basis) == vorher)
        #expect(try fm.contentsOfDirectory(atPath: draussen.path).isEmpty)
    }

    @Test("ein abgebrochenes init: ein zweiter Lauf mit denselben Angaben ergänzt den Rest, mit anderen sagt er es auf Deutsch")
    func abgebrochen() throws {
        let basis = try Fixtures.temporaererOrdner()
        defer { try? FileManager.default.removeItem(at: basis) }
        let vollstaendig = basis.appendingPathComponent("vollstaendig"), teilweise = basis.appendingPathComponent("teilweise")
        _ = try Self.geruest(vollstaendig).anlegen()
        _ = try Self.geruest(teilweise).anlegen()
        // Interrupted after the data files: the templates, schemas and .gitignore are missing, and a hidden
        // half-written file of the run is left.
        let fm = FileManager.default
        for ordner in ["templates", "schemas"] { try fm.removeItem(at: teilweise.appendingPathComponent(ordner)) }
        try fm.removeItem(at: teilweise.appendingPathComponent(".gitignore"))
        try Data("{\"hal".utf8).write(to: teilweise.appendingPathComponent("data/.quellen.json.kim-init"))
        try fm.removeItem(at: teilweise.appendingPathComponent("data/quellen.json"))

        let anders = #expect(throws: Projektgeruest.Failure.self) { try Self.geruest(teilweise, name: "Kreis Anders").anlegen() }
        #expect(anders?.description.contains("abgebrochenen kim init") == true, "\(anders?.description ?? "")")
        #expect(anders?.description.contains("überschreibt keine Datei") == true)

        let geschrieben = try Self.geruest(teilweise).anlegen()
        #expect(geschrieben.contains("data/quellen.json") && geschrieben.contains("templates/kapitel/2-ausgangslage.md") && geschrieben.contains(".gitignore"))
        #expect(!geschrieben.contains("data/kommune.json"))
        #expect(try Self.bestand(teilweise) == Self.bestand(vollstaendig))
        // A third run finds everything in place and writes nothing.
        #expect(try Self.geruest(teilweise).anlegen().isEmpty)
    }

    @Test("Kommandozeile: Hindernisse auf Deutsch, einmal, Exit 1; ein Projektordner, der eine Datei ist, ebenso")
    func kommandozeile() throws {
        let basis = try Fixtures.temporaererOrdner()
        defer { try? FileManager.default.removeItem(at: basis) }
        let projekt = basis.appendingPathComponent("p")
        try FileManager.default.createDirectory(at: projekt, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: projekt.appendingPathComponent("data"))
        let lauf = try KommandozeileTests.kim(["init", "--art", "Kreis", "--name", "Kreis Beispiel", "--project", projekt.path])
        #expect(lauf.status == 1, "\(lauf.ausgabe)")
        let zeilen = lauf.ausgabe.split(separator: "\n").map(String.init)
        #expect(zeilen == ["Fehler: data: ist eine Datei; kim init braucht hier einen Ordner", "kim init hat nichts geschrieben."], "\(lauf.ausgabe)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: projekt.path) == ["data"])

        let datei = basis.appendingPathComponent("datei")
        try Data("x".utf8).write(to: datei)
        let alsOrdner = try KommandozeileTests.kim(["init", "--art", "Kreis", "--name", "Kreis Beispiel", "--project", datei.path])
        #expect(alsOrdner.status == 1, "\(alsOrdner.ausgabe)")
        #expect(alsOrdner.ausgabe.contains("ist eine Datei, kein Ordner"), "\(alsOrdner.ausgabe)")
        let darunter = try KommandozeileTests.kim(["init", "--art", "Kreis", "--name", "Kreis Beispiel", "--project", datei.path + "/neu"])
        #expect(darunter.status == 1, "\(darunter.ausgabe)")
        #expect(darunter.ausgabe.contains("ein Teil des Pfads ist kein Ordner"), "\(darunter.ausgabe)")
        for ausgabe in [alsOrdner.ausgabe, darunter.ausgabe] {
            // German only: none of Foundation's English texts.
            #expect(!ausgabe.contains("operation") && !ausgabe.contains("couldn"), "\(ausgabe)")
            #expect(ausgabe.components(separatedBy: "nichts geschrieben").count == 2, "\(ausgabe)")
        }
    }

    @Test("ein Projektordner ohne Schreibrecht: Exit 3, deutsche Meldung", .enabled(if: AbbruchTests.kim != nil))
    func ohneSchreibrecht() throws {
        let basis = try Fixtures.temporaererOrdner()
        defer { try? FileManager.default.removeItem(at: basis) }
        let projekt = basis.appendingPathComponent("p")
        try FileManager.default.createDirectory(at: projekt, withIntermediateDirectories: true)
        try HaertungTests.ausfuehren("/bin/chmod", ["755", basis.path])
        try HaertungTests.ausfuehren("/bin/chmod", ["555", projekt.path])
        let kim = try #require(AbbruchTests.kim)
        let prozess = Process()
        // As root, chmod means nothing: run as nobody, who may read but not write the folder.
        if getuid() == 0 {
            prozess.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            prozess.arguments = ["--reuid", "65534", "--regid", "65534", "--clear-groups", kim.path]
        } else {
            prozess.executableURL = kim
            prozess.arguments = []
        }
        prozess.arguments? += ["init", "--art", "Kreis", "--name", "Kreis Beispiel", "--project", projekt.path]
        let kanal = Pipe()
        prozess.standardError = kanal
        prozess.standardOutput = kanal
        try prozess.run()
        let ausgabe = String(decoding: kanal.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        prozess.waitUntilExit()
        #expect(prozess.terminationStatus == 3, "\(ausgabe)")
        #expect(ausgabe.contains("keine Berechtigung"), "\(ausgabe)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: projekt.path).isEmpty)
    }
}
