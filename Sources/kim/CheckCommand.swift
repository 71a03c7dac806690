import ArgumentParser
import Foundation
import KimModel
import KimPipeline

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Prüft Daten und Vorlagen – Website, PDF und Sachstandsbericht –, ohne etwas zu schreiben."
    )

    @OptionGroup var projekt: ProjektOptionen

    @Flag(name: .long, help: "Warnungen wie Fehler behandeln.")
    var strict = false

    func run() throws {
        let diagnostics = Build(Build.Optionen(projekt: projekt.url, streng: strict)).allesPruefen()
        Ausgabe.melden(diagnostics)
        if diagnostics.hasErrors || (strict && !diagnostics.isEmpty) {
            throw ExitCode(1)
        }
    }
}
