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
    /// What exactly is to be decided (the Eckpunkte themselves) and where the full text lies
    public var gegenstand: Gegenstand?
    /// Financial consequences; an empty list says "none"
    public var finanzen: [Finanzfolge]?
    /// The bodies that deliberate on it, in order, with their dates
    public var beratungsfolge: [Beratungsschritt]?
    public var optionen: [Entscheidungsoption]?
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
    /// Once decided: what was decided, in one sentence
    public var ergebnis: String?
    /// What became of the decision, step by step; a report shows the steps known by its date
    public var umsetzung: [Umsetzungsschritt]?
}

/// The matter of a decision: its points in words, or a link to the attachment that holds them.
public struct Gegenstand: Codable, Sendable, Equatable {
    public var punkte: [String]?
    public var anlage: Verweis?
}

/// Money a decision costs: amount, budget line, one-off or every year.
public struct Finanzfolge: Codable, Sendable, Equatable {
    public enum Art: String, Codable, Sendable, CaseIterable {
        case einmalig, jaehrlich
    }

    /// In euros
    public var betrag: Double
    public var art: Art
    /// Budget line (Produkt, Kostenstelle), as the Kämmerei names it
    public var haushaltsstelle: String
    /// Budget year from which it applies
    public var abJahr: Int?
    public var bemerkung: String?
}

/// One body's deliberation on a Vorlage.
public struct Beratungsschritt: Codable, Sendable, Equatable {
    /// Gremium id
    public var gremium: String
    public var datum: Datum
    /// "Vorberatung", "Entscheidung", "Kenntnisnahme"
    public var zweck: String
}

/// One option with what follows from it. Written as plain text when it needs no consequences.
public struct Entscheidungsoption: Codable, Sendable, Equatable {
    public var text: String
    public var folgen: String?

    public init(text: String, folgen: String? = nil) {
        self.text = text
        self.folgen = folgen
    }

    public init(from decoder: Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            self.init(text: text)
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(text: try container.decode(String.self, forKey: .text), folgen: try container.decodeIfPresent(String.self, forKey: .folgen))
    }

    public func encode(to encoder: Encoder) throws {
        if folgen == nil {
            var container = encoder.singleValueContainer()
            try container.encode(text)
        } else {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(text, forKey: .text)
            try container.encodeIfPresent(folgen, forKey: .folgen)
        }
    }

    enum CodingKeys: String, CodingKey { case text, folgen }
}

/// A step in carrying out a decision.
public struct Umsetzungsschritt: Codable, Sendable, Equatable {
    public var datum: Datum
    public var text: String
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
    /// The unit for exactly one ("Stelle"), when it differs
    public var einheitEinzahl: String?
    /// Target value, when there is one
    public var soll: Double?
    public var quelle: String
    /// The milestone whose completion means the target is reached (`soll`)
    public var meilenstein: String?
    public var werte: [Kennzahlwert]
}

public struct Kennzahlwert: Codable, Sendable, Equatable {
    public var stichtag: Datum
    public var wert: Double
    /// The period the value counts within ("Förderjahr 2021"); values of different periods are never compared
    public var zeitraum: String?
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
