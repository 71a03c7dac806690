import KimModel
import KimMustache

/// What the Gedaechtnis needs from a rendering: which templates a part of the site used,
/// and which findings it added, so a later build that takes the part over reports the same.
extension Vorlagen {
    /// The findings and checked templates one part of the site added, so a later build
    /// that takes the part over (Handlungskonzeptseiten) reports the same.
    struct Anteil {
        var befunde: [Diagnostic]
        var geprueft: Set<String>
    }

    var stand: (befunde: Int, geprueft: Set<String>) { sperre.withLock { (gesammelt.count, geprueft) } }

    func anteil(seit stand: (befunde: Int, geprueft: Set<String>)) -> Anteil {
        sperre.withLock { Anteil(befunde: Array(gesammelt[stand.befunde...]), geprueft: geprueft.subtracting(stand.geprueft)) }
    }

    /// Runs `arbeit` and returns the names of the templates it rendered, partials included.
    func aufzeichnen<Wert>(_ arbeit: () -> Wert) -> (Wert, Set<String>) {
        sperre.withLock { aufzeichnung = [] }
        let wert = arbeit()
        return (wert, sperre.withLock { () -> Set<String> in
            defer { aufzeichnung = nil }
            return aufzeichnung ?? []
        })
    }

    func merken(_ name: String, _ template: Template?) {
        sperre.withLock {
            guard aufzeichnung != nil else { return }
            aufzeichnung?.insert(name)
            if let template { aufzeichnung?.formUnion(library.partials(reachableFrom: template)) }
        }
    }

    func uebernehmen(_ anteil: Anteil) {
        sperre.withLock {
            gesammelt += anteil.befunde
            geprueft.formUnion(anteil.geprueft)
        }
    }
}
