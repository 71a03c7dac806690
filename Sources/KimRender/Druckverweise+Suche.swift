import KimModel

/// Finding the references in HTML, SVG and CSS the way WeasyPrint reads them: attribute values with
/// their character references decoded, CSS `url()` and `@import` with their escapes decoded. A small
/// scanner, not a parser: it errs towards finding too much, never too little.
extension Druckverweise {
    static func markupverweise(_ text: String) -> [Fund] {
        let z = text.unicodeScalars
        var funde: [Fund] = []
        var i = z.startIndex
        while let lt = z[i...].firstIndex(of: "<") {
            i = z.index(after: lt)
            if text[lt...].hasPrefix("<!--") {
                i = text[i...].range(of: "-->")?.upperBound ?? z.endIndex
                continue
            }
            guard i < z.endIndex, z[i].properties.isAlphabetic else { continue }
            var nameEnde = i
            while nameEnde < z.endIndex, Self.namenszeichen(z[nameEnde]) { nameEnde = z.index(after: nameEnde) }
            let element = String(text[i..<nameEnde]).lowercased()
            let (attribute, ende) = Self.attribute(text, ab: nameEnde)
            i = ende
            let rel = attribute.first { $0.name == "rel" }.map { Self.zitateAufloesen(String(text[$0.wert])).lowercased() } ?? ""
            let anhang = rel.split(whereSeparator: \.isWhitespace).contains("attachment")
            for attribut in attribute {
                let roh = String(text[attribut.wert])
                let url = Self.zitateAufloesen(roh)
                var fund = Fund(url: url, roh: roh, stelle: attribut.wert.lowerBound, mussDateiSein: true)
                switch (element, attribut.name) {
                case ("base", "href"):
                    fund.verboten = "ein <base>-Element verschiebt alle Verweise; der Druck erlaubt keines"
                    funde.append(fund)
                case (_, "xml:base"):
                    fund.verboten = "xml:base verschiebt alle Verweise; der Druck erlaubt es nicht"
                    funde.append(fund)
                case (_, "src"), ("object", "data"), ("link", "href"):
                    funde.append(fund)
                case ("a", "href"), ("area", "href"):
                    if anhang { funde.append(fund) }
                case (_, "href"), (_, "xlink:href"):
                    fund.mussDateiSein = false
                    funde.append(fund)
                default:
                    break
                }
                // style="…" and SVG paint attributes (fill="url(…)") load through CSS.
                if url.lowercased().contains("url(") {
                    funde += Self.stilverweise(url, bereich: url.startIndex..<url.endIndex).map {
                        Fund(url: $0.url, roh: roh, stelle: attribut.wert.lowerBound, mussDateiSein: $0.mussDateiSein)
                    }
                }
            }
            if element == "style" || element == "script" {
                let schluss = text[i...].range(of: "</" + element, options: .caseInsensitive)
                if element == "style" { funde += Self.stilverweise(text, bereich: i..<(schluss?.lowerBound ?? z.endIndex)) }
                i = schluss?.upperBound ?? z.endIndex
            }
        }
        return funde
    }

    static func namenszeichen(_ c: Unicode.Scalar) -> Bool {
        c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == ":" || c == "_"
    }

    /// The attributes of a start tag from just after its name up to `>`: names lowercased, the value's range.
    static func attribute(_ text: String, ab start: String.Index) -> ([(name: String, wert: Range<String.Index>)], String.Index) {
        let z = text.unicodeScalars
        var i = start
        var liste: [(name: String, wert: Range<String.Index>)] = []
        func leer(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" }
        while i < z.endIndex {
            while i < z.endIndex, leer(z[i]) || z[i] == "/" { i = z.index(after: i) }
            guard i < z.endIndex, z[i] != ">" else { break }
            let nameAnfang = i
            while i < z.endIndex, !leer(z[i]), z[i] != "=", z[i] != ">", !(z[i] == "/" && i > nameAnfang) { i = z.index(after: i) }
            if i == nameAnfang { i = z.index(after: i); continue }
            let name = String(text[nameAnfang..<i]).lowercased()
            var j = i
            while j < z.endIndex, leer(z[j]) { j = z.index(after: j) }
            guard j < z.endIndex, z[j] == "=" else { liste.append((name, i..<i)); continue }
            j = z.index(after: j)
            while j < z.endIndex, leer(z[j]) { j = z.index(after: j) }
            guard j < z.endIndex else { i = j; break }
            if z[j] == "\"" || z[j] == "'" {
                let zeichen = z[j]
                let anfang = z.index(after: j)
                let ende = z[anfang...].firstIndex(of: zeichen) ?? z.endIndex
                liste.append((name, anfang..<ende))
                i = ende < z.endIndex ? z.index(after: ende) : ende
            } else {
                var ende = j
                while ende < z.endIndex, !leer(z[ende]), z[ende] != ">" { ende = z.index(after: ende) }
                liste.append((name, j..<ende))
                i = ende
            }
        }
        return (liste, i < z.endIndex ? z.index(after: i) : i)
    }

    /// Character references as an HTML parser decodes them; a named one kim does not know stays
    /// as written, and an ASCII letter cannot hide behind any (named references to letters are not ASCII).
    static func zitateAufloesen(_ wert: String) -> String {
        guard wert.contains("&") else { return wert }
        var ergebnis = ""
        var rest = Substring(wert)
        while let amp = rest.firstIndex(of: "&") {
            ergebnis += rest[..<amp]
            rest = rest[amp...]
            if let treffer = rest.prefixMatch(of: /&#[xX]([0-9A-Fa-f]+);?/), let wert = UInt32(treffer.1, radix: 16) {
                ergebnis.unicodeScalars.append(Unicode.Scalar(wert) ?? "\u{FFFD}")
                rest = rest[treffer.range.upperBound...]
            } else if let treffer = rest.prefixMatch(of: /&#([0-9]+);?/), let wert = UInt32(treffer.1) {
                ergebnis.unicodeScalars.append(Unicode.Scalar(wert) ?? "\u{FFFD}")
                rest = rest[treffer.range.upperBound...]
            } else if let treffer = rest.prefixMatch(of: /&([A-Za-z]+);?/), let zeichen = Self.benannt[String(treffer.1)] {
                ergebnis += zeichen
                rest = rest[treffer.range.upperBound...]
            } else {
                ergebnis += "&"
                rest = rest.dropFirst()
            }
        }
        return ergebnis + rest
    }

    /// The named references that stand for ASCII characters.
    static let benannt: [String: String] = [
        "amp": "&", "AMP": "&", "lt": "<", "LT": "<", "gt": ">", "GT": ">", "quot": "\"", "QUOT": "\"", "apos": "'",
        "colon": ":", "sol": "/", "bsol": "\\", "period": ".", "comma": ",", "excl": "!", "num": "#", "dollar": "$",
        "percnt": "%", "lpar": "(", "rpar": ")", "ast": "*", "midast": "*", "plus": "+", "semi": ";", "equals": "=",
        "quest": "?", "commat": "@", "lsqb": "[", "lbrack": "[", "rsqb": "]", "rbrack": "]", "lowbar": "_", "UnderBar": "_",
        "grave": "`", "DiacriticalGrave": "`", "lcub": "{", "lbrace": "{", "rcub": "}", "rbrace": "}", "verbar": "|",
        "vert": "|", "VerticalLine": "|", "Hat": "^", "Tab": "\t", "NewLine": "\n", "fjlig": "fj",
    ]

    /// `url(…)` and `@import "…"` in CSS (`bereich` of `text`), outside comments, escapes decoded.
    static func stilverweise(_ text: String, bereich: Range<String.Index>) -> [Fund] {
        let z = text.unicodeScalars
        var funde: [Fund] = []
        var i = bereich.lowerBound
        func leer(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" }
        while i < bereich.upperBound {
            let rest = text[i..<bereich.upperBound]
            if rest.hasPrefix("/*") {
                i = rest.range(of: "*/")?.upperBound ?? bereich.upperBound
                continue
            }
            let istURL = rest.prefix(4).lowercased() == "url("
            let istImport = rest.prefix(7).lowercased() == "@import"
            guard istURL || istImport else { i = z.index(after: i); continue }
            var j = z.index(i, offsetBy: istURL ? 4 : 7)
            while j < bereich.upperBound, leer(z[j]) { j = z.index(after: j) }
            guard j < bereich.upperBound else { break }
            if z[j] == "\"" || z[j] == "'" {
                let zeichen = z[j]
                let anfang = z.index(after: j)
                var ende = anfang
                while ende < bereich.upperBound, z[ende] != zeichen, z[ende] != "\n" {
                    ende = z[ende] == "\\" && z.index(after: ende) < bereich.upperBound ? z.index(ende, offsetBy: 2) : z.index(after: ende)
                }
                let roh = String(text[anfang..<min(ende, bereich.upperBound)])
                funde.append(Fund(url: Self.stilEscapesAufloesen(roh), roh: roh, stelle: anfang, mussDateiSein: istImport))
                i = ende < bereich.upperBound ? z.index(after: ende) : bereich.upperBound
            } else if istURL {
                var ende = j
                while ende < bereich.upperBound, z[ende] != ")" { ende = z.index(after: ende) }
                let roh = String(text[j..<ende]).trimmingCharacters(in: .whitespacesAndNewlines)
                funde.append(Fund(url: Self.stilEscapesAufloesen(roh), roh: roh, stelle: j, mussDateiSein: false))
                i = ende
            } else {
                i = j
            }
        }
        return funde
    }

    /// CSS escapes: `\66 ` (hexadecimal, one optional space after it) and `\:` (the character itself).
    static func stilEscapesAufloesen(_ roh: String) -> String {
        guard roh.contains("\\") else { return roh }
        let z = Array(roh.unicodeScalars)
        var ergebnis = String.UnicodeScalarView()
        var i = 0
        while i < z.count {
            guard z[i] == "\\", i + 1 < z.count else { ergebnis.append(z[i]); i += 1; continue }
            var j = i + 1
            var hex = ""
            while j < z.count, hex.count < 6, z[j].properties.isASCIIHexDigit { hex.unicodeScalars.append(z[j]); j += 1 }
            if hex.isEmpty {
                if z[j] != "\n" { ergebnis.append(z[j]) }
                i = j + 1
            } else {
                ergebnis.append(UInt32(hex, radix: 16).flatMap(Unicode.Scalar.init) ?? "\u{FFFD}")
                if j < z.count, z[j] == " " || z[j] == "\t" || z[j] == "\n" { j += 1 }
                i = j
            }
        }
        return String(ergebnis)
    }
}
