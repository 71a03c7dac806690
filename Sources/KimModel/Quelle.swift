/// `data/quellen.json`: literature and legal sources the Handlungskonzept cites.
public struct Quellen: Codable, Sendable, Equatable {
    public var stand: Datum
    public var quelle: String
    /// Invented for illustration; every page that shows it says so.
    public var beispieldaten: Bool?
    public var quellen: [Quelle]
}

public struct Quelle: Codable, Sendable, Equatable {
    public var id: String
    /// "Bogumil, J./Hafner, J." or the editing body with "(Hrsg.)"
    public var autoren: String
    public var jahr: Int?
    public var titel: String
    public var zusatz: String?
    public var ort: String?
    public var url: String?
}
