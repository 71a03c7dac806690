import KimModel

/// Cross-references in chapter text ("siehe Kapitel 6", "Anlage 1") become links: on the site to
/// the chapter's page, in print to the chapter's heading, where the stylesheet adds its current
/// page number (`target-counter`). Page numbers of the original document are never printed.
enum Querverweise {
    /// `ziel` gives the link for ("Kapitel", 6) or ("Anlage", 1), nil when there is no such target;
    /// text inside links, headings and captions stays as it is.
    static func verlinken(_ html: String, ziel: (String, Int) -> String?) -> String {
        var ergebnis = ""
        ergebnis.reserveCapacity(html.utf8.count + 256)
        var gesperrt = 0
        // Built once per call: a regex literal is parsed each time it is evaluated, and inside the
        // loop that parsing was 40 % of the reference build (perf, issue 17). Only text that holds
        // one of the two words goes through the regex at all (its `\b` is Unicode's word boundary).
        let verweis = /\b(Kapitel|Anlage) (\d{1,2})\b/
        for (text, istTag) in teile(html) {
            if istTag {
                let name = text.dropFirst(text.hasPrefix("</") ? 2 : 1).prefix { $0.isLetter || $0.isNumber }.lowercased()
                if ["a", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "figcaption", "title"].contains(name) {
                    gesperrt += text.hasPrefix("</") ? -1 : 1
                    gesperrt = max(gesperrt, 0)
                }
                ergebnis += text
            } else if gesperrt > 0 || !(enthaelt(text, Self.kapitel) || enthaelt(text, Self.anlage)) {
                ergebnis += text
            } else {
                ergebnis += text.replacing(verweis) { treffer in
                    guard let nummer = Int(treffer.2), let href = ziel(String(treffer.1), nummer) else { return String(treffer.output.0) }
                    return "<a class=\"querverweis\" href=\"\(href)\">\(treffer.1) \(treffer.2)</a>"
                }
            }
        }
        return ergebnis
    }

    static let kapitel = Array("Kapitel ".utf8), anlage = Array("Anlage ".utf8)

    /// Whether `text` holds `wort` (bytes), without the generic search of String.
    static func enthaelt(_ text: Substring, _ wort: [UInt8]) -> Bool {
        let bytes = text.utf8
        guard let ersterByte = wort.first else { return true }
        var index = bytes.startIndex
        while let treffer = bytes[index...].firstIndex(of: ersterByte) {
            if bytes[treffer...].starts(with: wort) { return true }
            index = bytes.index(after: treffer)
        }
        return false
    }

    /// The tags (`<…>`) and the text between them, as `/<[^>]*>|[^<]+/` would match them (a `<`
    /// without a `>` after it matches neither and is left out), found by bytes: `<` and `>` are ASCII.
    static func teile(_ html: String) -> [(Substring, Bool)] {
        let bytes = html.utf8
        var teile: [(Substring, Bool)] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "<") {
                guard let ende = bytes[index...].firstIndex(of: UInt8(ascii: ">")) else {
                    index = bytes.index(after: index)
                    continue
                }
                let hinter = bytes.index(after: ende)
                teile.append((html[index..<hinter], true))
                index = hinter
            } else {
                let ende = bytes[index...].firstIndex(of: UInt8(ascii: "<")) ?? bytes.endIndex
                teile.append((html[index..<ende], false))
                index = ende
            }
        }
        return teile
    }

    /// Targets in the print document: chapter headings `#kapitel-N`, `#anlage-1`, `#anlage-2`.
    static func imDruck(_ fassung: Fassung) -> (String, Int) -> String? {
        { art, nummer in
            switch art {
            case "Kapitel": return fassung.kapitel.contains { $0.nummer == nummer } ? "#kapitel-\(nummer)" : nil
            case "Anlage": return (1...2).contains(nummer) ? "#anlage-\(nummer)" : nil
            default: return nil
            }
        }
    }

    /// Targets on the site, from a chapter page `tiefe` folders below the root.
    static func aufDerWebsite(_ fassung: Fassung, tiefe: String) -> (String, Int) -> String? {
        { art, nummer in
            switch art {
            case "Kapitel": return fassung.kapitel.first { $0.nummer == nummer }.map { "\($0.slug).html" }
            case "Anlage": return (1...2).contains(nummer) ? "\(tiefe)anlage-\(nummer)/index.html" : nil
            default: return nil
            }
        }
    }
}
