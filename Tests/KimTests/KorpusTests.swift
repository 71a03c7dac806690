import Foundation
import KimModel
import Testing

/// The bad-input corpus in `Tests/Korpus/`: each folder `NN-kurzname` is a broken
/// project, written as an overlay on the reference project.
///
/// - every file below the folder (other than the two below) replaces or adds the
///   file of the same project-relative path, e.g. `data/demografie.json`;
/// - `entfernen.txt` (optional) lists project files to delete, one a line;
/// - `erwartet.txt` lists what `kim check` must say, one a line: each line must be
///   part of a diagnostic's `formatted` text, in the order of the sorted
///   diagnostics (several lines may describe the same diagnostic). A line `OK`
///   means the project must build; a line `= …` is the exact closing count
///   ("3 Fehler, 0 Warnungen in 2 Dateien"); lines starting with `#` explain.
@Suite("Korpus fehlerhafter Projekte")
struct KorpusTests {
    static let ordner = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Korpus")

    static let faelle: [String] = {
        let namen = (try? FileManager.default.contentsOfDirectory(atPath: ordner.path)) ?? []
        return namen.filter { !$0.hasPrefix(".") }.sorted()
    }()

    /// The reference project, read once for all cases.
    static let referenz: Result<[String: [UInt8]], any Error> = Result { try Fixtures.referenzDateien() }

    struct Fall {
        var ueberlagerung: [String: [UInt8]] = [:]
        var entfernen: [String] = []
        var erwartet: [String] = []
        var ok = false
        var zusammenfassung: String?
    }

    static func laden(_ name: String) throws -> Fall {
        let wurzel = ordner.appendingPathComponent(name)
        var fall = Fall()
        guard let aufzaehlung = FileManager.default.enumerator(at: wurzel, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw FixtureError(description: "\(name): Ordner nicht lesbar")
        }
        let praefix = wurzel.standardizedFileURL.path + "/"
        for case let url as URL in aufzaehlung where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            let pfad = String(url.standardizedFileURL.path.dropFirst(praefix.count))
            let inhalt = Array(try Data(contentsOf: url))
            switch pfad {
            case "erwartet.txt":
                for zeile in Fixtures.text(inhalt).split(separator: "\n").map(String.init) where !zeile.hasPrefix("#") && !zeile.isEmpty {
                    if zeile == "OK" {
                        fall.ok = true
                    } else if zeile.hasPrefix("= ") {
                        fall.zusammenfassung = String(zeile.dropFirst(2))
                    } else {
                        fall.erwartet.append(zeile)
                    }
                }
            case "entfernen.txt":
                fall.entfernen = Fixtures.text(inhalt).split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") }
            default:
                fall.ueberlagerung[pfad] = inhalt
            }
        }
        guard fall.ok || !fall.erwartet.isEmpty else {
            throw FixtureError(description: "\(name): erwartet.txt fehlt oder ist leer")
        }
        return fall
    }

    @Test("mindestens 40 fehlerhafte Projekte")
    func umfang() {
        #expect(Self.faelle.count >= 40, "\(Self.ordner.path)")
        #expect(Self.faelle.allSatisfy { $0.wholeMatch(of: /[0-9]{2}-[a-z0-9-]+/) != nil }, "Ordner heißen NN-kurzname")
    }

    @Test("jedes Projekt des Korpus: erwartete Befunde, nichts gebaut", arguments: faelle)
    func fall(_ name: String) throws {
        let fall = try Self.laden(name)
        var dateien = try Self.referenz.get()
        for pfad in fall.entfernen {
            #expect(dateien.removeValue(forKey: pfad) != nil, "\(name)/entfernen.txt: \(pfad) gibt es im Referenzprojekt nicht")
        }
        for (pfad, inhalt) in fall.ueberlagerung {
            dateien[pfad] = inhalt
        }
        let (ausgabe, diagnostics) = Fixtures.pruefen(dateien)
        let gezeigt = diagnostics.map(\.formatted)
        let bericht = "\(name):\n" + (gezeigt.isEmpty ? "(keine Befunde)" : gezeigt.joined(separator: "\n"))

        if fall.ok {
            #expect(ausgabe != nil, "\(bericht)")
            #expect(!diagnostics.hasErrors, "\(bericht)")
        } else {
            #expect(ausgabe == nil, "es wurde trotz Fehler gebaut – \(bericht)")
            #expect(diagnostics.hasErrors, "\(bericht)")
        }
        var ab = 0
        for zeile in fall.erwartet {
            if let treffer = gezeigt[ab...].firstIndex(where: { $0.contains(zeile) }) {
                ab = treffer
            } else {
                let irgendwo = gezeigt.contains { $0.contains(zeile) }
                Issue.record("\(irgendwo ? "in falscher Reihenfolge" : "fehlt"): \(zeile)\n– \(bericht)")
            }
        }
        if let zusammenfassung = fall.zusammenfassung {
            #expect(diagnostics.summary == zusammenfassung, "\(bericht)")
        }
        #expect(diagnostics == diagnostics.sorted(), "Befunde nach Datei und Zeile sortiert – \(bericht)")
        for diagnostic in diagnostics {
            #expect(!diagnostic.file.hasPrefix("/") && !diagnostic.file.contains(".."), "Pfad relativ zum Projekt: \(diagnostic.formatted)")
        }
    }
}
