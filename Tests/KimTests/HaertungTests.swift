import Foundation
import KimLoad
import KimModel
import KimPipeline
import KimVorgaben
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 16: a hostile project or a broken machine. Nothing from outside the project is published,
/// builds that meet each other or a read-only folder stay correct, WeasyPrint dies with kim.
@Suite("Gehärtet gegen feindliche Projekte und kaputte Maschinen", .serialized)
struct HaertungTests {
    static let kimDa = AbbruchTests.kim != nil

    /// `chmod` means nothing to root: the runs that need it go as user nobody (65534) when the tests run as root.
    static func alsNutzer(_ argumente: [String], projekt: URL) throws -> AbbruchTests.Lauf {
        let kim = try #require(AbbruchTests.kim)
        let prozess = Process()
        if getuid() == 0 {
            _ = try ausfuehren("/bin/chown", ["-R", "65534:65534", projekt.deletingLastPathComponent().path])
            prozess.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            prozess.arguments = ["--reuid", "65534", "--regid", "65534", "--clear-groups", kim.path] + argumente
        } else {
            prozess.executableURL = kim
            prozess.arguments = argumente
        }
        let fehler = Pipe()
        prozess.standardError = fehler
        prozess.standardOutput = FileHandle.nullDevice
        try prozess.run()
        let text = String(decoding: fehler.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        prozess.waitUntilExit()
        return AbbruchTests.Lauf(status: prozess.terminationStatus, grund: prozess.terminationReason, fehlerausgabe: text, ausgabe: "")
    }

    @discardableResult
    static func ausfuehren(_ programm: String, _ argumente: [String]) throws -> Int32 {
        let prozess = Process()
        prozess.executableURL = URL(fileURLWithPath: programm)
        prozess.arguments = argumente
        try prozess.run()
        prozess.waitUntilExit()
        return prozess.terminationStatus
    }

    @Test("symbolische Verweise aus dem Projekt heraus sind Fehler an ihrem Pfad, nichts davon wird veröffentlicht")
    func verweise() throws {
        let projekt = try AbbruchTests.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt.deletingLastPathComponent()) }
        let fm = FileManager.default
        // The project's own assets folder (the defaults are built in), with its own kim.css for the link below.
        try Fixtures.eigeneKopie(projekt, "assets/kim.css")
        try fm.createSymbolicLink(atPath: projekt.appendingPathComponent("assets/passwd.css").path, withDestinationPath: "/etc/passwd")
        try fm.createSymbolicLink(atPath: projekt.appendingPathComponent("assets/loop").path, withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: projekt.appendingPathComponent("assets/selbst").path, withDestinationPath: ".")
        try fm.createSymbolicLink(atPath: projekt.appendingPathComponent("templates/texte/hostname.md").path, withDestinationPath: "/etc/hostname")
        try fm.createSymbolicLink(atPath: projekt.appendingPathComponent("data/sitzungen/fremd.json").path, withDestinationPath: "/etc/hostname")
        // Inside its own folder a link is fine: it is resolved and stays in assets/.
        try fm.createSymbolicLink(atPath: projekt.appendingPathComponent("assets/kopie.css").path, withDestinationPath: "kim.css")
        let (projektDaten, befunde) = ProjectLoader.load(ProjectFiles.disk(projekt).ueberlagert(Vorgaben.dateien))
        let fehler = befunde.filter { $0.severity == .error }.map(\.formatted)
        for pfad in ["assets/passwd.css", "assets/loop", "templates/texte/hostname.md", "data/sitzungen/fremd.json"] {
            #expect(fehler.contains { $0.hasPrefix("\(pfad): Fehler: der symbolische Verweis führt aus dem Ordner heraus") }, "\(pfad): \(fehler)")
        }
        #expect(fehler.contains { $0.hasPrefix("assets/selbst: Fehler: der symbolische Verweis zeigt auf einen Ordner, der ihn selbst enthält") })
        #expect(fehler.count == 5, "\(fehler)")
        #expect(projektDaten?.assets["assets/kopie.css"] != nil)
        #expect(projektDaten?.assets.keys.contains { $0.hasPrefix("assets/loop") || $0.hasPrefix("assets/selbst") } == false)
    }

    @Test("ein Datenordner ohne Leserecht ist ein Fehler, keine leere Liste", .enabled(if: kimDa))
    func unlesbarerOrdner() throws {
        let projekt = try AbbruchTests.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt.deletingLastPathComponent()) }
        try Self.ausfuehren("/bin/chmod", ["000", projekt.appendingPathComponent("data/sitzungen").path])
        let lauf = try Self.alsNutzer(["check", "--project", projekt.path], projekt: projekt)
        #expect(lauf.status == 1)
        #expect(lauf.fehlerausgabe.contains("data/sitzungen: Fehler: der Ordner ist nicht lesbar: keine Berechtigung"), "\(lauf.fehlerausgabe)")
    }

    @Test("ein schreibgeschütztes site/: Exit-Code 3, klare Meldung, site/ unverändert, kein .site.kim-tmp-*", .enabled(if: kimDa))
    func schreibgeschuetzt() throws {
        let projekt = try AbbruchTests.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt.deletingLastPathComponent()) }
        let site = projekt.appendingPathComponent("site")
        #expect(try Build(Build.Optionen(projekt: projekt)).ausfuehren().geschrieben)
        let vorher = try AbbruchTests.schnappschuss(site)
        for ordner in [site, site.appendingPathComponent("downloads")] {
            try Self.ausfuehren("/bin/chmod", ["a-w", ordner.path])
        }
        let lauf = try Self.alsNutzer(AbbruchTests.build + ["--project", projekt.path], projekt: projekt)
        #expect(lauf.status == 3, "\(lauf.fehlerausgabe)")
        #expect(lauf.fehlerausgabe.contains("ist schreibgeschützt; kim kann site/ nicht ersetzen"), "\(lauf.fehlerausgabe)")
        #expect(try AbbruchTests.schnappschuss(site) == vorher)
        #expect(try FileManager.default.contentsOfDirectory(atPath: projekt.path).filter { $0.contains("kim-tmp") }.isEmpty)
    }

    @Test("zwei Builds zugleich: der zweite wartet und lässt den Zwischenordner des ersten in Ruhe", .enabled(if: kimDa))
    func gleichzeitig() throws {
        let projekt = try AbbruchTests.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt.deletingLastPathComponent()) }
        // The test plays the first build: it holds the lock and has its temporary folder.
        let sperre = open(projekt.path, O_RDONLY | O_DIRECTORY)
        #expect(flock(sperre, LOCK_EX) == 0)
        let fremd = projekt.appendingPathComponent(".site.kim-tmp-\(getpid())")
        try FileManager.default.createDirectory(at: fremd, withIntermediateDirectories: true)
        let prozess = try AbbruchTests.prozess(AbbruchTests.build + ["--project", projekt.path])
        let fehler = Pipe()
        prozess.standardError = fehler
        prozess.standardOutput = FileHandle.nullDevice
        try prozess.run()
        var gelesen = ""
        while !gelesen.contains("Ein anderer kim-Lauf schreibt gerade") {
            let stueck = fehler.fileHandleForReading.availableData
            if stueck.isEmpty { break }
            gelesen += String(decoding: stueck, as: UTF8.self)
        }
        #expect(gelesen.contains("Ein anderer kim-Lauf schreibt gerade"), "\(gelesen)")
        Thread.sleep(forTimeInterval: 0.5)
        #expect(prozess.isRunning, "der zweite Build wartet nicht")
        #expect(FileManager.default.fileExists(atPath: fremd.path), "der Zwischenordner des ersten Builds wurde gelöscht")
        try FileManager.default.removeItem(at: fremd)
        close(sperre)
        _ = fehler.fileHandleForReading.readDataToEndOfFile()
        prozess.waitUntilExit()
        #expect(prozess.terminationStatus == 0)
        #expect(FileManager.default.fileExists(atPath: projekt.appendingPathComponent("site/index.html").path))
    }

    @Test("nach SIGKILL läuft kein WeasyPrint weiter; Reste in build/cache räumt der nächste Lauf weg",
          .enabled(if: kimDa && PDFErzeugungProbe.weasyprintDa))
    func weasyprintStirbtMit() throws {
        let projekt = try AbbruchTests.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt.deletingLastPathComponent()) }
        let prozess = try AbbruchTests.prozess(["pdf", "--project", projekt.path])
        prozess.standardError = FileHandle.nullDevice
        prozess.standardOutput = FileHandle.nullDevice
        try prozess.run()
        var kinder: [Int32] = []
        for _ in 0..<600 where kinder.isEmpty {
            Thread.sleep(forTimeInterval: 0.05)
            kinder = PDFErzeugungProbe.weasyprintProzesse(mit: projekt.path)
        }
        #expect(!kinder.isEmpty, "WeasyPrint lief nicht an")
        kill(prozess.processIdentifier, SIGKILL)
        prozess.waitUntilExit()
        Thread.sleep(forTimeInterval: 1)
        #expect(PDFErzeugungProbe.weasyprintProzesse(mit: projekt.path).isEmpty, "WeasyPrint läuft nach dem Tod von kim weiter")
        let cache = projekt.appendingPathComponent("build/cache")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path).contains { $0.contains(".tmp-") })
        PDFErzeugung.aufraeumen(cache)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.contains(".tmp-") }.isEmpty)
    }
}

enum PDFErzeugungProbe {
    static let weasyprintDa = FileManager.default.isExecutableFile(atPath: "/usr/bin/weasyprint")

    /// Processes whose command line names WeasyPrint and `pfad`.
    static func weasyprintProzesse(mit pfad: String) -> [Int32] {
        let eintraege = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return eintraege.compactMap { Int32($0) }.filter { pid in
            guard let roh = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            let zeile = String(decoding: roh.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
            return zeile.contains("weasyprint") && zeile.contains(pfad) && !zeile.contains("setpriv")
        }
    }
}
