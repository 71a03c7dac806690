import Foundation

/// Ids for new rows, from their name: "Migrationsberatung für Erwachsene" →
/// "migrationsberatung-fuer-erwachsene", unique in its list.
enum Kennung {
    static let hoechstens = 60

    static func abgeleitet(_ name: String, belegt: Set<String>) -> String? {
        var kern = ""
        for zeichen in name.lowercased() {
            switch zeichen {
            case "ä": kern += "ae"
            case "ö": kern += "oe"
            case "ü": kern += "ue"
            case "ß": kern += "ss"
            case "a"..."z", "0"..."9": kern.append(zeichen)
            default:
                // Accented letters keep their base letter (é → e); everything else separates words.
                let basis = String(zeichen).folding(options: .diacriticInsensitive, locale: nil)
                if basis.count == 1, let buchstabe = basis.first, ("a"..."z").contains(buchstabe) { kern.append(buchstabe) } else if !kern.hasSuffix("-") { kern += "-" }
            }
        }
        var woerter = kern.split(separator: "-").map(String.init)
        while woerter.joined(separator: "-").count > hoechstens, woerter.count > 1 { woerter.removeLast() }
        var basis = String(woerter.joined(separator: "-").prefix(hoechstens))
        while basis.hasSuffix("-") { basis.removeLast() }
        guard !basis.isEmpty else { return nil }
        if !belegt.contains(basis) { return basis }
        for zaehler in 2... where !belegt.contains("\(basis)-\(zaehler)") {
            return "\(basis)-\(zaehler)"
        }
        return nil
    }
}
