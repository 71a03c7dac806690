/// Named templates that can include each other as partials (`{{> name}}`).
public struct TemplateLibrary: Sendable {
    public private(set) var templates: [String: Template]

    public init(_ templates: [String: Template] = [:]) {
        self.templates = templates
    }

    public mutating func register(_ template: Template, named name: String) {
        templates[name] = template
    }

    /// The names of the partials a template includes, directly or through other partials.
    public func partials(reachableFrom template: Template) -> Set<String> {
        var found: Set<String> = []
        var pending = Array(template.partialNames)
        while let name = pending.popLast() {
            guard found.insert(name).inserted, let partial = templates[name] else { continue }
            pending += partial.partialNames
        }
        return found
    }

    /// The named template rendered with `context`; nil when there is no such template.
    public func render(_ name: String, _ context: Any) -> String? {
        guard let template = templates[name] else { return nil }
        return render(template, context)
    }

    /// A template rendered with `context`, its partials taken from this library.
    public func render(_ template: Template, _ context: Any) -> String {
        String(decoding: renderBytes(template, context), as: UTF8.self)
    }

    public func renderBytes(_ template: Template, _ context: Any) -> [UInt8] {
        renderChecked(template, context).output
    }

    /// The output and, when a limit stopped the rendering, where (the output is then cut short).
    public func renderChecked(_ template: Template, _ context: Any, limits: TemplateLimits = TemplateLimits()) -> (output: [UInt8], stopped: TemplateLimitError?) {
        var renderer = TemplateRenderer(partials: templates, capacity: 4096, limits: limits)
        renderer.render(template, context)
        return (renderer.output, renderer.stopped)
    }
}
