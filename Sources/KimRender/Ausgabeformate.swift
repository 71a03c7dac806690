import Foundation
import KimModel

/// CSV as RFC 4180 with UTF-8 and one header row: every field quoted when it needs it,
/// and a text a spreadsheet program could run as a formula defused (`Formelschutz`).
enum CSV {
    static func text(_ zeilen: [[String]]) -> String {
        zeilen.map { $0.map(feld).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// Decided on the bytes: a download of a state-wide project has a million fields, and a line break
    /// "\r\n" is one Character that equals neither "\r" nor "\n".
    static func feld(_ wert: String) -> String {
        let bytes = wert.utf8
        let wert = Formelschutz.geschuetzt(wert)
        guard bytes.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D || $0 == UInt8(ascii: ";") }) else {
            return wert
        }
        // Quoted, each quote doubled; on the bytes, as Foundation's replacingOccurrences took a twentieth of a rebuild.
        var gequotet: [UInt8] = [UInt8(ascii: "\"")]
        gequotet.reserveCapacity(wert.utf8.count + 8)
        for byte in wert.utf8 {
            gequotet.append(byte)
            if byte == UInt8(ascii: "\"") { gequotet.append(byte) }
        }
        gequotet.append(UInt8(ascii: "\""))
        return String(decoding: gequotet, as: UTF8.self)
    }
}
