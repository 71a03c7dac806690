/// A column of a sheet, read from the schema: the field it fills, its German heading (the
/// schema's title), what it takes and whether it must be filled.
public struct Feld: Sendable, Equatable {
    public enum Art: Sendable, Equatable {
        case text, ganzzahl, zahl, datum, wahrheitswert
        /// One of the schema's `enum` values ("geplant", "laufend", …).
        case wahl([String])
    }

    /// Path below the list item: ["anschrift", "strasse"].
    public var pfad: [String]
    public var titel: String
    public var beschreibung: String
    public var art: Art
    /// A list of values of `art`, written into one cell separated by "; ".
    public var liste: Bool
    /// Must be filled in every row (required in the schema, and so is everything it lies in).
    public var pflicht: Bool
    /// The schema's own wording of a pattern ("eine Postleitzahl aus genau fünf Ziffern sein").
    public var muster: String?
    /// What the field names (`x-kim-verweis`, "data/angebote.json#/traeger"): its values are ids of that list.
    public var verweis: String?
    /// False where the schema says `"x-kim-oeffentlich": false` for the field or an object it lies in:
    /// then it reaches no public page and no download.
    public var oeffentlich: Bool
    /// What the field means to a reader of the open data (`x-kim-bedeutung`, else the schema's description,
    /// else its title): the column's description on the Offene-Daten page and in the catalogue.
    public var bedeutung: String

    public var schluessel: String { pfad.joined(separator: ".") }

    public init(pfad: [String], titel: String, beschreibung: String, art: Art, liste: Bool, pflicht: Bool, muster: String? = nil,
                verweis: String? = nil, oeffentlich: Bool = true, bedeutung: String? = nil) {
        self.pfad = pfad
        self.titel = titel
        self.beschreibung = beschreibung
        self.art = art
        self.liste = liste
        self.pflicht = pflicht
        self.muster = muster
        self.verweis = verweis
        self.oeffentlich = oeffentlich
        self.bedeutung = bedeutung ?? (beschreibung.isEmpty ? titel : beschreibung)
    }
}
