import KimModel

/// One cell as a spreadsheet holds it: the typed value, not its display.
public enum Zelle: Equatable, Sendable {
    case leer
    case text(String)
    case zahl(Double)
    case datum(Datum)
    case wahrheitswert(Bool)

    public var istLeer: Bool {
        switch self {
        case .leer: return true
        case .text(let text): return text.allSatisfy(\.isWhitespace)
        default: return false
        }
    }
}

/// A drop-down list for a column: the values stand in another sheet's column (rows 2 to
/// `bisZeile`, 1-based), so a Träger added in the sheet "Träger" is offered at once.
/// `streng`: only these values are accepted (a single choice); otherwise the list is an offer
/// and other text may be typed (several choices separated by "; ").
public struct Auswahl: Equatable, Sendable {
    public var blatt: String
    public var spalte: Int
    public var bisZeile: Int
    public var streng: Bool

    public init(blatt: String, spalte: Int, bisZeile: Int, streng: Bool) {
        self.blatt = blatt
        self.spalte = spalte
        self.bisZeile = bisZeile
        self.streng = streng
    }
}

/// How a column's empty cells are formatted, so what a person types there keeps its kind
/// (a Postleitzahl typed as 04109 stays text, a date typed as 1.3.2021 becomes a date).
public enum Spaltenformat: Equatable, Sendable {
    case text, datum, zahl
}

/// A sheet: its first row holds the column headings.
public struct Blatt: Equatable, Sendable {
    public var name: String
    public var zeilen: [[Zelle]]
    /// Drop-down lists by column index (0-based), applied to every row below the heading.
    public var auswahl: [Int: Auswahl]
    /// Column widths in characters, by column index; missing ones get the format's default.
    public var breiten: [Int: Double]
    public var formate: [Int: Spaltenformat]

    public init(name: String, zeilen: [[Zelle]] = [], auswahl: [Int: Auswahl] = [:], breiten: [Int: Double] = [:],
                formate: [Int: Spaltenformat] = [:]) {
        self.name = name
        self.zeilen = zeilen
        self.auswahl = auswahl
        self.breiten = breiten
        self.formate = formate
    }

    public var spaltenzahl: Int { zeilen.map(\.count).max() ?? 0 }

    public func zelle(_ zeile: Int, _ spalte: Int) -> Zelle {
        guard zeile < zeilen.count, spalte < zeilen[zeile].count else { return .leer }
        return zeilen[zeile][spalte]
    }
}

/// A workbook: the sheets in their order.
public struct Arbeitsmappe: Equatable, Sendable {
    public var blaetter: [Blatt]

    public init(blaetter: [Blatt]) {
        self.blaetter = blaetter
    }

    public func blatt(_ name: String) -> Blatt? {
        blaetter.first { $0.name.lowercased() == name.lowercased() }
    }
}

/// The file formats `kim export` writes and `kim import` reads.
public enum Tabellenformat: String, Sendable, CaseIterable {
    case xlsx, ods, csv

    /// By the file name's extension, nil for any other.
    public init?(dateiname: String) {
        guard let punkt = dateiname.lastIndex(of: ".") else { return nil }
        self.init(rawValue: dateiname[dateiname.index(after: punkt)...].lowercased())
    }
}
