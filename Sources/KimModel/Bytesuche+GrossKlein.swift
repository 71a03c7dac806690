/// Searches UTF-8 bytes without building Strings, as a cheap pre-test before an exact
/// Unicode-aware search.
public enum Bytesuche {
    /// Whether `muster` (ASCII, lower case) occurs in `bytes` with ASCII letters in any case.
    /// Whenever `text.lowercased().contains(muster)` holds, this holds too: the only characters
    /// outside A–Z that lower-case to ASCII letters are U+212A KELVIN SIGN (to k, not in the
    /// patterns used) and U+0130 (to i followed by U+0307, which breaks a match).
    public static func enthaeltOhneGrossKlein(_ bytes: String.UTF8View, _ muster: StaticString) -> Bool {
        let suche = UnsafeBufferPointer(start: muster.utf8Start, count: muster.utf8CodeUnitCount)
        guard let erstes = suche.first else { return true }
        let gefunden = bytes.withContiguousStorageIfAvailable { text in
            enthaelt(text, suche, erstes)
        }
        return gefunden ?? enthaelt(Array(bytes), suche, erstes)
    }

    private static func enthaelt<Text: RandomAccessCollection<UInt8>>(_ text: Text, _ suche: UnsafeBufferPointer<UInt8>, _ erstes: UInt8) -> Bool
    where Text.Index == Int {
        guard text.count >= suche.count else { return false }
        var index = text.startIndex
        let letzter = text.endIndex - suche.count
        while index <= letzter {
            if klein(text[index]) == erstes {
                var passt = true
                for versatz in 1..<suche.count where klein(text[index + versatz]) != suche[versatz] {
                    passt = false
                    break
                }
                if passt { return true }
            }
            index += 1
        }
        return false
    }

    /// Text with its ASCII letters lower-cased once, for pre-tests of several patterns known
    /// only at run time (ASCII, lower case) over the same text. Keeps its buffer between texts.
    public struct Kleintext {
        private var bytes: [UInt8] = []

        public init() {}

        /// Takes `teile` joined by line breaks.
        public mutating func setzen(_ teile: [String]) {
            bytes.removeAll(keepingCapacity: true)
            for (index, teil) in teile.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: "\n")) }
                for byte in teil.utf8 { bytes.append(Bytesuche.klein(byte)) }
            }
        }

        public func enthaelt(_ muster: [UInt8]) -> Bool {
            bytes.withUnsafeBufferPointer { heu in muster.withUnsafeBufferPointer { Bytesuche.enthaelt(heu, $0) } }
        }
    }

    private static func klein(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}
