import Foundation
import KimLoad
import KimModel
import KimPipeline

/// How the preview takes an edit: edited Sitzungen are shown at once (the quick path), and one
/// build at a time runs until no edit waits, while pages, quick ones included, are served.
extension Vorschau {
    /// An edit the watcher saw (paths relative to the project). Returns how long the quick path took,
    /// nil when it could not be taken; `bauenSolangeAusstehend` builds next either way.
    public func aenderung(_ pfade: Set<String>) -> Duration? {
        ausstehend = true
        if !pfade.allSatisfy(ProjectLoader.istSitzungsdatei) {
            andereUnverarbeitet = true
            grundlageVeraltet = true
        }
        // A quick page made from data another edit already changed would not be what the build makes.
        guard !grundlageVeraltet else { return nil }
        return sitzungenVorab(pfade)
    }

    /// Builds until no edit waits; `gebaut` hears of each build. Returns at once when a build is already
    /// running: that loop picks the edit up.
    public func bauenSolangeAusstehend(gebaut: @Sendable ([Diagnostic], Duration) -> Void) async {
        guard !baut else { return }
        baut = true
        while ausstehend {
            ausstehend = false
            andereUnverarbeitet = false
            vorabSeitBaubeginn = [:]
            let befunde = await neuBauen()
            if !befunde.hasErrors, !andereUnverarbeitet { grundlageVeraltet = false }
            gebaut(befunde, letzteDauer)
        }
        baut = false
    }

    /// The quick path for edited Sitzung files: their pages, checked and made as the full build makes
    /// them, are served at once, until a build replaces them. Returns how long it took, nil when the
    /// edit is not one the quick path takes (then nothing changed).
    public func sitzungenVorab(_ geaendert: Set<String>) -> Duration? {
        let start = ContinuousClock.now
        guard let seiten = Sitzungsvorschau.seiten(geaendert, projektordner: optionen.projekt, intern: optionen.intern,
                                                   gedaechtnis: gedaechtnis) else { return nil }
        dateien.merge(seiten) { _, neu in neu }
        vorabSeitBaubeginn.merge(seiten) { _, neu in neu }
        version += 1
        return ContinuousClock.now - start
    }
}
