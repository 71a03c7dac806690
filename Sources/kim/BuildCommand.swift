import ArgumentParser
import Foundation
import KimModel
import KimPipeline
import KimWrite

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Prüft das Projekt und schreibt die Website nach site/ (mit --internal nach build/intern/)."
    )

    @OptionGroup var projekt: ProjektOptionen

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Stichtag für Status und Fristen (JJJJ-MM-TT); Standard: Datum der aktuellen Fassung.", valueName: "datum"))
    var asOf: Stichtag?

    @Flag(name: .customLong("internal"), help: "Auch nicht öffentliche Inhalte, nach build/intern/.")
    var intern = false

    @Flag(name: .long, help: "Warnungen wie Fehler behandeln.")
    var strict = false

    @Flag(name: .customLong("no-pdf"), help: "Das PDF nicht neu erzeugen (schnelle Vorschau); ein vorhandenes bleibt erhalten.")
    var ohnePDF = false

    func run() throws {
        let optionen = Build.Optionen(projekt: projekt.url, stichtag: asOf?.datum, intern: intern, streng: strict, pdf: !ohnePDF)
        let ergebnis: Build.Ergebnis
        do {
            ergebnis = try Build(optionen, protokoll: Ausgabe.fehlerkanal).ausfuehren()
        } catch let fehler as AtomicFolderWriter.Failure {
            // The project is fine, the machine is not (read-only folder, full disk): exit code 3.
            Ausgabe.fehlerkanal("Fehler: \(fehler)")
            Ausgabe.fehlerkanal("Nichts geschrieben; \(optionen.zielordner.path) ist unverändert.")
            throw ExitCode(3)
        } catch {
            Ausgabe.fehlerkanal("Fehler: \(Ausgabe.text(error))")
            throw ExitCode(1)
        }
        Ausgabe.melden(ergebnis.diagnostics)
        guard ergebnis.geschrieben else {
            Ausgabe.fehlerkanal("Nichts geschrieben; \(optionen.zielordner.path) ist unverändert.")
            throw ExitCode(1)
        }
        let bericht = ergebnis.schreibbericht
        if ergebnis.eingabenUnveraendert {
            Ausgabe.fehlerkanal("\(optionen.zielordner.path) ist schon auf dem Stand: seit dem letzten Lauf hat sich keine Eingabe geändert (\(ergebnis.dateien) Dateien, nichts neu erzeugt).")
        } else if bericht.unveraendert {
            Ausgabe.fehlerkanal("\(optionen.zielordner.path) ist schon auf dem Stand (\(ergebnis.dateien) Dateien, keine neu geschrieben).")
        } else if bericht.verknuepft > 0 {
            let behalten = ergebnis.behalteneSeiten > 0 ? " (davon \(ergebnis.behalteneSeiten) \(ergebnis.behalteneSeiten == 1 ? "Datei" : "Dateien"), die die Änderung nicht betrifft, ohne sie neu darzustellen)" : ""
            Ausgabe.fehlerkanal("\(ergebnis.dateien) Dateien nach \(optionen.zielordner.path): \(bericht.geschrieben) neu geschrieben, \(bericht.verknuepft) unverändert übernommen\(behalten).")
        } else {
            Ausgabe.fehlerkanal("\(ergebnis.dateien) Dateien nach \(optionen.zielordner.path) geschrieben.")
        }
    }
}
