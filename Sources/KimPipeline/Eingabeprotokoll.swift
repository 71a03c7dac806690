import Foundation
import KimLoad
import KimModel
import KimWrite

/// Everything a build asked of the project's files, with the answers: which files it read (by
/// content hash), which folders it listed, which paths it tested and which folder problems it
/// was told of. The build is a function of these answers, kim's own binary and the options, so
/// when every question gets the same answer again the build would produce the same output.
/// Nothing is declared, everything is recorded while the build reads (redo's and Shake's
/// dynamic dependencies), so no input can be forgotten.
struct Eingabeprotokoll: Codable, Equatable, Sendable {
    /// Path → content hash of what was read, or the reason it could not be read.
    var gelesen: [String: String] = [:]
    /// Folder → hash of its listing.
    var gelistet: [String: String] = [:]
    var vorhanden: [String: Bool] = [:]
    /// Folder → hash of the findings about it (unreadable folders, links out of the project).
    var probleme: [String: String] = [:]

    /// Whether `files` answers every recorded question as before; the reads run on all cores.
    func stimmt(mit files: ProjectFiles) -> Bool {
        guard vorhanden.allSatisfy({ files.exists($0.key) == $0.value }),
              gelistet.allSatisfy({ Self.kennung(files.list($0.key)) == $0.value }),
              probleme.allSatisfy({ Self.kennung(files.problems($0.key).map(\.formatted)) == $0.value }) else { return false }
        return !Parallel.map(Array(gelesen)) { pfad, kennung in Self.kennung(Result { try files.read(pfad) }) == kennung }.contains(false)
    }

    static func kennung(_ gelesen: Result<[UInt8], Error>) -> String {
        switch gelesen {
        case .success(let bytes): Pruefsumme(bytes).text
        case .failure(let fehler): "!\(type(of: fehler)): \(fehler)"
        }
    }

    static func kennung(_ zeilen: [String]) -> String {
        Pruefsumme(Array(zeilen.joined(separator: "\n").utf8)).text
    }

    /// `files` as the build sees it, with every question and answer written into the record.
    static func aufzeichnen(_ files: ProjectFiles) -> (ProjectFiles, Aufzeichnung) {
        let aufzeichnung = Aufzeichnung()
        let aufgezeichnet = ProjectFiles(
            read: { pfad in
                let ergebnis = Result { try files.read(pfad) }
                aufzeichnung.merken { $0.gelesen[pfad] = kennung(ergebnis) }
                return try ergebnis.get()
            },
            list: { ordner in
                let pfade = files.list(ordner)
                aufzeichnung.merken { $0.gelistet[ordner] = kennung(pfade) }
                return pfade
            },
            exists: { pfad in
                let gibt = files.exists(pfad)
                aufzeichnung.merken { $0.vorhanden[pfad] = gibt }
                return gibt
            },
            problems: { ordner in
                let befunde = files.problems(ordner)
                aufzeichnung.merken { $0.probleme[ordner] = kennung(befunde.map(\.formatted)) }
                return befunde
            })
        return (aufgezeichnet, aufzeichnung)
    }

    /// The record while the build runs; the loader reads on several threads.
    final class Aufzeichnung: @unchecked Sendable {
        private let sperre = NSLock()
        private var protokoll = Eingabeprotokoll()

        func merken(_ aenderung: (inout Eingabeprotokoll) -> Void) {
            sperre.withLock { aenderung(&protokoll) }
        }

        var stand: Eingabeprotokoll { sperre.withLock { protokoll } }

        /// The recorded answer for a file read so far, nil when it was not read.
        func gelesen(_ pfad: String) -> String? { sperre.withLock { protokoll.gelesen[pfad] } }
    }
}
