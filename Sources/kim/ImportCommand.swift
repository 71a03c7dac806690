import ArgumentParser
import Foundation
import KimModel
import KimPipeline
import KimTabellen

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Liest Angebote, Meilensteine oder Demografie aus einer Tabelle (.xlsx, .ods, .csv) nach data/.",
        discussion: """
        Prüft wie `kim check` und meldet jeden Fehler mit Blatt und Zelle (anlage1.xlsx:Angebote!C7). \
        Geschrieben wird nur ohne Fehler; eine vorhandene Datei nur mit --ersetzen, die bisherige \
        bleibt dann als data/<liste>.json.bak daneben.
        """
    )

    @OptionGroup var projekt: ProjektOptionen

    @Argument(help: ArgumentHelp("angebote, meilensteine oder demografie.", valueName: "liste"))
    var liste: Tabellenplan.Datensatz

    @Argument(help: ArgumentHelp("Die Tabelle, z. B. anlage1.xlsx (auch .ods, .csv).", valueName: "datei"))
    var datei: String

    @Flag(name: .long, help: "Die vorhandene Datei in data/ ersetzen (die bisherige bleibt als .bak daneben).")
    var ersetzen = false

    func run() throws {
        let ergebnis = Tabellenaustausch(projekt: projekt.url)
            .importieren(liste, aus: URL(fileURLWithPath: datei), anzeigename: datei, ersetzen: ersetzen)
        for diagnostic in ergebnis.diagnostics {
            Ausgabe.fehlerkanal(diagnostic.formatted)
        }
        if ergebnis.diagnostics.hasErrors {
            let fehler = ergebnis.diagnostics.filter { $0.severity == .error }.count
            let warnungen = ergebnis.diagnostics.count - fehler
            Ausgabe.fehlerkanal("\(fehler) Fehler, \(warnungen) \(warnungen == 1 ? "Warnung" : "Warnungen"); nichts geschrieben.")
            throw ExitCode(1)
        }
        if let schreibfehler = ergebnis.schreibfehler {
            Ausgabe.fehlerkanal("Fehler: \(schreibfehler); \(liste.datei) ist unverändert.")
            throw ExitCode(3)
        }
        for zeile in ergebnis.aenderungen {
            Ausgabe.fehlerkanal("  " + zeile)
        }
        if ergebnis.unveraendert {
            Ausgabe.fehlerkanal("\(liste.datei) ist schon auf diesem Stand; nichts geschrieben.")
        } else if ergebnis.geschrieben {
            let sicherung = ergebnis.sicherung.map { "; die bisherige Fassung liegt in \($0)" } ?? ""
            Ausgabe.fehlerkanal("\(liste.datei) geschrieben\(sicherung). Ansehen mit: kim serve")
        } else if ergebnis.vorhanden {
            Ausgabe.fehlerkanal("\(liste.datei) gibt es schon; nichts geschrieben. Mit --ersetzen übernehmen (die bisherige Fassung bleibt als .bak daneben).")
            throw ExitCode(1)
        }
    }
}
