import Foundation
import KimLoad
import KimModel
import KimPipeline
import KimRender

/// The preview's state: the last good build in memory, the findings of the last
/// attempt, and a version that changes with every rebuild so open pages know to reload.
public actor Vorschau {
    /// What is served: the last good build, with the pages of the quick path over it until the next build.
    public private(set) var dateien: [String: [UInt8]] = [:]
    /// The last good build alone, to fall back to when the build after a quick page finds an error.
    private var letzterBau: [String: [UInt8]] = [:]
    public private(set) var befunde: [Diagnostic] = []
    public private(set) var version = 0
    public private(set) var letzteDauer: Duration = .zero

    let build: Build
    nonisolated let optionen: Build.Optionen
    /// Pages an edit did not affect, carried from one rebuild to the next.
    public nonisolated let speicher = Zwischenspeicher()

    public init(projekt: URL, stichtag: Datum? = nil, intern: Bool = false) {
        optionen = Build.Optionen(projekt: projekt, stichtag: stichtag, intern: intern)
        build = Build(optionen)
    }

    /// Builds into memory. A broken edit keeps the last good pages and records why.
    /// The build runs off the actor, so pages (a quick Sitzung page among them) are served meanwhile.
    @discardableResult
    public func neuBauen() async -> [Diagnostic] {
        let start = ContinuousClock.now
        let (ausgabe, diagnostics) = await Self.bauen(build, speicher)
        letzteDauer = ContinuousClock.now - start
        if let ausgabe {
            letzterBau = ausgabe.dateien
        }
        dateien = letzterBau
        befunde = diagnostics
        version += 1
        return diagnostics
    }

    @concurrent
    private static func bauen(_ build: Build, _ speicher: Zwischenspeicher) async -> (Ausgabe?, [Diagnostic]) {
        build.pruefen(speicher: speicher)
    }

    /// The quick path for edited Sitzung files (paths relative to the project): their pages, made as the
    /// full build makes them, are served at once; the caller runs `neuBauen` next. Returns how long it took,
    /// nil when the edit is not one the quick path takes (then nothing changed).
    public func sitzungenVorab(_ geaendert: Set<String>) -> Duration? {
        let start = ContinuousClock.now
        guard let seiten = speicher.sitzungen.seiten(geaendert, projektordner: optionen.projekt, intern: optionen.intern,
                                                     darstellen: speicher.darstellen) else { return nil }
        dateien.merge(seiten) { _, neu in neu }
        version += 1
        return ContinuousClock.now - start
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

/// Notices edits by comparing size and modification time of every file in the watched
/// folders: portable, and cheap for the few hundred files of a project.
public struct Beobachter: Sendable {
    public let projekt: URL
    public static let ordner = ["data", "templates", "schemas", "assets"]

    public init(projekt: URL) {
        self.projekt = projekt
    }

    /// The files (relative to the project) added, changed or removed between two fingerprints.
    public func geaendert(von vorher: [String: String], zu nachher: [String: String]) -> Set<String> {
        let wurzel = projekt.path.hasSuffix("/") ? projekt.path : projekt.path + "/"
        let pfade = Set(vorher.keys).union(nachher.keys).filter { vorher[$0] != nachher[$0] }
        return Set(pfade.map { $0.hasPrefix(wurzel) ? String($0.dropFirst(wurzel.count)) : $0 })
    }

    public func fingerabdruck() -> [String: String] {
        var stand: [String: String] = [:]
        let fileManager = FileManager.default
        for ordner in Self.ordner {
            let basis = projekt.appendingPathComponent(ordner)
            guard let eintraege = fileManager.enumerator(at: basis, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey]) else { continue }
            for case let url as URL in eintraege {
                guard let werte = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey]) else { continue }
                let zeit = werte.contentModificationDate?.timeIntervalSince1970 ?? 0
                stand[url.path] = "\(werte.fileSize ?? -1)@\(zeit)"
            }
        }
        return stand
    }
}
