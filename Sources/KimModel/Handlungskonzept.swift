/// `data/handlungskonzept.json`: the document, its editions (Fassungen) and their chapters.
public struct Handlungskonzept: Codable, Sendable, Equatable {
    public var stand: Datum
    public var quelle: String
    public var beispieldaten: Bool?
    public var titel: String
    public var untertitel: String
    public var fassungen: [Fassung]
    /// Typos of the source corrected in the chapter templates; the Quellen list each one
    public var korrekturen: [Korrektur]?
}

/// One correction of the source's wording: in the template `vorlage`, `original` becomes `korrigiert`.
public struct Korrektur: Codable, Sendable, Equatable {
    /// Template name without extension, e.g. "kapitel/2-ausgangslage"
    public var vorlage: String
    public var original: String
    public var korrigiert: String
}

public struct Fassung: Codable, Sendable, Equatable {
    public var nummer: Int
    public var datum: Datum
    /// "Verwaltungsvorstand"
    public var beschlossenVon: String
    public var zusammenfassung: String
    public var kapitel: [Kapitel]
}

public struct Kapitel: Codable, Sendable, Equatable {
    public var nummer: Int
    public var titel: String
    /// URL-safe name, also the page's file name
    public var slug: String
    /// Template name under `templates/`, without `.md`
    public var vorlage: String
    /// "Das Wichtigste in Kürze": a few plain sentences shown before the chapter's text
    public var kurzfassung: [String]?
}
