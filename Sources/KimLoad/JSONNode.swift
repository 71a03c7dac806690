import Foundation
import KimModel

/// A parsed JSON value that remembers where it stood in its file, so every
/// later diagnostic can point at the offending value.
public struct JSONNode: Sendable {
    public indirect enum Value: Sendable {
        case null
        case bool(Bool)
        /// The number's source text, kept so "1.0" and "1" stay distinguishable.
        case number(String)
        case string(String)
        case array([JSONNode])
        case object([Member])
    }

    public struct Member: Sendable {
        public var key: String
        public var keyLocation: SourceLocation
        public var value: JSONNode

        public init(key: String, keyLocation: SourceLocation, value: JSONNode) {
            self.key = key
            self.keyLocation = keyLocation
            self.value = value
        }
    }

    public var value: Value
    public var location: SourceLocation

    public init(value: Value, location: SourceLocation) {
        self.value = value
        self.location = location
    }

    public subscript(key: String) -> JSONNode? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The value a schema's local `$ref` ("#/$defs/Angebot") names, this node being the schema's root;
    /// nil for another kind of reference or one that leads nowhere.
    public func verweisziel(_ verweis: String) -> JSONNode? {
        if verweis == "#" { return self }
        guard verweis.hasPrefix("#/"), let zeiger = String(verweis.dropFirst(2)).removingPercentEncoding else { return nil }
        var ziel: JSONNode? = self
        // JSON Pointer (RFC 6901): "~1" stands for "/", "~0" for "~"; a number picks a list entry.
        for teil in zeiger.split(separator: "/", omittingEmptySubsequences: false) {
            let name = teil.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            if case .array(let eintraege)? = ziel?.value {
                ziel = Int(name).flatMap { $0 >= 0 && $0 < eintraege.count ? eintraege[$0] : nil }
            } else {
                ziel = ziel?[name]
            }
        }
        return ziel
    }

    /// German name of the value's type, for "gefunden: … (Text)".
    public var typeName: String {
        switch value {
        case .null: return "null"
        case .bool: return "Wahrheitswert"
        case .number(let text): return text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) ? "Kommazahl" : "ganze Zahl"
        case .string: return "Text"
        case .array: return "Liste"
        case .object: return "Objekt"
        }
    }

    /// Short rendering of the value for messages: `"11.973" (Text)`.
    public var shownForMessage: String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return "\(flag) (Wahrheitswert)"
        case .number(let text): return "\(text) (\(typeName))"
        case .string(let text):
            let short = text.count > 40 ? String(text.prefix(40)) + "…" : text
            return "\"\(short)\" (Text)"
        case .array(let items): return "eine Liste mit \(items.count) Einträgen"
        case .object: return "ein Objekt"
        }
    }
}
