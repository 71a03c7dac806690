import KimModel

extension Website {
    /// The Handlungskonzept pages, taken over from `speicher` when nothing they are made from changed.
    func handlungskonzept(speicher: Renderspeicher?, _ diagnostics: inout [Diagnostic]) -> [Seite] {
        guard let speicher else { return handlungskonzept(&diagnostics) }
        let eingaben = Renderspeicher.Eingaben(projekt, auswertung, intern: optionen.intern)
        if let gespeichert = speicher.handlungskonzeptseiten(fuer: eingaben, vorlagen: projekt.vorlagen) {
            diagnostics += gespeichert.diagnostics
            vorlagen.uebernehmen(gespeichert.vorlagenBefunde)
            return gespeichert.seiten
        }
        let vorher = vorlagen.stand
        var eigene: [Diagnostic] = []
        let (seiten, benutzt) = vorlagen.aufzeichnen { handlungskonzept(&eigene) }
        diagnostics += eigene
        speicher.merken(.init(eingaben: eingaben, seiten: seiten, diagnostics: eigene, vorlagenBefunde: vorlagen.anteil(seit: vorher),
                              benutzt: Dictionary(uniqueKeysWithValues: benutzt.map { ($0, projekt.vorlagen[$0]) })))
        return seiten
    }
}
