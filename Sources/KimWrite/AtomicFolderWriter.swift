import CAtomicRename
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The write stage: puts a whole build into place at once. Files go into a hidden
/// sibling folder first, which is then swapped with the output folder in one
/// rename (Toucan's temporary folder, made atomic with Linux's RENAME_EXCHANGE).
/// A failed or killed build therefore leaves either the old or the new folder.
public struct AtomicFolderWriter {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String

        public init(description: String) {
            self.description = description
        }
    }

    public let ziel: URL

    public init(ziel: URL) {
        self.ziel = ziel.standardizedFileURL
    }

    var temporaerPraefix: String { ".\(ziel.lastPathComponent).kim-tmp-" }

    /// Writes `dateien` (relative path → bytes) as the complete new content of `ziel`.
    public func schreiben(_ dateien: [String: [UInt8]]) throws {
        let fileManager = FileManager.default
        let eltern = ziel.deletingLastPathComponent()
        try fileManager.createDirectory(at: eltern, withIntermediateDirectories: true)
        aufraeumen()
        let temporaer = eltern.appendingPathComponent(temporaerPraefix + String(ProcessInfo.processInfo.processIdentifier))
        try? fileManager.removeItem(at: temporaer)
        try fileManager.createDirectory(at: temporaer, withIntermediateDirectories: true)
        do {
            var ordner: Set<String> = []
            for pfad in dateien.keys.sorted() {
                guard let inhalt = dateien[pfad] else { continue }
                let datei = try Self.sichererPfad(pfad, in: temporaer)
                let elternordner = datei.deletingLastPathComponent().path
                if ordner.insert(elternordner).inserted {
                    try fileManager.createDirectory(atPath: elternordner, withIntermediateDirectories: true)
                }
                try Self.schreiben(inhalt, nach: datei.path, pfad: pfad)
            }
            // One sync for the whole folder instead of one per file; the swap below is the commit point.
            Self.synchronisieren(temporaer.path)
            try tauschen(temporaer)
        } catch {
            try? fileManager.removeItem(at: temporaer)
            throw error
        }
    }

    private func tauschen(_ temporaer: URL) throws {
        let fileManager = FileManager.default
        var istOrdner: ObjCBool = false
        guard fileManager.fileExists(atPath: ziel.path, isDirectory: &istOrdner) else {
            try fileManager.moveItem(at: temporaer, to: ziel)
            return
        }
        guard istOrdner.boolValue else {
            throw Failure(description: "\(ziel.path) ist eine Datei, kein Ordner")
        }
        if kim_exchange_paths(temporaer.path, ziel.path) == 0 {
            // `temporaer` now holds the previous build.
            try fileManager.removeItem(at: temporaer)
            return
        }
        // Without RENAME_EXCHANGE: two renames, the window between them is as short as it gets.
        let alt = temporaer.deletingLastPathComponent().appendingPathComponent(temporaer.lastPathComponent + "-alt")
        try fileManager.moveItem(at: ziel, to: alt)
        do {
            try fileManager.moveItem(at: temporaer, to: ziel)
        } catch {
            try? fileManager.moveItem(at: alt, to: ziel)
            throw error
        }
        try? fileManager.removeItem(at: alt)
    }

    /// Removes what a killed earlier build left behind.
    func aufraeumen() {
        let fileManager = FileManager.default
        let eltern = ziel.deletingLastPathComponent()
        guard let eintraege = try? fileManager.contentsOfDirectory(atPath: eltern.path) else { return }
        for eintrag in eintraege.sorted() where eintrag.hasPrefix(temporaerPraefix) {
            let url = eltern.appendingPathComponent(eintrag)
            // Killed between the two renames of the fallback: the previous build is only here, put it back.
            if eintrag.hasSuffix("-alt"), !fileManager.fileExists(atPath: ziel.path), (try? fileManager.moveItem(at: url, to: ziel)) != nil {
                continue
            }
            try? fileManager.removeItem(at: url)
        }
    }

    /// Plain POSIX writes: FileManager and Data sync every single file, which made writing
    /// most of a large build's time. The folder swap already makes the build atomic.
    static func schreiben(_ inhalt: [UInt8], nach ziel: String, pfad: String) throws {
        let deskriptor = open(ziel, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard deskriptor >= 0 else { throw Failure(description: "\(pfad) konnte nicht geschrieben werden (Fehler \(errno))") }
        defer { close(deskriptor) }
        var geschrieben = 0
        try inhalt.withUnsafeBytes { puffer in
            while geschrieben < puffer.count {
                let ergebnis = write(deskriptor, puffer.baseAddress?.advanced(by: geschrieben), puffer.count - geschrieben)
                if ergebnis < 0 {
                    if errno == EINTR { continue }
                    throw Failure(description: "\(pfad) konnte nicht geschrieben werden (Fehler \(errno))")
                }
                geschrieben += ergebnis
            }
        }
    }

    /// Flushes the file system that holds `pfad` before the swap makes the new build visible.
    static func synchronisieren(_ pfad: String) {
        let deskriptor = open(pfad, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard deskriptor >= 0 else { return }
        defer { close(deskriptor) }
        _ = kim_syncfs(deskriptor)
    }

    /// Resolves a relative output path inside `ordner`, refusing anything that would leave it.
    public static func sichererPfad(_ pfad: String, in ordner: URL) throws -> URL {
        let teile = pfad.split(separator: "/", omittingEmptySubsequences: false)
        guard !pfad.isEmpty, !pfad.hasPrefix("/"), !teile.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." || $0.contains("\0") }) else {
            throw Failure(description: "unzulässiger Ausgabepfad \"\(pfad)\": er würde den Ausgabeordner verlassen")
        }
        return ordner.appendingPathComponent(pfad)
    }
}
