import Foundation

/// Read access to a project, as closures so tests can load a project that
/// lives only in memory (Saga's idea). Paths are relative to the project folder.
public struct ProjectFiles: Sendable {
    public var read: @Sendable (_ path: String) throws -> [UInt8]
    /// Every file below a folder, as project-relative paths, sorted; empty when the folder is missing.
    public var list: @Sendable (_ folder: String) -> [String]

    public init(read: @escaping @Sendable (String) throws -> [UInt8], list: @escaping @Sendable (String) -> [String]) {
        self.read = read
        self.list = list
    }

    /// Files larger than this are refused before reading: no data file of a KI comes near it,
    /// and a runaway file must not exhaust memory.
    public static let maximumFileSize = 64 * 1024 * 1024

    public struct TooLarge: Error {}

    public static func disk(_ root: URL) -> ProjectFiles {
        ProjectFiles(
            read: { path in
                let url = root.appendingPathComponent(path)
                let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
                if let size = attributes[.size] as? Int, size > maximumFileSize { throw TooLarge() }
                return Array(try Data(contentsOf: url))
            },
            list: { folder in
                let base = root.appendingPathComponent(folder)
                guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
                var paths: [String] = []
                let prefix = base.standardizedFileURL.path + "/"
                for case let url as URL in enumerator {
                    guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
                    let full = url.standardizedFileURL.path
                    guard full.hasPrefix(prefix) else { continue }
                    let relative = String(full.dropFirst(prefix.count))
                    if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
                    paths.append(folder + "/" + relative)
                }
                return paths.sorted()
            }
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
