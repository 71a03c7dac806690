/// How much one rendering may do. A template is a small program: sections over lists nested twenty
/// deep multiply to more steps than any page needs and more bytes than memory holds. Each limit stops
/// the rendering with an error at the outermost open section, instead of running for ever.
/// The step and byte limits are exact, so `kim check` and `kim build` stop at the same place; the
/// time limit is a last resort for a slow machine.
public struct TemplateLimits: Sendable {
    /// Nodes visited (texts, placeholders, sections, list elements, partials). The largest page of the
    /// reference projects takes under 20 000; a million takes about two seconds in a debug build.
    public var maximumSteps: Int
    /// Beyond `maximumSteps`, a page may take this many more steps per value its data holds (counted once,
    /// when it gets there). A long list is work in proportion to the data (Anlage 2 of a state-wide project
    /// shows 8 000 Meilensteine and took more than a million steps); lists repeated inside lists multiply,
    /// and stop soon after the million.
    public var stepsPerContextValue: Int
    public var maximumOutputBytes: Int
    public var maximumDuration: Duration

    public init(maximumSteps: Int = 1_000_000, stepsPerContextValue: Int = 25, maximumOutputBytes: Int = 32 << 20, maximumDuration: Duration = .seconds(10)) {
        self.maximumSteps = maximumSteps
        self.stepsPerContextValue = stepsPerContextValue
        self.maximumOutputBytes = maximumOutputBytes
        self.maximumDuration = maximumDuration
    }

    /// The values of a context tree (dictionaries, lists and what they hold, each counted once per place).
    static func valueCount(_ root: Any) -> Int {
        var count = 0
        var open: [Any] = [root]
        while let value = open.popLast() {
            count += 1
            if let dictionary = value as? [String: Any] {
                open.append(contentsOf: dictionary.values)
            } else if !(value is String), let sequence = value as? TemplateSequence {
                sequence.forEachElement { open.append($0) }
            }
        }
        return count
    }
}

/// A rendering stopped by a limit, at the opening tag of the outermost section then open (line 0
/// when none was): in `partial` when that section belongs to a partial, else in the template rendered.
public struct TemplateLimitError: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case tooManySteps(Int)
        case outputTooLarge(Int)
        case tooSlow(Duration)
    }

    public var kind: Kind
    public var partial: String?
    public var line: Int
    public var column: Int
}
