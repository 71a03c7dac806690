import KimLoad
import KimModel

/// Brings the findings of the checks back to the form: a finding's line and column in the edited
/// file → the JSON Pointer of the value there → the field (or the group) that shows it.
struct Fehlerortung {
    /// Pointer of the value (or of the member whose key) starts at a location, in file order.
    private var orte: [(ort: SourceLocation, zeiger: String)] = []

    init(_ dokument: JSONNode) {
        sammeln(dokument, zeiger: "")
        orte.sort { $0.ort < $1.ort }
    }

    private mutating func sammeln(_ knoten: JSONNode, zeiger: String) {
        orte.append((knoten.location, zeiger))
        switch knoten.value {
        case .object(let eintraege):
            for eintrag in eintraege {
                let unter = Zeiger.anhaengen(zeiger, eintrag.key)
                orte.append((eintrag.keyLocation, unter))
                sammeln(eintrag.value, zeiger: unter)
            }
        case .array(let elemente):
            for (index, element) in elemente.enumerated() { sammeln(element, zeiger: Zeiger.anhaengen(zeiger, String(index))) }
        default:
            break
        }
    }

    /// The pointer a finding is about: the value at its location (the last one starting at or before it);
    /// for "Pflichtfeld "x" fehlt" at an object, the missing field itself.
    func zeiger(_ befund: Diagnostic) -> String {
        guard let ort = befund.location else { return "" }
        var gefunden = ""
        for eintrag in orte {
            if ort < eintrag.ort { break }
            gefunden = eintrag.zeiger
        }
        if let treffer = befund.message.firstMatch(of: /^Pflichtfeld "([^"]+)" fehlt/) {
            return Zeiger.anhaengen(gefunden, String(treffer.1))
        }
        return gefunden
    }

    /// The nearest place on the form: the pointer itself or the closest group above it.
    static func feld(_ zeiger: String, orte: [String: String]) -> String? {
        var aktuell = zeiger
        while true {
            if orte[aktuell] != nil { return aktuell }
            guard let schnitt = aktuell.lastIndex(of: "/") else { return nil }
            aktuell = String(aktuell[..<schnitt])
        }
    }
}
