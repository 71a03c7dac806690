import Foundation
import KimDerive
import KimModel

/// What `kim serve` keeps from one rebuild to the next: the Handlungskonzept pages of the
/// last rendering, with what they were made from. They are the most expensive part of a
/// small project's site and depend on neither the Sitzungen nor the Berichte nor most
/// templates, so after an edit of a Sitzung or of, say, the Sitzung page's template they are
/// taken over instead of rendered again. Any change to their inputs (other data, a template
/// they used, the Stichtag, a template added or removed) renders them anew.
public final class Renderspeicher: @unchecked Sendable {
    struct Handlungskonzeptseiten {
        var eingaben: Eingaben
        var seiten: [Seite]
        var diagnostics: [Diagnostic]
        var vorlagenBefunde: Vorlagen.Anteil
        /// The templates the pages were rendered with, by name; nil for a name that had none.
        var benutzt: [String: Vorlage?]
    }

    /// Everything the Handlungskonzept pages are rendered from.
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

    private let sperre = NSLock()
    private var handlungskonzept: Handlungskonzeptseiten?
    /// How often pages were taken over, for tests.
    public private(set) var wiederverwendet = 0

    public init() {}

    func handlungskonzeptseiten(fuer eingaben: Eingaben, vorlagen: [String: Vorlage]) -> Handlungskonzeptseiten? {
        sperre.withLock {
            guard let gespeichert = handlungskonzept, gespeichert.eingaben == eingaben,
                  gespeichert.benutzt.allSatisfy({ vorlagen[$0.key] == $0.value }) else { return nil }
            wiederverwendet += 1
            return gespeichert
        }
    }

    func merken(_ seiten: Handlungskonzeptseiten) {
        sperre.withLock { handlungskonzept = seiten }
    }

    /// The site of the last rendering without errors: single pages are made with it.
    private var letzteWebsite: Website?

    func merken(_ website: Website) {
        sperre.withLock { letzteWebsite = website }
    }

    /// A Sitzung's page (path and bytes) exactly as the last rendering without errors would have made it;
    /// nil before the first one, or when its templates report an error. The Sitzung must already have been
    /// through the public filter, as everything the site is made from.
    public func sitzungsseite(_ sitzung: Sitzung) -> (pfad: String, inhalt: [UInt8])? {
        guard let website = sperre.withLock({ letzteWebsite }) else { return nil }
        let vorher = website.vorlagen.stand
        let seite = website.sitzungsseite(sitzung)
        let html = website.layout(seite)
        guard !website.vorlagen.anteil(seit: vorher).befunde.hasErrors else { return nil }
        return (seite.pfad, Array(html.utf8))
    }
}
