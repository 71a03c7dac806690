import Foundation

/// Where each value of each data file stood, by JSON Pointer ("/tabellen/0/zeilen/3/sozialraum"),
/// so checks on the typed model can still point at line and column.
///
/// A file's table is made when a check first asks about the file, from the file's bytes as they
/// were loaded: a clean build asks about no file, and making a pointer string for every value
/// of every file was a tenth of loading a state-wide project.
public struct SourceMap: Sendable {
    private var tabellen: [String: Tabelle] = [:]

    public init() {}

    /// The table of one file, made once on first use. Immutable to the outside: copies of a
    /// SourceMap may share it.
    final class Tabelle: @unchecked Sendable {
        private let sperre = NSLock()
        private var werte: [String: SourceLocation]?
        private let erstellen: @Sendable () -> [String: SourceLocation]

        init(_ erstellen: @escaping @Sendable () -> [String: SourceLocation]) {
            self.erstellen = erstellen
        }

        var eintraege: [String: SourceLocation] {
            sperre.withLock {
                if let werte { return werte }
                let neu = erstellen()
                werte = neu
                return neu
            }
        }
    }

    /// Registers how to make the table of `file` (pointer → location); replaces an earlier one.
    public mutating func record(file: String, _ erstellen: @escaping @Sendable () -> [String: SourceLocation]) {
        tabellen[file] = Tabelle(erstellen)
    }

    /// Takes over what `andere` recorded, as if it had been recorded here after what is here:
    /// files loaded in parallel each get their own map, merged in file order.
    public mutating func uebernehmen(_ andere: SourceMap) {
        tabellen.merge(andere.tabellen) { _, neu in neu }
    }

    /// The location of the value at `pointer`, or of its nearest recorded parent.
    public func location(_ file: String, _ pointer: String) -> SourceLocation? {
        guard let table = tabellen[file]?.eintraege else { return nil }
        var current = Substring(pointer)
        while true {
            if let found = table[String(current)] { return found }
            guard let slash = current.lastIndex(of: "/") else { return nil }
            current = current[..<slash]
        }
    }
}
