/// `data/kommune.json`: the municipality, its KI and its Sozialräume.
public struct Kommune: Codable, Sendable, Equatable {
    public var stand: Datum
    public var quelle: String
    /// "Lindenau"
    public var name: String
    /// "Kreis Lindenau", "Stadt Beispielstadt"
    public var bezeichnung: String
    /// "kreisfreie Stadt" or "Kreis"
    public var art: String
    public var anschrift: Anschrift
    public var ki: KommunalesIntegrationszentrum
    public var sozialraeume: [Sozialraum]
    /// Whether pages show a Sozialraum's statistical number before its name ("71 Mitte"); default yes.
    public var sozialraumnummernZeigen: Bool?
    /// German forms of the name where the rules of `Ortsformen` do not fit ("in der Städteregion Aachen").
    public var namensformen: Namensformen?
    /// What the Kommune calls its Sozialräume ("Stadtteil", "Stadt/Gemeinde"); "Sozialraum" when absent.
    public var sozialraumbegriff: Sozialraumbegriff?
    public var beispieldaten: Bool?
    /// Absolute URL the site is published under; ids of the OParl export and the feed start with it.
    public var basisUrl: String
}

public struct Anschrift: Codable, Sendable, Equatable {
    public var strasse: String
    public var plz: String
    public var ort: String
}

public struct Kontakt: Codable, Sendable, Equatable {
    public var telefon: String?
    public var email: String?
    public var web: String?
}

public struct KommunalesIntegrationszentrum: Codable, Sendable, Equatable {
    /// Organisational unit, "2-6"
    public var bereich: String
    public var name: String
    public var dezernat: String
    public var anschrift: Anschrift
    public var kontakt: Kontakt
}

public struct Sozialraum: Codable, Sendable, Equatable {
    /// Statistical district number, "71"
    public var nummer: String
    public var name: String

    public init(nummer: String, name: String) {
        self.nummer = nummer
        self.name = name
    }
}

/// How the Kommune is named inside a sentence; each form is optional and derived when absent.
public struct Namensformen: Codable, Sendable, Equatable {
    /// "in Beispielstadt", "im Kreis Lindenau"
    public var in_: String?
    /// "der Stadt Beispielstadt", "des Kreises Lindenau"
    public var genitiv: String?
    /// The word for offers that serve the whole area, when the one made from the kind of area does not fit.
    public var weit: String?

    enum CodingKeys: String, CodingKey {
        case in_ = "in"
        case genitiv
        case weit
    }
}

/// The word for one Sozialraum, its plural and its form after "in" ("im Stadtteil", "in der Stadt/Gemeinde"):
/// a Kreis's areas are its towns, a city's may be Stadtteile or Stadtbezirke.
public struct Sozialraumbegriff: Codable, Sendable, Equatable {
    /// "Sozialraum", "Stadtteil", "Stadt/Gemeinde"
    public var einzahl: String
    /// "Sozialräume", "Stadtteile", "Städte und Gemeinden"
    public var mehrzahl: String
    /// "im Sozialraum", "im Stadtteil", "in der Stadt/Gemeinde"
    public var mitIn: String

    public init(einzahl: String, mehrzahl: String, mitIn: String) {
        self.einzahl = einzahl
        self.mehrzahl = mehrzahl
        self.mitIn = mitIn
    }

    public static let sozialraum = Sozialraumbegriff(einzahl: "Sozialraum", mehrzahl: "Sozialräume", mitIn: "im Sozialraum")
}
