import ArgumentParser
import Foundation
import KimModel
import KimPipeline

struct PDFCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pdf",
        abstract: "Erzeugt das Handlungskonzept als PDF (A4, PDF/UA) nach site/downloads/."
    )

    @OptionGroup var projekt: ProjektOptionen

    @Option(help: ArgumentHelp("Nummer der Fassung; Standard: die aktuelle.", valueName: "nummer"))
    var fassung: Int?

    func run() throws {
        let build = Build(Build.Optionen(projekt: projekt.url))
        let (geladen, auswertung, diagnostics) = build.auswerten()
        guard let geladen, let auswertung else {
            Ausgabe.melden(diagnostics)
            throw ExitCode(1)
        }
        let nummer = fassung ?? auswertung.aktuelleFassung.nummer
        guard geladen.handlungskonzept.fassungen.contains(where: { $0.nummer == nummer }) else {
            Ausgabe.fehlerkanal("Fehler: Fassung \(nummer) gibt es nicht; vorhanden: \(geladen.handlungskonzept.fassungen.map { String($0.nummer) }.joined(separator: ", "))")
            throw ExitCode(2)
        }
        do {
            let pdf = try build.handlungskonzeptPDF(geladen, auswertung, fassung: nummer)
            let ziel = projekt.url.appendingPathComponent("site").appendingPathComponent(PDFErzeugung.dateiname(fassung: nummer))
            // The PDF kim build already wrote stays as it is: a new file in its place would tell the next
            // kim build that site/ is no longer what it left (build/site.vermerk), and it would build again.
            if let vorhanden = try? Data(contentsOf: ziel), Array(vorhanden) == pdf {
                Ausgabe.fehlerkanal("\(ziel.path) ist schon auf dem Stand (\(pdf.count / 1024) KB).")
                return
            }
            try FileManager.default.createDirectory(at: ziel.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(pdf).write(to: ziel, options: .atomic)
            Ausgabe.fehlerkanal("\(ziel.path) geschrieben (\(pdf.count / 1024) KB).")
        } catch {
            Ausgabe.fehlerkanal("Fehler: \(Ausgabe.text(error))")
            throw ExitCode(1)
        }
    }
}
