/// `data/glossar.json` (optional): terms the Handlungskonzept uses without explaining them.
public struct Glossar: Codable, Sendable, Equatable {
    public var stand: Datum
    public var quelle: String
    public var begriffe: [Begriff]
}

public struct Begriff: Codable, Sendable, Equatable {
    public var id: String
    /// As the glossary page shows it: "Case-Management"
    public var begriff: String
    /// The spellings linked in the pages' text, case-sensitive: ["Case-Management", "Case-Managements"]
    public var formen: [String]
    /// Plain-language explanation (text)
    public var erklaerung: String
}
