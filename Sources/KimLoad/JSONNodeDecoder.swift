import KimModel

/// Decodes the typed model from the document the schema has already checked, instead of
/// parsing the file a second time with JSONDecoder. Reads what JSONDecoder reads: unknown
/// keys are ignored, a missing key or null is nil for an optional, an integral number is
/// an Int also when written 1.0 or 1e2.
struct JSONNodeDecoder: Decoder {
    let node: JSONNode
    let eltern: Pfad?
    let schluessel: (any CodingKey)?

    init(_ node: JSONNode, eltern: Pfad? = nil, schluessel: (any CodingKey)? = nil) {
        self.node = node
        self.eltern = eltern
        self.schluessel = schluessel
    }

    /// This value's path; a link is made only for containers and errors, not for every value.
    var pfad: Pfad? { schluessel.map { Pfad(eltern, $0) } ?? eltern }

    /// The coding path as a chain, turned into a list only when an error asks for it:
    /// keeping an array per value was much of JSONDecoder's cost.
    final class Pfad {
        let eltern: Pfad?
        let schluessel: any CodingKey

        init(_ eltern: Pfad?, _ schluessel: any CodingKey) {
            self.eltern = eltern
            self.schluessel = schluessel
        }

        static func liste(_ pfad: Pfad?) -> [any CodingKey] {
            var schluessel: [any CodingKey] = []
            var aktuell = pfad
            while let glied = aktuell {
                schluessel.append(glied.schluessel)
                aktuell = glied.eltern
            }
            return schluessel.reversed()
        }
    }

    struct Index: CodingKey {
        var intValue: Int?
        var stringValue: String { intValue.map(String.init) ?? "" }
        init(_ index: Int) { intValue = index }
        init?(intValue: Int) { self.intValue = intValue }
        init?(stringValue: String) { nil }
    }

    var codingPath: [any CodingKey] { Pfad.liste(pfad) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = node.value else { throw Self.falscherTyp([String: Any].self, node, pfad) }
        return KeyedDecodingContainer(Objekt<Key>(members: members, pfad: pfad))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = node.value else { throw Self.falscherTyp([Any].self, node, pfad) }
        return Liste(items: items, pfad: pfad)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        Einzelwert(node: node, eltern: eltern, schluessel: schluessel)
    }

    static func falscherTyp(_ typ: Any.Type, _ node: JSONNode, _ pfad: Pfad?) -> DecodingError {
        if case .null = node.value {
            return .valueNotFound(typ, .init(codingPath: Pfad.liste(pfad), debugDescription: "erwartet \(typ), gefunden: null"))
        }
        return .typeMismatch(typ, .init(codingPath: Pfad.liste(pfad), debugDescription: "erwartet \(typ), gefunden: \(node.typeName)"))
    }

    /// Every value the containers hand out, read from one node at `eltern` + `schluessel`.
    static func wert<T: Decodable>(_ typ: T.Type, _ node: JSONNode, eltern: Pfad?, schluessel: (any CodingKey)?) throws -> T {
        switch node.value {
        case .string(let text) where T.self == String.self:
            if let text = text as? T { return text }
        case .bool(let flag) where T.self == Bool.self:
            if let flag = flag as? T { return flag }
        case .number(let text):
            if let zahl = zahl(typ, text) { return zahl }
        default:
            break
        }
        if T.self == String.self || T.self == Bool.self || zahlTyp(typ) {
            throw falscherTyp(typ, node, schluessel.map { Pfad(eltern, $0) } ?? eltern)
        }
        return try T(from: JSONNodeDecoder(node, eltern: eltern, schluessel: schluessel))
    }

    /// The number types `zahl` reads. Compared by identity: asking the runtime whether a type conforms
    /// to `BinaryInteger` searched its conformance tables on every struct and array decoded.
    private static let zahlTypen: Set<ObjectIdentifier> = [
        ObjectIdentifier(Int.self), ObjectIdentifier(Int8.self), ObjectIdentifier(Int16.self), ObjectIdentifier(Int32.self),
        ObjectIdentifier(Int64.self), ObjectIdentifier(UInt.self), ObjectIdentifier(UInt8.self), ObjectIdentifier(UInt16.self),
        ObjectIdentifier(UInt32.self), ObjectIdentifier(UInt64.self), ObjectIdentifier(Double.self), ObjectIdentifier(Float.self),
    ]

    private static func zahlTyp<T>(_ typ: T.Type) -> Bool {
        zahlTypen.contains(ObjectIdentifier(typ))
    }

    private static func zahl<T>(_ typ: T.Type, _ text: String) -> T? {
        switch typ {
        case is Int.Type: return ganzzahl(Int.self, text) as? T
        case is Int8.Type: return ganzzahl(Int8.self, text) as? T
        case is Int16.Type: return ganzzahl(Int16.self, text) as? T
        case is Int32.Type: return ganzzahl(Int32.self, text) as? T
        case is Int64.Type: return ganzzahl(Int64.self, text) as? T
        case is UInt.Type: return ganzzahl(UInt.self, text) as? T
        case is UInt8.Type: return ganzzahl(UInt8.self, text) as? T
        case is UInt16.Type: return ganzzahl(UInt16.self, text) as? T
        case is UInt32.Type: return ganzzahl(UInt32.self, text) as? T
        case is UInt64.Type: return ganzzahl(UInt64.self, text) as? T
        case is Double.Type: return Double(text) as? T
        case is Float.Type: return Float(text).flatMap { $0.isFinite ? $0 : nil } as? T
        default: return nil
        }
    }

    private static func ganzzahl<I: FixedWidthInteger>(_ typ: I.Type, _ text: String) -> I? {
        if let zahl = I(text) { return zahl }
        return Double(text).flatMap { I(exactly: $0) }
    }
}
