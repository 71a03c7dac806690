import Foundation

/// When two names would be the same file: after Unicode normalisation (NFC) and case folding.
/// macOS and Windows file systems ignore case, and macOS stores names in another normal form than
/// a Linux editor may type them, so "Logo.svg" and "logo.svg", or "café" typed as é or as e + ´,
/// are one file there: a site built on Linux and copied would silently lose one of them, and a
/// project checked out there would too. The one rule for asset and template names, for Kennungen
/// that become paths (Gremien, Sitzungen, Träger …) and for the pages of the site.
public enum Pfadschluessel {
    /// The comparison key of a name or path. Case folding as lowercase of the uppercase form
    /// ("ß" → "ss", "ς" → "σ"), independent of any locale, then NFC.
    public static func von(_ text: String) -> String {
        // Nearly every name and Kennung is ASCII (19 000 Sitzung files at state scale): there folding is
        // A–Z → a–z and NFC changes nothing, without Foundation's normaliser.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: text.utf8.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
        }
        return text.precomposedStringWithCanonicalMapping.uppercased().lowercased().precomposedStringWithCanonicalMapping
    }

    /// Whether two names are different texts (byte for byte) with the same key: on a case-insensitive or
    /// normalising file system they would be one file. Equal texts are no collision but a plain duplicate.
    public static func kollidieren(_ a: String, _ b: String) -> Bool {
        !a.utf8.elementsEqual(b.utf8) && von(a) == von(b)
    }

    /// The message part that says why two names clash, for messages at either.
    public static func grund(_ a: String, _ b: String) -> String {
        a.precomposedStringWithCanonicalMapping.utf8.elementsEqual(b.precomposedStringWithCanonicalMapping.utf8)
            ? "unterscheiden sich nur in der Unicode-Normalform (ein Zeichen wie „é“ einmal als eines, einmal als Buchstabe und Akzent geschrieben)"
            : "unterscheiden sich nur in Groß- und Kleinschreibung"
    }

    /// The names among `namen` that clash with an earlier one (in the order given), each with that earlier name.
    public static func kollisionen(_ namen: [String]) -> [(name: String, erster: String)] {
        var erste: [String: String] = [:]
        var ergebnis: [(name: String, erster: String)] = []
        for name in namen {
            let schluessel = von(name)
            if let erster = erste[schluessel] {
                if kollidieren(name, erster) { ergebnis.append((name, erster)) }
            } else {
                erste[schluessel] = name
            }
        }
        return ergebnis
    }
}
