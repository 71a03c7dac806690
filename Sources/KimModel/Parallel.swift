import Dispatch

/// Maps on all cores and keeps the order, so output stays byte-identical to a serial run.
public enum Parallel {
    /// The values a parallel map shares: read-only inputs and one result slot per index.
    /// Unchecked because the compiler cannot see that each slot is written by one iteration only.
    private struct Geteilt<Element, Result>: @unchecked Sendable {
        let elemente: [Element]
        let umwandeln: (Element) -> Result
        let ziel: UnsafeMutableBufferPointer<Result?>
    }

    public static func map<Element, Result>(_ elemente: [Element], _ umwandeln: (Element) -> Result) -> [Result] {
        guard elemente.count >= 32, let erstes = elemente.first else { return elemente.map(umwandeln) }
        var ergebnisse = [Result?](repeating: nil, count: elemente.count)
        // The first element alone first: a template's placeholders are checked at its first rendering,
        // and which values they are checked against must not depend on thread timing.
        ergebnisse[0] = umwandeln(erstes)
        withoutActuallyEscaping(umwandeln) { umwandeln in
            ergebnisse.withUnsafeMutableBufferPointer { puffer in
                let geteilt = Geteilt(elemente: elemente, umwandeln: umwandeln, ziel: puffer)
                DispatchQueue.concurrentPerform(iterations: elemente.count - 1) { index in
                    geteilt.ziel[index + 1] = geteilt.umwandeln(geteilt.elemente[index + 1])
                }
            }
        }
        return ergebnisse.compactMap { $0 }
    }

    /// Runs two independent pieces of work at once and returns both results.
    public static func zugleich<A, B>(_ erstes: () -> A, _ zweites: () -> B) -> (A, B) {
        var a: A?
        var b: B?
        withoutActuallyEscaping(erstes) { erstes in
            withoutActuallyEscaping(zweites) { zweites in
                withUnsafeMutablePointer(to: &a) { zielA in
                    withUnsafeMutablePointer(to: &b) { zielB in
                        let geteilt = Paar(erstes: erstes, zweites: zweites, zielA: zielA, zielB: zielB)
                        DispatchQueue.concurrentPerform(iterations: 2) { index in
                            if index == 0 { geteilt.zielA.pointee = geteilt.erstes() } else { geteilt.zielB.pointee = geteilt.zweites() }
                        }
                    }
                }
            }
        }
        guard let a, let b else { preconditionFailure("concurrentPerform returned before both pieces ran") }
        return (a, b)
    }

    /// Unchecked for the same reason as `Geteilt`: each result slot is written by one iteration only.
    private struct Paar<A, B>: @unchecked Sendable {
        let erstes: () -> A
        let zweites: () -> B
        let zielA: UnsafeMutablePointer<A?>
        let zielB: UnsafeMutablePointer<B?>
    }
}
