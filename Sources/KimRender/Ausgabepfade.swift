import KimModel

/// Two pages must never share an output path: the later one would silently replace the earlier
/// (a `templates/texte/gremien.md` would take the place of the Gremien page).
enum Ausgabepfade {
    static func doppelte(_ seiten: [Seite]) -> [Diagnostic] {
        var erste: [String: Seite] = [:]
        var befunde: [Diagnostic] = []
        for seite in seiten {
            guard let frueher = erste[seite.pfad] else {
                erste[seite.pfad] = seite
                continue
            }
            // At the author's file where there is one: that is what can be renamed.
            let datei = seite.quelle ?? frueher.quelle ?? "templates/texte"
            befunde.append(.error(datei, nil, "zwei Seiten hätten denselben Pfad \(seite.pfad): \(beschreibung(frueher)) und \(beschreibung(seite))",
                                  hint: "die eigene Seite umbenennen"))
        }
        return befunde
    }

    static func beschreibung(_ seite: Seite) -> String {
        seite.quelle.map { "die Seite aus \($0)" } ?? "kims Seite »\(seite.titel)«"
    }
}
