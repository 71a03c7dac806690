import Foundation
@testable import KimDerive
import Testing

/// The paragraph split of the change pages works on bytes now (issue 17); it must split and trim
/// exactly as Foundation's `components(separatedBy:)` and `trimmingCharacters(in:)` did.
@Suite("Textvergleich: Absätze wie mit Foundation")
struct TextvergleichTeilenTests {
    static func wieFoundation(_ text: String) -> [String] {
        text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    @Test("gleiche Absätze für Randfälle", arguments: [
        "", "\n\n", "a", "a\n\nb", "a\n\n\nb", "a\n\n\n\nb", " a \n\n\tb\t", "a\r\n\r\nb", "a\n\r\n\nb",
        "\u{00A0}a\u{2028}\n\n\u{3000}b\u{2029}", "Zeile 1\nZeile 2\n\n# Überschrift\n\n  eingerückt  ",
        "ä\n\n\u{0085}ö\u{0085}", "\u{FEFF}a\n\nb\u{200B}", "e\u{0301}\n\n\u{0301}x",
    ])
    func randfaelle(_ text: String) {
        #expect(Textvergleich.teilen(text) == Self.wieFoundation(text))
    }
}
