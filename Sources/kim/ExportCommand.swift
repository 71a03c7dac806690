import ArgumentParser
import Foundation
import KimModel
import KimPipeline
import KimTabellen

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Schreibt Angebote (Anlage 1), Meilensteine (Anlage 2) oder Demografie als Tabelle (.xlsx, .ods, .csv).",
        discussion: """
        Ein Blatt je Liste mit deutschen Spaltenüberschriften, Auswahllisten für Träger, Kategorie, \
        Status, Sozialraum …, dazu »Angaben« (Stand, Quelle …) und »Erläuterungen«. Eine CSV-Datei \
        enthält nur die Hauptliste (für Excel: Semikolon, UTF-8 mit BOM). Zurück mit `kim import`.
        """
    )

    @OptionGroup var projekt: ProjektOptionen

    @Argument(help: ArgumentHelp("angebote, meilensteine oder demografie.", valueName: "liste"))
    var liste: Tabellenplan.Datensatz

    @Argument(help: ArgumentHelp("Zieldatei, z. B. anlage1.xlsx (auch .ods, .csv).", valueName: "datei"))
    var datei: String

    @Flag(name: .long, help: "Eine vorhandene Zieldatei überschreiben.")
    var ersetzen = false

    func validate() throws {
        guard Tabellenformat(dateiname: datei) != nil else {
            throw ValidationError("\(datei): unbekanntes Format; die Zieldatei muss auf .xlsx, .ods oder .csv enden.")
        }
    }

    func run() throws {
        let ziel = URL(fileURLWithPath: datei)
        guard let format = Tabellenformat(dateiname: datei) else { throw ExitCode(2) }
        if FileManager.default.fileExists(atPath: ziel.path), !ersetzen {
            Ausgabe.fehlerkanal("\(datei): Fehler: die Datei gibt es schon (Änderungen darin gingen verloren); mit --ersetzen überschreiben")
            throw ExitCode(1)
        }
        do {
            let bytes = try Tabellenaustausch(projekt: projekt.url).exportieren(liste, format: format)
            try Data(bytes).write(to: ziel, options: .atomic)
        } catch let fehler as Tabellenaustausch.Fehler {
            Ausgabe.melden(fehler.diagnostics)
            throw ExitCode(1)
        } catch {
            // The data are fine, the machine is not (no permission, full disk): exit code 3, as kim build.
            Ausgabe.fehlerkanal("\(datei): Fehler: die Datei konnte nicht geschrieben werden: \(Systemfehler.beschreibung(error))")
            throw ExitCode(3)
        }
        let hinweis = format == .csv ? " (nur die Liste selbst; Träger, Kategorien, Angaben … stehen nur in .xlsx und .ods)" : ""
        Ausgabe.fehlerkanal("\(datei) geschrieben\(hinweis). Bearbeiten, dann: kim import \(liste.rawValue) \(datei)")
    }
}
