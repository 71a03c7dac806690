/// A position in a project file, 1-based like a compiler's.
public struct SourceLocation: Hashable, Sendable, Comparable, Codable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// One finding about the project, printed as `datei:zeile:spalte: Fehler: …`.
public struct Diagnostic: Hashable, Sendable, Codable {
    public enum Severity: String, Sendable, Codable {
        case error = "Fehler"
        case warning = "Warnung"
    }

    public var severity: Severity
    /// Path relative to the project folder, e.g. `data/demografie.json`.
    public var file: String
    public var location: SourceLocation?
    public var message: String
    /// How to fix it, in the author's words ("Zahlen ohne Tausenderpunkt schreiben").
    public var hint: String?

    public init(_ severity: Severity, file: String, at location: SourceLocation?, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.file = file
        self.location = location
        self.message = message
        self.hint = hint
    }

    public static func error(_ file: String, _ location: SourceLocation?, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, file: file, at: location, message, hint: hint)
    }

    public static func warning(_ file: String, _ location: SourceLocation?, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, file: file, at: location, message, hint: hint)
    }

    public var formatted: String {
        var position = file
        if let location {
            position += ":\(location.line):\(location.column)"
        }
        var text = "\(position): \(severity.rawValue): \(message)"
        if let hint {
            text += " (\(hint))"
        }
        // Paths and excerpts come from the project: no control character reaches the terminal as such.
        return Terminaltext.sicher(text)
    }
}

extension Diagnostic: Comparable {
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        let left = (lhs.file, lhs.location?.line ?? 0, lhs.location?.column ?? 0, lhs.message)
        let right = (rhs.file, rhs.location?.line ?? 0, rhs.location?.column ?? 0, rhs.message)
        return left < right
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Each finding once, in its first place: a template rendered for several pages reports the same
    /// problem from each, and the author needs to read it once.
    public var eindeutig: [Diagnostic] {
        var gesehen = Set<Diagnostic>()
        return filter { gesehen.insert($0).inserted }
    }

    /// "3 Fehler, 1 Warnung in 2 Dateien"
    public var summary: String {
        let errors = filter { $0.severity == .error }.count
        let warnings = count - errors
        let files = Set(map(\.file)).count
        let warningWord = warnings == 1 ? "Warnung" : "Warnungen"
        let fileWord = files == 1 ? "Datei" : "Dateien"
        return "\(errors) Fehler, \(warnings) \(warningWord) in \(files) \(fileWord)"
    }
}

/// Thrown by a stage that could not go on; carries every finding so far.
public struct DiagnosticsError: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
