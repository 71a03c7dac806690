/// Where each value of each data file stood, by JSON Pointer ("/tabellen/0/zeilen/3/sozialraum"),
/// so checks on the typed model can still point at line and column.
public struct SourceMap: Sendable {
    private var locations: [String: [String: SourceLocation]] = [:]

    public init() {}

    public mutating func record(file: String, pointer: String, _ location: SourceLocation) {
        locations[file, default: [:]][pointer] = location
    }

    /// Takes over what `andere` recorded, as if it had been recorded here after what is here:
    /// files loaded in parallel each get their own map, merged in file order.
    public mutating func uebernehmen(_ andere: SourceMap) {
        for (file, tabelle) in andere.locations {
            if locations[file] == nil {
                locations[file] = tabelle
            } else {
                locations[file, default: [:]].merge(tabelle) { _, neu in neu }
            }
        }
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
