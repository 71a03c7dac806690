/// `data/rechtliches.json`: what the legal pages every German public body's site
/// must carry say: Impressum (§ 5 DDG, § 18 Abs. 2 MStV), Datenschutzerklärung
/// (Art. 13 DSGVO) and Erklärung zur Barrierefreiheit (BITV NRW).
public struct Rechtliches: Codable, Sendable, Equatable {
    public var stand: Datum
    public var quelle: String
    public var beispieldaten: Bool?
    public var anbieter: Stelle
    /// Who represents the body (Oberbürgermeister/in, Landrat/Landrätin)
    public var vertretenDurch: String
    /// Responsible for the content under § 18 Abs. 2 MStV
    public var inhaltlichVerantwortlich: Stelle
    public var datenschutzbeauftragte: Stelle
    public var aufsichtsbehoerde: Stelle
    public var serverprotokoll: Serverprotokoll
    public var barrierefreiheit: Barrierefreiheit
}

/// A body or person with its public contact.
public struct Stelle: Codable, Sendable, Equatable {
    public var name: String
    public var funktion: String?
    public var anschrift: Anschrift
    public var kontakt: Kontakt
}

public struct Serverprotokoll: Codable, Sendable, Equatable {
    /// What the web server records for each request
    public var daten: [String]
    public var zweck: String
    public var rechtsgrundlage: String
    public var speicherdauerTage: Int
}

public struct Barrierefreiheit: Codable, Sendable, Equatable {
    /// "vollständig vereinbar", "teilweise vereinbar", "nicht vereinbar"
    public var status: String
    public var pruefdatum: Datum
    public var methode: String
    public var maengel: [Barriere]
    public var feedback: Stelle
    public var ombudsstelle: Stelle
}

public struct Barriere: Codable, Sendable, Equatable {
    public var mangel: String
    public var grund: String
    public var alternative: String
}
