/// Changed paragraphs for the reader: a removed and an inserted paragraph that are mostly the
/// same text become one changed paragraph, shown with its word-level differences.
extension Textvergleich {
    public enum Block: Sendable, Equatable {
        case eingefuegt(String)
        case geloescht(String)
        case geaendert(alt: String, neu: String)
    }

    /// Share of words two paragraphs need in common to be shown as one changed paragraph.
    static let mindestAehnlichkeit = 0.5

    /// The non-equal paragraphs in order; within each run of changes, removed paragraphs are paired
    /// in order with alike inserted ones.
    public static func bloecke(_ absaetze: [Absatz]) -> [Block] {
        var bloecke: [Block] = []
        var weg: [String] = [], dazu: [String] = []
        func lauffertig() {
            var naechstes = 0
            var gepaart: [Int: Int] = [:]
            for (index, alt) in weg.enumerated() {
                guard naechstes < dazu.count,
                      let treffer = (naechstes..<dazu.count).first(where: { Wortvergleich.aehnlichkeit(alt, dazu[$0]) >= mindestAehnlichkeit })
                else { continue }
                gepaart[index] = treffer
                naechstes = treffer + 1
            }
            // In reading order: inserted paragraphs before their changed neighbour stay in place.
            var eingefuegtBis = 0
            for (index, alt) in weg.enumerated() {
                if let neu = gepaart[index] {
                    while eingefuegtBis < neu { bloecke.append(.eingefuegt(dazu[eingefuegtBis])); eingefuegtBis += 1 }
                    bloecke.append(.geaendert(alt: alt, neu: dazu[neu]))
                    eingefuegtBis = neu + 1
                } else {
                    bloecke.append(.geloescht(alt))
                }
            }
            while eingefuegtBis < dazu.count { bloecke.append(.eingefuegt(dazu[eingefuegtBis])); eingefuegtBis += 1 }
            weg = []
            dazu = []
        }
        for absatz in absaetze {
            switch absatz.art {
            case .gleich: lauffertig()
            case .geloescht: weg.append(absatz.text)
            case .eingefuegt: dazu.append(absatz.text)
            }
        }
        lauffertig()
        return bloecke
    }
}
