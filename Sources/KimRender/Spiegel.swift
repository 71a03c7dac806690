import KimDerive
import KimModel

/// Turns a plain model value into template context by reflection: structs become
/// dictionaries keyed by property name, dates and numbers German-formatted text,
/// absent optionals absent. Used where the data reach the page unchanged.
enum Spiegel {
    static func kontext(_ value: Any) -> Any? {
        switch value {
        case let text as String: return text
        case let datum as Datum: return Format.datum(datum)
        case let zahl as Int: return Format.zahl(zahl)
        case let zahl as Double: return Format.dezimal(zahl)
        case let wahr as Bool: return wahr
        default: break
        }
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
