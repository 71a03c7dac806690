import ArgumentParser
import Foundation
import KimModel
import KimPipeline
import KimServe

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Zeigt die Website als Vorschau auf http://127.0.0.1:8000 und baut bei jeder Änderung neu; unter /_kim/ die Werkbank mit Formularen für jede Datei."
    )

    @OptionGroup var projekt: ProjektOptionen

    @Option(help: "Port der Vorschau.")
    var port: UInt16 = 8000

    @Option(help: "Adresse, auf der die Vorschau lauscht; Standard nur dieser Rechner.")
    var host: String = "127.0.0.1"

    @Flag(help: "Jedes Speichern der Werkbank zugleich als git-Commit dieser Datei (im git-Repository des Projekts).")
    var commit = false

    func run() async throws {
        let server = Vorschauserver(projekt: projekt.url, port: port, host: host, commits: commit, protokoll: Ausgabe.fehlerkanal)
        let (http, beobachtung) = try await server.starten()
        Ausgabe.fehlerkanal("Vorschau: http://\(host):\(port)/ – beenden mit Strg+C")
        if server.werkbank != nil { Ausgabe.fehlerkanal("Werkbank: http://\(host):\(port)/_kim/") }
        let signale = Signale()
        let lauf = Task { try await http.run() }
        await signale.warten {
            // On the signal's own thread, not in Swift's task pool, which a rebuild or the PDF may hold:
            // the port and every connection close at once (the Pfoertner ends with the watch task), and
            // kim ends within a second even under load. The preview holds nothing to save, and
            // WeasyPrint ends with kim (PR_SET_PDEATHSIG).
            beobachtung.cancel()
            DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(600)) { Foundation.exit(0) }
        }
        Ausgabe.fehlerkanal("Vorschau wird beendet …")
        await http.stop(timeout: 0.3)
        lauf.cancel()
    }
}

/// Waits for Ctrl-C or SIGTERM, so the server can shut down cleanly.

final class Signale: Sendable {
    func warten(sofort: @escaping @Sendable () -> Void = {}) async {
        await withCheckedContinuation { (fortsetzung: CheckedContinuation<Void, Never>) in
            let quellen = [SIGINT, SIGTERM].map { signal -> DispatchSourceSignal in
                Foundation.signal(signal, SIG_IGN)
                return DispatchSource.makeSignalSource(signal: signal, queue: .global())
            }
            let einmal = Einmal(fortsetzung)
            for quelle in quellen {
                quelle.setEventHandler { sofort(); einmal.ausloesen(); quellen.forEach { $0.cancel() } }
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
