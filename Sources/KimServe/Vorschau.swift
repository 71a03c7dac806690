import Foundation
import KimLoad
import KimModel
import KimPipeline

/// The preview's state: the last good build in memory, the findings of the last
/// attempt, and a version that changes with every rebuild so open pages know to reload.
public actor Vorschau {
    public private(set) var dateien: [String: [UInt8]] = [:]
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
    @discardableResult
    public func neuBauen() -> [Diagnostic] {
        let start = ContinuousClock.now
        let (ausgabe, diagnostics) = build.pruefen(speicher: speicher)
        letzteDauer = ContinuousClock.now - start
        if let ausgabe {
            dateien = ausgabe.dateien
        }
        befunde = diagnostics
        version += 1
        return diagnostics
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
