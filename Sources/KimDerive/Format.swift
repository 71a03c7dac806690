import KimModel

/// German number and date formats as the seed prints them: 212.199 · 44,1 · 31.12.2019.
public enum Format {
    /// Thousands separated by a dot: 212.199
    public static func zahl(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { grouped.append(".") }
            grouped.append(character)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    /// A count with its noun in the right number: "1 Angebot", "2 Angebote", "0 Angebote".
    public static func anzahl(_ wert: Int, _ einzahl: String, _ mehrzahl: String) -> String {
        "\(zahl(wert)) \(wert == 1 ? einzahl : mehrzahl)"
    }

    /// One decimal with a comma: 44,1
    public static func anteil(_ anteil: Anteil) -> String {
        let tenths = anteil.zehntelProzent
        return "\(zahl(tenths / 10)),\(tenths.magnitude % 10)"
    }

    /// "44,1 %" with a no-break space, as German typography asks.
    public static func prozent(_ anteil: Anteil) -> String {
        "\(self.anteil(anteil))\u{00A0}%"
    }

    /// A decimal that is usually whole or half: 2,5 · 0,5 · 3
    public static func dezimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? zahl(tenths / 10) : "\(zahl(tenths / 10)),\(tenths.magnitude % 10)"
    }

    /// 31.12.2019
    public static func datum(_ datum: Datum) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(datum.tag)).\(two(datum.monat)).\(datum.jahr)"
    }

    /// A plain data value as German text (date, whole or decimal number, text); nil for anything else.
    public static func wert(_ wert: Any) -> String? {
        switch wert {
        case let text as String: return text
        case let datum as Datum: return self.datum(datum)
        case let zahl as Int: return self.zahl(zahl)
        case let zahl as Double: return dezimal(zahl)
        default: return nil
        }
    }

    static let monatsnamen = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
                              "August", "September", "Oktober", "November", "Dezember"]

    /// 31. Dezember 2019
    public static func datumLang(_ datum: Datum) -> String {
        "\(datum.tag). \(monatsnamen[datum.monat - 1]) \(datum.jahr)"
    }
}

/// A share in tenths of a percent, computed from counts and rounded half up,
/// exactly as the seed's tables are: 11.973 of 27.143 → 441 (44,1 %).
public struct Anteil: Hashable, Comparable, Sendable {
    public let zehntelProzent: Int

    public init(zehntelProzent: Int) {
        self.zehntelProzent = zehntelProzent
    }

    /// nil when the total is zero: a share of nothing is not 0 %.
    public init?(teil: Int, von ganzes: Int) {
        guard ganzes > 0, teil >= 0 else { return nil }
        // floor(teil * 1000 / ganzes + 1/2) in integers: no floating-point rounding surprises.
        zehntelProzent = (2 * teil * 1000 + ganzes) / (2 * ganzes)
    }

    public var prozent: Double { Double(zehntelProzent) / 10 }

    public static func < (lhs: Anteil, rhs: Anteil) -> Bool { lhs.zehntelProzent < rhs.zehntelProzent }
}
