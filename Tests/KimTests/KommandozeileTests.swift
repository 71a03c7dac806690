import Foundation
import Testing

/// `kim` as an author runs it: exit codes and what it prints.
@Suite("Kommandozeile", .serialized)
struct KommandozeileTests {
    static func kim(_ argumente: [String]) throws -> (status: Int32, ausgabe: String) {
        let programm = Fixtures.referenzprojekt.appendingPathComponent(".build/debug/kim")
        try #require(FileManager.default.isExecutableFile(atPath: programm.path), "kim ist nicht gebaut")
        let prozess = Process()
        prozess.executableURL = programm
        prozess.arguments = argumente
        let kanal = Pipe()
        prozess.standardError = kanal
        prozess.standardOutput = kanal
        try prozess.run()
        let daten = kanal.fileHandleForReading.readDataToEndOfFile()
        prozess.waitUntilExit()
        return (prozess.terminationStatus, String(decoding: daten, as: UTF8.self))
    }

    @Test("0 ohne Fehler, 1 bei Inhaltsfehlern, 2 bei falschem Aufruf")
    func exitCodes() throws {
        let projekt = try SitzungTests.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt) }
        let sauber = try Self.kim(["check", "--project", projekt.path])
        #expect(sauber.status == 0, "\(sauber.ausgabe)")
        #expect(sauber.ausgabe.contains("0 Fehler"))
        #expect(try Self.kim(["check", "--project", projekt.path, "--strict"]).status == 1, "Warnungen brechen mit --strict ab")

        let datei = projekt.appendingPathComponent("data/demografie.json")
        let text = try String(contentsOf: datei, encoding: .utf8)
        try text.replacingOccurrences(of: "\"insgesamt\": 27143", with: "\"insgesamt\": \"27.143\"").write(to: datei, atomically: true, encoding: .utf8)
        let kaputt = try Self.kim(["check", "--project", projekt.path])
        #expect(kaputt.status == 1)
        #expect(kaputt.ausgabe.contains("data/demografie.json:"))
        #expect(kaputt.ausgabe.contains("Fehler: \"insgesamt\" muss eine ganze Zahl ≥ 0 sein, gefunden: \"27.143\" (Text)"))
        #expect(kaputt.ausgabe.contains("Tausenderpunkt"))
        #expect(!FileManager.default.fileExists(atPath: projekt.appendingPathComponent("site").path), "check schreibt nichts")

        #expect(try Self.kim(["build", "--gibtsnicht"]).status == 2)
        #expect(try Self.kim(["build", "--as-of", "31.12.2019", "--project", projekt.path]).status == 2)
        #expect(try Self.kim(["check", "--project", "/nonexistent-kim-projekt"]).status == 2)
    }
}

/// Every free-text field of every data file with hostile content: the site builds,
/// shows it as text and holds nothing a browser would execute.
@Suite("Feindliche Texte in allen Feldern")
struct FeindlicheTexteTests {
    /// Keys whose values are ids, references, dates, enumerations or addresses: the schemas
    /// rightly reject markup there, so they keep their values.
    static let gebunden: Set<String> = [
        "$schema", "id", "stand", "stichtag", "datum", "beginn", "ende", "frist", "erledigtAm", "gefoerdertBis", "ab", "pruefdatum",
        "vorgelegtAm", "status", "ergebnis", "art", "kategorie", "traeger", "gremium", "sozialraum", "sozialraeume", "nummer", "slug",
        "vorlage", "basisUrl", "plz", "web", "email", "telefon", "url", "handlungsfeld", "zielgruppen", "meilensteine", "gremien",
        "dachverband", "buchstabe", "beschlussfassung", "tabelle", "wert", "indikator", "lizenz", "regionalschluessel", "code", "richtung",
        // data/berichte.json: dates, an enumeration and Gremium references
        "seit", "behobenAm", "entschiedenAm", "sitzung", "einschaetzung", "empfaenger", "leitgremium", "meilenstein", "urspruenglichesEnde",
        // data/handlungskonzept.json: corrections become part of a template, so their schema allows plain text only
        "original", "korrigiert",
    ]
    static let feindlich = "<script>alert(1)</script><img src=x onerror=alert(2)>[x](javascript:alert(3)) *a* _b_ & \"q\" 'q'"

    static func vergiften(_ wert: Any, schluessel: String?) -> Any {
        switch wert {
        case let text as String:
            guard let schluessel, !gebunden.contains(schluessel) else { return text }
            return text + " " + feindlich
        case let liste as [Any]:
            return liste.map { vergiften($0, schluessel: schluessel) }
        case let objekt as [String: Any]:
            var kopie = objekt
            for (name, inhalt) in objekt { kopie[name] = vergiften(inhalt, schluessel: name) }
            return kopie
        default:
            return wert
        }
    }

    @Test func nichtsAusfuehrbares() throws {
        var dateien = try Fixtures.referenzDateien()
        for pfad in dateien.keys where pfad.hasPrefix("data/") && pfad.hasSuffix(".json") {
            let objekt = try JSONSerialization.jsonObject(with: Data(dateien[pfad] ?? []))
            dateien[pfad] = Array(try JSONSerialization.data(withJSONObject: Self.vergiften(objekt, schluessel: nil), options: [.sortedKeys]))
        }
        let (ausgabe, diagnostics) = Fixtures.pruefen(dateien)
        #expect(!diagnostics.hasErrors, "\(diagnostics.filter { $0.severity == .error }.prefix(5).map(\.formatted))")
        let site = try #require(ausgabe)
        var gezeigt = 0
        for (pfad, bytes) in site where pfad.hasSuffix(".html") || pfad.hasSuffix(".xml") || pfad.hasSuffix(".svg") {
            // The search pages (German and one per language) load the site's own search script; nothing else may.
            let text = String(decoding: bytes, as: UTF8.self)
                .replacingOccurrences(of: "<script type=\"module\" src=\"assets/suche.js\"></script>", with: "")
                .replacingOccurrences(of: "<script type=\"module\" src=\"../assets/suche.js\"></script>", with: "")
            #expect(!text.contains("<script"), "\(pfad): <script>")
            #expect(!text.contains("<img"), "\(pfad): <img>")
            #expect(!text.lowercased().contains("href=\"javascript:"), "\(pfad): javascript:-Link")
            // Attribute values are quoted and their quotes escaped: blank them, then look for handler attributes.
            let ohneWerte = text.replacing(/"[^"]*"/, with: "\"\"")
            #expect(ohneWerte.firstMatch(of: /<[^>]*\son[a-z]+\s*=/) == nil, "\(pfad): Event-Handler")
            if text.contains("&lt;script&gt;alert(1)&lt;/script&gt;") { gezeigt += 1 }
        }
        #expect(gezeigt > 20, "der Text erscheint sichtbar als Text")
        // In the catalogue every quote of the text is escaped, so no literal ends early.
        let katalog = String(decoding: site["katalog.ttl"] ?? [], as: UTF8.self)
        #expect(katalog.contains("& \\\"q\\\" 'q'"))
        #expect(!katalog.contains("& \"q\""))
    }
}

@Suite("Kommandozeile auf Deutsch")
struct AufrufmeldungTests {
    @Test("Aufruffehler und Hilfe von argument-parser erscheinen deutsch, mit deutscher Aufrufzeile, Exit-Code 2")
    func deutscheAufrufmeldungen() throws {
        let faelle: [([String], [String])] = [
            (["build", "--bogus"], ["Fehler: unbekannte Option '--bogus'", "Aufruf: kim build [--project <ordner>]", "Mehr dazu: kim build --help"]),
            (["import"], ["Fehler: es fehlt das Argument '<liste>'", "Aufruf: kim import"]),
            (["build", "--as-of", "gestern"], ["Fehler: der Wert 'gestern' passt nicht zu '--as-of <datum>'"]),
        ]
        for (argumente, erwartet) in faelle {
            let lauf = try KommandozeileTests.kim(argumente)
            #expect(lauf.status == 2, "\(argumente): \(lauf.ausgabe)")
            for zeile in erwartet { #expect(lauf.ausgabe.contains(zeile), "\(argumente): \(lauf.ausgabe)") }
            for englisch in ["Error:", "Usage:", "See '", "Missing", "Unknown", "The value"] {
                #expect(!lauf.ausgabe.contains(englisch), "\(argumente): \(lauf.ausgabe)")
            }
        }
        let hilfe = try KommandozeileTests.kim(["--help"])
        #expect(hilfe.status == 0)
        #expect(hilfe.ausgabe.contains("AUFRUF: kim <befehl>") && hilfe.ausgabe.contains("BEFEHLE:") && hilfe.ausgabe.contains("Zeigt diese Hilfe."), "\(hilfe.ausgabe)")
        #expect(!hilfe.ausgabe.contains("USAGE") && !hilfe.ausgabe.contains("Show help"))
        // Every command's help: no phrase of argument-parser's English left, wrapped lines included.
        for befehl in [["init"], ["build"], ["serve"], ["new"], ["new", "sitzung"], ["export"]] {
            let lauf = try KommandozeileTests.kim(befehl + ["--help"])
            for englisch in ["See '", "default:", "detailed help", "USAGE", "OPTIONS"] {
                #expect(!lauf.ausgabe.contains(englisch), "kim \(befehl.joined(separator: " ")) --help: \(lauf.ausgabe)")
            }
        }
    }
}
