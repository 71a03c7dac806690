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
/// takes it back with everything else).
public final class Sitzungsvorschau: @unchecked Sendable {
    private let sperre = NSLock()
    /// The project of the last build without errors, as loaded (before the public filter), and
    /// where its ids are: made by that build (a fifth of a second at state scale), not by the edit.
    private var grundlage: (projekt: Projekt, kennungen: Sitzungskennungen)?

    public init() {}

    func merken(_ projekt: Projekt) {
        let kennungen = Sitzungskennungen(projekt)
        sperre.withLock { grundlage = (projekt, kennungen) }
    }

    /// The pages of the changed Sitzung files (paths relative to the project), nil when any of them
    /// cannot take the quick path: another kind of file, a finding, no build without errors yet.
    public func seiten(_ pfade: Set<String>, projektordner: URL, intern: Bool, darstellen: Renderspeicher) -> [String: [UInt8]]? {
        guard !pfade.isEmpty, pfade.allSatisfy(Self.istSitzungsdatei), let (projekt, kennungen) = sperre.withLock({ grundlage }) else { return nil }
        let files = ProjectFiles.disk(projektordner).ueberlagert(Vorgaben.dateien)
        var seiten: [String: [UInt8]] = [:]
        for pfad in pfade.sorted() {
            guard case (let sitzung?, _) = ProjectLoader.sitzung(files, pfad),
                  Validate.ohneFehler(sitzung, in: projekt, kennungen: kennungen),
                  let seite = darstellen.sitzungsseite(intern ? sitzung : Oeffentlichkeit.filtern(sitzung)) else { return nil }
            seiten[seite.pfad] = seite.inhalt
        }
        return seiten
    }

    public static func istSitzungsdatei(_ pfad: String) -> Bool {
        let teile = pfad.split(separator: "/", omittingEmptySubsequences: false)
        return teile.count == 3 && teile[0] == "data" && teile[1] == "sitzungen" && teile[2].hasSuffix(".json") && !teile[2].hasPrefix(".")
    }
}
