/// Builds a nested object from values by path, in the order they are set.
struct Objektbau {
    private var felder: [(String, Knoten)] = []

    private indirect enum Knoten {
        case wert(JSONWert)
        case objekt(Objektbau)
    }

    mutating func setzen(_ pfad: [String], _ wert: JSONWert) {
        guard let erster = pfad.first else { return }
        let index = felder.firstIndex { $0.0 == erster }
        if pfad.count == 1 {
            if let index { felder[index].1 = .wert(wert) } else { felder.append((erster, .wert(wert))) }
            return
        }
        var inneres = Objektbau()
        if let index, case .objekt(let vorhanden) = felder[index].1 { inneres = vorhanden }
        inneres.setzen(Array(pfad.dropFirst()), wert)
        if let index { felder[index].1 = .objekt(inneres) } else { felder.append((erster, .objekt(inneres))) }
    }

    /// The object; an inner object's origin is the row, with its columns keyed below it.
    func wert(herkunft: Herkunft) -> JSONWert {
        JSONWert(.objekt(felder.map { schluessel, knoten in
            switch knoten {
            case .wert(let wert): return (schluessel, wert)
            case .objekt(let inneres):
                var innen = herkunft
                innen.spalten = Dictionary(uniqueKeysWithValues: herkunft.spalten.compactMap { pfad, spalte in
                    pfad.hasPrefix(schluessel + ".") ? (String(pfad.dropFirst(schluessel.count + 1)), spalte) : nil
                })
                return (schluessel, inneres.wert(herkunft: innen))
            }
        }), herkunft: herkunft)
    }
}
