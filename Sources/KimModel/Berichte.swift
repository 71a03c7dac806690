/// `data/berichte.json`: everything the Sachstandsbericht for the Verwaltungsvorstand needs beyond
/// the plan and the Sitzungen: who receives it, whose Beschlüsse it reports, whom to ask, the
/// reports already given, the items awaiting a decision, risks, Kennzahlen and planned meetings.
/// Internal: none of it reaches the public site.
public struct Berichte: Codable, Sendable, Equatable {
    public var stand: Datum
    public var quelle: String
    /// Invented for illustration; every page that shows it says so.
    public var beispieldaten: Bool?
    /// Gremium id of the body that receives the report ("verwaltungsvorstand")
    public var empfaenger: String
    /// Gremium id of the steering body whose Beschlüsse the report lists ("steuerungsgruppe")
    public var leitgremium: String
    public var ansprechperson: Ansprechperson
    public var berichte: [Bericht]
    public var entscheidungen: [Entscheidungsbedarf]?
    public var risiken: [Risiko]?
    public var kennzahlen: [Kennzahl]?
    public var termine: [Termin]?
}

public struct Bericht: Codable, Sendable, Equatable {
    /// As-of date of the report
    public var stichtag: Datum
    /// Meeting of the Verwaltungsvorstand that received it
    public var vorgelegtAm: Datum?
    /// Number of the Vorlage it went with ("V/2021/0815")
    public var vorlage: String?
}

/// The person a board member calls with questions; internal, so a personal name is fine.
public struct Ansprechperson: Codable, Sendable, Equatable {
    public var name: String
    public var funktion: String
    public var telefon: String?
    public var email: String?
}

/// An item the Verwaltungsvorstand is asked to decide or to take note of.
public struct Entscheidungsbedarf: Codable, Sendable, Equatable {
    public enum Art: String, Codable, Sendable, CaseIterable {
        case beschluss, kenntnisnahme
    }

    public var id: String
    public var titel: String
    public var art: Art
    /// "Der Verwaltungsvorstand beschließt …" / "Der Verwaltungsvorstand nimmt … zur Kenntnis."
    public var beschlussvorschlag: String
    /// Why it is needed, in one or two sentences
    public var begruendung: String?
    public var optionen: [String]?
    /// What happens when no decision is taken
    public var folgenOhneEntscheidung: String?
    /// Decision needed by
    public var frist: Datum
    /// From this date the item is on the table; before it the report does not know it
    public var ab: Datum
    /// Once decided, reports after this date no longer ask for it
    public var entschiedenAm: Datum?
    public var vorlage: String?
    /// Meeting of the Verwaltungsvorstand it is planned for
    public var sitzung: Datum?
    /// Meilenstein ids it concerns
    public var meilensteine: [String]?
}

/// A risk or obstacle (Hemmnis) and what is done about it.
public struct Risiko: Codable, Sendable, Equatable {
    public enum Einschaetzung: String, Codable, Sendable, CaseIterable {
        case gering, mittel, hoch
    }

    public var id: String
    public var titel: String
    public var beschreibung: String
    public var gegenmassnahme: String
    public var einschaetzung: Einschaetzung
    /// Handlungsfeld id, when it belongs to one
    public var handlungsfeld: String?
    /// Known since
    public var seit: Datum
    /// Resolved on; later reports leave it out
    public var behobenAm: Datum?
}

/// A figure to monitor over time (Stellen besetzt, Fälle im Case Management, Einbürgerungen, Mittelabruf).
public struct Kennzahl: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    /// "Stellen", "Fälle", "€"
    public var einheit: String
    /// Target value, when there is one
    public var soll: Double?
    public var quelle: String
    public var werte: [Kennzahlwert]
}

public struct Kennzahlwert: Codable, Sendable, Equatable {
    public var stichtag: Datum
    public var wert: Double
}

/// A planned meeting not yet in `data/sitzungen/`.
public struct Termin: Codable, Sendable, Equatable {
    /// Gremium id
    public var gremium: String
    public var datum: Datum
    public var thema: String?
    /// Known from (planned on); before it the report does not list it
    public var ab: Datum?
}
