/// Renders parsed templates into UTF-8 bytes, with a context stack as Mustache defines it:
/// a name is looked up from the innermost value outwards.
struct TemplateRenderer {
    let partials: [String: Template]
    var output: [UInt8] = []
    private var stack: [Any] = []
    /// Where the innermost list iteration stands, for `first()` and `last()`; nil outside a list
    /// or once a section or partial has entered another value (as in swift-mustache).
    private var listPosition: (first: Bool, last: Bool)?
    /// Partials within partials; a template that includes itself stops here instead of
    /// overflowing the stack (Vorlagen reports such a cycle before anything is rendered).
    private var partialDepth = 0
    static let maximumPartialDepth = 50
    let limits: TemplateLimits
    private var steps = 0
    /// `limits.maximumSteps` until a page gets there, then that plus `stepsPerContextValue` for each value of its data.
    private var stepLimit: Int
    private var stepLimitExtended = false
    private let clock = ContinuousClock()
    private var deadline: ContinuousClock.Instant
    /// The partial being rendered (nil: the template itself) and the sections open in it, innermost last.
    private var currentPartial: String?
    private var openSections: [(partial: String?, ort: Template.Ort)] = []
    /// Set once a limit is reached; from then on nothing more is rendered.
    private(set) var stopped: TemplateLimitError?

    init(partials: [String: Template], capacity: Int, limits: TemplateLimits = TemplateLimits()) {
        self.partials = partials
        self.limits = limits
        stepLimit = limits.maximumSteps
        deadline = clock.now.advanced(by: limits.maximumDuration)
        output.reserveCapacity(capacity)
    }

    mutating func render(_ template: Template, _ context: Any) {
        stack = [context]
        deadline = clock.now.advanced(by: limits.maximumDuration)
        render(template.nodes, indentation: nil)
    }

    private mutating func stop(_ kind: TemplateLimitError.Kind) {
        // The outermost open section: where the repetition that ran out of bounds begins.
        let outermost = openSections.first
        stopped = TemplateLimitError(kind: kind, partial: outermost?.partial ?? currentPartial,
                                     line: outermost?.ort.line ?? 0, column: outermost?.ort.column ?? 0)
    }

    /// Counts a step; false once a limit is reached.
    private mutating func step() -> Bool {
        guard stopped == nil else { return false }
        steps += 1
        if steps > stepLimit, !stepLimitExtended {
            stepLimitExtended = true
            stepLimit = limits.maximumSteps + limits.stepsPerContextValue * (stack.first.map(TemplateLimits.valueCount) ?? 0)
        }
        if steps > stepLimit {
            stop(.tooManySteps(stepLimit))
        } else if output.count > limits.maximumOutputBytes {
            stop(.outputTooLarge(limits.maximumOutputBytes))
        } else if steps & 0x3FFF == 0, clock.now > deadline {
            stop(.tooSlow(limits.maximumDuration))
        }
        return stopped == nil
    }

    /// Like swift-mustache, an indented partial indents a token that starts a new line of
    /// what this call has written so far.
    private mutating func render(_ nodes: [Template.Node], indentation: [UInt8]?) {
        guard let indentation, !indentation.isEmpty else {
            for node in nodes { render(node, indentation: indentation) }
            return
        }
        let start = output.count
        for node in nodes {
            let before = output.count
            let atLineStart = before > start && output[before - 1] == .newline
            render(node, indentation: indentation)
            if atLineStart, output.count > before, stopped == nil {
                output.insert(contentsOf: indentation, at: before)
                begrenzen()
            }
        }
    }

    private mutating func render(_ node: Template.Node, indentation: [UInt8]?) {
        guard step() else { return }
        switch node {
        case .text(let bytes):
            output.append(contentsOf: bytes)
            begrenzen()
        case .variable(let name, let escaped):
            guard let value = lookup(name) else { return }
            write(value, escaped: escaped)
        case .section(let name, let inner, let inverted, let ort):
            let value = lookup(name)
            openSections.append((currentPartial, ort))
            defer { openSections.removeLast() }
            if inverted {
                renderInverted(value, inner, indentation: indentation)
            } else {
                renderSection(value, inner, indentation: indentation)
            }
        case .partial(let name, let ownIndentation):
            guard let partial = partials[name], partialDepth < Self.maximumPartialDepth else { return }
            partialDepth += 1
            defer { partialDepth -= 1 }
            let combined = ownIndentation.map { (indentation ?? []) + $0 } ?? indentation
            let outer = listPosition
            let outerPartial = currentPartial
            listPosition = nil
            currentPartial = name
            render(partial.nodes, indentation: combined)
            listPosition = outer
            currentPartial = outerPartial
        }
    }

    private mutating func renderSection(_ value: Any?, _ inner: [Template.Node], indentation: [UInt8]?) {
        switch value {
        case nil:
            return
        case let flag as Bool:
            if flag { render(inner, indentation: indentation) }
        case let sequence as TemplateSequence:
            let outer = listPosition
            let count = sequence.elementCount
            var index = 0
            sequence.forEachElement { element in
                guard step() else { return }
                listPosition = (index == 0, index == count - 1)
                index += 1
                stack.append(element)
                render(inner, indentation: indentation)
                stack.removeLast()
            }
            listPosition = outer
        case let renderable as TemplateRenderable where renderable.isNull:
            return
        case let value?:
            enter(value, inner, indentation: indentation)
        }
    }

    private mutating func renderInverted(_ value: Any?, _ inner: [Template.Node], indentation: [UInt8]?) {
        switch value {
        case nil:
            render(inner, indentation: indentation)
        case let flag as Bool:
            if !flag { render(inner, indentation: indentation) }
        case let sequence as TemplateSequence:
            guard sequence.elementCount == 0 else { return }
            enter(sequence, inner, indentation: indentation)
        case let renderable as TemplateRenderable where renderable.isNull:
            render(inner, indentation: indentation)
        default:
            return
        }
    }

    /// Renders `inner` with `value` as the innermost context.
    private mutating func enter(_ value: Any, _ inner: [Template.Node], indentation: [UInt8]?) {
        let outer = listPosition
        listPosition = nil
        stack.append(value)
        render(inner, indentation: indentation)
        stack.removeLast()
        listPosition = outer
    }

    private mutating func write(_ value: Any, escaped: Bool) {
        let text: String
        switch value {
        case let string as String: text = string
        case let renderable as TemplateRenderable: text = renderable.renderText
        case let flag as Bool: text = flag ? "true" : "false"
        default: text = String(describing: value)
        }
        if escaped {
            HTMLEscaping.append(text, to: &output)
        } else {
            output.append(contentsOf: text.utf8)
        }
        begrenzen()
    }

    /// The output limit holds after every write, not only before the next step: one piece (a long
    /// text, a partial's indentation on every line, a last value) never carries the output past it.
    private mutating func begrenzen() {
        guard output.count > limits.maximumOutputBytes, stopped == nil else { return }
        output.removeSubrange(limits.maximumOutputBytes...)
        stop(.outputTooLarge(limits.maximumOutputBytes))
    }

    private func lookup(_ name: Template.Name) -> Any? {
        if let position = name.position {
            guard let listPosition else { return nil }
            return position == .first ? listPosition.first : listPosition.last
        }
        var value: Any?
        if name.path.isEmpty {
            value = stack.last
        } else if name.anchored {
            value = stack.last.flatMap { Self.resolve(name.path[...], in: $0) }
        } else {
            for candidate in stack.reversed() {
                if let found = Self.child(name.path[0], of: candidate) {
                    value = Self.resolve(name.path.dropFirst(), in: found)
                    break
                }
            }
        }
        guard name.testsEmptiness, let found = value else { return value }
        switch found {
        case let sequence as TemplateSequence: return sequence.elementCount == 0
        case let string as String: return string.isEmpty
        case let object as TemplateObject: return object.isEmptyObject
        default: return nil
        }
    }

    private static func resolve(_ path: ArraySlice<String>, in value: Any) -> Any? {
        var current = value
        for part in path {
            guard let next = child(part, of: current) else { return nil }
            current = next
        }
        return current
    }

    /// The types most values have, known without asking the runtime: a protocol cast (`as? OptionalValue`)
    /// scans every loaded library's conformance records the first time it meets a type, and even a failing
    /// `is` costs a call into the runtime, while comparing a value's type with these is one comparison.
    private static let text = ObjectIdentifier(String.self)
    private static let objekt = ObjectIdentifier([String: Any].self)
    private static let objektliste = ObjectIdentifier([[String: Any]].self)
    private static let wahrheitswert = ObjectIdentifier(Bool.self)

    private static func child(_ name: String, of value: Any) -> Any? {
        let found: Any?
        if let dictionary = value as? [String: Any] {
            found = dictionary[name]
        } else if ObjectIdentifier(type(of: value)) == text {
            return nil
        } else if let object = value as? TemplateObject {
            found = object.templateChild(named: name)
        } else {
            return nil
        }
        guard let found else { return nil }
        let typ = ObjectIdentifier(type(of: found))
        if typ == text || typ == objekt || typ == objektliste || typ == wahrheitswert { return found }
        if let optional = found as? OptionalValue { return optional.wrappedValue }
        return found
    }
}
