import Foundation
import KimLoad
import KimModel
import KimPipeline
@testable import KimWrite
import Testing

/// Issue 3, point 6, nothing lost: a failed build leaves the previous output
/// byte-identical; a build killed halfway (SIGKILL, SIGINT) leaves the old or
/// the new output, never a mix and never none; kim never writes into data/,
/// templates/ or schemas/; no path makes output leave its folder.
@Suite("Nichts geht verloren", .serialized)
struct AbbruchTests {
    /// The `kim` binary SwiftPM built next to the tests (`swift build` builds it; `swift test` too).
    static let kim: URL? = {
        let kandidat = Fixtures.referenzprojekt.appendingPathComponent(".build/debug/kim")
        return FileManager.default.isExecutableFile(atPath: kandidat.path) ? kandidat : nil
    }()
    static let ohneKim = "kein .build/debug/kim: erst `swift build` ausführen"

    /// `kim build` renders the PDF with WeasyPrint, which takes seconds; these tests are about the
    /// site folder, so they skip it where kim offers that (the previous PDF is kept).
    static let build: [String] = {
        guard kim != nil, let hilfe = try? ausfuehren(["build", "--help"]) else { return ["build"] }
        return hilfe.fehlerausgabe.contains("--no-pdf") || hilfe.ausgabe.contains("--no-pdf") ? ["build", "--no-pdf"] : ["build"]
    }()

    // MARK: helpers

    /// A copy of the reference project's sources in a fresh temporary folder.
    static func projektKopie() throws -> URL {
        try Fixtures.projektKopie(nach: Fixtures.temporaererOrdner().appendingPathComponent("projekt"))
    }

    /// Every file below `ordner` (relative path → bytes); nil when the folder does not exist.
    static func schnappschuss(_ ordner: URL) throws -> [String: [UInt8]]? {
        var istOrdner: ObjCBool = false
        guard FileManager.default.fileExists(atPath: ordner.path, isDirectory: &istOrdner), istOrdner.boolValue else { return nil }
        var dateien: [String: [UInt8]] = [:]
        let basis = ordner.standardizedFileURL.path + "/"
        let aufzaehlung = FileManager.default.enumerator(at: ordner, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = aufzaehlung?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            dateien[String(url.standardizedFileURL.path.dropFirst(basis.count))] = Array(try Data(contentsOf: url))
        }
        return dateien
    }

    static func quellen(_ projekt: URL) throws -> [String: [UInt8]?] {
        var stand: [String: [UInt8]?] = [:]
        for ordner in ["data", "templates", "schemas", "assets"] {
            stand[ordner] = try schnappschuss(projekt.appendingPathComponent(ordner)).map { dateien in
                dateien.keys.sorted().flatMap { Array($0.utf8) + [0] + (dateien[$0] ?? []) + [0] }
            }
        }
        return stand
    }

    struct Lauf {
        var status: Int32
        var grund: Process.TerminationReason
        var fehlerausgabe: String
        var ausgabe: String
    }

    /// Whoever started the tests may have SIGINT ignored (a test runner, a background job), and a
    /// child inherits that; GNU env puts the default back, so SIGINT reaches kim as Ctrl-C would.
    static let signaleZuruecksetzen: Bool = {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["--default-signal=INT", "true"]
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }()

    static func prozess(_ argumente: [String]) throws -> Process {
        let prozess = Process()
        let kim = try #require(kim)
        if signaleZuruecksetzen {
            prozess.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            prozess.arguments = ["--default-signal=INT", kim.path] + argumente
        } else {
            prozess.executableURL = kim
            prozess.arguments = argumente
        }
        return prozess
    }

    /// Runs kim to the end.
    static func ausfuehren(_ argumente: [String]) throws -> Lauf {
        let prozess = try prozess(argumente)
        let fehler = Pipe(), ausgabe = Pipe()
        prozess.standardError = fehler
        prozess.standardOutput = ausgabe
        try prozess.run()
        // stdout is only ever short (help texts); read stderr to the end first, then stdout.
        let text = String(decoding: fehler.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let standard = String(decoding: ausgabe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        prozess.waitUntilExit()
        return Lauf(status: prozess.terminationStatus, grund: prozess.terminationReason, fehlerausgabe: text, ausgabe: standard)
    }

    /// How long a whole `kim build` takes, and how long from rendering done to its end (writing).
    static func messen(_ projekt: URL) throws -> (gesamt: Duration, schreiben: Duration) {
        let prozess = try prozess(Self.build + ["--project", projekt.path])
        let fehler = Pipe()
        prozess.standardError = fehler
        prozess.standardOutput = FileHandle.nullDevice
        let start = ContinuousClock.now
        try prozess.run()
        var gelesen = ""
        var gerendert = start
        while true {
            let stueck = fehler.fileHandleForReading.availableData
            if stueck.isEmpty { break }
            let vorher = gelesen.contains("] Darstellen")
            gelesen += String(decoding: stueck, as: UTF8.self)
            if !vorher, gelesen.contains("] Darstellen") { gerendert = .now }
        }
        prozess.waitUntilExit()
        let ende = ContinuousClock.now
        return (ende - start, ende - gerendert)
    }

    /// Starts `kim build`, waits until it reports `nachZeile` (if given) plus `verzoegerung`, then sends `signal`.
    /// True when the signal ended kim, false when kim had finished before.
    static func abbrechen(_ projekt: URL, signal: Int32, nachZeile: String?, verzoegerung: Duration) throws -> Bool {
        let prozess = try prozess(Self.build + ["--project", projekt.path])
        let fehler = Pipe()
        prozess.standardError = fehler
        prozess.standardOutput = FileHandle.nullDevice
        try prozess.run()
        if let nachZeile {
            var gelesen = ""
            while !gelesen.contains(nachZeile) {
                let stueck = fehler.fileHandleForReading.availableData
                if stueck.isEmpty { break }  // the build ended before the line came
                gelesen += String(decoding: stueck, as: UTF8.self)
            }
        }
        let bis = ContinuousClock.now + verzoegerung
        while ContinuousClock.now < bis {}  // a busy wait: sleeping is too coarse for a 10 ms write
        kill(prozess.processIdentifier, signal)
        _ = fehler.fileHandleForReading.readDataToEndOfFile()
        prozess.waitUntilExit()
        return prozess.terminationReason == .uncaughtSignal && prozess.terminationStatus == signal
    }

    // MARK: (a) a failed build

    @Test("ein Inhaltsfehler lässt die vorige Ausgabe Byte für Byte stehen")
    func fehlgeschlagenerBuild() throws {
        let projekt = try Self.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt.deletingLastPathComponent()) }
        let site = projekt.appendingPathComponent("site")
        let ergebnis = try Build(Build.Optionen(projekt: projekt)).ausfuehren()
        #expect(ergebnis.geschrieben, "\(ergebnis.diagnostics.map(\.formatted))")
        let vorher = try #require(try Self.schnappschuss(site))
        let elternVorher = try FileManager.default.contentsOfDirectory(atPath: projekt.path).sorted()

        let demografie = projekt.appendingPathComponent("data/demografie.json")
        let text = try String(contentsOf: demografie, encoding: .utf8)
        try text.replacingOccurrences(of: "\"insgesamt\": 27143", with: "\"insgesamt\": \"11.973\"").write(to: demografie, atomically: true, encoding: .utf8)
        let zweites = try Build(Build.Optionen(projekt: projekt)).ausfuehren()
        #expect(!zweites.geschrieben)
        #expect(zweites.diagnostics.contains { $0.formatted.hasPrefix("data/demografie.json:13:") })

        let nachher = try Self.schnappschuss(site)
        #expect(nachher == vorher, "site/ hat sich verändert")
        #expect(try FileManager.default.contentsOfDirectory(atPath: projekt.path).sorted() == elternVorher, "nichts liegen geblieben")
    }

    static let kaputt = ["abgeschnitten", "Müll davor", "leer", "ungültiges UTF-8", "falscher Wurzeltyp"]

    static func verderben(_ original: [UInt8], _ art: String) -> [UInt8] {
        switch art {
        case "abgeschnitten": return Array(original.prefix(original.count / 2))
        case "Müll davor": return Array("<<<<<<< HEAD\n".utf8) + original
        case "leer": return []
        case "ungültiges UTF-8": return Array("{ \"stand\": \"".utf8) + [0xFF, 0xFE] + Array("\" }".utf8)
        default: return Array("[".utf8) + original + Array("]".utf8)
        }
    }

    /// `data/x.json:12:5: Fehler: …`
    static func mitOrt(_ zeile: Substring, _ pfad: String) -> Bool {
        guard zeile.hasPrefix("\(pfad):") else { return false }
        return zeile.dropFirst(pfad.count + 1).prefixMatch(of: #/[0-9]+:[0-9]+: Fehler: /#) != nil
    }

    @Test("jede Datendatei kaputt: kim build endet mit 1, nennt die Datei, site/ bleibt", .enabled(if: kim != nil, Comment(rawValue: ohneKim)))
    func kaputteDatendateien() throws {
        let projekt = try Self.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt.deletingLastPathComponent()) }
        let site = projekt.appendingPathComponent("site")
        let erster = try Self.ausfuehren(Self.build + ["--project", projekt.path])
        #expect(erster.status == 0, "\(erster.fehlerausgabe)")
        let vorher = try #require(try Self.schnappschuss(site))
        let datendateien = ProjectFiles.disk(projekt).list("data").filter { $0.hasSuffix(".json") }
        #expect(datendateien.count >= 7)
        for pfad in datendateien {
            let url = projekt.appendingPathComponent(pfad)
            let original = Array(try Data(contentsOf: url))
            defer { FileManager.default.createFile(atPath: url.path, contents: Data(original)) }
            for art in Self.kaputt {
                #expect(FileManager.default.createFile(atPath: url.path, contents: Data(Self.verderben(original, art))))
                let lauf = try Self.ausfuehren(Self.build + ["--project", projekt.path])
                #expect((1...125).contains(lauf.status) && lauf.grund == .exit, "\(pfad) \(art): Status \(lauf.status)")
                let zeilen = lauf.fehlerausgabe.split(separator: "\n")
                #expect(zeilen.contains { $0.hasPrefix("\(pfad):") && $0.contains("Fehler:") }, "\(pfad) \(art): \(lauf.fehlerausgabe)")
                // with line and column
                #expect(zeilen.contains { Self.mitOrt($0, pfad) }, "\(pfad) \(art): \(lauf.fehlerausgabe)")
                #expect(try Self.schnappschuss(site) == vorher, "\(pfad) \(art): site/ hat sich verändert")
            }
        }
    }

    // MARK: (b) a build killed halfway

    @Test("kim build mit SIGKILL oder SIGINT abgebrochen: alte oder neue Ausgabe, nie gemischt, nie keine",
          .enabled(if: kim != nil, Comment(rawValue: ohneKim)), arguments: [SIGKILL, SIGINT])
    func abgebrochen(_ signal: Int32) throws {
        let projekt = try Self.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt.deletingLastPathComponent()) }
        let site = projekt.appendingPathComponent("site")
        let kommune = projekt.appendingPathComponent("data/kommune.json")
        let altDaten = Array(try Data(contentsOf: kommune))
        let neuDaten = Array(String(decoding: altDaten, as: UTF8.self)
            .replacingOccurrences(of: "\"name\": \"Oberhausen\"", with: "\"name\": \"Oberhausen an der Ruhr\"").utf8)
        #expect(neuDaten != altDaten)

        // The two complete builds a killed build may leave.
        FileManager.default.createFile(atPath: kommune.path, contents: Data(neuDaten))
        let neuerLauf = try Self.ausfuehren(Self.build + ["--project", projekt.path])
        #expect(neuerLauf.status == 0, "\(neuerLauf.fehlerausgabe)")
        let neu = try #require(try Self.schnappschuss(site))
        FileManager.default.createFile(atPath: kommune.path, contents: Data(altDaten))
        let erster = try Self.ausfuehren(Self.build + ["--project", projekt.path])
        #expect(erster.status == 0, "\(erster.fehlerausgabe)")
        let alt = try #require(try Self.schnappschuss(site))
        #expect(alt != neu)

        // Kill moments spread over a whole build, and half of them over the write step alone:
        // it is short, a moment chosen over the whole build rarely hits it.
        let dauer = try Self.messen(projekt)
        let gesamt = Int(dauer.gesamt / .microseconds(1))
        let schreiben = Int(dauer.schreiben / .microseconds(1))
        var gesehen: Set<String> = []
        var getroffen = 0
        for runde in 0..<20 {
            let stand = try #require(try Self.schnappschuss(site), "Runde \(runde): site/ fehlt")
            FileManager.default.createFile(atPath: kommune.path, contents: Data(stand == alt ? neuDaten : altDaten))
            let zielen = runde % 2 == 0
            let verzoegerung = Duration.microseconds(Int.random(in: 0...(zielen ? schreiben * 5 / 4 : gesamt)))
            if try Self.abbrechen(projekt, signal: signal, nachZeile: zielen ? "] Darstellen" : nil, verzoegerung: verzoegerung) {
                getroffen += 1
            }

            let danach = try Self.schnappschuss(site)
            #expect(danach != nil, "Runde \(runde): site/ fehlt nach dem Abbruch")
            #expect(danach == alt || danach == neu, "Runde \(runde): site/ ist gemischt (\(verzoegerung))")
            gesehen.insert(danach == alt ? "alt" : danach == neu ? "neu" : "gemischt")
        }
        // What a killed build left behind is cleaned up by the next one.
        FileManager.default.createFile(atPath: kommune.path, contents: Data(altDaten))
        #expect(try Self.ausfuehren(Self.build + ["--project", projekt.path]).status == 0)
        #expect(try Self.schnappschuss(site) == alt)
        let reste = try FileManager.default.contentsOfDirectory(atPath: projekt.path).filter { $0.hasPrefix(".") }
        #expect(reste.isEmpty, "liegen geblieben: \(reste)")
        #expect(!gesehen.contains("gemischt"))
        // Otherwise the test proved nothing: every build had finished before the signal came.
        #expect(getroffen >= 5, "nur \(getroffen) von 20 Läufen wurden vom Signal \(signal) beendet")
    }

    // MARK: (c) sources stay untouched

    @Test("kim build und kim check schreiben nie in data/, templates/, schemas/, assets/", .enabled(if: kim != nil, Comment(rawValue: ohneKim)))
    func quellenUnberuehrt() throws {
        let projekt = try Self.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt.deletingLastPathComponent()) }
        let vorher = try Self.quellen(projekt)
        let eintraegeVorher = try FileManager.default.contentsOfDirectory(atPath: projekt.path).sorted()
        for argumente in [["check"], ["build"], ["build", "--internal"], ["build", "--strict"], ["build", "--as-of", "2021-10-01"]] {
            let lauf = try Self.ausfuehren(argumente + ["--project", projekt.path])
            #expect(lauf.grund == .exit, "\(argumente)")
            #expect(try Self.quellen(projekt) == vorher, "\(argumente) hat die Quellen verändert")
        }
        let neu = Set(try FileManager.default.contentsOfDirectory(atPath: projekt.path)).subtracting(eintraegeVorher)
        #expect(neu.isSubset(of: ["site", "build"]), "angelegt: \(neu.sorted())")
    }

    // MARK: (d) output cannot escape

    @Test("eine Ausgabe in die Quellen oder über das Projekt wird abgelehnt", arguments: ["data", "data/site", "templates/x", "schemas", "assets", ".", ".."])
    func ausgabeInQuellen(_ ziel: String) throws {
        let projekt = try Self.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt.deletingLastPathComponent()) }
        let vorher = try Self.quellen(projekt)
        let ausgabe = projekt.appendingPathComponent(ziel)
        #expect(throws: (any Error).self, "\(ziel)") {
            try Build(Build.Optionen(projekt: projekt, ausgabe: ausgabe)).ausfuehren()
        }
        #expect(try Self.quellen(projekt) == vorher)
        #expect(FileManager.default.fileExists(atPath: projekt.appendingPathComponent("data/kommune.json").path))
    }

    @Test("sichererPfad lässt nichts aus dem Ausgabeordner",
          arguments: ["../../etc", "/etc/passwd", "a//b", "", ".", "a/./b", "a/../../b", "..", "a/", "/"])
    func sichererPfad(_ pfad: String) {
        #expect(throws: AtomicFolderWriter.Failure.self, "\(pfad.debugDescription)") {
            try AtomicFolderWriter.sichererPfad(pfad, in: URL(fileURLWithPath: "/tmp/ausgabe"))
        }
    }

    @Test("sichererPfad: ein NUL im Pfad wird abgelehnt")
    func nulImPfad() {
        #expect(throws: AtomicFolderWriter.Failure.self) {
            try AtomicFolderWriter.sichererPfad("a\u{0}b", in: URL(fileURLWithPath: "/tmp/ausgabe"))
        }
    }

    @Test("sichererPfad nimmt gewöhnliche Pfade an", arguments: ["index.html", "handlungskonzept/1-einleitung.html", "assets/fonts/a.woff2", "..a", "a..b"])
    func gewoehnlicherPfad(_ pfad: String) throws {
        let url = try AtomicFolderWriter.sichererPfad(pfad, in: URL(fileURLWithPath: "/tmp/ausgabe"))
        #expect(url.standardizedFileURL.path.hasPrefix("/tmp/ausgabe/"))
    }

    @Test("zwischen den zwei Umbenennungen abgebrochen (ohne RENAME_EXCHANGE): der nächste Lauf holt die alte Ausgabe zurück")
    func zwischenZweiUmbenennungen() throws {
        let ordner = try Fixtures.temporaererOrdner()
        defer { try? FileManager.default.removeItem(at: ordner) }
        let ziel = ordner.appendingPathComponent("site")
        let schreiber = AtomicFolderWriter(ziel: ziel)
        // What the fallback leaves when killed after moving site/ away and before moving the new one in.
        let alt = ordner.appendingPathComponent(schreiber.temporaerPraefix + "4242-alt")
        let halb = ordner.appendingPathComponent(schreiber.temporaerPraefix + "4242")
        try FileManager.default.createDirectory(at: alt, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: halb, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: alt.appendingPathComponent("index.html").path, contents: Data("alt".utf8))
        FileManager.default.createFile(atPath: halb.appendingPathComponent("index.html").path, contents: Data("halb".utf8))
        schreiber.aufraeumen()
        #expect(try Self.schnappschuss(ziel) == ["index.html": Array("alt".utf8)])
        #expect(try FileManager.default.contentsOfDirectory(atPath: ordner.path) == ["site"])
    }

    @Test("ein Pfad mit .. in der Ausgabe: nichts geschrieben, nichts außerhalb angelegt")
    func schreiberLehntAb() throws {
        let ordner = try Fixtures.temporaererOrdner()
        defer { try? FileManager.default.removeItem(at: ordner) }
        let ziel = ordner.appendingPathComponent("site")
        try AtomicFolderWriter(ziel: ziel).schreiben(["index.html": Array("alt".utf8)])
        #expect(throws: AtomicFolderWriter.Failure.self) {
            try AtomicFolderWriter(ziel: ziel).schreiben(["index.html": Array("neu".utf8), "../entkommen.html": Array("x".utf8)])
        }
        #expect(try Self.schnappschuss(ziel) == ["index.html": Array("alt".utf8)])
        #expect(try FileManager.default.contentsOfDirectory(atPath: ordner.path) == ["site"])
    }
}
