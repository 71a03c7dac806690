import KimDerive
import KimModel

/// The Handlungskonzept pages of a rendering, kept in the Gedaechtnis (`handlungskonzept`) with what
/// they were made from. They are the most expensive part of a small project's site and depend on
/// neither the Sitzungen nor the Berichte nor most templates, so after an edit of a Sitzung or of, say,
/// the Sitzung page's template they are taken over instead of rendered again. Any change to their
/// inputs (other data, a template they used, the Stichtag, a template added or removed) renders them anew.
public struct Handlungskonzeptseiten: @unchecked Sendable {
    var eingaben: Eingaben
    var seiten: [Seite]
    var diagnostics: [Diagnostic]
    var vorlagenBefunde: Vorlagen.Anteil
    /// The templates the pages were rendered with, by name; nil for a name that had none.
    var benutzt: [String: Vorlage?]

    /// Everything the Handlungskonzept pages are rendered from, but the templates (see `benutzt`).
    struct Eingaben: Equatable {
        var kommune: Kommune
        var demografie: Demografie
        var gremien: Gremien
        var quellen: Quellen
        var programm: Programm
        var handlungskonzept: Handlungskonzept
        var rechtliches: Rechtliches
        var archiv: [Int: Datenstand]
        var aktuell: Datenstand
        var vorlagennamen: Set<String>
        var feldtitel: [String: [String: String]]
        var stichtag: Datum
        var intern: Bool

        init(_ projekt: Projekt, _ auswertung: Auswertung, intern: Bool) {
            kommune = projekt.kommune
            demografie = projekt.demografie
            gremien = projekt.gremien
            quellen = projekt.quellen
            programm = projekt.programm
            handlungskonzept = projekt.handlungskonzept
            rechtliches = projekt.rechtliches
            archiv = projekt.archiv
            aktuell = projekt.aktuellerStand
            vorlagennamen = Set(projekt.vorlagen.keys)
            feldtitel = projekt.feldtitel
            stichtag = auswertung.stichtag
            self.intern = intern
        }
    }

    func gilt(fuer eingaben: Eingaben, vorlagen: [String: Vorlage]) -> Bool {
        self.eingaben == eingaben && benutzt.allSatisfy { vorlagen[$0.key] == $0.value }
    }
}

extension Website {
    /// The Handlungskonzept pages: kept in the output folder like every `Seitengruppe`, taken over from
    /// `gedaechtnis` when it holds them (`kim serve`), rendered otherwise.
    func handlungskonzept(gedaechtnis: Merkliste<Bool, Handlungskonzeptseiten>?, _ diagnostics: inout [Diagnostic]) -> Gruppenteil {
        let eingaben = Handlungskonzeptseiten.Eingaben(projekt, auswertung, intern: optionen.intern)
        if optionen.vorhandeneGruppen[.handlungskonzept] == nil,
           let gespeichert = gedaechtnis?.holen(optionen.intern, gueltig: { $0.gilt(fuer: eingaben, vorlagen: projekt.vorlagen) }) {
            diagnostics += gespeichert.diagnostics
            vorlagen.uebernehmen(gespeichert.vorlagenBefunde)
            let vermerk = Seitengruppenvermerk(seiten: gespeichert.seiten, dateien: [], befunde: gespeichert.diagnostics, vorlagen: gespeichert.vorlagenBefunde)
            return Gruppenteil(gruppe: .handlungskonzept, seiten: gespeichert.seiten, dateien: [:], behalten: [], vermerk: vermerk, benutzt: nil)
        }
        let gruppe = seitengruppe(.handlungskonzept, &diagnostics) { (handlungskonzept(&$0), [:]) }
        if let benutzt = gruppe.benutzt {
            gedaechtnis?.merken(optionen.intern, Handlungskonzeptseiten(
                eingaben: eingaben, seiten: gruppe.seiten, diagnostics: gruppe.vermerk.befunde, vorlagenBefunde: gruppe.vermerk.vorlagenAnteil,
                benutzt: Dictionary(uniqueKeysWithValues: benutzt.map { ($0, projekt.vorlagen[$0]) })))
        }
        return gruppe
    }
}
