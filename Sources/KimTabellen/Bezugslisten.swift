import Foundation
import KimModel

/// Entries others refer to, with the name a sheet shows for each: Träger, Kategorien,
/// Sozialräume, Gremien … An author writes the name; the data file keeps the id.
public struct Bezugsliste: Sendable {
    public struct Eintrag: Sendable, Equatable {
        public var id: String
        public var name: String

        public init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    public var eintraege: [Eintrag]
    /// "Träger", "Sozialraum": for messages.
    public var bezeichnung: String
    /// Shown as "71 Osterfeld": a Sozialraum is known by its number as much as by its name.
    public var mitKennung: Bool

    public init(_ eintraege: [Eintrag], bezeichnung: String, mitKennung: Bool = false) {
        self.eintraege = eintraege
        self.bezeichnung = bezeichnung
        self.mitKennung = mitKennung
    }

    /// The name shown for an id: its name, or the id itself when the name is missing or shared
    /// with another entry (then only the id says which one is meant).
    public func anzeige(_ id: String) -> String {
        guard let eintrag = eintraege.first(where: { $0.id == id }), !eintrag.name.isEmpty else { return id }
        if mitKennung { return "\(eintrag.id) \(eintrag.name)" }
        let gleichnamig = eintraege.filter { Self.vergleichbar($0.name) == Self.vergleichbar(eintrag.name) }.count
        return gleichnamig == 1 ? eintrag.name : id
    }

    public var anzeigen: [String] { eintraege.map { anzeige($0.id) } }

    public enum Aufloesung: Equatable, Sendable {
        case id(String)
        /// No entry has this id or name; perhaps one is meant.
        case unbekannt(vorschlag: String?)
        /// Several entries have this name.
        case mehrdeutig([String])
    }

    /// What a cell names: an id, a name (case and surrounding spaces do not matter), or for a
    /// Sozialraum also "71 Osterfeld".
    public func aufloesen(_ text: String) -> Aufloesung {
        let gesucht = text.trimmingCharacters(in: .whitespaces)
        if eintraege.contains(where: { $0.id == gesucht }) { return .id(gesucht) }
        let treffer = eintraege.filter { Self.vergleichbar($0.name) == Self.vergleichbar(gesucht) }
        if treffer.count == 1 { return .id(treffer[0].id) }
        if treffer.count > 1 { return .mehrdeutig(treffer.map(\.id)) }
        if let mitNummer = eintraege.first(where: { Self.vergleichbar("\($0.id) \($0.name)") == Self.vergleichbar(gesucht) }) {
            return .id(mitNummer.id)
        }
        return .unbekannt(vorschlag: Spelling.suggestion(for: gesucht, among: anzeigen))
    }

    static func vergleichbar(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// Lists from other data files that the sheets refer to.
public struct Fremdlisten: Sendable {
    public var sozialraeume: Bezugsliste
    public var gremien: Bezugsliste

    public init(sozialraeume: [Bezugsliste.Eintrag], gremien: [Bezugsliste.Eintrag]) {
        self.sozialraeume = Bezugsliste(sozialraeume, bezeichnung: "Sozialraum", mitKennung: true)
        self.gremien = Bezugsliste(gremien, bezeichnung: "Gremium")
    }
}
