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
}
