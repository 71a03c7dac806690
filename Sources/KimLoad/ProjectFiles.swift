import Foundation
import KimModel

/// Read access to a project, as closures so tests can load a project that
/// lives only in memory (Saga's idea). Paths are relative to the project folder.
public struct ProjectFiles: Sendable {
    public var read: @Sendable (_ path: String) throws -> [UInt8]
    /// Every file below a folder, as project-relative paths, sorted; empty when the folder is missing.
    public var list: @Sendable (_ folder: String) -> [String]
    /// Whether there is a file at `path`, readable or not (optional files are loaded only then).
    public var exists: @Sendable (_ path: String) -> Bool
    /// What could not be listed below a folder (unreadable folders, links out of the project), as
    /// findings at those paths.
    public var problems: @Sendable (_ folder: String) -> [Diagnostic]

    public init(read: @escaping @Sendable (String) throws -> [UInt8], list: @escaping @Sendable (String) -> [String],
                exists: (@Sendable (String) -> Bool)? = nil, problems: (@Sendable (String) -> [Diagnostic])? = nil) {
        self.read = read
        self.list = list
        self.exists = exists ?? { path in
            let ordner = path.split(separator: "/").dropLast().joined(separator: "/")
            return list(ordner).contains(path)
        }
        self.problems = problems ?? { _ in [] }
    }

    /// Files larger than this are refused before reading: no data file of a KI comes near it,
    /// and a runaway file must not exhaust memory.
    public static let maximumFileSize = 64 * 1024 * 1024

    public struct TooLarge: Error {}

    /// A path that may not be read, with the reason in German.
    public struct Refused: Error {
        public var reason: String
    }

    public static func disk(_ root: URL) -> ProjectFiles {
        let wurzel = root.standardizedFileURL.path
        // Each file must stay in its top folder (data/, templates/, …), links resolved.
        let bereich: @Sendable (String) -> String = { path in
            let oberster = path.split(separator: "/").first.map(String.init) ?? path
            return (Dateisystem.echterPfad(wurzel) ?? wurzel) + "/" + oberster
        }
        return ProjectFiles(
            read: { path in
                do {
                    return try Dateisystem.lesen(wurzel + "/" + path, hoechstens: maximumFileSize, bereich: bereich(path))
                } catch let fehler as Dateisystem.Unzulaessig {
                    throw Refused(reason: fehler.grund)
                }
            },
            list: { folder in Dateisystem.auflisten(wurzel, folder).dateien.sorted() },
            exists: { path in access(wurzel + "/" + path, F_OK) == 0 },
            problems: { folder in
                let liste = Dateisystem.auflisten(wurzel, folder)
                return liste.probleme.map { Diagnostic.error($0.pfad, nil, $0.grund) } + namensgleiche(liste.dateien)
            }
        )
    }

    /// Files whose names clash after normalisation and case folding (`Pfadschluessel`): an error at the later
    /// one, in byte order, naming the first. Swift compares strings by canonical equivalence, so without this
    /// a name in another normal form would silently replace the other in every listing and in `site/`.
    static func namensgleiche(_ pfade: [String]) -> [Diagnostic] {
        let sortiert = pfade.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return Pfadschluessel.kollisionen(sortiert).map { name, erster in
            .error(name, nil, "der Name und \(erster) \(Pfadschluessel.grund(name, erster)); auf macOS und Windows wären beide dieselbe Datei, eine ginge verloren",
                   hint: "eine der beiden umbenennen oder löschen")
        }
    }

    public static func memory(_ files: [String: [UInt8]]) -> ProjectFiles {
        ProjectFiles(
            read: { path in
                guard let bytes = files[path] else { throw CocoaError(.fileNoSuchFile) }
                return bytes
            },
            list: { folder in
                files.keys.filter { $0.hasPrefix(folder + "/") }.sorted()
            }
        )
    }
}

extension ProjectFiles {
    /// The project seen through kim's built-in defaults: a project file wins over the
    /// built-in file of the same path, listings hold both.
    public func ueberlagert(_ vorgaben: [String: [UInt8]]) -> ProjectFiles {
        let projekt = self
        return ProjectFiles(
            read: { path in
                if projekt.exists(path) { return try projekt.read(path) }
                if let eingebaut = vorgaben[path] { return eingebaut }
                return try projekt.read(path)
            },
            list: { folder in
                let eingebaut = vorgaben.keys.filter { $0.hasPrefix(folder + "/") }
                return Set(projekt.list(folder)).union(eingebaut).sorted()
            },
            exists: { path in vorgaben[path] != nil || projekt.exists(path) },
            // What the project's own folders refuse (links out of the project, unreadable folders) stays refused; a
            // project file whose name clashes with a built-in one (assets/KIM.css beside kim.css) would overwrite it in site/.
            problems: { folder in
                let eigene = projekt.list(folder)
                let eingebaut = Dictionary(vorgaben.keys.filter { $0.hasPrefix(folder + "/") }.map { (Pfadschluessel.von($0), $0) }) { a, _ in a }
                let fremd = eigene.compactMap { pfad in
                    eingebaut[Pfadschluessel.von(pfad)].flatMap { Pfadschluessel.kollidieren(pfad, $0) ? (pfad, $0) : nil }
                }.map { pfad, vorgabe in
                    Diagnostic.error(pfad, nil, "der Name und kims eingebaute Datei \(vorgabe) \(Pfadschluessel.grund(pfad, vorgabe)); auf macOS und Windows wären beide dieselbe Datei",
                                     hint: "genau \(vorgabe) nennen, um die eingebaute Datei zu ersetzen, sonst anders benennen")
                }
                return projekt.problems(folder) + fremd
            }
        )
    }
}
