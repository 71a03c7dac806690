import Foundation
import KimLoad
import KimModel
import KimPipeline
import KimRender

/// The preview's state: the last good build in memory, the findings of the last
/// attempt, and a version that changes with every rebuild so open pages know to reload.
public actor Vorschau {
    /// What is served: the last good build, with the pages of the quick path over it until the next build.
    public internal(set) var dateien: [String: [UInt8]] = [:]
    /// The last good build alone, to fall back to when the build after a quick page finds an error.
    private var letzterBau: [String: [UInt8]] = [:]
    /// Quick pages shown since the running build started: its output does not hold them yet.
    var vorabSeitBaubeginn: [String: [UInt8]] = [:]
    /// An edit is waiting for a build; a build is running (see Vorschau+Aenderungen).
    var ausstehend = false
    var baut = false
    /// Files other than Sitzungen changed that no build has taken in yet, and whether the quick
    /// path's basis (the last build without errors) is older than such a change.
    var andereUnverarbeitet = false
    var grundlageVeraltet = false
    public private(set) var befunde: [Diagnostic] = []
    public internal(set) var version = 0
    public private(set) var letzteDauer: Duration = .zero

    let build: Build
    nonisolated let optionen: Build.Optionen
    /// What one rebuild keeps for the next, so an edit costs what it affects.
    public nonisolated let gedaechtnis = Gedaechtnis()

    public init(projekt: URL, stichtag: Datum? = nil, intern: Bool = false) {
        optionen = Build.Optionen(projekt: projekt, stichtag: stichtag, intern: intern)
        build = Build(optionen)
    }

    /// Builds into memory. A broken edit keeps the last good pages and records why.
    /// The build runs off the actor, so pages (a quick Sitzung page among them) are served meanwhile.
    @discardableResult
    public func neuBauen() async -> [Diagnostic] {
        let start = ContinuousClock.now
        let (ausgabe, diagnostics) = await Self.bauen(build, gedaechtnis)
        letzteDauer = ContinuousClock.now - start
        if let ausgabe {
            letzterBau = ausgabe.dateien
            // A Sitzung edited while this build ran is not in its output: its quick page stays until the next build.
            dateien = letzterBau.merging(vorabSeitBaubeginn) { _, vorab in vorab }
        } else {
            dateien = letzterBau
        }
        befunde = diagnostics
        version += 1
        return diagnostics
    }

    @concurrent
    private static func bauen(_ build: Build, _ gedaechtnis: Gedaechtnis) async -> (Ausgabe?, [Diagnostic]) {
        build.pruefen(gedaechtnis: gedaechtnis)
    }

    public var hatFehler: Bool { befunde.hasErrors }

    public func datei(_ pfad: String) -> [UInt8]? { dateien[pfad] }

    /// The Handlungskonzept PDF the pages link to (`downloads/handlungskonzept-fassung-N.pdf`), made on request
    /// from the current data (WeasyPrint, cached in build/cache/); nil for another path or when it cannot be made.
    /// Outside the actor: WeasyPrint takes seconds, and the pages' status polls must not wait for it.
    public nonisolated func pdf(_ pfad: String) -> [UInt8]? {
        guard let treffer = pfad.wholeMatch(of: /downloads\/handlungskonzept-fassung-([0-9]{1,6})\.pdf/), let nummer = Int(treffer.1) else { return nil }
        let build = Build(optionen)
        let (projekt, auswertung, _) = build.auswerten()
        guard let projekt, let auswertung, projekt.handlungskonzept.fassungen.contains(where: { $0.nummer == nummer }) else { return nil }
        return try? build.handlungskonzeptPDF(projekt, auswertung, fassung: nummer)
    }
}
