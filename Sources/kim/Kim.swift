import ArgumentParser
import Foundation
import KimModel
import KimPipeline
import KimServe

@main
struct Kim: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kim",
        abstract: "Veröffentlicht das Kommunale Integrationsmanagement (KIM NRW) einer Kommune: Website, Handlungskonzept, Berichte.",
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, PDFCommand.self, BriefingCommand.self, NewCommand.self]
    )

    /// Exit codes as the design asks: 0 clean, 1 content errors, 2 usage errors
    /// (argument-parser's own default for usage errors is 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asynchron = command as? AsyncParsableCommand {
                try await asynchron.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                Foundation.exit(0)
            }
            if !message.isEmpty { Ausgabe.fehlerkanal(message) }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

struct ProjektOptionen: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Projektordner (Standard: aktueller Ordner).", valueName: "ordner"))
    var project: String = "."

    var url: URL { URL(fileURLWithPath: project, isDirectory: true).standardizedFileURL }

    func validate() throws {
        var istOrdner: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.appendingPathComponent("data").path, isDirectory: &istOrdner), istOrdner.boolValue else {
            throw ValidationError("\(url.path) ist kein kim-Projekt: der Ordner data/ fehlt. Im Projektordner aufrufen oder --project angeben.")
        }
    }
}

struct Stichtag: ExpressibleByArgument {
    let datum: Datum
    init?(argument: String) {
        guard let datum = Datum(iso: argument) else { return nil }
        self.datum = datum
    }
}

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
        let optionen = Build.Optionen(projekt: projekt.url, stichtag: asOf?.datum, intern: intern, streng: strict, pdf: !ohnePDF && !intern)
        let ergebnis: Build.Ergebnis
        do {
            ergebnis = try Build(optionen, protokoll: Ausgabe.fehlerkanal).ausfuehren()
        } catch {
            Ausgabe.fehlerkanal("Fehler: \(error)")
            throw ExitCode(1)
        }
        Ausgabe.melden(ergebnis.diagnostics)
        guard ergebnis.geschrieben else {
            Ausgabe.fehlerkanal("Nichts geschrieben; \(optionen.zielordner.path) ist unverändert.")
            throw ExitCode(1)
        }
        Ausgabe.fehlerkanal("\(ergebnis.dateien) Dateien nach \(optionen.zielordner.path) geschrieben.")
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Prüft Daten und Vorlagen, ohne etwas zu schreiben."
    )

    @OptionGroup var projekt: ProjektOptionen

    @Flag(name: .long, help: "Warnungen wie Fehler behandeln.")
    var strict = false

    func run() throws {
        let (_, diagnostics) = Build(Build.Optionen(projekt: projekt.url, streng: strict)).pruefen()
        Ausgabe.melden(diagnostics)
        if diagnostics.hasErrors || (strict && !diagnostics.isEmpty) {
            throw ExitCode(1)
        }
    }
}

enum Ausgabe {
    static let fehlerkanal: @Sendable (String) -> Void = { zeile in
        FileHandle.standardError.write(Data((zeile + "\n").utf8))
    }

    static func melden(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            fehlerkanal(diagnostic.formatted)
        }
        fehlerkanal(diagnostics.isEmpty ? "Keine Fehler gefunden." : diagnostics.summary)
    }
}

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

    @Option(help: ArgumentHelp("Kennung des Gremiums, z. B. lenkungskreis.", valueName: "id"))
    var gremium: String

    @Option(help: ArgumentHelp("Datum der Sitzung (JJJJ-MM-TT).", valueName: "datum"))
    var datum: Stichtag

    func run() throws {
        do {
            let pfad = try NeueSitzung(projekt: projekt.url, gremium: gremium, datum: datum.datum).anlegen()
            Ausgabe.fehlerkanal("\(pfad) angelegt. Tagesordnung ergänzen und mit `kim check` prüfen.")
        } catch {
            Ausgabe.fehlerkanal("Fehler: \(error)")
            throw ExitCode(1)
        }
    }
}

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Zeigt die Website als Vorschau auf http://127.0.0.1:8000 und baut bei jeder Änderung neu; schreibt nichts."
    )

    @OptionGroup var projekt: ProjektOptionen

    @Option(help: "Port der Vorschau.")
    var port: UInt16 = 8000

    @Option(help: "Adresse, auf der die Vorschau lauscht; Standard nur dieser Rechner.")
    var host: String = "127.0.0.1"

    func run() async throws {
        let server = Vorschauserver(projekt: projekt.url, port: port, host: host, protokoll: Ausgabe.fehlerkanal)
        let (http, beobachtung) = try await server.starten()
        Ausgabe.fehlerkanal("Vorschau: http://\(host):\(port)/ – beenden mit Strg+C")
        let signale = Signale()
        let lauf = Task { try await http.run() }
        await signale.warten()
        Ausgabe.fehlerkanal("Vorschau wird beendet …")
        beobachtung.cancel()
        await http.stop(timeout: 1)
        lauf.cancel()
    }
}

/// Waits for Ctrl-C or SIGTERM, so the server can shut down cleanly.
final class Signale: Sendable {
    func warten() async {
        await withCheckedContinuation { (fortsetzung: CheckedContinuation<Void, Never>) in
            let quellen = [SIGINT, SIGTERM].map { signal -> DispatchSourceSignal in
                Foundation.signal(signal, SIG_IGN)
                return DispatchSource.makeSignalSource(signal: signal, queue: .global())
            }
            let einmal = Einmal(fortsetzung)
            for quelle in quellen {
                quelle.setEventHandler { einmal.ausloesen(); quellen.forEach { $0.cancel() } }
                quelle.resume()
            }
        }
    }
}

/// Resumes a continuation once, whichever signal comes first.
final class Einmal: @unchecked Sendable {
    private let lock = NSLock()
    private var fortsetzung: CheckedContinuation<Void, Never>?

    init(_ fortsetzung: CheckedContinuation<Void, Never>) { self.fortsetzung = fortsetzung }

    func ausloesen() {
        lock.lock()
        let wartend = fortsetzung
        fortsetzung = nil
        lock.unlock()
        wartend?.resume()
    }
}

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
            try FileManager.default.createDirectory(at: ziel.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(pdf).write(to: ziel, options: .atomic)
            Ausgabe.fehlerkanal("\(ziel.path) geschrieben (\(pdf.count / 1024) KB).")
        } catch {
            Ausgabe.fehlerkanal("Fehler: \(error)")
            throw ExitCode(1)
        }
    }
}

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
            for datei in dateien { Ausgabe.fehlerkanal("\(datei.path) geschrieben.") }
        } catch let fehler as ExitCode {
            throw fehler
        } catch {
            Ausgabe.fehlerkanal("Fehler: \(error)")
            throw ExitCode(1)
        }
    }
}
