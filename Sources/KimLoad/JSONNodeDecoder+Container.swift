import KimModel

extension JSONNodeDecoder {
    /// A JSON object; the objects of kim's data have a handful of keys, so a scan beats hashing.
    struct Objekt<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let members: [JSONNode.Member]
        let pfad: Pfad?

        var codingPath: [any CodingKey] { Pfad.liste(pfad) }
        var allKeys: [Key] { members.compactMap { Key(stringValue: $0.key) } }

        private func wert(_ key: Key) -> JSONNode? {
            let name = key.stringValue
            return members.first { $0.key == name }?.value
        }

        private func verlangt(_ key: Key) throws -> JSONNode {
            guard let node = wert(key) else {
                throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "Schlüssel \"\(key.stringValue)\" fehlt"))
            }
            return node
        }

        /// The one generic reader behind all `decode` overloads (named apart so they cannot call themselves).
        private func lesen<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T {
            try JSONNodeDecoder.wert(type, verlangt(key), eltern: pfad, schluessel: key)
        }

        func contains(_ key: Key) -> Bool { wert(key) != nil }

        func decodeNil(forKey key: Key) throws -> Bool {
            if case .null = try verlangt(key).value { return true }
            return false
        }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try lesen(type, key) }

        /// As the protocol's default (absent or null is nil), except for a model's `Datenfelder`: they are
        /// not a key of the file but this whole object, kept as it stands for the open data.
        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            if type == Datenfelder.self { return Datenfelder(members.map { Datenfelder.Eintrag($0.key, Rohwert($0.value)) }) as? T }
            guard let node = wert(key) else { return nil }
            if case .null = node.value { return nil }
            return try JSONNodeDecoder.wert(type, node, eltern: pfad, schluessel: key)
        }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try lesen(type, key) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try lesen(type, key) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try lesen(type, key) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try lesen(type, key) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try lesen(type, key) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try lesen(type, key) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try lesen(type, key) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try lesen(type, key) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try lesen(type, key) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try lesen(type, key) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try lesen(type, key) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try lesen(type, key) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try lesen(type, key) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try lesen(type, key) }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            try JSONNodeDecoder(verlangt(key), eltern: pfad, schluessel: key).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try JSONNodeDecoder(verlangt(key), eltern: pfad, schluessel: key).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "superDecoder wird nicht unterstützt"))
        }

        func superDecoder(forKey key: Key) throws -> any Decoder {
            JSONNodeDecoder(try verlangt(key), eltern: pfad, schluessel: key)
        }
    }

    /// A JSON array, read front to back.
    struct Liste: UnkeyedDecodingContainer {
        let items: [JSONNode]
        let pfad: Pfad?
        private(set) var currentIndex = 0

        init(items: [JSONNode], pfad: Pfad?) {
            self.items = items
            self.pfad = pfad
        }

        var codingPath: [any CodingKey] { Pfad.liste(pfad) }
        var count: Int? { items.count }
        var isAtEnd: Bool { currentIndex >= items.count }

        private mutating func naechster() throws -> (JSONNode, Index) {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "die Liste ist zu Ende"))
            }
            defer { currentIndex += 1 }
            return (items[currentIndex], Index(currentIndex))
        }

        private mutating func lesen<T: Decodable>(_ type: T.Type) throws -> T {
            let (node, index) = try naechster()
            return try JSONNodeDecoder.wert(type, node, eltern: pfad, schluessel: index)
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, case .null = items[currentIndex].value else { return false }
            currentIndex += 1
            return true
        }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try lesen(type) }
        mutating func decode(_ type: Bool.Type) throws -> Bool { try lesen(type) }
        mutating func decode(_ type: String.Type) throws -> String { try lesen(type) }
        mutating func decode(_ type: Double.Type) throws -> Double { try lesen(type) }
        mutating func decode(_ type: Float.Type) throws -> Float { try lesen(type) }
        mutating func decode(_ type: Int.Type) throws -> Int { try lesen(type) }
        mutating func decode(_ type: Int8.Type) throws -> Int8 { try lesen(type) }
        mutating func decode(_ type: Int16.Type) throws -> Int16 { try lesen(type) }
        mutating func decode(_ type: Int32.Type) throws -> Int32 { try lesen(type) }
        mutating func decode(_ type: Int64.Type) throws -> Int64 { try lesen(type) }
        mutating func decode(_ type: UInt.Type) throws -> UInt { try lesen(type) }
        mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try lesen(type) }
        mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try lesen(type) }
        mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try lesen(type) }
        mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try lesen(type) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            let (node, index) = try naechster()
            return try JSONNodeDecoder(node, eltern: pfad, schluessel: index).container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            let (node, index) = try naechster()
            return try JSONNodeDecoder(node, eltern: pfad, schluessel: index).unkeyedContainer()
        }

        mutating func superDecoder() throws -> any Decoder {
            let (node, index) = try naechster()
            return JSONNodeDecoder(node, eltern: pfad, schluessel: index)
        }
    }

    /// One value: what Datum and the enums of the model read.
    struct Einzelwert: SingleValueDecodingContainer {
        let node: JSONNode
        let eltern: Pfad?
        let schluessel: (any CodingKey)?

        var codingPath: [any CodingKey] { Pfad.liste(schluessel.map { Pfad(eltern, $0) } ?? eltern) }

        func decodeNil() -> Bool {
            if case .null = node.value { return true }
            return false
        }

        private func lesen<T: Decodable>(_ type: T.Type) throws -> T {
            try JSONNodeDecoder.wert(type, node, eltern: eltern, schluessel: schluessel)
        }

        func decode<T: Decodable>(_ type: T.Type) throws -> T { try lesen(type) }
        func decode(_ type: Bool.Type) throws -> Bool { try lesen(type) }
        func decode(_ type: String.Type) throws -> String { try lesen(type) }
        func decode(_ type: Double.Type) throws -> Double { try lesen(type) }
        func decode(_ type: Float.Type) throws -> Float { try lesen(type) }
        func decode(_ type: Int.Type) throws -> Int { try lesen(type) }
        func decode(_ type: Int8.Type) throws -> Int8 { try lesen(type) }
        func decode(_ type: Int16.Type) throws -> Int16 { try lesen(type) }
        func decode(_ type: Int32.Type) throws -> Int32 { try lesen(type) }
        func decode(_ type: Int64.Type) throws -> Int64 { try lesen(type) }
        func decode(_ type: UInt.Type) throws -> UInt { try lesen(type) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try lesen(type) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try lesen(type) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try lesen(type) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try lesen(type) }
    }
}
