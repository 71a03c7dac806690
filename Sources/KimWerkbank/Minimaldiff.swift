import KimTabellen

/// Writes a changed document into the text it came from, touching only the bytes of what changed:
/// key order, indentation, line breaks and every untouched value keep their bytes, so a one-field
/// edit is a one-line diff. New members and list items are written in the file's own style,
/// indented like their neighbours.
enum Minimaldiff {
    struct Ersetzung {
        var bereich: Range<Int>
        var text: String
    }

    /// The new text; nil when the old text cannot be read (then nothing is written).
    static func anwenden(alt bytes: [UInt8], altWert: JSONWert, neu: JSONWert) -> [UInt8]? {
        guard let spanne = Spanne.lesen(bytes) else { return nil }
        var ersetzungen: [Ersetzung] = []
        aendern(bytes, spanne, altWert, neu, in: &ersetzungen)
        var ergebnis = bytes
        // From the back, so earlier ranges keep their offsets.
        for ersetzung in ersetzungen.sorted(by: { $0.bereich.lowerBound > $1.bereich.lowerBound }) {
            ergebnis.replaceSubrange(ersetzung.bereich, with: Array(ersetzung.text.utf8))
        }
        return ergebnis
    }

    private static func aendern(_ bytes: [UInt8], _ spanne: Spanne, _ alt: JSONWert, _ neu: JSONWert, in ersetzungen: inout [Ersetzung]) {
        if gleich(alt, neu) { return }
        switch (spanne.art, alt.inhalt, neu.inhalt) {
        case (.objekt(let eintraege), .objekt(let alteFelder), .objekt(let neueFelder)) where !eintraege.isEmpty && eintraege.count == alteFelder.count:
            objekt(bytes, spanne, eintraege, alteFelder.map(\.1), neueFelder, in: &ersetzungen)
        case (.liste(let elemente), .liste(let alteElemente), .liste(let neueElemente))
            where !elemente.isEmpty && elemente.count == alteElemente.count && !neueElemente.isEmpty:
            liste(bytes, elemente, alteElemente, neueElemente, in: &ersetzungen)
        default:
            ersetzungen.append(Ersetzung(bereich: spanne.start..<spanne.ende, text: geschrieben(neu, einzug: einzug(bytes, zeileVon: spanne.start))))
        }
    }

    private static func objekt(_ bytes: [UInt8], _ spanne: Spanne, _ eintraege: [Spannenmitglied],
                               _ alteWerte: [JSONWert], _ neueFelder: [(String, JSONWert)], in ersetzungen: inout [Ersetzung]) {
        let neu = Dictionary(neueFelder, uniquingKeysWith: { _, letzter in letzter })
        let bleibt = eintraege.map { neu[$0.schluessel] != nil }
        guard let ersterBleibender = bleibt.firstIndex(of: true) else {
            ersetzungen.append(Ersetzung(bereich: spanne.start..<spanne.ende,
                                         text: geschrieben(JSONWert(.objekt(neueFelder)), einzug: einzug(bytes, zeileVon: spanne.start))))
            return
        }
        // Members before the first kept one go with the separators after them; later ones with the separator before.
        if ersterBleibender > 0 {
            ersetzungen.append(Ersetzung(bereich: eintraege[0].schluesselStart..<eintraege[ersterBleibender].schluesselStart, text: ""))
        }
        for (index, eintrag) in eintraege.enumerated() {
            if index > ersterBleibender, !bleibt[index] {
                ersetzungen.append(Ersetzung(bereich: eintraege[index - 1].wert.ende..<eintrag.wert.ende, text: ""))
            } else if bleibt[index], let wert = neu[eintrag.schluessel] {
                aendern(bytes, eintrag.wert, alteWerte[index], wert, in: &ersetzungen)
            }
        }
        let vorhanden = Set(eintraege.map(\.schluessel))
        let hinzu = neueFelder.filter { !vorhanden.contains($0.0) }
        guard !hinzu.isEmpty, let letzter = eintraege.indices.last(where: { bleibt[$0] }) else { return }
        let (trenner, tiefe) = stil(bytes, vor: eintraege[letzter].schluesselStart)
        let text = hinzu.map { schluessel, wert in
            trenner + geschrieben(JSONWert(.text(schluessel)), einzug: 0) + ": " + geschrieben(wert, einzug: tiefe)
        }.joined()
        ersetzungen.append(Ersetzung(bereich: eintraege[letzter].wert.ende..<eintraege[letzter].wert.ende, text: text))
    }

    private static func liste(_ bytes: [UInt8], _ elemente: [Spanne], _ alt: [JSONWert], _ neu: [JSONWert], in ersetzungen: inout [Ersetzung]) {
        for index in 0..<min(alt.count, neu.count) {
            aendern(bytes, elemente[index], alt[index], neu[index], in: &ersetzungen)
        }
        if neu.count < alt.count {
            ersetzungen.append(Ersetzung(bereich: elemente[neu.count - 1].ende..<elemente[alt.count - 1].ende, text: ""))
        } else if neu.count > alt.count {
            let (trenner, tiefe) = stil(bytes, vor: elemente[alt.count - 1].start)
            let text = neu[alt.count...].map { trenner + geschrieben($0, einzug: tiefe) }.joined()
            ersetzungen.append(Ersetzung(bereich: elemente[alt.count - 1].ende..<elemente[alt.count - 1].ende, text: text))
        }
    }

    /// How a neighbour stands: on a line of its own (",\n" + its indentation) or inline (", ").
    private static func stil(_ bytes: [UInt8], vor position: Int) -> (trenner: String, einzug: Int) {
        var anfang = position
        while anfang > 0, bytes[anfang - 1] == 0x20 || bytes[anfang - 1] == 0x09 { anfang -= 1 }
        if anfang == 0 || bytes[anfang - 1] == 0x0A {
            let einrueckung = String(decoding: bytes[anfang..<position], as: UTF8.self)
            return (",\n" + einrueckung, position - anfang)
        }
        return (", ", einzug(bytes, zeileVon: position))
    }

    /// The indentation of the line a position stands on.
    static func einzug(_ bytes: [UInt8], zeileVon position: Int) -> Int {
        var anfang = position
        while anfang > 0, bytes[anfang - 1] != 0x0A { anfang -= 1 }
        var ende = anfang
        while ende < bytes.count, bytes[ende] == 0x20 { ende += 1 }
        return ende - anfang
    }

    /// A value as the project writes JSON, its inner lines indented by `einzug` more.
    static func geschrieben(_ wert: JSONWert, einzug: Int) -> String {
        var text = JSONSchreiber().text(wert)
        if text.hasSuffix("\n") { text.removeLast() }
        guard einzug > 0 else { return text }
        return text.replacingOccurrences(of: "\n", with: "\n" + String(repeating: " ", count: einzug))
    }

    static func gleich(_ a: JSONWert, _ b: JSONWert) -> Bool {
        switch (a.inhalt, b.inhalt) {
        case (.text(let x), .text(let y)): return x == y
        case (.zahl(let x), .zahl(let y)): return x == y
        case (.wahrheitswert(let x), .wahrheitswert(let y)): return x == y
        case (.liste(let x), .liste(let y)): return x.count == y.count && zip(x, y).allSatisfy { gleich($0, $1) }
        case (.objekt(let x), .objekt(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && gleich($0.1, $1.1) }
        default: return false
        }
    }
}
