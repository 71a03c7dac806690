/// Gives every `h2`–`h4` in a cmark fragment an id and a visible anchor link,
/// and lists the `h2` for the table of contents.
struct Ueberschriften {
    struct Eintrag {
        var id: String
        var text: String
    }

    private(set) var inhalt: [Eintrag] = []
    private var vergeben: Set<String>

    init(vergeben: Set<String> = []) {
        self.vergeben = vergeben
    }

    mutating func verankern(_ html: String) -> String {
        var result = ""
        var rest = Substring(html)
        while let open = rest.firstRange(of: "<h") {
            let afterTag = rest[open.upperBound...]
            guard let level = afterTag.first, ("2"..."4").contains(level),
                  afterTag.dropFirst().first == ">",
                  let close = afterTag.firstRange(of: "</h\(level)>") else {
                result += rest[..<open.upperBound]
                rest = afterTag
                continue
            }
            let inner = afterTag[afterTag.index(afterTag.startIndex, offsetBy: 2)..<close.lowerBound]
            let text = Self.plainText(String(inner))
            var id = Escape.slug(text)
            var counter = 2
            while vergeben.contains(id) {
                id = "\(Escape.slug(text))-\(counter)"
                counter += 1
            }
            vergeben.insert(id)
            if level == "2" { inhalt.append(Eintrag(id: id, text: text)) }
            result += rest[..<open.lowerBound]
            result += "<h\(level) id=\"\(id)\">\(inner) <a class=\"anker\" href=\"#\(id)\"><span class=\"visually-hidden\">Link zu diesem Abschnitt</span><span aria-hidden=\"true\">#</span></a></h\(level)>"
            rest = afterTag[close.upperBound...]
        }
        result += rest
        return result
    }

    /// Text content of an HTML fragment with cmark's entities decoded, for ids and the table of contents.
    static func plainText(_ html: String) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { text.append(character) }
        }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
