import Foundation

/// A posted form (`application/x-www-form-urlencoded`): its fields in order, names may repeat
/// (a group of checkboxes). Names starting with "_" are the workbench's own (`_token`,
/// `_version`, `_hinzufuegen` …); every other name is a JSON Pointer.
public struct Formulardaten: Sendable {
    public var felder: [(name: String, wert: String)]

    public init(_ felder: [(name: String, wert: String)]) {
        self.felder = felder
    }

    public init(rumpf: [UInt8]) {
        felder = rumpf.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true).map { paar in
            let teile = paar.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            return (Self.entschluesseln(teile[0]), teile.count > 1 ? Self.entschluesseln(teile[1]) : "")
        }
    }

    public subscript(name: String) -> String? {
        felder.first { $0.name == name }?.wert
    }

    public func alle(_ name: String) -> [String] {
        felder.filter { $0.name == name }.map(\.wert)
    }

    /// "+" is a space, "%XX" a byte; text that is not UTF-8 after decoding is taken byte by byte as Latin-1-free replacement.
    static func entschluesseln(_ teil: ArraySlice<UInt8>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(teil.count)
        var index = teil.startIndex
        while index < teil.endIndex {
            let byte = teil[index]
            if byte == UInt8(ascii: "+") {
                bytes.append(0x20)
            } else if byte == UInt8(ascii: "%"), index + 2 < teil.endIndex,
                      let wert = UInt8(String(decoding: teil[(index + 1)...(index + 2)], as: UTF8.self), radix: 16) {
                bytes.append(wert)
                index += 2
            } else {
                bytes.append(byte)
            }
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// For tests and the browser-less client: the body a browser would send.
    public var rumpf: [UInt8] {
        var erlaubt = CharacterSet.alphanumerics
        erlaubt.insert(charactersIn: "-._~")
        return Array(felder.map { name, wert in
            (name.addingPercentEncoding(withAllowedCharacters: erlaubt) ?? "") + "=" + (wert.addingPercentEncoding(withAllowedCharacters: erlaubt) ?? "")
        }.joined(separator: "&").utf8)
    }
}
