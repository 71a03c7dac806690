import Foundation
import KimModel
import KimPipeline
import Testing

/// The printed Handlungskonzept and the Sachstandsbericht, checked with poppler's tools.
@Suite("PDF und Sachstandsbericht", .serialized)
struct PDFTests {
    static func werkzeug(_ name: String, _ argumente: [String]) throws -> String {
        let prozess = Process()
        prozess.executableURL = URL(fileURLWithPath: "/usr/bin/\(name)")
        prozess.arguments = argumente
        let ausgabe = Pipe()
        prozess.standardOutput = ausgabe
        prozess.standardError = FileHandle.nullDevice
        try prozess.run()
        let daten = ausgabe.fileHandleForReading.readDataToEndOfFile()
        prozess.waitUntilExit()
        return String(decoding: daten, as: UTF8.self)
    }

    static func handlungskonzept() throws -> URL {
        let build = Build(Build.Optionen(projekt: Fixtures.referenzprojekt))
        let (projekt, auswertung, diagnostics) = build.auswerten()
        #expect(!diagnostics.hasErrors)
        let pdf = try build.handlungskonzeptPDF(try #require(projekt), try #require(auswertung), fassung: 2)
        let datei = try Fixtures.temporaererOrdner().appendingPathComponent("handlungskonzept.pdf")
        try Data(pdf).write(to: datei)
        return datei
    }

    @Test("das Handlungskonzept: mindestens 15 Seiten, getaggt, alle Schriften eingebettet, Inhaltsverzeichnis mit Seitenzahlen")
    func handlungskonzeptPDF() throws {
        let datei = try Self.handlungskonzept()
        let info = try Self.werkzeug("pdfinfo", [datei.path])
        let seiten = try #require(info.firstMatch(of: /Pages:\s+(\d+)/).flatMap { Int($0.1) })
        #expect(seiten >= 15)
        #expect(info.contains("Tagged:          yes"))
        #expect(info.contains("Title:           Lokales Handlungskonzept"))
        #expect(info.contains("CreationDate:    Tue Aug 30 00:00:00 2022"), "Metadaten-Datum aus der Fassung")
        let schriften = try Self.werkzeug("pdffonts", [datei.path]).split(separator: "\n").dropFirst(2)
        #expect(!schriften.isEmpty)
        for zeile in schriften {
            let spalten = zeile.split(separator: " ", omittingEmptySubsequences: true)
            #expect(spalten.count > 4 && spalten[spalten.count - 5] == "yes", "nicht eingebettet: \(zeile)")
        }
        let text = try Self.werkzeug("pdftotext", ["-layout", datei.path, "-"])
        let einfach = text.replacingOccurrences(of: "\u{00AD}", with: "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(einfach.contains("Integrationspolitik ist eine zentrale Zukunftsaufgabe"))
        #expect(einfach.contains("Datenquelle: Stadt Oberhausen – Bereich 4-5/Statistik"))
        #expect(einfach.contains("Bogumil, J./Hafner, J. 2019"))
        #expect(einfach.contains("212.199"))
        #expect(einfach.contains("Anlage 2: Meilensteinplan"))
        // Page 1 is the title, page 2 the Impressum, page 3 the table of contents.
        let verzeichnis = try Self.werkzeug("pdftotext", ["-f", "3", "-l", "3", "-layout", datei.path, "-"])
        #expect(verzeichnis.contains("Inhaltsverzeichnis"))
        #expect(verzeichnis.firstMatch(of: /1\. Einleitung[ .]+\d+/) != nil, "Seitenzahlen im Inhaltsverzeichnis")
    }

    @Test("kim build --internal schreibt auch das PDF, auf das die internen Seiten verweisen")
    func internesPDF() throws {
        let projekt = try SitzungTests.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt) }
        let lauf = try KommandozeileTests.kim(["build", "--internal", "--project", projekt.path])
        #expect(lauf.status == 0, "\(lauf.ausgabe)")
        let ziel = projekt.appendingPathComponent("build/intern")
        let seite = String(decoding: try Data(contentsOf: ziel.appendingPathComponent("handlungskonzept/index.html")), as: UTF8.self)
        let verweis = try #require(seite.firstMatch(of: /href="\.\.\/(downloads\/[^"]+\.pdf)"/)).1
        let pdf = try Data(contentsOf: ziel.appendingPathComponent(String(verweis)))
        #expect(pdf.starts(with: Data("%PDF".utf8)))
        #expect(!FileManager.default.fileExists(atPath: projekt.appendingPathComponent("site").path), "intern geht nie nach site/")
    }

    @Test("der Sachstandsbericht zum 01.10.2021: ein bis zwei Seiten und die Anlage zum Nachschlagen, nichts davon in site/")
    func sachstandsbericht() throws {
        let projekt = try SitzungTests.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt) }
        let datum = try #require(Datum(iso: "2021-10-01"))
        let (dateien, diagnostics) = try Sachstandsbericht(projekt: projekt, stichtag: datum).erstellen()
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.formatted))")
        #expect(dateien.map(\.lastPathComponent) == ["sachstandsbericht-2021-10-01.html", "sachstandsbericht-2021-10-01.pdf"])
        #expect(dateien.allSatisfy { $0.path.contains("/build/briefings/") })
        #expect(!FileManager.default.fileExists(atPath: projekt.appendingPathComponent("site").path))
        let info = try Self.werkzeug("pdfinfo", [try #require(dateien.last).path])
        let seiten = try #require(info.firstMatch(of: /Pages:\s+(\d+)/).flatMap { Int($0.1) })
        // The report itself and its optional annex page (BriefingTests.zweiSeiten checks where it starts).
        #expect((2...3).contains(seiten), "Regel verletzt: der Sachstandsbericht für den Verwaltungsvorstand hat höchstens zwei A4-Seiten (DESIGN.md: 1–2 Seiten), dazu höchstens eine Seite Anlage; das PDF hat \(seiten) Seiten")
        let html = try String(contentsOf: try #require(dateien.first), encoding: .utf8)
        #expect(html.contains("seit dem letzten Bericht zum <time datetime=\"2021-07-01\">01.07.2021</time>"), "seit dem vorigen Bericht aus data/berichte.json")
        #expect(html.contains("Kernaussagen"))
        let kernaussagen = html.components(separatedBy: "<ul class=\"kernaussagen\">").last?.components(separatedBy: "</ul>").first ?? ""
        #expect((3...5).contains(kernaussagen.components(separatedBy: "<li>").count - 1))
        #expect(html.contains("<h2 id=\"entscheidung\">Entscheidungsbedarf</h2>"))
    }

    @Test("ohne WeasyPrint sagt kim, wie man es installiert")
    func ohneWeasyPrint() throws {
        let kim = Fixtures.referenzprojekt.appendingPathComponent(".build/debug/kim")
        try #require(FileManager.default.isExecutableFile(atPath: kim.path), "kim ist nicht gebaut")
        let projekt = try SitzungTests.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt) }
        let prozess = Process()
        prozess.executableURL = kim
        prozess.arguments = ["pdf", "--project", projekt.path]
        prozess.environment = ["PATH": "/nonexistent"]
        let fehler = Pipe()
        prozess.standardError = fehler
        try prozess.run()
        let meldung = String(decoding: fehler.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        prozess.waitUntilExit()
        #expect(prozess.terminationStatus == 1)
        #expect(meldung.contains("WeasyPrint fehlt"))
        #expect(meldung.contains("apt-get install weasyprint"))
    }

    @Test("kim pdf nach kim build: dasselbe PDF bleibt liegen, der nächste kim build findet nichts geändert")
    func pdfNachBuild() throws {
        let projekt = try Fixtures.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt) }
        let ort = ["--project", projekt.path]
        let gebaut = try KommandozeileTests.kim(["build"] + ort)
        #expect(gebaut.status == 0, "\(gebaut.ausgabe)")
        let pdf = projekt.appendingPathComponent("site").appendingPathComponent(PDFErzeugung.dateiname(fassung: 2))
        let vorher = try FileManager.default.attributesOfItem(atPath: pdf.path)[.systemFileNumber] as? Int
        let erzeugt = try KommandozeileTests.kim(["pdf"] + ort)
        #expect(erzeugt.status == 0 && erzeugt.ausgabe.contains("schon auf dem Stand"), "\(erzeugt.ausgabe)")
        #expect(try FileManager.default.attributesOfItem(atPath: pdf.path)[.systemFileNumber] as? Int == vorher)
        let wieder = try KommandozeileTests.kim(["build"] + ort)
        #expect(wieder.status == 0 && wieder.ausgabe.contains("keine Eingabe geändert"), "\(wieder.ausgabe)")
    }
}
