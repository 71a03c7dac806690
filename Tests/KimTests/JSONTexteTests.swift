import Foundation
import KimLoad
import Testing

/// A text with escapes takes the parser's careful path, which collects the UTF-8 bytes and checks every
/// scalar. Whatever it reads must be what Foundation's JSON reader reads from the same bytes.
@Suite("JSON: Texte mit Escapes wie Foundation")
struct JSONTexteTests {
    static let stuecke = ["a", "ä", "ß", "€", "😀", "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\u00e4", "\\u20AC", "\\ud83d\\ude00", "\\u0041", " ", "„", "“"]

    static func gelesen(_ json: String) throws -> String? {
        let (knoten, warnungen) = try JSONParser.parse(Array(json.utf8))
        guard warnungen.isEmpty, case .string(let text) = knoten.value else { return nil }
        return text
    }

    @Test("3 000 zufällige Texte aus Escapes, Umlauten und Emoji")
    func wieFoundation() throws {
        var zufall = Zufall(saat: 29)
        for _ in 0..<3_000 {
            let inhalt = (0..<Int.random(in: 1...10, using: &zufall)).map { _ in Self.stuecke.randomElement(using: &zufall) ?? "a" }.joined()
            let json = "\"\(inhalt)\""
            let erwartet = try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed]) as? String
            #expect(try Self.gelesen(json) == erwartet, "\(json)")
        }
    }

    @Test("ungültiges UTF-8 hinter einem Escape wird gemeldet, nicht ersetzt")
    func ungueltig() {
        let bytes: [UInt8] = Array("\"\\n".utf8) + [0xC3, 0x28] + Array("\"".utf8)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(bytes) }
    }
}
