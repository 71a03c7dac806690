/// A JSON value as it stood in a data file, without positions: what the open data take a
/// field's value from, also for fields this model does not know (a project's schema may add them).
public indirect enum Rohwert: Sendable, Equatable, Codable {
    case null
    case wahrheitswert(Bool)
    /// The number's source text, so "1" stays 1 and "2.5" stays 2.5.
    case zahl(String)
    case text(String)
    case liste([Rohwert])
    /// Members in the file's order.
    case objekt([Datenfelder.Eintrag])

    /// The member `schluessel` of an object; nil for another value or a missing key.
    public subscript(schluessel: String) -> Rohwert? {
        guard case .objekt(let eintraege) = self else { return nil }
        return eintraege.first { $0.schluessel == schluessel }?.wert
    }

    public init(from decoder: any Decoder) throws {
        let behaelter = try decoder.singleValueContainer()
        if behaelter.decodeNil() { self = .null }
        else if let wahr = try? behaelter.decode(Bool.self) { self = .wahrheitswert(wahr) }
        else if let zahl = try? behaelter.decode(Int.self) { self = .zahl(String(zahl)) }
        else if let zahl = try? behaelter.decode(Double.self) { self = .zahl(String(zahl)) }
        else if let text = try? behaelter.decode(String.self) { self = .text(text) }
        else if let liste = try? behaelter.decode([Rohwert].self) { self = .liste(liste) }
        else { self = .objekt(try behaelter.decode(Datenfelder.self).eintraege) }
    }

    public func encode(to encoder: any Encoder) throws {
        var behaelter = encoder.singleValueContainer()
        switch self {
        case .null: try behaelter.encodeNil()
        case .wahrheitswert(let wahr): try behaelter.encode(wahr)
        case .zahl(let text): if let ganz = Int(text) { try behaelter.encode(ganz) } else { try behaelter.encode(Double(text) ?? 0) }
        case .text(let text): try behaelter.encode(text)
        case .liste(let liste): try behaelter.encode(liste)
        case .objekt(let eintraege): try behaelter.encode(Datenfelder(eintraege))
        }
    }
}

/// An item of a dataset (an Angebot, a Meilenstein, a Beschluss, an Aufgabe) as its data file
/// holds it, set by the loader beside the typed fields. The open data read every field the schema
/// gives from here by its path, so a field a project adds to its schema reaches the downloads
/// without a change to kim (see `Feld`, `Exportplan`). The typed fields stay what pages use.
///
/// Reflection sees none of it (`customMirror`): the change list between Fassungen and the template
/// context walk the model's own fields, and each is already there once.
public struct Datenfelder: Sendable, Equatable, Codable, CustomReflectable {
    public struct Eintrag: Sendable, Equatable {
        public var schluessel: String
        public var wert: Rohwert

        public init(_ schluessel: String, _ wert: Rohwert) {
            self.schluessel = schluessel
            self.wert = wert
        }
    }

    public var eintraege: [Eintrag]

    public init(_ eintraege: [Eintrag] = []) {
        self.eintraege = eintraege
    }

    public var wert: Rohwert { .objekt(eintraege) }

    /// The value at `pfad` (["anschrift", "strasse"]); nil where any step is missing.
    public func wert(_ pfad: [String]) -> Rohwert? {
        var aktuell: Rohwert? = wert
        for teil in pfad { aktuell = aktuell?[teil] }
        return aktuell
    }

    public var customMirror: Mirror { Mirror(self, children: [:]) }

    private struct Schluessel: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        let behaelter = try decoder.container(keyedBy: Schluessel.self)
        eintraege = try behaelter.allKeys.map { Eintrag($0.stringValue, try behaelter.decode(Rohwert.self, forKey: $0)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var behaelter = encoder.container(keyedBy: Schluessel.self)
        for eintrag in eintraege { try behaelter.encode(eintrag.wert, forKey: Schluessel(stringValue: eintrag.schluessel)) }
    }
}
