/// `data/berichte.json`: the Sachstandsberichte already given to the Verwaltungsvorstand,
/// so a new one reports what happened since the previous one.
public struct Berichte: Codable, Sendable, Equatable {
    public var stand: Datum
    public var quelle: String
    /// Invented for illustration; every page that shows it says so.
    public var beispieldaten: Bool?
    public var berichte: [Bericht]
}

public struct Bericht: Codable, Sendable, Equatable {
    /// As-of date of the report
    public var stichtag: Datum
    /// Meeting of the Verwaltungsvorstand that received it
    public var vorgelegtAm: Datum?
}
