/// `data/ansprechstellen.json` (optional): who answers for which Sozialraum – the KIM case management of a
/// district, as the Handlungskonzept wants responsibilities assigned by Sozialraum. A Sozialraum without one
/// points to the KI's central contact, and `kim check` says so.
public struct Ansprechstellen: Codable, Sendable, Equatable {
    public var stand: Datum
    public var quelle: String
    /// The whole file is invented for illustration (every entry is shown as example data).
    public var beispieldaten: Bool?
    public var ansprechstellen: [Ansprechstelle]

    public init(stand: Datum, quelle: String, beispieldaten: Bool? = nil, ansprechstellen: [Ansprechstelle]) {
        self.stand = stand
        self.quelle = quelle
        self.beispieldaten = beispieldaten
        self.ansprechstellen = ansprechstellen
    }
}

public struct Ansprechstelle: Codable, Sendable, Equatable {
    public var id: String
    /// "KIM-Case-Management Sterkrade"
    public var name: String
    /// Numbers of the Sozialräume it answers for (data/kommune.json).
    public var sozialraeume: [String]
    /// A named person or team, if the Kommune publishes one.
    public var ansprechperson: String?
    public var telefon: String?
    public var email: String?
    public var anschrift: Anschrift?
    public var oeffnungszeiten: String?
    /// Languages spoken there, in German ("Türkisch").
    public var sprachen: [String]
    /// This entry is invented for illustration.
    public var beispieldaten: Bool?
}
