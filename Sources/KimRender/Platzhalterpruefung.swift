import Foundation
import KimModel

/// Checks a template's tags against the values it is rendered with, so a
/// misspelt placeholder is an error at its line and column instead of a silent
/// blank (swift-mustache renders unknown names as empty text).
struct Platzhalterpruefung {
    struct Tag {
        enum Art { case variable, abschnitt, umgekehrt, ende, partial, kommentar, sonstiges }
        var art: Art
        var name: String
        var ort: SourceLocation
        /// `{{{name}}}` or `{{& name}}`: the value goes into the page unescaped.
        var roh = false
    }

    /// The tags of a template in order; nil when it changes its delimiters (then it is not checked).
    /// Scans UTF-8 bytes: it runs for every template in every rebuild of `kim serve`.
    static func tags(_ text: String) -> [Tag]? {
        let bytes = Array(text.utf8)
        var tags: [Tag] = []
        var zeile = 1, zeilenanfang = 0
        var index = 0
        func spalte(_ offset: Int) -> Int {
            String(decoding: bytes[zeilenanfang..<offset], as: UTF8.self).count + 1
        }
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") {
                zeile += 1
                zeilenanfang = index + 1
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "{"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{") else {
                index += 1
                continue
            }
            let ort = SourceLocation(line: zeile, column: spalte(index))
            let dreifach = index + 2 < bytes.count && bytes[index + 2] == UInt8(ascii: "{")
            let start = index + (dreifach ? 3 : 2)
            let ende: [UInt8] = dreifach ? Array("}}}".utf8) : Array("}}".utf8)
            guard let schluss = suchen(ende, in: bytes, ab: start) else { return tags }
            for offset in index..<schluss where bytes[offset] == UInt8(ascii: "\n") {
                zeile += 1
                zeilenanfang = offset + 1
            }
            index = schluss + ende.count
            let inhalt = String(decoding: bytes[start..<schluss], as: UTF8.self).ohneLeerraumAmRand
            let kopf = inhalt.first
            let rest = inhalt.dropFirst().ohneLeerraumAmRand
            switch kopf {
            case "#": tags.append(Tag(art: .abschnitt, name: rest, ort: ort))
            case "^": tags.append(Tag(art: .umgekehrt, name: rest, ort: ort))
            case "/": tags.append(Tag(art: .ende, name: rest, ort: ort))
            case ">": tags.append(Tag(art: .partial, name: rest, ort: ort))
            case "!": tags.append(Tag(art: .kommentar, name: rest, ort: ort))
            case "=": return nil
            case "&": tags.append(Tag(art: .variable, name: rest, ort: ort, roh: true))
            case "$", "<": tags.append(Tag(art: .sonstiges, name: rest, ort: ort))
            default: tags.append(Tag(art: .variable, name: inhalt, ort: ort, roh: dreifach))
            }
        }
        return tags
    }

    static func suchen(_ muster: [UInt8], in bytes: [UInt8], ab start: Int) -> Int? {
        var index = start
        while index + muster.count <= bytes.count {
            if bytes[index] == muster[0], bytes[index..<index + muster.count].elementsEqual(muster) { return index }
            index += 1
        }
        return nil
    }

    /// Findings for one template rendered with `kontext`; `partials` are the known template names.
    static func pruefen(_ vorlage: Vorlage, text: String, kontext: Any, partials: Set<String>) -> [Diagnostic] {
        guard let tags = tags(text) else { return [] }
        var stapel: [Any] = [kontext]
        var abschnitte: [(name: String, geschoben: Bool)] = []
        var befunde: [Diagnostic] = []
        for tag in tags {
            switch tag.art {
            case .variable, .abschnitt, .umgekehrt:
                let name = Self.kern(tag.name)
                var wert: Any?
                if name == nil {
                    wert = stapel.last  // ".", a sequence transform like first() or index()
                } else if let name {
                    switch aufloesen(name, in: stapel) {
                    case .gefunden(let gefunden):
                        wert = gefunden
                    case .unpruefbar:
                        wert = nil
                    case .fehlt(let teil, let kandidaten):
                        let hinweis = Spelling.suggestion(for: teil, among: kandidaten).map { "meinten Sie »\($0)«?" }
                            ?? "die verfügbaren Platzhalter stehen in docs/vorlagen-kontext.md"
                        befunde.append(.error(vorlage.datei, tag.ort, "unbekannter Platzhalter »\(name)«", hint: hinweis))
                    }
                }
                if tag.art == .abschnitt {
                    if let inneres = wert.flatMap(Self.innererKontext) {
                        stapel.append(inneres)
                        abschnitte.append((tag.name, true))
                    } else if wert != nil {
                        abschnitte.append((tag.name, false))
                    } else {
                        // Unknown or unknowable: check nothing inside, it may refer to what we cannot see.
                        stapel.append(Unpruefbar())
                        abschnitte.append((tag.name, true))
                    }
                } else if tag.art == .umgekehrt {
                    abschnitte.append((tag.name, false))
                }
            case .ende:
                if let letzter = abschnitte.popLast(), letzter.geschoben { stapel.removeLast() }
            case .partial:
                if !partials.contains(tag.name) {
                    befunde.append(.error(vorlage.datei, tag.ort, "unbekannte Teilvorlage »\(tag.name)«",
                                          hint: Spelling.suggestion(for: tag.name, among: Array(partials)).map { "meinten Sie »\($0)«?" }))
                }
            case .kommentar, .sonstiges:
                break
            }
        }
        return befunde
    }

    /// Stand-in for a context whose shape is unknown (an empty list): everything inside passes.
    struct Unpruefbar {}

    /// The looked-up name without transforms: "empty(aufgaben)" → "aufgaben"; nil for ".", "first()" and the like.
    static func kern(_ name: String) -> String? {
        var name = name
        while let auf = name.firstIndex(of: "("), name.hasSuffix(")") {
            name = String(name[name.index(after: auf)..<name.index(before: name.endIndex)])
        }
        if name.isEmpty || name == "." { return nil }
        return name
    }

    enum Ergebnis {
        case gefunden(Any)
        case unpruefbar
        case fehlt(teil: String, kandidaten: [String])
    }

    static func aufloesen(_ name: String, in stapel: [Any]) -> Ergebnis {
        let teile = name.split(separator: ".").map(String.init)
        guard let erster = teile.first else { return .unpruefbar }
        var wert: Any?
        for ebene in stapel.reversed() {
            if ebene is Unpruefbar { return .unpruefbar }
            if let gefunden = kind(erster, von: ebene) { wert = gefunden; break }
        }
        guard var aktuell = wert else {
            let kandidaten = stapel.flatMap { schluessel($0) }
            return .fehlt(teil: erster, kandidaten: kandidaten)
        }
        for teil in teile.dropFirst() {
            if aktuell is Unpruefbar { return .unpruefbar }
            guard let naechstes = kind(teil, von: aktuell) else { return .fehlt(teil: teil, kandidaten: schluessel(aktuell)) }
            aktuell = naechstes
        }
        return .gefunden(aktuell)
    }

    static func kind(_ name: String, von wert: Any) -> Any? {
        if let dictionary = wert as? [String: Any] { return dictionary[name] }
        if let liste = wert as? [Any] {
            // Element keys of a list, as Mustache sees them inside a section over it.
            guard let vereinigt = innererKontext(liste) else { return Unpruefbar() }
            return kind(name, von: vereinigt)
        }
        return nil
    }

    static func schluessel(_ wert: Any) -> [String] {
        (wert as? [String: Any]).map { Array($0.keys) } ?? []
    }

    /// What a section pushes: a dictionary itself, the merged keys of a list's
    /// dictionaries, a list's text element; nil for booleans (nothing is pushed).
    static func innererKontext(_ wert: Any) -> Any? {
        switch wert {
        case is Bool:
            return nil
        case is Leer:
            return Unpruefbar()
        case let liste as [Any]:
            guard let erstes = liste.first else { return Unpruefbar() }
            if erstes is [String: Any] {
                var vereinigt: [String: Any] = [:]
                for element in liste {
                    for (schluessel, wert) in (element as? [String: Any]) ?? [:] where vereinigt[schluessel] == nil {
                        vereinigt[schluessel] = wert
                    }
                }
                return vereinigt
            }
            return erstes
        default:
            return wert
        }
    }
}
