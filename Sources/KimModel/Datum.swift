/// A calendar date without time zone, as the data files write it (`YYYY-MM-DD`).
public struct Datum: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let jahr: Int
    public let monat: Int
    public let tag: Int

    public init?(jahr: Int, monat: Int, tag: Int) {
        guard (1...9999).contains(jahr), (1...12).contains(monat),
              (1...Datum.tageImMonat(jahr: jahr, monat: monat)).contains(tag) else { return nil }
        self.jahr = jahr
        self.monat = monat
        self.tag = tag
    }

    /// Parses strict ISO 8601 calendar dates: exactly `YYYY-MM-DD`.
    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let jahr = number(0..<4), let monat = number(5..<7), let tag = number(8..<10) else { return nil }
        self.init(jahr: jahr, monat: monat, tag: tag)
    }

    public static func tageImMonat(jahr: Int, monat: Int) -> Int {
        switch monat {
        case 2:
            let schaltjahr = (jahr % 4 == 0 && jahr % 100 != 0) || jahr % 400 == 0
            return schaltjahr ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var iso: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(jahr, 4))-\(pad(monat, 2))-\(pad(tag, 2))"
    }

    /// 1 to 4
    public var quartal: Int { (monat - 1) / 3 + 1 }

    /// The same day `anzahl` months later, clamped to the month's last day (31.01. + 1 → 28./29.02.).
    public func plusMonate(_ anzahl: Int) -> Datum {
        let gesamt = jahr * 12 + (monat - 1) + anzahl
        let neuesJahr = gesamt / 12, neuerMonat = gesamt % 12 + 1
        return Datum(jahr: neuesJahr, monat: neuerMonat, tag: min(tag, Datum.tageImMonat(jahr: neuesJahr, monat: neuerMonat))) ?? self
    }

    public var description: String { iso }

    public static func < (lhs: Datum, rhs: Datum) -> Bool {
        (lhs.jahr, lhs.monat, lhs.tag) < (rhs.jahr, rhs.monat, rhs.tag)
    }
}

extension Datum: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let datum = Datum(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "kein Datum: \(text)")
        }
        self = datum
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
