import Foundation

/// Read access to a project, as closures so tests can load a project that
/// lives only in memory (Saga's idea). Paths are relative to the project folder.
public struct ProjectFiles: Sendable {
    public var read: @Sendable (_ path: String) throws -> [UInt8]
    /// Every file below a folder, as project-relative paths, sorted; empty when the folder is missing.
    public var list: @Sendable (_ folder: String) -> [String]
    /// Whether there is a file at `path`, readable or not (optional files are loaded only then).
    public var exists: @Sendable (_ path: String) -> Bool

    public init(read: @escaping @Sendable (String) throws -> [UInt8], list: @escaping @Sendable (String) -> [String],
                exists: (@Sendable (String) -> Bool)? = nil) {
        self.read = read
        self.list = list
        self.exists = exists ?? { path in
            let ordner = path.split(separator: "/").dropLast().joined(separator: "/")
            return list(ordner).contains(path)
        }
    }

    /// Files larger than this are refused before reading: no data file of a KI comes near it,
    /// and a runaway file must not exhaust memory.
    public static let maximumFileSize = 64 * 1024 * 1024

    public struct TooLarge: Error {}

    public static func disk(_ root: URL) -> ProjectFiles {
        let wurzel = root.standardizedFileURL.path
        return ProjectFiles(
            read: { path in try Dateisystem.lesen(wurzel + "/" + path, hoechstens: maximumFileSize) },
            list: { folder in Dateisystem.auflisten(wurzel, folder).sorted() },
            exists: { path in access(wurzel + "/" + path, F_OK) == 0 }
        )
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
            exists: { path in vorgaben[path] != nil || projekt.exists(path) }
        )
    }
}
