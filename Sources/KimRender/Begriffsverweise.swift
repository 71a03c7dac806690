import KimModel

/// Links each glossary term at its first use on a page to its explanation (glossar.html#begriff-ID).
/// Works on the page's HTML as the project's templates made it: only text outside links, headings,
/// figures and code is touched, and only whole words (a form is not linked inside a longer word).
struct Begriffsverweise: Sendable {
    /// Every spelling with its term's id, longest first, so "Kommunalen Integrationszentrum" wins over "KI".
    let formen: [(form: [Character], id: String)]

    init(_ begriffe: [Begriff]) {
        formen = begriffe.flatMap { begriff in begriff.formen.map { (Array($0), begriff.id) } }
            .sorted { ($0.form.count, String($0.form)) > ($1.form.count, String($1.form)) }
    }

    /// Elements whose text is never linked.
    static let ausgenommen: Set<String> = ["a", "h1", "h2", "h3", "h4", "h5", "h6", "svg", "code", "pre", "dfn", "abbr",
                                           "script", "style", "textarea", "button", "label", "caption", "del", "nav", "dt"]

    func verlinken(_ html: String, ziel: String) -> String {
        guard !formen.isEmpty else { return html }
        var verlinkt = Set<String>()
        var ergebnis = ""
        ergebnis.reserveCapacity(html.utf8.count + 256)
        var tiefe = 0
        var rest = Substring(html)
        while !rest.isEmpty {
            if rest.first == "<" {
                let ende = rest.firstIndex(of: ">").map { rest.index(after: $0) } ?? rest.endIndex
                let tag = rest[..<ende]
                ergebnis += tag
                let name = tag.dropFirst().prefix { $0 != " " && $0 != ">" && $0 != "/" && $0 != "\n" }.lowercased()
                let schliessend = tag.hasPrefix("</")
                let nameOhne = schliessend ? String(tag.dropFirst(2).prefix { $0 != ">" && $0 != " " }).lowercased() : name
                if Self.ausgenommen.contains(nameOhne), !tag.hasSuffix("/>") {
                    tiefe = max(0, tiefe + (schliessend ? -1 : 1))
                }
                rest = rest[ende...]
            } else {
                let ende = rest.firstIndex(of: "<") ?? rest.endIndex
                let text = rest[..<ende]
                ergebnis += tiefe == 0 ? verlinkeText(text, ziel: ziel, &verlinkt) : String(text)
                rest = rest[ende...]
            }
        }
        return ergebnis
    }

    private func verlinkeText(_ text: Substring, ziel: String, _ verlinkt: inout Set<String>) -> String {
        let zeichen = Array(text)
        var ergebnis = ""
        var position = 0
        var kopiertBis = 0
        func istWortzeichen(_ index: Int) -> Bool {
            index >= 0 && index < zeichen.count && (zeichen[index].isLetter || zeichen[index].isNumber)
        }
        while position < zeichen.count {
            // A term can only start where a word starts.
            guard !istWortzeichen(position - 1) else { position += 1; continue }
            var treffer: (laenge: Int, id: String)?
            for (form, id) in formen where !verlinkt.contains(id) && form.first == zeichen[position] {
                guard position + form.count <= zeichen.count, !istWortzeichen(position + form.count),
                      zeichen[position..<(position + form.count)].elementsEqual(form) else { continue }
                treffer = (form.count, id)
                break
            }
            if let treffer {
                ergebnis += String(zeichen[kopiertBis..<position])
                ergebnis += "<a class=\"begriff\" href=\"\(ziel)#begriff-\(treffer.id)\">\(String(zeichen[position..<(position + treffer.laenge)]))</a>"
                verlinkt.insert(treffer.id)
                position += treffer.laenge
                kopiertBis = position
            } else {
                position += 1
            }
        }
        ergebnis += String(zeichen[kopiertBis...])
        return ergebnis
    }
}
