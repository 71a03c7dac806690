import KimModel

/// Two pages must never share an output path: the later one would silently replace the earlier
/// (a `templates/texte/gremien.md` would take the place of the Gremien page). Paths are compared as
/// macOS and Windows file systems compare them (`Pfadschluessel`): `Gremien.html` is `gremien.html` there.
enum Ausgabepfade {
    static func doppelte(_ seiten: [Seite]) -> [Diagnostic] {
        var erste: [String: Seite] = [:]
        var befunde: [Diagnostic] = []
        for seite in seiten {
            let schluessel = Pfadschluessel.von(seite.pfad)
            guard let frueher = erste[schluessel] else {
                erste[schluessel] = seite
                continue
            }
            // At the author's file where there is one: that is what can be renamed.
            let datei = seite.quelle ?? frueher.quelle ?? "templates/texte"
            let pfade = frueher.pfad == seite.pfad ? "denselben Pfad \(seite.pfad)"
                : "die Pfade \(frueher.pfad) und \(seite.pfad), die sich nur in der Schreibweise unterscheiden (auf macOS und Windows dieselbe Datei)"
            befunde.append(.error(datei, nil, "zwei Seiten hätten \(pfade): \(beschreibung(frueher)) und \(beschreibung(seite))",
                                  hint: "die eigene Seite umbenennen"))
        }
        return befunde
    }

    static func beschreibung(_ seite: Seite) -> String {
        seite.quelle.map { "die Seite aus \($0)" } ?? "kims Seite »\(seite.titel)«"
    }
}
