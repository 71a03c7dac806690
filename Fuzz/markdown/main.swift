// libFuzzer target over Markdown rendering (KimMarkdown.Markdown, libcmark in safe
// mode) and over the escaping of data values (KimRender.Escape.markdown). Built
// and run by scripts/fuzz.sh (make fuzz).
//
// What must hold for any input:
//  - Markdown.html emits only the tags cmark itself writes, with no attribute other
//    than cmark's and no javascript:/vbscript:/file: link: raw HTML is dropped;
//  - a data value, escaped with Escape.markdown and then HTML-escaped by Mustache,
//    renders as text: one <p> at most, no other tag, and the visible text is the
//    value itself (line breaks as spaces, outer whitespace trimmed);
//  - the same bytes as a Mustache template (KimMustache): parsed or refused with a line
//    and column inside the text, and a parsed one renders without crashing, also with
//    itself as a partial (recursion is bounded by the renderer's depth limit).
import KimMarkdown
import KimRender
import KimMustache

let erlaubteTags: Set<String> = [
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "code", "pre", "blockquote",
    "ul", "ol", "li", "a", "img", "hr", "br",
]
let erlaubteAttribute: Set<String> = ["href", "src", "alt", "title", "start", "class"]

/// The tags of cmark's output; fails on anything cmark's safe mode should never write.
/// Works on bytes: Swift's Character would merge a quote with a following combining mark.
func tags(_ html: [UInt8], eingabe: String) -> [String] {
    func text(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
    func fehler(_ grund: String) -> Never {
        fatalError("\(grund)\nEingabe: \(eingabe.debugDescription)\nHTML: \(String(decoding: html, as: UTF8.self).debugDescription)")
    }
    let anfuehrung = UInt8(ascii: "\""), leer = UInt8(ascii: " ")
    var gefunden: [String] = []
    var index = 0
    while index < html.count {
        guard html[index] == UInt8(ascii: "<") else { index += 1; continue }
        guard let ende = html[index...].firstIndex(of: UInt8(ascii: ">")) else { fehler("< ohne >") }
        var tag = html[(index + 1)..<ende]
        index = ende + 1
        if text(tag) == "!-- raw HTML omitted --" { gefunden.append("!--"); continue }
        let schliessend = tag.first == UInt8(ascii: "/")
        if schliessend { tag = tag.dropFirst() }
        if tag.last == UInt8(ascii: "/") { tag = tag.dropLast(); if tag.last == leer { tag = tag.dropLast() } }
        let name = tag.prefix { $0 != leer }
        guard erlaubteTags.contains(text(name)) else { fehler("unerwartetes Tag <\(text(tag))>") }
        var rest = tag.dropFirst(name.count)
        while !rest.isEmpty {
            guard rest.first == leer, let gleich = rest.firstIndex(of: UInt8(ascii: "=")) else { fehler("unlesbares Attribut in <\(text(tag))>") }
            let attribut = text(rest[(rest.startIndex + 1)..<gleich])
            guard erlaubteAttribute.contains(attribut) else { fehler("unerwartetes Attribut \(attribut) in <\(text(tag))>") }
            guard gleich + 1 < rest.endIndex, rest[gleich + 1] == anfuehrung else { fehler("Attribut ohne Anführungszeichen in <\(text(tag))>") }
            guard let schluss = rest[(gleich + 2)...].firstIndex(of: anfuehrung) else { fehler("Attribut nicht geschlossen in <\(text(tag))>") }
            let wert = text(rest[(gleich + 2)..<schluss]).lowercased().filter { !$0.isWhitespace }
            if attribut == "href" || attribut == "src" {
                for schema in ["javascript:", "vbscript:", "file:"] where wert.hasPrefix(schema) { fehler("gefährlicher Link in <\(text(tag))>") }
                // cmark's safe mode keeps data: only for the four raster image types, in links as in images.
                let bilder = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
                if wert.hasPrefix("data:"), !bilder.contains(where: { wert.hasPrefix($0) }) { fehler("data:-Link in <\(text(tag))>") }
            }
            rest = rest[(schluss + 1)...]
        }
        gefunden.append(schliessend ? "/" + text(name) : text(name))
    }
    return gefunden
}

/// cmark's text escaping undone (&amp; &lt; &gt; &quot;), on bytes for the same reason.
func entschluesseln(_ html: ArraySlice<UInt8>) -> String {
    let entitaeten: [([UInt8], UInt8)] = [(Array("&lt;".utf8), UInt8(ascii: "<")), (Array("&gt;".utf8), UInt8(ascii: ">")),
                                         (Array("&quot;".utf8), UInt8(ascii: "\"")), (Array("&amp;".utf8), UInt8(ascii: "&"))]
    var ergebnis: [UInt8] = []
    var index = html.startIndex
    while index < html.endIndex {
        if html[index] == UInt8(ascii: "&"), let (entitaet, zeichen) = entitaeten.first(where: { html[index...].starts(with: $0.0) }) {
            ergebnis.append(zeichen)
            index += entitaet.count
        } else {
            ergebnis.append(html[index])
            index += 1
        }
    }
    return String(decoding: ergebnis, as: UTF8.self)
}

/// The text a reader sees: line breaks and tabs as spaces, runs of spaces as one
/// (as a browser shows them), NUL dropped, outer spaces trimmed.
func sichtbar(_ wert: String) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in wert.unicodeScalars {
        switch scalar {
        case "\n", "\r", "\t", "\u{0B}", "\u{0C}", " ":
            if let letztes = scalars.last, letztes != " " { scalars.append(" ") }
        case "\u{00}": break
        default: scalars.append(scalar)
        }
    }
    if scalars.last == " " { scalars.removeLast() }
    return String(scalars)
}

/// A value in three places of a Markdown template: alone, inside a sentence, alone on a line between two.
let vorlagen: [(text: String, vorher: String, nachher: String)] = [
    ("{{wert}}", "", ""),
    ("Vorher {{wert}} nachher.", "Vorher ", " nachher."),
    ("Erste Zeile\n{{wert}}\nletzte Zeile", "Erste Zeile\n", "\nletzte Zeile"),
]
let templates = vorlagen.map { try! Template($0.text) }

@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)

    // 1. Markdown as an author writes it: safe mode holds.
    _ = tags(Array(Markdown.html(text).utf8), eingabe: text)
    _ = Markdown.inlineHTML(text)
    _ = Markdown.parses(text)

    // 2. The bytes as a template, as an author might write one.
    do {
        let vorlage = try Template(text)
        var bibliothek = TemplateLibrary()
        bibliothek.register(vorlage, named: "selbst")
        _ = bibliothek.render(vorlage, ["wert": text, "liste": [["wert": "a"], ["wert": "b"]], "ja": true])
        _ = bibliothek.render("selbst", ["wert": text])
    } catch {
        // Lines as the parser counts them, by byte: Swift's Character takes "\r\n" as one.
        let zeilen = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).count
        guard error.line >= 1, error.line <= zeilen, error.column >= 1 else {
            fatalError("Syntaxfehler außerhalb des Texts: \(error) in \(text.debugDescription)")
        }
    }

    // 3. A data value in a Markdown template: text, nothing else.
    let escaped = Escape.markdown(text)
    for (nummer, template) in templates.enumerated() {
        let html = Markdown.html(TemplateLibrary().render(template, ["wert": escaped]))
        let gefunden = tags(Array(html.utf8), eingabe: text)
        let erwartet = sichtbar(vorlagen[nummer].vorher + sichtbar(text) + vorlagen[nummer].nachher)
        // An empty value alone on its line is a blank line, which ends a paragraph: Markdown, not a leak.
        if nummer == 2, sichtbar(text).isEmpty { continue }
        if erwartet.isEmpty {
            guard gefunden.isEmpty else { fatalError("Tags ohne Text: \(html.debugDescription) aus \(text.debugDescription)") }
            continue
        }
        guard gefunden == ["p", "/p"] else {
            fatalError("Wert wird nicht als Text gezeigt (Vorlage \(nummer)): \(gefunden)\nEingabe: \(text.debugDescription)\nHTML: \(html.debugDescription)")
        }
        let inhalt = sichtbar(entschluesseln(Array(html.utf8).dropFirst(3).dropLast(5)))
        guard inhalt.unicodeScalars.elementsEqual(erwartet.unicodeScalars) else {
            fatalError("sichtbarer Text weicht ab (Vorlage \(nummer))\nEingabe:  \(text.debugDescription)\nerwartet: \(erwartet.debugDescription)\ngezeigt:  \(inhalt.debugDescription)")
        }
    }
    return 0
}
