/// `data/offene-daten.json`: how the Kommune publishes its data as open data: the licence,
/// the Regionalschlüssel portals locate it by, and the contact point of the catalogue.
public struct OffeneDaten: Codable, Sendable, Equatable {
    public var stand: Datum
    public var quelle: String
    public var beispieldaten: Bool?
    public var lizenz: Datenlizenz
    /// Who the licence's attribution names ("Kreis Lindenau, Kommunales Integrationszentrum").
    public var namensnennung: String
    /// Amtlicher Regionalschlüssel (ARS) of the Kommune, twelve digits: "051190000000".
    public var regionalschluessel: String
    public var kontakt: Kontaktstelle
}

/// The contact point a portal shows for every dataset.
public struct Kontaktstelle: Codable, Sendable, Equatable {
    public var name: String
    public var email: String?
    public var telefon: String?
    public var web: String?
}

/// Open licences of the dcat-ap.de licence list (http://dcat-ap.de/def/licenses) a Kommune may choose.
public enum Datenlizenz: String, Codable, Sendable, CaseIterable {
    case dlByDe20 = "dl-by-de/2.0"
    case dlZeroDe20 = "dl-zero-de/2.0"
    case ccBy40 = "cc-by/4.0"
    case ccZero = "cc-zero"

    /// The licence's IRI in the dcat-ap.de vocabulary.
    public var uri: String { "http://dcat-ap.de/def/licenses/" + rawValue }

    public var name: String {
        switch self {
        case .dlByDe20: "Datenlizenz Deutschland – Namensnennung – Version 2.0"
        case .dlZeroDe20: "Datenlizenz Deutschland – Zero – Version 2.0"
        case .ccBy40: "Creative Commons Namensnennung 4.0 International (CC BY 4.0)"
        case .ccZero: "Creative Commons Zero 1.0 Universell (CC0 1.0)"
        }
    }

    /// Where a reader finds the licence text.
    public var text: String {
        switch self {
        case .dlByDe20: "https://www.govdata.de/dl-de/by-2-0"
        case .dlZeroDe20: "https://www.govdata.de/dl-de/zero-2-0"
        case .ccBy40: "https://creativecommons.org/licenses/by/4.0/deed.de"
        case .ccZero: "https://creativecommons.org/publicdomain/zero/1.0/deed.de"
        }
    }
}
