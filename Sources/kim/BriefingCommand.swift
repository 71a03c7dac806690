import ArgumentParser
import Foundation
import KimModel
import KimPipeline

struct BriefingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "briefing",
        abstract: "Erstellt den Sachstandsbericht für den Verwaltungsvorstand (HTML und PDF) nach build/briefings/; intern, nie nach site/."
    )

    @OptionGroup var projekt: ProjektOptionen

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Stand des Berichts (JJJJ-MM-TT).", valueName: "datum"))
    var asOf: Stichtag

    @Option(help: ArgumentHelp("Berichtszeitraum seit (JJJJ-MM-TT); Standard: Stand des vorigen Berichts in data/berichte.json.", valueName: "datum"))
    var since: Stichtag?

    @Flag(name: .customLong("no-pdf"), help: "Nur HTML.")
    var ohnePDF = false

    func run() throws {
        do {
            let (dateien, diagnostics) = try Sachstandsbericht(projekt: projekt.url, stichtag: asOf.datum, seit: since?.datum).erstellen(pdf: !ohnePDF)
            if dateien.isEmpty {
                Ausgabe.melden(diagnostics)
                throw ExitCode(1)
            }
            // Warnings (a milestone awaiting a decision without a proposal) matter for the report too.
            if !diagnostics.isEmpty { Ausgabe.melden(diagnostics) }
            for datei in dateien { Ausgabe.fehlerkanal("\(datei.path) geschrieben.") }
        } catch let fehler as ExitCode {
            throw fehler
        } catch {
            Ausgabe.fehlerkanal("Fehler: \(Ausgabe.text(error))")
            throw ExitCode(1)
        }
    }
}
