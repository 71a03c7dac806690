/// `data/sitzungen/*.json`: one file per meeting of a Gremium, with its Niederschrift.
public struct Sitzung: Codable, Sendable, Equatable {
    public var stand: Datum
    public var quelle: String
    public var beispieldaten: Bool?
    public var id: String
    /// Gremium id
    public var gremium: String
    public var nummer: Int
    public var datum: Datum
    /// "14:00"
    public var beginn: String
    public var ende: String
    public var ort: String
    public var oeffentlich: Bool
    public var teilnahme: [Teilnahme]
    /// Whether the Niederschrift of the previous Sitzung was approved in this one
    public var niederschriftGenehmigt: Bool?
    public var tagesordnung: [Tagesordnungspunkt]
    /// The file it was read from ("data/sitzungen/lk-1.json"), set by the loader: messages name the real
    /// file, whatever the Sitzung's id. Not part of the data.
    public var datei: String? = nil

    enum CodingKeys: String, CodingKey {
        case stand, quelle, beispieldaten, id, gremium, nummer, datum, beginn, ende, ort, oeffentlich, teilnahme, niederschriftGenehmigt, tagesordnung
    }

    /// The file for messages: where it was read from, else where `kim new sitzung` would put it.
    public var quelldatei: String { datei ?? "data/sitzungen/\(id).json" }
}

public struct Teilnahme: Codable, Sendable, Equatable {
    /// Organisation or function ("3-2/Soziales", "Vorsitz")
    public var organisation: String
    public var rolle: String?
    /// A personal name, published only with `einwilligung`
    public var name: String?
    public var einwilligung: Bool?
    public var anwesend: Bool
}

public struct Tagesordnungspunkt: Codable, Sendable, Equatable {
    /// "1", "2", "3.1"
    public var nummer: String
    public var titel: String
    public var oeffentlich: Bool
    /// Report (Markdown)
    public var bericht: String?
    public var beschluesse: [Beschluss]
    public var aufgaben: [Aufgabe]
    /// Meilenstein ids this item concerns
    public var meilensteine: [String]

    public init(nummer: String, titel: String, oeffentlich: Bool, bericht: String?, beschluesse: [Beschluss], aufgaben: [Aufgabe], meilensteine: [String]) {
        self.nummer = nummer
        self.titel = titel
        self.oeffentlich = oeffentlich
        self.bericht = bericht
        self.beschluesse = beschluesse
        self.aufgaben = aufgaben
        self.meilensteine = meilensteine
    }
}

public struct Beschluss: Codable, Sendable, Equatable {
    public enum Ergebnis: String, Codable, Sendable, CaseIterable {
        case konsens = "Konsens"
        case einstimmig
        case mehrheitlich
        case vertagt
        case abgelehnt
        case kenntnisgenommen = "zur Kenntnis genommen"
    }

    public var id: String
    public var wortlaut: String
    public var ergebnis: Ergebnis
    public var enthaltungen: Int?
    /// Meilenstein ids the decision affects
    public var meilensteine: [String]
    /// The item as its data file holds it, every field by its key (set by the loader; nil when made in code):
    /// what the open data read their values from (see `Datenfelder`).
    public var datenfelder: Datenfelder? = nil
}

public struct Aufgabe: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable, CaseIterable {
        case offen, erledigt
    }

    public var id: String
    public var was: String
    public var verantwortlich: String
    public var frist: Datum
    public var status: Status
    public var erledigtAm: Datum?
    /// Needs a decision of the Verwaltungsvorstand
    public var entscheidungVerwaltungsvorstand: Bool?
    /// The item as its data file holds it, every field by its key (set by the loader; nil when made in code):
    /// what the open data read their values from (see `Datenfelder`).
    public var datenfelder: Datenfelder? = nil
}
