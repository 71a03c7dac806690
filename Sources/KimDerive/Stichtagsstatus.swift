import KimModel

/// Status of a Meilenstein or an Aufgabe as it was on a given date: a milestone
/// finished after that date was still open then, and one past its end is überfällig.
public enum Stichtagsstatus: String, Sendable, CaseIterable, Comparable {
    case geplant, laufend, verschoben, ueberfaellig, erledigt, offen

    public var bezeichnung: String {
        switch self {
        case .ueberfaellig: return "überfällig"
        default: return rawValue
        }
    }

    public static func < (lhs: Stichtagsstatus, rhs: Stichtagsstatus) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }

    public static func von(_ meilenstein: Meilenstein, am stichtag: Datum) -> Stichtagsstatus {
        if meilenstein.status == .erledigt, (meilenstein.erledigtAm ?? meilenstein.ende) <= stichtag { return .erledigt }
        if meilenstein.ende < stichtag { return .ueberfaellig }
        if meilenstein.status == .verschoben { return .verschoben }
        return meilenstein.beginn <= stichtag ? .laufend : .geplant
    }

    public static func von(_ aufgabe: Aufgabe, am stichtag: Datum) -> Stichtagsstatus {
        if aufgabe.status == .erledigt, (aufgabe.erledigtAm ?? aufgabe.frist) <= stichtag { return .erledigt }
        return aufgabe.frist < stichtag ? .ueberfaellig : .offen
    }
}

/// "2021-Q1" style quarter of a date, and the quarters a period spans.
public struct Quartal: Hashable, Comparable, Sendable {
    public var jahr: Int
    public var nummer: Int

    public init(_ datum: Datum) {
        jahr = datum.jahr
        nummer = datum.quartal
    }

    public init(jahr: Int, nummer: Int) {
        self.jahr = jahr
        self.nummer = nummer
    }

    public var bezeichnung: String { "\(nummer). Quartal \(jahr)" }
    public var kurz: String { "Q\(nummer)/\(jahr)" }

    public var naechstes: Quartal { nummer == 4 ? Quartal(jahr: jahr + 1, nummer: 1) : Quartal(jahr: jahr, nummer: nummer + 1) }

    public static func < (lhs: Quartal, rhs: Quartal) -> Bool { (lhs.jahr, lhs.nummer) < (rhs.jahr, rhs.nummer) }

    /// Every quarter from `von` to `bis`, both included.
    public static func folge(von: Quartal, bis: Quartal) -> [Quartal] {
        var quartale: [Quartal] = []
        var aktuell = von
        while aktuell <= bis, quartale.count < 400 {
            quartale.append(aktuell)
            aktuell = aktuell.naechstes
        }
        return quartale
    }
}
