/// JSON Pointer (RFC 6901), the names of the form's controls: `/tagesordnung/2/beschluesse/0/text`.
/// "~1" stands for "/", "~0" for "~".
public enum Zeiger {
    public static func teile(_ zeiger: String) -> [String]? {
        if zeiger.isEmpty { return [] }
        guard zeiger.hasPrefix("/") else { return nil }
        return zeiger.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    public static func text(_ teile: [String]) -> String {
        teile.map { "/" + $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1") }.joined()
    }

    public static func anhaengen(_ zeiger: String, _ teil: String) -> String {
        zeiger + text([teil])
    }

    /// The pointer as an HTML id (ids may not hold "/"): "f" + the pointer with "/" as "."
    /// and everything outside [A-Za-z0-9_-] as "_" plus its code.
    public static func kennung(_ zeiger: String) -> String {
        var ergebnis = "f"
        for scalar in zeiger.unicodeScalars {
            switch scalar {
            case "/": ergebnis += "."
            case "a"..."z", "A"..."Z", "0"..."9", "-": ergebnis.unicodeScalars.append(scalar)
            default: ergebnis += "_\(scalar.value)_"
            }
        }
        return ergebnis
    }
}
