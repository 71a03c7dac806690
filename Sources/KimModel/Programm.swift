/// `data/programm.json`: how the municipality implements the KIM programme:
/// the three Bausteine, the strategischer Overhead and the Zielgruppen.
public struct Programm: Codable, Sendable, Equatable {
    public var stand: Datum
    public var quelle: String
    /// Invented for illustration; every page that shows it says so.
    public var beispieldaten: Bool?
    public var bausteine: [Baustein]
    public var overhead: Overhead
    public var zielgruppen: Zielgruppen
}

public struct Baustein: Codable, Sendable, Equatable {
    public var nummer: Int
    public var titel: String
    public var beschreibung: String
}

public struct Overhead: Codable, Sendable, Equatable {
    /// Full-time equivalents of KIM coordination posts (2.5)
    public var koordinationsstellen: Double
    public var verwaltungsassistenz: Double
    public var aufgabenbereiche: [Aufgabenbereich]
}

public struct Aufgabenbereich: Codable, Sendable, Equatable {
    /// "A" … "E"
    public var buchstabe: String
    public var titel: String
    public var aufgaben: [String]
}

public struct Zielgruppen: Codable, Sendable, Equatable {
    public var gesamtprozess: [String]
    public var caseManagement: [String]
    /// Absent in Fassungen before the Teilhabemanagement was integrated (01.07.2022)
    public var teilhabemanagement: Teilhabemanagement?
}

public struct Teilhabemanagement: Codable, Sendable, Equatable {
    public var gefoerdertBis: Datum
    public var ab: Datum
    public var zielgruppen: [String]
}
