/// How values in a rendering context behave. Contexts are trees of `[String: Any]`,
/// lists, texts and booleans; these protocols let the renderer walk them without
/// converting lists or dictionaries of other element types.

/// A value with its own text, e.g. an absent optional that renders as nothing.
public protocol TemplateRenderable {
    var renderText: String { get }
    /// True when a section over it is skipped (and an inverted one shown).
    var isNull: Bool { get }
}

/// A list a section iterates over.
public protocol TemplateSequence {
    var elementCount: Int { get }
    func forEachElement(_ body: (Any) -> Void)
}

/// A value with named children, looked up by `a.b`.
public protocol TemplateObject {
    func templateChild(named name: String) -> Any?
    var isEmptyObject: Bool { get }
}

extension Array: TemplateSequence {
    public var elementCount: Int { count }
    public func forEachElement(_ body: (Any) -> Void) {
        for element in self { body(element) }
    }
}

extension Dictionary: TemplateObject where Key == String {
    public func templateChild(named name: String) -> Any? { self[name].map { $0 as Any } }
    public var isEmptyObject: Bool { isEmpty }
}

/// Optional values that ended up inside an `Any`: `nil` counts as absent.
protocol OptionalValue {
    var wrappedValue: Any? { get }
}

extension Optional: OptionalValue {
    var wrappedValue: Any? { self.map { $0 as Any } }
}
