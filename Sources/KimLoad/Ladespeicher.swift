import Foundation
import KimModel

/// What `kim serve` keeps of the last load: for each data file, the result of loading it
/// (value, findings, source locations), valid as long as the file and its schema have the
/// same bytes. An edit of one Sitzung then parses, checks and decodes that one file.
public final class Ladespeicher: @unchecked Sendable {
    struct Eintrag {
        var bytes: [UInt8]
        var schemaBytes: [UInt8]
        /// nil when the file had errors; the findings say which.
        var wert: Any?
        var diagnostics: [Diagnostic]
        var quellkarte: SourceMap
    }

    private let sperre = NSLock()
    private var eintraege: [String: Eintrag] = [:]
    /// Files loaded again because they (or their schema) changed, for tests.
    public private(set) var neuGeladen = 0

    public init() {}

    func eintrag(_ pfad: String, bytes: [UInt8], schemaBytes: [UInt8]) -> Eintrag? {
        sperre.withLock {
            guard let eintrag = eintraege[pfad], eintrag.bytes == bytes, eintrag.schemaBytes == schemaBytes else { return nil }
            return eintrag
        }
    }

    func merken(_ pfad: String, _ eintrag: Eintrag) {
        sperre.withLock {
            eintraege[pfad] = eintrag
            neuGeladen += 1
        }
    }
}
