/// A parsed Mustache template: the subset kim's templates use (variables, sections,
/// inverted sections, partials, comments, `empty(…)`, `first()`, `last()`), with the whitespace rules
/// of the Mustache specification. Parsed once; rendering walks the tree and writes bytes.
public struct Template: Sendable {
    let nodes: [Node]

    /// Deeper nesting of sections is a syntax error, not a stack overflow: no template needs a hundred levels.
    public static let maximumNesting = 100

    /// Parses `text`; a syntax error names its line and column.
    public init(_ text: String) throws(TemplateSyntaxError) {
        var parser = TemplateParser(text)
        nodes = try parser.parseAll()
    }

    /// The partials this template names itself (not those its partials name).
    public var partialNames: Set<String> {
        var names: Set<String> = []
        func collect(_ nodes: [Node]) {
            for node in nodes {
                switch node {
                case .partial(let name, _): names.insert(name)
                case .section(_, let inner, _, _): collect(inner)
                case .text, .variable: break
                }
            }
        }
        collect(nodes)
        return names
    }

    indirect enum Node: Sendable {
        case text([UInt8])
        case variable(Name, escaped: Bool)
        /// `ort`: line and column of the opening tag, for a limit reached inside it.
        case section(Name, [Node], inverted: Bool, ort: Ort)
        /// `indentation` is set for a partial alone on its line: its lines are indented like the tag.
        case partial(String, indentation: [UInt8]?)
    }

    /// 1-based line and column (in characters) of a tag.
    struct Ort: Sendable, Equatable {
        var line: Int
        var column: Int
    }

    /// A placeholder name: `.`, `a.b.c`, `.a` (only the innermost value), `empty(a.b)`, or
    /// `first()` / `last()`: whether the current element is the first or last of its list.
    struct Name: Sendable, Equatable {
        enum Position: Sendable { case first, last }
        /// Empty for `.`, the current value.
        var path: [String]
        /// `.a`: look in the innermost value only, not further out.
        var anchored: Bool
        /// `empty(a)`: true when `a` is an empty list, text or object.
        var testsEmptiness: Bool
        var position: Position? = nil
    }
}

/// A template that cannot be parsed, with the place where reading stopped making sense.
public struct TemplateSyntaxError: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `{{#name}}` without `{{/name}}`; the location is the opening tag.
        case unclosedSection(String)
        /// `{{/other}}` where `{{/name}}` was expected; the location is the closing tag.
        case wrongSectionClose(expected: String, found: String)
        /// `{{/name}}` with no section open.
        case unexpectedSectionClose(String)
        /// `}}` missing or a character a name cannot hold.
        case unfinishedTag
        /// Set delimiters, inheritance, pragmas, unknown functions: not supported by kim.
        case unsupported(String)
        /// Sections nested deeper than `Template.maximumNesting`.
        case nestedTooDeep
    }

    public var kind: Kind
    /// 1-based line and column (in characters) of the tag.
    public var line: Int
    public var column: Int

    public init(kind: Kind, line: Int, column: Int) {
        self.kind = kind
        self.line = line
        self.column = column
    }
}
