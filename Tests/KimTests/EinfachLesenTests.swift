import Foundation
import KimModel
import Testing

@Suite("Einfach lesen: Begriffe, Kurzfassung, Leichte Sprache")
struct EinfachLesenTests {
    static func site(_ dateien: [String: [UInt8]]? = nil) throws -> (site: [String: String], befunde: [Diagnostic]) {
        let (ausgabe, diagnostics) = Fixtures.pruefen(try dateien ?? Fixtures.referenzDateien())
        return ((ausgabe ?? [:]).mapValues { String(decoding: $0, as: UTF8.self) }, diagnostics)
    }

    @Test("jeder Begriff ist beim ersten Vorkommen verlinkt, nur einmal je Seite, nie in Überschriften oder Links")
    func begriffe() throws {
        let site = try Self.site().site
        let glossar = try #require(site["glossar.html"])
        #expect(glossar.contains("<dt id=\"begriff-case-management\">Case-Management</dt>"))
        let kapitel = try #require(site["handlungskonzept/4-strategischer-overhead.html"])
        let ziele = kapitel.matches(of: #/<a class="begriff" href="\.\./glossar\.html#(begriff-[a-z-]+)">/#).map { String($0.1) }
        #expect(ziele.contains("begriff-strategischer-overhead"))
        #expect(Set(ziele).count == ziele.count, "doppelt verlinkt: \(ziele)")
        for ziel in ziele { #expect(glossar.contains("id=\"\(ziel)\""), "\(ziel) fehlt im Glossar") }
        for (pfad, seite) in site where pfad.hasSuffix(".html") {
            #expect(seite.firstMatch(of: #/<h[1-6][^>]*>[^<]*<a class="begriff"/#) == nil, "\(pfad): Begriff in einer Überschrift")
            #expect(seite.firstMatch(of: #/<a [^>]*>[^<]*<a class="begriff"/#) == nil, "\(pfad): Begriff in einem Link")
        }
        // Case matters and whole words only: "KI" is not linked inside "KIM".
        #expect(!kapitel.contains(">KI</a>M"))
    }

    @Test("das Wichtigste in Kürze steht vor dem Kapiteltext, wenn die Daten es nennen")
    func kurzfassung() throws {
        let site = try Self.site().site
        let kapitel = try #require(site["handlungskonzept/6-zielgruppen.html"])
        let kasten = try #require(kapitel.range(of: "Das Wichtigste in Kürze"))
        let text = try #require(kapitel.range(of: "Wie im Handlungskonzept des Landes empfohlen"))
        #expect(kasten.lowerBound < text.lowerBound)
        // Fassung 1 names none: no empty box.
        #expect(!(try #require(site["fassung/1/6-zielgruppen.html"])).contains("Das Wichtigste in Kürze"))
    }

    @Test("Leichte Sprache sagt, wo es Hilfe gibt")
    func leichteSprache() throws {
        let seite = try #require(try Self.site().site["leichte-sprache.html"])
        #expect(seite.contains("Wo bekomme ich Hilfe?"))
        #expect(seite.contains("href=\"anlage-1/sozialraeume.html\""))
    }

    @Test("ein doppelter Begriff ist ein Fehler mit Ort")
    func doppelterBegriff() throws {
        var dateien = try Fixtures.referenzDateien()
        let text = String(decoding: try #require(dateien["data/glossar.json"]), as: UTF8.self)
        dateien["data/glossar.json"] = Array(text.replacingOccurrences(of: "\"id\": \"mbe\"", with: "\"id\": \"jmd\"").utf8)
        let befunde = try Self.site(dateien).befunde
        #expect(befunde.contains { $0.file == "data/glossar.json" && $0.location != nil && $0.message.contains("Begriff \"jmd\" ist doppelt vergeben") },
                "\(befunde.map(\.formatted))")
    }
}
