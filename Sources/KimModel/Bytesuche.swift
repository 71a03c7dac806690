#if canImport(Glibc)
import Glibc
#endif

extension String {
    /// Whether `teil` occurs in the string, compared byte by byte (UTF-8): what Foundation's `contains`
    /// answers for text in one normalisation form, at memory speed, for searches over a state's Sitzungen.
    public func enthaeltBytes(_ teil: String) -> Bool {
        guard !teil.isEmpty else { return true }
        var text = self
        var muster = teil
        return text.withUTF8 { heu in muster.withUTF8 { Bytesuche.enthaelt(heu, $0) } }
    }
}

extension Bytesuche {
    /// Whether `nadel` occurs in `heu`: memchr to the next candidate for the first byte, memcmp
    /// for the rest (Glibc's memmem is not exported to Swift).
    static func enthaelt(_ heu: UnsafeBufferPointer<UInt8>, _ nadel: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !nadel.isEmpty else { return true }
        guard heu.count >= nadel.count, let heuAnfang = heu.baseAddress, let nadelAnfang = nadel.baseAddress else { return false }
        var position = 0
        let letzte = heu.count - nadel.count
        while position <= letzte {
            guard let fund = memchr(heuAnfang + position, Int32(nadelAnfang[0]), letzte - position + 1) else { return false }
            let stelle = heuAnfang.distance(to: fund.assumingMemoryBound(to: UInt8.self))
            if memcmp(heuAnfang + stelle, nadelAnfang, nadel.count) == 0 { return true }
            position = stelle + 1
        }
        return false
    }
}
