import CAtomicRename
import KimModel

/// The 128-bit content hash (`kim_content_hash`) of an output file or of a file a build read:
/// tells an unchanged file from a changed one.
public struct Pruefsumme: Hashable, Sendable {
    var erste: UInt64
    var zweite: UInt64

    init(erste: UInt64, zweite: UInt64) {
        self.erste = erste
        self.zweite = zweite
    }

    public init(_ inhalt: [UInt8]) {
        var wert: (UInt64, UInt64) = (0, 0)
        inhalt.withUnsafeBufferPointer { puffer in
            withUnsafeMutableBytes(of: &wert) { ziel in
                guard let ausgabe = ziel.baseAddress?.assumingMemoryBound(to: UInt64.self) else { return }
                kim_content_hash(puffer.baseAddress, puffer.count, ausgabe)
            }
        }
        self.init(erste: wert.0, zweite: wert.1)
    }

    /// 32 hexadecimal digits, for records kept as text.
    public var text: String {
        func hex(_ wert: UInt64) -> String {
            let ziffern = String(wert, radix: 16)
            return String(repeating: "0", count: 16 - ziffern.count) + ziffern
        }
        return hex(erste) + hex(zweite)
    }

    /// The hashes of a whole build, on all cores.
    static func von(_ dateien: [String: [UInt8]]) -> [String: Pruefsumme] {
        let pfade = Array(dateien.keys)
        let summen = Parallel.map(pfade) { Pruefsumme(dateien[$0] ?? []) }
        return Dictionary(uniqueKeysWithValues: zip(pfade, summen))
    }
}
