import Foundation
import KimModel
import Testing

/// `ohneLeerraumAmRand` replaces Foundation's `trimmingCharacters(in: .whitespaces)` where every template
/// tag is trimmed; it must trim exactly what Foundation trims: Unicode's space separators, the tab and the
/// zero-width space, not line breaks, at both ends only.
@Suite("Leerraum am Rand wie Foundation")
struct LeerraumTests {
    static let zeichen: [Character] = [" ", "\t", "\n", "\r", "\u{A0}", "\u{2003}", "\u{3000}", "\u{200B}", "\u{FEFF}", "\u{180E}", "\u{1680}", "\u{202F}", "\u{205F}", "\u{2028}", "\u{85}",
                                       "a", "Ä", "ß", "#", "{", "}", ".", "é", "👩‍👩‍👧", "\u{0301}"]

    @Test("feste Fälle")
    func feste() {
        #expect(" \t name \u{A0}".ohneLeerraumAmRand == "name")
        #expect("\n name \n".ohneLeerraumAmRand == "\n name \n")
        #expect("  ".ohneLeerraumAmRand == "")
        #expect("a b".ohneLeerraumAmRand == "a b")
        #expect(" x ".dropFirst().ohneLeerraumAmRand == "x")
    }

    @Test("5 000 zufällige Texte: dasselbe wie Foundation")
    func wieFoundation() {
        var zufall = Zufall(saat: 2026_12_08)
        for _ in 0..<5_000 {
            let laenge = Int.random(in: 0...8, using: &zufall)
            let text = String((0..<laenge).map { _ in Self.zeichen.randomElement(using: &zufall) ?? " " })
            #expect(text.ohneLeerraumAmRand == text.trimmingCharacters(in: .whitespaces), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
