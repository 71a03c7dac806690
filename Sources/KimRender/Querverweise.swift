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
        for teil in html.matches(of: /<[^>]*>|[^<]+/) {
            let text = String(teil.output)
            if text.hasPrefix("<") {
                let name = text.dropFirst(text.hasPrefix("</") ? 2 : 1).prefix { $0.isLetter || $0.isNumber }.lowercased()
                if ["a", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "figcaption", "title"].contains(name) {
                    gesperrt += text.hasPrefix("</") ? -1 : 1
                    gesperrt = max(gesperrt, 0)
                }
                ergebnis += text
            } else if gesperrt > 0 {
                ergebnis += text
            } else {
                ergebnis += text.replacing(/\b(Kapitel|Anlage) (\d{1,2})\b/) { treffer in
                    guard let nummer = Int(treffer.2), let href = ziel(String(treffer.1), nummer) else { return String(treffer.output.0) }
                    return "<a class=\"querverweis\" href=\"\(href)\">\(treffer.1) \(treffer.2)</a>"
                }
            }
        }
        return ergebnis
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
