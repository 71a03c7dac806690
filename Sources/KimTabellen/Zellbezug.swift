/// Spreadsheet cell names: column 0 is "A", 26 is "AA"; rows count from 1.
public enum Zellbezug {
    public static func spaltenname(_ index: Int) -> String {
        var rest = index + 1
        var name = ""
        while rest > 0 {
            let ziffer = (rest - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + ziffer))) + name
            rest = (rest - 1) / 26
        }
        return name
    }

    /// "C7" for column 2 and row index 6 (both 0-based).
    public static func name(spalte: Int, zeile: Int) -> String {
        "\(spaltenname(spalte))\(zeile + 1)"
    }

    /// "C7" → (column 2, row 6); nil for anything that is not a cell name.
    public static func lesen(_ text: String) -> (spalte: Int, zeile: Int)? {
        var spalte = 0, zeile = 0, buchstaben = 0, ziffern = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where ziffern == 0:
                spalte = spalte * 26 + Int(byte - 64)
                buchstaben += 1
            case UInt8(ascii: "$"):
                continue
            case UInt8(ascii: "0")...UInt8(ascii: "9") where buchstaben > 0:
                zeile = zeile * 10 + Int(byte - 48)
                ziffern += 1
            default:
                return nil
            }
            // Beyond any spreadsheet's size: refuse instead of allocating.
            guard buchstaben <= 3, ziffern <= 7 else { return nil }
        }
        guard buchstaben > 0, ziffern > 0, zeile > 0 else { return nil }
        return (spalte - 1, zeile - 1)
    }
}
