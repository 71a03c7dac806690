import Foundation

/// The state of the build that "Veröffentlichen" started: it runs on its own thread, so the page
/// can show its steps as they finish (the page reloads itself while it runs, without JavaScript),
/// and a second click while it runs starts no second build.
final class Baufortschritt: @unchecked Sendable {
    enum Stand: Equatable {
        case ruht
        case laeuft(schritte: [String])
        /// The build ended: `erfolg` false when it found errors or could not write.
        case fertig(schritte: [String], meldung: String, erfolg: Bool)
    }

    private let sperre = NSLock()
    private var stand = Stand.ruht

    var aktuell: Stand { sperre.withLock { stand } }

    /// Starts `bau` unless a build is running; false if one was.
    func starten(_ bau: @escaping @Sendable (_ schritt: @escaping @Sendable (String) -> Void) -> (meldung: String, erfolg: Bool)) -> Bool {
        let begonnen = sperre.withLock { () -> Bool in
            if case .laeuft = stand { return false }
            stand = .laeuft(schritte: [])
            return true
        }
        guard begonnen else { return false }
        Thread.detachNewThread { [self] in
            let ergebnis = bau { zeile in
                self.sperre.withLock {
                    if case .laeuft(let schritte) = self.stand { self.stand = .laeuft(schritte: schritte + [zeile]) }
                }
            }
            sperre.withLock {
                let schritte: [String]
                if case .laeuft(let bisher) = stand { schritte = bisher } else { schritte = [] }
                stand = .fertig(schritte: schritte, meldung: ergebnis.meldung, erfolg: ergebnis.erfolg)
            }
        }
        return true
    }
}
