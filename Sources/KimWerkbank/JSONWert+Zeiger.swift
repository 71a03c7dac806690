import KimTabellen

extension JSONWert {
    /// The value at a pointer's parts; nil when there is none.
    func wert(_ teile: ArraySlice<String>) -> JSONWert? {
        guard let erster = teile.first else { return self }
        switch inhalt {
        case .objekt(let felder): return felder.last { $0.0 == erster }?.1.wert(teile.dropFirst())
        case .liste(let elemente):
            guard let index = Int(erster), elemente.indices.contains(index) else { return nil }
            return elemente[index].wert(teile.dropFirst())
        default: return nil
        }
    }

    /// This value with the one at the pointer's parts replaced (nil removes it); "-" as the last
    /// part of a list appends. Unchanged when the place does not exist.
    func ersetzt(_ teile: ArraySlice<String>, durch neu: JSONWert?) -> JSONWert {
        guard let erster = teile.first else { return neu ?? self }
        switch inhalt {
        case .objekt(var felder):
            if let index = felder.lastIndex(where: { $0.0 == erster }) {
                if teile.count == 1, neu == nil {
                    felder.remove(at: index)
                } else {
                    felder[index].1 = felder[index].1.ersetzt(teile.dropFirst(), durch: neu)
                }
            } else if teile.count == 1, let neu {
                felder.append((erster, neu))
            }
            return JSONWert(.objekt(felder), herkunft: herkunft)
        case .liste(var elemente):
            if erster == "-", teile.count == 1, let neu {
                elemente.append(neu)
            } else if let index = Int(erster), elemente.indices.contains(index) {
                if teile.count == 1, neu == nil {
                    elemente.remove(at: index)
                } else {
                    elemente[index] = elemente[index].ersetzt(teile.dropFirst(), durch: neu)
                }
            }
            return JSONWert(.liste(elemente), herkunft: herkunft)
        default:
            return self
        }
    }

    var alsText: String? {
        switch inhalt {
        case .text(let text): return text
        case .zahl(let text): return text
        case .wahrheitswert(let wert): return wert ? "true" : "false"
        default: return nil
        }
    }

    var listenelemente: [JSONWert] {
        if case .liste(let elemente) = inhalt { return elemente }
        return []
    }
}
