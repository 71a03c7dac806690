import KimModel

/// Links each glossary term at its first use on a page to its explanation (glossar.html#begriff-ID).
/// Works on the page's HTML as the project's templates made it: only text outside links, headings,
/// figures and code is touched, and only whole words (a form is not linked inside a longer word).
///
/// Runs over every page of the site, the 50 MB Beschlussregister of a state-wide project included,
/// so it scans UTF-8 bytes once and tries only the forms that start with the byte at hand.
struct Begriffsverweise: Sendable {
    struct Form: Sendable {
        let bytes: [UInt8]
        let id: String
    }

    /// Indexed by first byte (256 entries): the forms starting with it, longest first, so
    /// "Kommunalen Integrationszentrum" wins over "KI".
    let formenNachErstemByte: [[Form]]
    /// Whether any form starts with the byte: read for every byte of every page, so a flag, not an array.
    let beginntForm: [Bool]
    /// How many terms a page can link at most: once all are linked, the rest of the page is copied.
    let anzahlBegriffe: Int

    init(_ begriffe: [Begriff]) {
        let formen = begriffe.flatMap { begriff in begriff.formen.filter { !$0.isEmpty }.map { Form(bytes: Array($0.utf8), id: begriff.id) } }
            .sorted { $0.bytes.count != $1.bytes.count ? $0.bytes.count > $1.bytes.count : $1.bytes.lexicographicallyPrecedes($0.bytes) }
        var nachByte = [[Form]](repeating: [], count: 256)
        for form in formen { nachByte[Int(form.bytes[0])].append(form) }
        formenNachErstemByte = nachByte
        beginntForm = nachByte.map { !$0.isEmpty }
        anzahlBegriffe = Set(formen.map(\.id)).count
    }

    /// Elements whose text is never linked.
    static let ausgenommen: Set<String> = ["a", "h1", "h2", "h3", "h4", "h5", "h6", "svg", "code", "pre", "dfn", "abbr",
                                           "script", "style", "textarea", "button", "label", "caption", "del", "nav", "dt", "summary"]
    /// The same names as bytes, by length: a page of 50 000 tags asks for each whether it is one of them.
    static let ausgenommenNachLaenge: [[[UInt8]]] = {
        var nachLaenge = [[[UInt8]]](repeating: [], count: 9)
        for name in ausgenommen { nachLaenge[name.utf8.count].append(Array(name.utf8)) }
        return nachLaenge
    }()

    func verlinken(_ html: String, ziel: String) -> String {
        guard beginntForm.contains(true) else { return html }
        let eingabe = Array(html.utf8)
        var ergebnis: [UInt8] = []
        ergebnis.reserveCapacity(eingabe.count + 256)
        var verlinkt = Set<String>()
        let alle = anzahlBegriffe
        var tiefe = 0
        var position = 0
        while position < eingabe.count {
            if verlinkt.count == alle {
                ergebnis += eingabe[position...]
                break
            }
            if eingabe[position] == UInt8(ascii: "<") {
                let ende = (eingabe[position...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 }) ?? eingabe.count
                let tag = eingabe[position..<ende]
                ergebnis += tag
                if let schliessend = Self.ausgenommenesElement(tag), !Self.endetSelbst(tag) {
                    tiefe = max(0, tiefe + (schliessend ? -1 : 1))
                }
                position = ende
            } else {
                let ende = eingabe[position...].firstIndex(of: UInt8(ascii: "<")) ?? eingabe.count
                if tiefe == 0 {
                    verlinkeText(eingabe, position..<ende, ziel: ziel, &verlinkt, in: &ergebnis)
                } else {
                    ergebnis += eingabe[position..<ende]
                }
                position = ende
            }
        }
        return String(decoding: ergebnis, as: UTF8.self)
    }

    /// For a tag that opens or closes an element of `ausgenommen` (any case), whether it closes; nil for
    /// every other tag, comments and the like. On the bytes: a String per tag was a tenth of linking.
    static func ausgenommenesElement(_ tag: ArraySlice<UInt8>) -> Bool? {
        var start = tag.startIndex + 1
        let schliessend = start < tag.endIndex && tag[start] == UInt8(ascii: "/")
        if schliessend { start += 1 }
        let ende = tag[start...].firstIndex { [UInt8(ascii: " "), UInt8(ascii: ">"), UInt8(ascii: "/"), UInt8(ascii: "\n"), UInt8(ascii: "\t")].contains($0) } ?? tag.endIndex
        let laenge = ende - start
        guard laenge > 0, laenge < ausgenommenNachLaenge.count else { return nil }
        let name = tag[start..<ende]
        let gefunden = ausgenommenNachLaenge[laenge].contains { kandidat in
            zip(kandidat, name).allSatisfy { erwartet, byte in
                erwartet == (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
            }
        }
        return gefunden ? schliessend : nil
    }

    static func endetSelbst(_ tag: ArraySlice<UInt8>) -> Bool {
        tag.count >= 2 && tag[tag.endIndex - 2] == UInt8(ascii: "/") && tag[tag.endIndex - 1] == UInt8(ascii: ">")
    }

    private func verlinkeText(_ text: [UInt8], _ bereich: Range<Int>, ziel: String, _ verlinkt: inout Set<String>, in ergebnis: inout [UInt8]) {
        var position = bereich.lowerBound
        var kopiertBis = position
        while position < bereich.upperBound {
            // A term can only start where a word starts (and where a character starts: never on a continuation byte).
            guard beginntForm[Int(text[position])], !Self.wortzeichenEndetVor(position, in: text, ab: bereich.lowerBound) else {
                position += 1
                continue
            }
            let treffer = formenNachErstemByte[Int(text[position])].first { form in
                !verlinkt.contains(form.id) && position + form.bytes.count <= bereich.upperBound
                    && text[position..<(position + form.bytes.count)].elementsEqual(form.bytes)
                    && !Self.wortzeichenBeginntBei(position + form.bytes.count, in: text, bis: bereich.upperBound)
            }
            guard let treffer else { position += 1; continue }
            ergebnis += text[kopiertBis..<position]
            ergebnis += Array("<a class=\"begriff\" href=\"\(ziel)#begriff-\(treffer.id)\">".utf8)
            ergebnis += treffer.bytes
            ergebnis += Array("</a>".utf8)
            verlinkt.insert(treffer.id)
            position += treffer.bytes.count
            kopiertBis = position
        }
        ergebnis += text[kopiertBis..<bereich.upperBound]
    }

    /// Whether the character before `position` (within the text run) is part of a word.
    static func wortzeichenEndetVor(_ position: Int, in text: [UInt8], ab anfang: Int) -> Bool {
        guard position > anfang else { return false }
        var start = position - 1
        while start > anfang, text[start] & 0xC0 == 0x80 { start -= 1 }
        return istWortzeichen(text[start..<position])
    }

    /// Whether the character at `position` (within the text run) is part of a word, or a mark that joins the one before.
    static func wortzeichenBeginntBei(_ position: Int, in text: [UInt8], bis ende: Int) -> Bool {
        guard position < ende else { return false }
        var stop = position + 1
        while stop < ende, text[stop] & 0xC0 == 0x80 { stop += 1 }
        return istWortzeichen(text[position..<stop], auchVerbindend: true)
    }

    static func istWortzeichen(_ bytes: ArraySlice<UInt8>, auchVerbindend: Bool = false) -> Bool {
        if bytes.count == 1, let byte = bytes.first {
            return (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
        }
        guard let skalar = String(decoding: bytes, as: UTF8.self).unicodeScalars.first else { return false }
        let eigenschaften = skalar.properties
        return eigenschaften.isAlphabetic || eigenschaften.numericType != nil || (auchVerbindend && eigenschaften.isGraphemeExtend)
    }
}
