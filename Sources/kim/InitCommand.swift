import ArgumentParser
import Foundation
import KimModel
import KimPipeline

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Legt ein neues kim-Projekt an, das sofort baut: Daten, Schemas, Kapitel und Textseiten zum Ersetzen. Überschreibt nie eine Datei."
    )

    // Not `ProjektOptionen`: its check asks for data/, which init is about to write.
    @Option(name: .long, help: ArgumentHelp("Ordner des neuen Projekts (Standard: aktueller Ordner); er darf schon bestehen.", valueName: "ordner"))
    var project: String?

    @Option(help: ArgumentHelp("Art der Kommune: \(Projektgeruest.Art.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")).", valueName: "art"))
    var art: String

    @Option(help: ArgumentHelp("Amtliche Bezeichnung, z. B. \"Kreis Beispiel\", \"Stadt Musterstadt\" oder \"Rhein-Sieg-Kreis\".", valueName: "name"))
    var name: String

    func validate() throws {
        guard Projektgeruest.Art(rawValue: art) != nil else {
            throw ValidationError("--art \"\(art)\" gibt es nicht; erlaubt sind \(Projektgeruest.Art.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")).")
        }
    }

    func run() throws {
        let ordner = URL(fileURLWithPath: project ?? ".", isDirectory: true).standardizedFileURL
        let heute = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date())
        guard let art = Projektgeruest.Art(rawValue: art),
              let jahr = heute.year, let monat = heute.month, let tag = heute.day,
              let datum = Datum(jahr: jahr, monat: monat, tag: tag) else {
            throw ExitCode(2)
        }
        let geruest: Projektgeruest
        do {
            geruest = try Projektgeruest(projekt: ordner, art: art, name: name, stand: datum)
        } catch {
            Ausgabe.fehlerkanal("Fehler: \(Ausgabe.text(error))")
            throw ExitCode(2)
        }
        do {
            let geschrieben = try geruest.anlegen()
            if geschrieben.isEmpty {
                Ausgabe.fehlerkanal("\(ordner.path) enthält schon alle Dateien von kim init, genau so, wie es sie anlegen würde; nichts geschrieben.")
            } else {
                Ausgabe.fehlerkanal("\(geschrieben.count) Dateien in \(ordner.path) angelegt (\(geruest.bezeichnung), \(art.rawValue)).")
            }
            Ausgabe.fehlerkanal("Alles mit „[Bitte ersetzen: …]“ durch eigene Angaben ersetzen, \"beispieldaten\": true löschen, sobald die Angaben stimmen; mit `kim check` prüfen, mit `kim serve` ansehen. Anleitung: docs/neue-kommune.md")
        } catch let fehler as Projektgeruest.Schreibfehler {
            // Like a build that cannot write its output: exit 3.
            Ausgabe.fehlerkanal("Fehler: \(fehler.description)")
            throw ExitCode(3)
        } catch {
            // Every problem found, one line each, and nothing written.
            for zeile in Ausgabe.text(error).split(separator: "\n") { Ausgabe.fehlerkanal("Fehler: \(zeile)") }
            Ausgabe.fehlerkanal("kim init hat nichts geschrieben.")
            throw ExitCode(1)
        }
    }
}
