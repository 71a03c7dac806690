/// `data/demografie.json`: population counts by Sozialraum. Only counts are stored;
/// shares and totals are derived, so they can never disagree with the counts.
public struct Demografie: Codable, Sendable, Equatable {
    public var stand: Datum
    public var quelle: String
    public var tabellen: [Bevoelkerungstabelle]
    public var imKontextFlucht: KennzahlFlucht
}

public struct Bevoelkerungstabelle: Codable, Sendable, Equatable {
    /// "gesamt", "kinder", "senioren": the name chapter templates use
    public var id: String
    /// Figure number in the Handlungskonzept (Abb. 1)
    public var abbildung: Int
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

public struct KennzahlFlucht: Codable, Sendable, Equatable {
    public var anzahl: Int
    public var stichtag: Datum
    public var quelle: String
    public var definition: String
}
