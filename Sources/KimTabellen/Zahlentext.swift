import Foundation

/// Numbers as text: for JSON and the spreadsheet formats (a dot, no grouping) and as a German
/// author writes them in a CSV (decimal comma, perhaps a thousands dot).
public enum Zahlentext {
    /// "27143" for a whole number, "44.1" otherwise: the shortest text that reads back the same.
    public static func json(_ zahl: Double) -> String {
        if zahl == zahl.rounded(), abs(zahl) < 1e15 { return String(Int64(zahl)) }
        return "\(zahl)"
    }

    /// "27143", "27.143" (grouped), "44,1", "-3,5" in German writing; "44.1" when `deutsch` is
    /// false. Nil for anything else ("viele", "12 Personen").
    public static func lesen(_ text: String, deutsch: Bool) -> Double? {
        var ziffern = text.trimmingCharacters(in: .whitespaces)
        guard !ziffern.isEmpty else { return nil }
        if deutsch {
            if ziffern.firstMatch(of: /^-?[0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?$/) != nil {
                ziffern = ziffern.replacingOccurrences(of: ".", with: "")
            } else if ziffern.contains(".") {
                return nil
            }
            ziffern = ziffern.replacingOccurrences(of: ",", with: ".")
        }
        guard ziffern.firstMatch(of: /^-?[0-9]+(\.[0-9]+)?$/) != nil else { return nil }
        return Double(ziffern)
    }
}
