/// Where each value of each data file stood, by JSON Pointer ("/tabellen/0/zeilen/3/sozialraum"),
/// so checks on the typed model can still point at line and column.
public struct SourceMap: Sendable {
    private var locations: [String: [String: SourceLocation]] = [:]

    public init() {}

    public mutating func record(file: String, pointer: String, _ location: SourceLocation) {
        locations[file, default: [:]][pointer] = location
    }

    /// The location of the value at `pointer`, or of its nearest recorded parent.
    public func location(_ file: String, _ pointer: String) -> SourceLocation? {
        guard let table = locations[file] else { return nil }
        var current = Substring(pointer)
        while true {
            if let found = table[String(current)] { return found }
            guard let slash = current.lastIndex(of: "/") else { return nil }
            current = current[..<slash]
        }
    }
}
