import ArgumentParser
import Foundation
import KimPipeline

struct SchemasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schemas",
        abstract: "Schreibt kims eingebaute Schemas nach schemas/, damit der Editor die Daten beim Tippen prüft und ergänzt."
    )

    @OptionGroup var projekt: ProjektOptionen

    @Flag(help: "Auch Schemas überschreiben, die vom eingebauten abweichen (eine eigene Fassung des Projekts geht dabei verloren).")
    var ersetzen = false

    func run() throws {
        let eintraege: [Schemaablage.Eintrag]
        do {
            eintraege = try Schemaablage(projekt: projekt.url, ersetzen: ersetzen).schreiben()
        } catch {
            Ausgabe.fehlerkanal("Fehler: die Schemas ließen sich nicht schreiben: \(error.localizedDescription)")
            throw ExitCode(1)
        }
        for zeile in Schemaablage.bericht(eintraege) { Ausgabe.fehlerkanal(zeile) }
    }
}
