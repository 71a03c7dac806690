/// `data/sprachen.json` (optional): short summaries in the languages most spoken among the
/// municipality's migrants, each a page sprachen/CODE.html marked as a non-official translation.
public struct Sprachen: Codable, Sendable, Equatable {
    public var stand: Datum
    public var quelle: String
    public var sprachen: [Zusammenfassung]
}

public struct Zusammenfassung: Codable, Sendable, Equatable {
    public enum Richtung: String, Codable, Sendable { case ltr, rtl }

    /// BCP 47 language code, also the page's file name: "tr", "ar"
    public var code: String
    /// The language's own name: "Türkçe", "العربية"
    public var name: String
    public var nameDeutsch: String
    public var richtung: Richtung
    public var titel: String
    /// That this is not an official translation, in the page's language
    public var hinweis: String
    public var einleitung: [String]
    public var hilfeTitel: String
    public var hilfe: [String]
    public var hilfeLink: String
    public var kontaktTitel: String
    public var kontaktText: String
    public var deutschLink: String
    /// The words of the site around the summary (navigation, footer, search …) in this language.
    public var oberflaeche: Oberflaeche
}

/// Every word the layout, the search page and the summary put around the content, in one language. All are
/// required, so `kim check` names each one a translation lacks; German pages use `Oberflaeche.deutsch`.
public struct Oberflaeche: Codable, Sendable, Equatable {
    public var zumInhalt: String
    public var hauptnavigation: String
    public var navigation: Navigationswoerter
    /// Said once beside the navigation of a translated page: its links lead to German pages.
    public var deutscheSeiten: String
    /// After a link to a German page: "(auf Deutsch)".
    public var aufDeutsch: String
    public var brotkrumen: String
    public var start: String
    public var rechtliches: String
    public var impressum: String
    public var datenschutz: String
    public var barrierefreiheit: String
    public var leichteSprache: String
    public var offeneDaten: String
    public var begriffe: String
    public var andereSprachen: String
    public var stand: String
    public var fassung: String
    /// The label of invented data: "Beispieldaten: …".
    public var beispieldaten: String
    public var suche: Suchwoerter
    public var zusammenfassung: Zusammenfassungswoerter
}

public struct Navigationswoerter: Codable, Sendable, Equatable {
    public var aktuelles: String
    public var handlungskonzept: String
    public var zahlen: String
    public var angebote: String
    public var meilensteine: String
    public var gremien: String
    public var quellen: String
    public var suche: String
}

public struct Suchwoerter: Codable, Sendable, Equatable {
    public var titel: String
    public var feld: String
    public var hinweis: String
    public var nurZeigen: String
    public var alles: String
    /// The kinds of page, as the filter offers them: Kapitel, Sitzung, Beschluss, Angebot.
    public var kapitel: String
    public var sitzung: String
    public var beschluss: String
    public var angebot: String
    public var zuKurz: String
    public var keineTreffer: String
    public var treffer: String
    public var ohneSkript: String
    public var deutscheSuche: String
}

/// Headings and lead-ins of the summary's parts made from the data.
public struct Zusammenfassungswoerter: Codable, Sendable, Equatable {
    public var ansprechTitel: String
    public var ansprechText: String
    public var telefon: String
    public var email: String
    public var beschluesseTitel: String
    public var beschluesseText: String
    public var geplantTitel: String
    public var geplantText: String
    public var bis: String
}
