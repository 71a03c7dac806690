import Foundation

/// The workbench's URLs, the contract the README documents: the form of a file at
/// `/_kim/bearbeiten/<path in the project>`, an item's at `…?zeiger=<JSON Pointer>`.
public enum Werkbankpfade {
    public static let wurzel = "/_kim/"
    public static let bearbeitenPraefix = "/_kim/bearbeiten/"
    public static let neuPraefix = "/_kim/neu/"
    public static let rueckgaengigPraefix = "/_kim/rueckgaengig/"

    static func bearbeiten(_ datei: String, zeiger: String? = nil) -> String {
        var url = bearbeitenPraefix + kodiert(datei)
        if let zeiger, !zeiger.isEmpty { url += "?zeiger=" + (zeiger.addingPercentEncoding(withAllowedCharacters: abfrage) ?? "") }
        return url
    }

    static func rueckgaengig(_ datei: String) -> String { rueckgaengigPraefix + kodiert(datei) }

    private static func kodiert(_ datei: String) -> String {
        datei.split(separator: "/").map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? "" }.joined(separator: "/")
    }

    private static let abfrage = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "/-._~"))
}
