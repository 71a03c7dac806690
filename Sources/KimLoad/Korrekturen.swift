import KimModel

/// Typos of the source, corrected through the list in `data/handlungskonzept.json`: the chapter
/// template keeps the source's wording, every output (site, PDF, briefing) gets the corrected one,
/// and the Quellen page lists what was changed. A correction that finds nothing is reported.
enum Korrekturen {
    /// `nichtGeladen`: templates that exist but could not be loaded; their error stands at the file already.
    static func anwenden(_ korrekturen: [Korrektur], auf vorlagen: [String: Vorlage], nichtGeladen: Set<String> = [],
                         quellkarte: SourceMap, diagnostics: inout [Diagnostic]) -> [String: Vorlage] {
        var ergebnis = vorlagen
        let file = "data/handlungskonzept.json"
        for (index, korrektur) in korrekturen.enumerated() {
            guard var vorlage = ergebnis[korrektur.vorlage] else {
                if nichtGeladen.contains(korrektur.vorlage) { continue }
                diagnostics.append(.error(file, quellkarte.location(file, "/korrekturen/\(index)/vorlage"),
                                          "die Vorlage \"templates/\(korrektur.vorlage).md\" gibt es nicht", hint: "Dateinamen in templates/ prüfen"))
                continue
            }
            guard vorlage.text.contains(korrektur.original) else {
                diagnostics.append(.warning(file, quellkarte.location(file, "/korrekturen/\(index)/original"),
                                            "„\(korrektur.original)“ steht nicht in \(vorlage.datei); die Korrektur ändert nichts",
                                            hint: "den Wortlaut genau so eintragen, wie er in der Vorlage steht, oder die Korrektur entfernen"))
                continue
            }
            vorlage.text = vorlage.text.replacingOccurrences(of: korrektur.original, with: korrektur.korrigiert)
            ergebnis[korrektur.vorlage] = vorlage
        }
        return ergebnis
    }
}
