/// Reads a template into nodes. Standalone tags (a section, comment or partial alone on
/// its line) take their whole line with them, as the Mustache specification and
/// swift-mustache do; the state machine mirrors swift-mustache's so that templates
/// written for it render byte for byte the same.
struct TemplateParser {
    private let bytes: [UInt8]
    private var position = 0
    private var depth = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    private struct OpenSection {
        var name: Template.Name
        var rawName: String
        var tagStart: Int
    }

    mutating func parseAll() throws(TemplateSyntaxError) -> [Template.Node] {
        try parse(section: nil, startsOnNewLine: true)
    }

    /// One level: the whole template, or the inside of a section up to its closing tag.
    private mutating func parse(section: OpenSection?, startsOnNewLine: Bool) throws(TemplateSyntaxError) -> [Template.Node] {
        var nodes: [Template.Node] = []
        var newLine = startsOnNewLine
        var whitespaceBefore: ArraySlice<UInt8> = []
        func flushWhitespace() {
            if !whitespaceBefore.isEmpty { nodes.append(.text(Array(whitespaceBefore))) }
            whitespaceBefore = []
        }
        while position < bytes.count {
            if newLine {
                let start = position
                while position < bytes.count, bytes[position] == .space || bytes[position] == .tab { position += 1 }
                whitespaceBefore = bytes[start..<position]
            }
            let textStart = position
            var tagStart: Int?
            while position < bytes.count {
                if bytes[position] == .newline { break }
                if bytes[position] == .openBrace, position + 1 < bytes.count, bytes[position + 1] == .openBrace {
                    tagStart = position
                    break
                }
                position += 1
            }
            let text = bytes[textStart..<position]
            if position < bytes.count, bytes[position] == .newline {
                position += 1
                nodes.append(.text(Array(whitespaceBefore) + Array(text) + [.newline]))
                newLine = true
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(Array(whitespaceBefore) + Array(text)))
                whitespaceBefore = []
                newLine = false
            }
            guard let tagStart else { break }
            position = tagStart + 2
            guard position < bytes.count else { throw error(.unfinishedTag, at: tagStart) }
            var standalone = false
            switch bytes[position] {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let inverted = bytes[position] == UInt8(ascii: "^")
                position += 1
                let (name, raw) = try readName(tagStart: tagStart)
                standalone = newLine && finishesLine()
                if !standalone { flushWhitespace() }
                guard depth < Template.maximumNesting else { throw error(.nestedTooDeep, at: tagStart) }
                depth += 1
                let inner = try parse(section: OpenSection(name: name, rawName: raw, tagStart: tagStart), startsOnNewLine: standalone)
                depth -= 1
                let ort = error(.nestedTooDeep, at: tagStart)
                nodes.append(.section(name, inner, inverted: inverted, ort: Template.Ort(line: ort.line, column: ort.column)))
            case UInt8(ascii: "/"):
                position += 1
                let (_, raw) = try readName(tagStart: tagStart)
                guard let section else { throw error(.unexpectedSectionClose(raw), at: tagStart) }
                guard raw == section.rawName else {
                    throw error(.wrongSectionClose(expected: section.rawName, found: raw), at: tagStart)
                }
                if !(newLine && finishesLine()) { flushWhitespace() }
                return nodes
            case UInt8(ascii: "!"):
                position += 1
                guard let end = find([.closeBrace, .closeBrace], from: position) else { throw error(.unfinishedTag, at: tagStart) }
                position = end + 2
                standalone = newLine && finishesLine()
            case UInt8(ascii: "{"):
                flushWhitespace()
                position += 1
                let (name, _) = try readName(tagStart: tagStart)
                guard position < bytes.count, bytes[position] == .closeBrace else { throw error(.unfinishedTag, at: tagStart) }
                position += 1
                nodes.append(.variable(name, escaped: false))
            case UInt8(ascii: "&"):
                flushWhitespace()
                position += 1
                let (name, _) = try readName(tagStart: tagStart)
                nodes.append(.variable(name, escaped: false))
            case UInt8(ascii: ">"):
                position += 1
                let partial = try readPartialName(tagStart: tagStart)
                let indentation = Array(whitespaceBefore)
                flushWhitespace()
                standalone = newLine && finishesLine()
                nodes.append(.partial(partial, indentation: standalone ? indentation : nil))
            case UInt8(ascii: "="):
                throw error(.unsupported("andere Begrenzer ({{=…=}})"), at: tagStart)
            case UInt8(ascii: "%"):
                throw error(.unsupported("Pragmas ({{%…}})"), at: tagStart)
            case UInt8(ascii: "<"), UInt8(ascii: "$"):
                throw error(.unsupported("Vorlagenvererbung ({{<…}}, {{$…}})"), at: tagStart)
            default:
                flushWhitespace()
                let (name, _) = try readName(tagStart: tagStart)
                nodes.append(.variable(name, escaped: true))
            }
            newLine = standalone
        }
        if let section { throw error(.unclosedSection(section.rawName), at: section.tagStart) }
        return nodes
    }

    /// True when only spaces and tabs follow up to the end of the line; then it also reads the line end.
    private mutating func finishesLine() -> Bool {
        if position >= bytes.count { return true }
        var probe = position
        while probe < bytes.count, bytes[probe] == .space || bytes[probe] == .tab { probe += 1 }
        if probe >= bytes.count {
            position = probe
            return true
        }
        // "\r\n" ends a line as "\n" does (a template saved on Windows).
        if bytes[probe] == .carriageReturn, probe + 1 < bytes.count, bytes[probe + 1] == .newline { probe += 1 }
        guard bytes[probe] == .newline else { return false }
        position = probe + 1
        return true
    }

    private func find(_ pattern: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index] == pattern[0], bytes[index + 1] == pattern[1] { return index }
            index += 1
        }
        return nil
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case .space, .tab, .newline, .carriageReturn: position += 1
            default: return
            }
        }
    }

    private mutating func readWord(allowingSlash: Bool) -> String {
        let start = position
        while position < bytes.count, Self.isNameByte(bytes[position]) || (allowingSlash && bytes[position] == UInt8(ascii: "/")) {
            position += 1
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private mutating func expectTagEnd(tagStart: Int) throws(TemplateSyntaxError) {
        skipWhitespace()
        guard position + 1 < bytes.count, bytes[position] == .closeBrace, bytes[position + 1] == .closeBrace else {
            throw error(.unfinishedTag, at: tagStart)
        }
        position += 2
    }

    private mutating func readPartialName(tagStart: Int) throws(TemplateSyntaxError) -> String {
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "*") {
            // A dynamic name would pick the partial from the data; kim's partials are fixed in the template.
            throw error(.unsupported("dynamische Teilvorlagen ({{>*…}})"), at: tagStart)
        }
        let name = readWord(allowingSlash: true)
        try expectTagEnd(tagStart: tagStart)
        return name
    }

    /// A name with its tag end; `raw` is the name as written, for matching the closing tag.
    /// On the name's bytes (only name bytes, all ASCII): Character-wise `split` and `contains` made
    /// parsing the templates a twentieth of a short build.
    private mutating func readName(tagStart: Int) throws(TemplateSyntaxError) -> (Template.Name, raw: String) {
        skipWhitespace()
        let start = position
        let raw = readWord(allowingSlash: false)
        let wort = bytes[start..<position]
        try expectTagEnd(tagStart: tagStart)
        var inner = wort
        var testsEmptiness = false
        switch raw {
        case "first()": return (Template.Name(path: [], anchored: false, testsEmptiness: false, position: .first), raw)
        case "last()": return (Template.Name(path: [], anchored: false, testsEmptiness: false, position: .last), raw)
        default: break
        }
        if let open = inner.firstIndex(of: UInt8(ascii: "(")) {
            guard inner[..<open].elementsEqual("empty".utf8), inner.last == UInt8(ascii: ")"),
                  inner.lazy.filter({ $0 == UInt8(ascii: "(") }).count == 1 else {
                throw error(.unsupported("die Funktion »\(raw)« (möglich sind empty(name), first() und last())"), at: tagStart)
            }
            testsEmptiness = true
            inner = inner[(open + 1)..<(inner.endIndex - 1)]
        }
        guard !inner.contains(UInt8(ascii: "(")), !inner.contains(UInt8(ascii: ")")) else { throw error(.unfinishedTag, at: tagStart) }
        if inner.elementsEqual(".".utf8) { return (Template.Name(path: [], anchored: false, testsEmptiness: testsEmptiness), raw) }
        let anchored = inner.first == UInt8(ascii: ".")
        let path = inner.split(separator: UInt8(ascii: ".")).map { String(decoding: $0, as: UTF8.self) }
        guard !path.isEmpty else { throw error(.unfinishedTag, at: tagStart) }
        return (Template.Name(path: path, anchored: anchored, testsEmptiness: testsEmptiness), raw)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return true
        case UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"):
            return true
        default:
            return false
        }
    }

    private func error(_ kind: TemplateSyntaxError.Kind, at offset: Int) -> TemplateSyntaxError {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == .newline {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: bytes[lineStart..<min(offset, bytes.count)], as: UTF8.self).count + 1
        return TemplateSyntaxError(kind: kind, line: line, column: column)
    }
}

extension UInt8 {
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
}
