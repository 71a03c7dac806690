import KimModel

/// Where each Sitzung, Beschluss and Aufgabe id of a checked project is defined, so that one
/// changed Sitzung can be checked against all the others without going through them again.
public struct Sitzungskennungen: Sendable {
    var sitzungen: [String: String] = [:]
    var beschluesse: [String: String] = [:]
    var aufgaben: [String: String] = [:]

    public init(_ projekt: Projekt) {
        for sitzung in projekt.sitzungen {
            sitzungen[Pfadschluessel.von(sitzung.id)] = sitzung.quelldatei
            for punkt in sitzung.tagesordnung {
                for beschluss in punkt.beschluesse { beschluesse[beschluss.id] = sitzung.quelldatei }
                for aufgabe in punkt.aufgaben { aufgaben[aufgabe.id] = sitzung.quelldatei }
            }
        }
    }

    /// Whether `id` is free for `datei`: unused, or used by the file itself.
    static func frei(_ id: String, in vergeben: [String: String], fuer datei: String) -> Bool {
        vergeben[id].map { $0 == datei } ?? true
    }
}

extension Validate {
    /// Whether one changed Sitzung of an otherwise checked project passes every check `check` makes of it:
    /// its own (references, times, TOP numbers, Markdown) and the uniqueness of its ids among the other
    /// Sitzungen. Milliseconds where `check` takes a second at state scale (`kim serve`'s quick path).
    public static func ohneFehler(_ sitzung: Sitzung, in projekt: Projekt, kennungen: Sitzungskennungen) -> Bool {
        var allein = projekt
        allein.sitzungen = [sitzung]
        var findings = Findings(quellkarte: projekt.quellkarte)
        checkSitzungen(allein, &findings)
        guard !findings.mitAuslassungen.hasErrors else { return false }
        let datei = sitzung.quelldatei
        let punkte = sitzung.tagesordnung
        return Sitzungskennungen.frei(Pfadschluessel.von(sitzung.id), in: kennungen.sitzungen, fuer: datei)
            && punkte.allSatisfy { punkt in
                punkt.beschluesse.allSatisfy { Sitzungskennungen.frei($0.id, in: kennungen.beschluesse, fuer: datei) }
                    && punkt.aufgaben.allSatisfy { Sitzungskennungen.frei($0.id, in: kennungen.aufgaben, fuer: datei) }
            }
    }
}
