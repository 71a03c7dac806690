/// `data/demografie.json`: population counts by Sozialraum. Only counts are stored;
/// shares and totals are derived, so they can never disagree with the counts.
public struct Demografie: Codable, Sendable, Equatable {
    public var stand: Datum
    public var quelle: String
    public var beispieldaten: Bool?
    public var tabellen: [Bevoelkerungstabelle]
    /// Single figures beside the tables (e.g. people with a certain status at a Stichtag).
    public var indikatoren: [Indikator]?
    /// The figures the start page leads with, each naming a table value or an indicator.
    public var eckdaten: [Eckdatum]?
}

public struct Bevoelkerungstabelle: Codable, Sendable, Equatable {
    /// The name chapter templates use, e.g. "bevoelkerung" or "jugend"
    public var id: String
    /// Formerly the typed figure number; figure numbers are now derived from where the
    /// chapters place the figures. Still read, so a project that has it gets a clear warning.
    public var abbildung: Int?
    public var titel: String
    /// "Gesamtbevölkerung", "Bevölkerung 0 bis unter 6 Jahre"
    public var gruppe: String
    public var stichtag: Datum
    public var quelle: String
    public var zeilen: [Bevoelkerungszeile]
    /// Optional printed total; when given it must equal the sum of the rows.
    public var summe: Bevoelkerungssumme?
}

public struct Bevoelkerungszeile: Codable, Sendable, Equatable {
    /// Sozialraum number, refers to `kommune.json`
    public var sozialraum: String
    public var insgesamt: Int
    public var mitEinwanderungsgeschichte: Int
    /// Optional printed share in percent; when given it must match the computed one.
    public var anteil: Double?
}

public struct Bevoelkerungssumme: Codable, Sendable, Equatable {
    public var insgesamt: Int
    public var mitEinwanderungsgeschichte: Int
}

/// One figure with its Stichtag, source and definition, shown on the Zahlen page.
public struct Indikator: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var wert: Double
    public var einheit: String?
    public var stichtag: Datum
    public var quelle: String
    public var definition: String?
}

/// A key figure of the start page: a value of a population table or an indicator.
public struct Eckdatum: Codable, Sendable, Equatable {
    public enum Wert: String, Codable, Sendable {
        case insgesamt, mitEinwanderungsgeschichte, anteil
    }

    public var text: String
    public var tabelle: String?
    public var wert: Wert?
    public var indikator: String?
}
