import Foundation

/// One query of kim's memory (the Gedaechtnis, `Sources/KimPipeline/Gedaechtnis/Gedaechtnis.swift`,
/// lists them all): what a stage made, by key, kept together with the inputs it was made from. A kept
/// value counts only while its inputs are still the ones the stage is about to use; the stage says which
/// with `gueltig`, so the rule for validity stands next to the work it saves. Safe to use from several
/// threads; a stage on two threads may compute the same value twice, never use a stale one.
public final class Merkliste<Schluessel: Hashable & Sendable, Wert>: @unchecked Sendable {
    private let sperre = NSLock()
    private var werte: [Schluessel: Wert] = [:]
    private var zaehler = (treffer: 0, neu: 0)

    public init() {}

    /// How often a kept value was used, and how often one was made anew (for tests and the benchmark).
    public var treffer: Int { sperre.withLock { zaehler.treffer } }
    public var neu: Int { sperre.withLock { zaehler.neu } }

    /// The kept value for `schluessel` if `gueltig` says its inputs are this build's; nil otherwise.
    public func holen(_ schluessel: Schluessel, gueltig: (Wert) -> Bool) -> Wert? {
        sperre.withLock {
            guard let wert = werte[schluessel], gueltig(wert) else { return nil }
            zaehler.treffer += 1
            return wert
        }
    }

    /// Keeps `wert` (which carries its inputs) for the next build, in place of what was kept.
    public func merken(_ schluessel: Schluessel, _ wert: Wert) {
        sperre.withLock {
            werte[schluessel] = wert
            zaehler.neu += 1
        }
    }
}
