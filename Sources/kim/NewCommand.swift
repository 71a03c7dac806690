import ArgumentParser
import Foundation
import KimModel
import KimPipeline

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Legt neue Daten an, ohne vorhandene Dateien zu überschreiben.",
        subcommands: [NewSitzungCommand.self]
    )
}

struct NewSitzungCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitzung",
        abstract: "Legt das Gerüst der nächsten Sitzung eines Gremiums in data/sitzungen/ an."
    )

    @OptionGroup var projekt: ProjektOptionen

    @Option(help: ArgumentHelp("Kennung des Gremiums, wie in data/gremien.json, z. B. steuerungsgruppe.", valueName: "id"))
    var gremium: String

    @Option(help: ArgumentHelp("Datum der Sitzung (JJJJ-MM-TT).", valueName: "datum"))
    var datum: Stichtag

    func run() throws {
        do {
            let pfad = try NeueSitzung(projekt: projekt.url, gremium: gremium, datum: datum.datum).anlegen()
            Ausgabe.fehlerkanal("\(pfad) angelegt. Tagesordnung ergänzen und mit `kim check` prüfen.")
        } catch {
            Ausgabe.fehlerkanal("Fehler: \(Ausgabe.text(error))")
            throw ExitCode(1)
        }
    }
}
