import Foundation
import KimDerive
import KimLoad
import KimModel
import KimRender
import KimValidate
import KimVorgaben

/// `kim serve`'s quick path for the everyday edit, a changed Sitzung file. At state scale a full
/// rebuild takes seconds (loading and checking 19 000 Sitzungen, rendering 140 000 files); the
/// edited Sitzung's page depends on that Sitzung and on project-wide values only, so it is made on
/// its own in milliseconds, with the same checks and the same bytes as the full build, and shown
/// until the full build that runs right after replaces it (or, if that build finds an error,
/// takes it back with everything else). It works from what the Gedaechtnis keeps of the last build
/// without errors.
public enum Sitzungsvorschau {
    /// The last build without errors: its project as loaded (before the public filter) and its site.
    struct Grundlage: @unchecked Sendable {
        var projekt: Projekt
        /// Where the project's ids are: made by that build (a fifth of a second at state scale), not by the edit.
        var kennungen: Sitzungskennungen
        var website: Website
    }

    /// The pages of the changed Sitzung files (paths relative to the project), nil when any of them
    /// cannot take the quick path: another kind of file, a finding, no build without errors yet.
    public static func seiten(_ pfade: Set<String>, projektordner: URL, intern: Bool, gedaechtnis: Gedaechtnis) -> [String: [UInt8]]? {
        guard !pfade.isEmpty, pfade.allSatisfy(ProjectLoader.istSitzungsdatei),
              let grundlage = gedaechtnis.letzterStand.holen(intern, gueltig: { _ in true }) else { return nil }
        let files = ProjectFiles.disk(projektordner).ueberlagert(Vorgaben.dateien)
        var seiten: [String: [UInt8]] = [:]
        for pfad in pfade.sorted() {
            guard case (let sitzung?, _) = ProjectLoader.sitzung(files, pfad),
                  Validate.ohneFehler(sitzung, in: grundlage.projekt, kennungen: grundlage.kennungen),
                  let seite = grundlage.website.einzelneSitzungsseite(intern ? sitzung : Oeffentlichkeit.filtern(sitzung)) else { return nil }
            seiten[seite.pfad] = seite.inhalt
        }
        return seiten
    }
}
