import KimDerive
import KimModel

/// Turns a plain model value into template context by reflection: structs become
/// dictionaries keyed by property name, dates and numbers German-formatted text,
/// absent optionals `Leer`. Used where the data reach the page unchanged.
enum Spiegel {
    static func kontext(_ value: Any) -> Any? {
        if let text = Format.wert(value) { return text }
        if let wahr = value as? Bool { return wahr }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { kontext($0.value) } ?? Leer()
        case .collection:
            return mirror.children.compactMap { kontext($0.value) }
        case .struct, .class:
            var dictionary: Kontext = [:]
            for child in mirror.children {
                if let label = child.label, let wert = kontext(child.value) { dictionary[label] = wert }
            }
            return dictionary
        default:
            return String(describing: value)
        }
    }
}
