import KimModel

extension Rohwert {
    /// The value without its positions (`Datenfelder` keep items so for the open data).
    init(_ knoten: JSONNode) {
        switch knoten.value {
        case .null: self = .null
        case .bool(let wahr): self = .wahrheitswert(wahr)
        case .number(let text): self = .zahl(text)
        case .string(let text): self = .text(text)
        case .array(let elemente): self = .liste(elemente.map(Rohwert.init))
        case .object(let eintraege): self = .objekt(eintraege.map { Datenfelder.Eintrag($0.key, Rohwert($0.value)) })
        }
    }
}
