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
    /// The Handlungskonzept pages, with how they were made for the next build's Buildvermerk: kept in the
    /// output folder when the last build's record says nothing they are made from changed
    /// (`optionen.vorhandenesHandlungskonzept`), taken over from `gedaechtnis` when it holds them
    /// (`kim serve`), rendered otherwise.
    func handlungskonzept(gedaechtnis: Merkliste<Bool, Handlungskonzeptseiten>?, _ diagnostics: inout [Diagnostic])
        -> (seiten: [Seite], vermerk: Handlungskonzeptvermerk) {
        if let vorhanden = optionen.vorhandenesHandlungskonzept {
            diagnostics += vorhanden.befunde
            vorlagen.uebernehmen(Vorlagen.Anteil(befunde: vorhanden.vorlagenBefunde, geprueft: Set(vorhanden.geprueft)))
            return (vorhanden.vorhandeneSeiten, vorhanden)
        }
        let eingaben = Handlungskonzeptseiten.Eingaben(projekt, auswertung, intern: optionen.intern)
        if let gespeichert = gedaechtnis?.holen(optionen.intern, gueltig: { $0.gilt(fuer: eingaben, vorlagen: projekt.vorlagen) }) {
            diagnostics += gespeichert.diagnostics
            vorlagen.uebernehmen(gespeichert.vorlagenBefunde)
            return (gespeichert.seiten, Handlungskonzeptvermerk(gespeichert))
        }
        let vorher = vorlagen.stand
        var eigene: [Diagnostic] = []
        let (seiten, benutzt) = vorlagen.aufzeichnen { handlungskonzept(&eigene) }
        diagnostics += eigene
        let gemacht = Handlungskonzeptseiten(
            eingaben: eingaben, seiten: seiten, diagnostics: eigene, vorlagenBefunde: vorlagen.anteil(seit: vorher),
            benutzt: Dictionary(uniqueKeysWithValues: benutzt.map { ($0, projekt.vorlagen[$0]) }))
        gedaechtnis?.merken(optionen.intern, gemacht)
        return (seiten, Handlungskonzeptvermerk(gemacht))
    }
}

/// The Handlungskonzept pages of a build as its output folder holds them, recorded in the Buildvermerk:
/// what the next `kim build` needs to keep them instead of rendering them again when its change left
/// their inputs alone (`Uebernahme.handlungskonzept`) — each page without its content, and the findings
/// rendering them gave, so the kept build reports what a full one reports.
public struct Handlungskonzeptvermerk: Codable, Sendable, Equatable {
    /// What the other pages (search page, sitemap, duplicate paths) read of a page that is not laid out again.
    struct Kopf: Codable, Sendable, Equatable {
        var pfad: String
        var titel: String
        var quelle: String?
        var bereich: String
        var suchbar: Bool
        var sprache: String
    }

    var seiten: [Kopf]
    var befunde: [Diagnostic]
    var vorlagenBefunde: [Diagnostic]
    var geprueft: [String]

    init(_ seiten: Handlungskonzeptseiten) {
        self.seiten = seiten.seiten.map { Kopf(pfad: $0.pfad, titel: $0.titel, quelle: $0.quelle, bereich: $0.bereich, suchbar: $0.suchbar, sprache: $0.sprache) }
        befunde = seiten.diagnostics
        vorlagenBefunde = seiten.vorlagenBefunde.befunde
        geprueft = seiten.vorlagenBefunde.geprueft.sorted()
    }

    /// The pages, marked as already in the output folder.
    var vorhandeneSeiten: [Seite] {
        seiten.map { kopf in
            var seite = Seite(pfad: kopf.pfad, titel: kopf.titel, beschreibung: "", inhalt: "", bereich: kopf.bereich, brotkrumen: [], quelle: kopf.quelle, suchbar: kopf.suchbar)
            seite.sprache = kopf.sprache
            seite.vorhanden = true
            return seite
        }
    }
}
