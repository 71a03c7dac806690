/// Footnotes in chapter templates: a mark `[^key]` in the text and one line
/// `[^key]: Text` at the end. cmark knows no footnotes, so they are taken out
/// before Mustache and cmark run and put back as linked HTML afterwards.
/// Scanned by hand rather than with Regex: this runs on every chapter of every
/// Fassung in each rebuild of `kim serve`, and Swift's Regex made it a sixth of it.
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
            if let (key, ende) = Self.marke(in: line, ab: line.startIndex), line[ende...].first == ":" {
                let rest = line[line.index(after: ende)...].drop { $0 == " " || $0 == "\t" }
                definitionsByKey[key] = (String(rest), index + 1)
                kept.append("")
            } else {
                kept.append(line)
            }
        }
        var body = kept.joined(separator: "\n")
        while body.hasSuffix("\n\n") { body.removeLast() }

        var nummern: [String: Int] = [:]
        var result = ""
        var zeile = 1
        var cursor = body.startIndex
        var suche = body.startIndex
        while let klammer = body[suche...].firstIndex(of: "[") {
            guard let (key, ende) = Self.marke(in: body, ab: klammer) else {
                suche = body.index(after: klammer)
                continue
            }
            zeile += body[cursor..<klammer].utf8.count { $0 == UInt8(ascii: "\n") }
            result += body[cursor..<klammer]
            cursor = ende
            suche = ende
            guard let definition = definitionsByKey[key] else {
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

    /// `[^key]` starting at `start`: the key and the index after `]`.
    static func marke<S: StringProtocol>(in text: S, ab start: S.Index) -> (String, S.Index)? {
        guard text[start...].hasPrefix("[^") else { return nil }
        let keyStart = text.index(start, offsetBy: 2)
        var index = keyStart
        while index < text.endIndex, let ascii = text[index].asciiValue, Self.istSchluesselzeichen(ascii) {
            index = text.index(after: index)
        }
        guard index > keyStart, index < text.endIndex, text[index] == "]" else { return nil }
        return (String(text[keyStart..<index]), text.index(after: index))
    }

    static func istSchluesselzeichen(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"): true
        default: false
        }
    }

    /// Turns the links cmark made from the marks into superscript note references with ids for the way back.
    func verlinken(_ html: String) -> String {
        var html = html
        for definition in definitionen {
            let link = "<a href=\"#fn-\(definition.key)\">\(definition.nummer)</a>"
            let reference = "<sup class=\"fussnote-marke\"><a id=\"fnref-\(definition.key)\" href=\"#fn-\(definition.key)\" role=\"doc-noteref\" aria-label=\"Fußnote \(definition.nummer)\">\(definition.nummer)</a></sup>"
            let repeated = "<sup class=\"fussnote-marke\"><a href=\"#fn-\(definition.key)\" role=\"doc-noteref\" aria-label=\"Fußnote \(definition.nummer)\">\(definition.nummer)</a></sup>"
            var ersetzt = ""
            var rest = html[...]
            var erstes = true
            while let treffer = rest.firstRange(of: link) {
                ersetzt += rest[..<treffer.lowerBound]
                ersetzt += erstes ? reference : repeated
                erstes = false
                rest = rest[treffer.upperBound...]
            }
            guard !erstes else { continue }
            html = ersetzt + rest
        }
        return html
    }
}
