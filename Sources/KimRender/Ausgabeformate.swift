import Foundation

/// CSV as RFC 4180 with UTF-8 and one header row: every field quoted when it needs it,
/// and a leading =, +, - or @ defused so spreadsheet programs do not run it as a formula.
enum CSV {
    static func text(_ zeilen: [[String]]) -> String {
        zeilen.map { $0.map(feld).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func feld(_ wert: String) -> String {
        var wert = wert
        if let erstes = wert.first, "=+-@\t\r".contains(erstes) { wert = "'" + wert }
        guard wert.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }) else { return wert }
        return "\"" + wert.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
