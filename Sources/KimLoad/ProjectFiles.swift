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
