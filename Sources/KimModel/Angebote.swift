/// `data/angebote.json`: Anlage 1, the inventory of counselling and case-management services.
public struct Angebote: Codable, Sendable, Equatable {
    public var stand: Datum
    public var quelle: String
    /// Compiled for illustration rather than taken from the adopted Anlage 1: every page of it says so
    public var beispieldaten: Bool?
    /// The caveat the page repeats (the overview is not complete, categories are not always clear-cut).
    public var hinweis: String
    public var kategorien: [Angebotskategorie]
    public var zielgruppen: [Zielgruppe]
    public var traeger: [Traeger]
    public var angebote: [Angebot]
}

public struct Angebotskategorie: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var beschreibung: String
}

public struct Zielgruppe: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
}

public struct Traeger: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    /// "Freie Wohlfahrtspflege", "Stadtverwaltung", "Jobcenter", "Religionsgemeinschaft", "Verein"
    public var art: String
    /// The umbrella organisation (e.g. Der Paritätische for its members), a Träger id
    public var dachverband: String?
    public var web: String?
}

public struct Angebot: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    /// Träger id
    public var traeger: String
    /// Kategorie id; absent where the seed notes that a service fits no category clearly
    public var kategorie: String?
    /// Zielgruppe ids
    public var zielgruppen: [String]
    /// Legal basis or funding: "SGB II", "SGB VIII", "Bund", "Land", "EU", …
    public var rechtskreis: [String]
    /// Sozialraum numbers served; empty means city-wide
    public var sozialraeume: [String]
    public var anschrift: Anschrift?
    public var kontakt: Kontakt?
    public var sprachen: [String]
    /// When the service can be reached, "Mo–Do 9–12 Uhr"; absent when not known
    public var oeffnungszeiten: String?
    /// Short description (Markdown)
    public var beschreibung: String?
    /// Gremium ids the service takes part in (Facharbeitskreis …)
    public var gremien: [String]
    /// The item as its data file holds it, every field by its key (set by the loader; nil when made in code):
    /// what the open data read their values from (see `Datenfelder`).
    public var datenfelder: Datenfelder? = nil
}
