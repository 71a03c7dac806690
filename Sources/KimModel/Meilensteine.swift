/// `data/meilensteine.json`: Anlage 2, the milestone plan.
public struct Meilensteinplan: Codable, Sendable, Equatable {
    public var stand: Datum
    public var quelle: String
    public var beispieldaten: Bool?
    public var handlungsfelder: [Handlungsfeld]
    public var meilensteine: [Meilenstein]
}

public struct Handlungsfeld: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    /// Gremium ids whose meeting rule (`sitzungenProJahr`) the field's Ampel watches
    public var gremien: [String]?
}

public struct Meilenstein: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable, CaseIterable {
        case geplant, laufend, erledigt, verschoben
    }

    public var id: String
    public var titel: String
    /// KIM building block 1–3
    public var baustein: Int
    /// Handlungsfeld id
    public var handlungsfeld: String
    public var beginn: Datum
    public var ende: Datum
    public var verantwortlich: String
    public var beteiligt: [String]
    public var status: Status
    public var erledigtAm: Datum?
    /// The end first planned, when the milestone was postponed (`ende` is the new one)
    public var urspruenglichesEnde: Datum?
    public var bemerkung: String?
    /// Needs a decision of the Verwaltungsvorstand
    public var entscheidungVerwaltungsvorstand: Bool?
    /// The item as its data file holds it, every field by its key (set by the loader; nil when made in code):
    /// what the open data read their values from (see `Datenfelder`).
    public var datenfelder: Datenfelder? = nil
}
