/// `data/gremien.json`: committees and networks.
public struct Gremien: Codable, Sendable, Equatable {
    public var stand: Datum
    public var quelle: String
    /// Invented for illustration; every page that shows it says so.
    public var beispieldaten: Bool?
    public var gremien: [Gremium]
}

public struct Gremium: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var kurzname: String
    /// Lenkungskreis, Facharbeitskreis, Projektgruppe, Integrationsrat, Arbeitsgemeinschaft
    public var art: String
    /// Short description of its role (Markdown)
    public var beschreibung: String
    public var geschaeftsfuehrung: String?
    public var aufgaben: [String]
    public var arbeitsweise: [String]
    public var sitzungenProJahr: Int?
    /// "Konsens", …
    public var beschlussfassung: String?
    public var enthaltungenZulaessig: Bool?
    public var mitglieder: [Mitgliedschaft]
    /// Level in the KIM structure chart (Abb. 4): 1 steering, 2 working level; absent when outside it.
    public var strukturebene: Int?
    public var vertretungen: [Vertretung]
    /// Where the Sitzungen are published when not on this site (the Integrationsrat's in the council information system)
    public var sitzungenVeroeffentlicht: Verweis?
}

/// A named link to another publication.
public struct Verweis: Codable, Sendable, Equatable {
    public var titel: String
    public var url: String
}

public struct Mitgliedschaft: Codable, Sendable, Equatable {
    public var bezeichnung: String
    public var rolle: String?
    public var angebote: [Teilangebot]?
}

public struct Teilangebot: Codable, Sendable, Equatable {
    public var name: String
    public var teile: [String]?
}

/// "jeweils eine Vertretung": a Gremium sends members into another.
public struct Vertretung: Codable, Sendable, Equatable {
    public var gremium: String
    public var anzahl: Int
}
