/// FNV-1a with 64 bits: a hash that stays the same from run to run and machine to machine
/// (Swift's `Hasher` is seeded per process), for stable file names, ids and cache keys.
/// Not a security measure.
public struct FNV1a: Sendable {
    public private(set) var wert: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public init(_ text: String) {
        hinzufuegen(text.utf8)
    }

    public mutating func hinzufuegen<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes { mischen(UInt64(byte)) }
    }

    /// One more value folded in the way FNV-1a folds a byte (a length, to keep inputs apart).
    public mutating func mischen(_ zahl: UInt64) {
        wert ^= zahl
        wert = wert &* 0x0000_0100_0000_01B3
    }

    /// Hexadecimal without leading zeros.
    public var hex: String { String(wert, radix: 16) }

    /// Always 16 hexadecimal digits.
    public var hex16: String { String(repeating: "0", count: 16 - hex.count) + hex }
}
