import Foundation

/// Footnotes in chapter templates: a mark `[^key]` in the text and one line
/// `[^key]: Text` at the end. cmark knows no footnotes, so they are taken out
/// before Mustache and cmark run and put back as linked HTML afterwards.
struct Fussnoten {
    struct Definition {
        var key: String
        var nummer: Int
        var text: String
        /// 1-based line in the template file, for diagnostics
        var zeile: Int
    }

    var definitionen: [Definition] = []
    /// Marks in the text without a definition, with their line.
    var unbekannt: [(key: String, zeile: Int)] = []
    var text: String

    /// Splits definitions from the text and rewrites each mark into a Markdown link
    /// `[n](#fn-key)`, numbering on from `ersteNummer` in order of first mention.
    init(template: String, ersteNummer: Int) {
        var definitionsByKey: [String: (text: String, zeile: Int)] = [:]
        var kept: [Substring] = []
        for (index, line) in template.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let match = line.wholeMatch(of: /\[\^([A-Za-z0-9-]+)\]:[ \t]*(.*)/) {
                definitionsByKey[String(match.1)] = (String(match.2), index + 1)
                kept.append("")
            } else {
                kept.append(line)
            }
        }
        var body = kept.joined(separator: "\n")
        while body.hasSuffix("\n\n") { body.removeLast() }

        var nummern: [String: Int] = [:]
        var result = ""
        var cursor = body.startIndex
        for match in body.matches(of: /\[\^([A-Za-z0-9-]+)\]/) {
            let whole = match.range
            let key = String(match.1)
            result += body[cursor..<whole.lowerBound]
            cursor = whole.upperBound
            guard let definition = definitionsByKey[key] else {
                let zeile = body[..<whole.lowerBound].filter { $0 == "\n" }.count + 1
                unbekannt.append((key, zeile))
                continue
            }
            let nummer = nummern[key] ?? (ersteNummer + nummern.count)
            if nummern[key] == nil {
                nummern[key] = nummer
                definitionen.append(Definition(key: key, nummer: nummer, text: definition.text, zeile: definition.zeile))
            }
            result += "[\(nummer)](#fn-\(key))"
        }
        result += body[cursor...]
        text = result
    }

    /// Turns the links cmark made from the marks into superscript note references with ids for the way back.
    func verlinken(_ html: String) -> String {
        var html = html
        for definition in definitionen {
            let link = "<a href=\"#fn-\(definition.key)\">\(definition.nummer)</a>"
            let reference = "<sup class=\"fussnote-marke\"><a id=\"fnref-\(definition.key)\" href=\"#fn-\(definition.key)\" role=\"doc-noteref\" aria-label=\"Fußnote \(definition.nummer)\">\(definition.nummer)</a></sup>"
            if let first = html.range(of: link) {
                html.replaceSubrange(first, with: reference)
            }
            let repeated = "<sup class=\"fussnote-marke\"><a href=\"#fn-\(definition.key)\" role=\"doc-noteref\" aria-label=\"Fußnote \(definition.nummer)\">\(definition.nummer)</a></sup>"
            html = html.replacingOccurrences(of: link, with: repeated)
        }
        return html
    }
}
