import Foundation
#if canImport(Glibc)
import Glibc
#endif
import KimModel
import KimRender

/// What the last successful build into an output folder was made from, kept beside its
/// Bestandsliste in the project's `build/`: kim's binary, the options, every answer the
/// project's files gave (Eingabeprotokoll), the findings it reported and the Bestandsliste it
/// left. When all of these are still the same, the folder already holds what a build would
/// write, and `kim build` says so without loading or rendering anything.
struct Buildvermerk: Codable, Equatable {
    static let format = 3

    var format = Self.format
    var ziel: String
    var programm: String
    var optionen: String
    /// The hash of the Bestandsliste the build saved (`AtomicFolderWriter.bestand()`).
    var bestand: String
    var dateien: Int
    var befunde: [Diagnostic]
    var eingaben: Eingabeprotokoll
    /// The groups of pages that read no Sitzung the folder holds, for the next build to keep (see Uebernahme).
    var gruppen: [Seitengruppe: Seitengruppenvermerk]

    /// nil when there is none, it cannot be read, or it was written by another version of the format.
    static func laden(_ datei: URL) -> Buildvermerk? {
        guard let daten = try? Data(contentsOf: datei), let vermerk = try? JSONDecoder().decode(Buildvermerk.self, from: daten),
              vermerk.format == format else { return nil }
        return vermerk
    }

    /// Written whole or not at all (`.atomic`: a complete copy renamed into place), so a killed kim
    /// leaves the old record or the new one.
    func speichern(_ datei: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(self).write(to: datei, options: .atomic)
    }

    /// What tells this kim from another build of it: the executable's file identity (device, inode,
    /// size, modification time). The built-in templates and schemas are part of the binary, so a
    /// rebuilt kim never takes over what an older one wrote. nil when the binary cannot be found.
    static func programmkennung() -> String? {
        guard let pfad = Bundle.main.executableURL?.resolvingSymlinksInPath().path else { return nil }
        var zustand = stat()
        guard stat(pfad, &zustand) == 0 else { return nil }
        return "\(pfad) \(zustand.st_dev) \(zustand.st_ino) \(zustand.st_size) \(zustand.st_mtim.tv_sec).\(zustand.st_mtim.tv_nsec)"
    }
}
