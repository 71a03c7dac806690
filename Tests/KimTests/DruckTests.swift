import Foundation
import KimDerive
import KimModel
import KimPipeline
import KimRender
import Testing

/// The printed Handlungskonzept read page by page, as a reader holds it.
@Suite("Druckfassung Seite für Seite", .serialized)
struct DruckTests {
    struct Druck {
        var html: String
        /// Text of each page, index 0 = page 1
        var seiten: [String]
        var pdf: URL
        var projekt: Projekt
    }

    static func drucken() throws -> Druck {
        let build = Build(Build.Optionen(projekt: Fixtures.referenzprojekt))
        let (projekt, auswertung, diagnostics) = build.auswerten()
        #expect(!diagnostics.hasErrors)
        let geladen = try #require(projekt), ausgewertet = try #require(auswertung)
        let html = try #require(Druckfassung.html(geladen, ausgewertet, fassung: ausgewertet.aktuelleFassung.nummer).0)
        let pdf = try Fixtures.temporaererOrdner().appendingPathComponent("handlungskonzept.pdf")
        try Data(try build.handlungskonzeptPDF(geladen, ausgewertet, fassung: ausgewertet.aktuelleFassung.nummer)).write(to: pdf)
        let info = try PDFTests.werkzeug("pdfinfo", [pdf.path])
        let anzahl = try #require(info.firstMatch(of: /Pages:\s+(\d+)/).flatMap { Int($0.1) })
        let seiten = try (1...anzahl).map { try PDFTests.werkzeug("pdftotext", ["-f", "\($0)", "-l", "\($0)", pdf.path, "-"]) }
        return Druck(html: html, seiten: seiten, pdf: pdf, projekt: geladen)
    }

    /// For matching HTML against extracted text: hyphenation undone, soft hyphens and all whitespace dropped.
    static func vergleichbar(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{00AD}", with: "")
            .replacing(/-\n(?=[a-zäöüß])/, with: "")
            .filter { !$0.isWhitespace }
    }

    static func sichtbar(_ html: String) -> String {
        html.replacing(/<[^>]+>/, with: "")
            .replacingOccurrences(of: "&shy;", with: "").replacingOccurrences(of: "&nbsp;", with: " ")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test("jede Fußnote steht unten auf der Seite ihres Verweises")
    func fussnotenAufIhrerSeite() throws {
        let druck = try Self.drucken()
        let seiten = druck.seiten.map(Self.vergleichbar)
        let noten = druck.html.matches(of: /<span class="fussnote">(.*?)<\/span>/)
        try #require(noten.count >= 8, "die Referenz hat Fußnoten")
        var ab = 0
        for (index, note) in noten.enumerated() {
            let nummer = index + 1
            let text = Self.vergleichbar(Self.sichtbar(String(note.1)))
            let vorher = Self.vergleichbar(Self.sichtbar(String(druck.html[..<note.range.lowerBound]).replacing(/<span class="fussnote">.*?<\/span>/, with: "")))
            let verweis = String(vorher.suffix(24))
            // The mark: the first page from the previous mark on whose text holds the words before it.
            let seite = try #require(seiten.indices.first { $0 >= ab && seiten[$0].contains(verweis) }, "Verweis \(nummer) „\(verweis)“ nicht gefunden")
            ab = seite
            #expect(seiten[seite].contains("\(nummer)." + text.prefix(30)),
                    "Fußnote \(nummer) steht nicht auf Seite \(seite + 1), der Seite ihres Verweises")
        }
    }

    @Test("Fußzeile: Dokument, Fassung, Datum, „Seite X von Y“; Beispieldaten auf den Seiten, die sie zeigen")
    func fusszeile() throws {
        let druck = try Self.drucken()
        let fassung = try #require(druck.projekt.handlungskonzept.fassungen.max { $0.nummer < $1.nummer })
        let einfach = druck.seiten.map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        for (index, text) in einfach.enumerated() where index > 0 {
            #expect(text.contains("Seite \(index + 1) von \(druck.seiten.count)"), "Seite \(index + 1)")
            #expect(text.contains("\(druck.projekt.handlungskonzept.titel) · Fassung \(fassung.nummer) vom \(Format.datum(fassung.datum))"), "Seite \(index + 1)")
            if druck.projekt.handlungskonzept.beispieldaten == true {
                #expect(text.contains("vom \(Format.datum(fassung.datum)) (Beispieldaten)"), "Seite \(index + 1): Beispieldatum ohne Kennzeichnung")
            }
        }
        #expect(einfach[0].contains("Beispieldaten:"), "die Titelseite nennt die Beispieldaten")
        for (index, text) in einfach.enumerated() where text.contains("Anlage 2: Meilensteinplan") && index > 2 {
            #expect(text.contains("Anlage 2: Beispieldaten"), "Seite \(index + 1) zeigt den Meilensteinplan")
        }
        // An adopted Konzept states no live status as a fact: a status only in Anlage 2, dated as of the Fassung.
        for text in einfach where !text.contains("Anlage 2: Meilensteinplan") {
            #expect(!text.contains("überfällig"))
        }
        #expect(einfach.contains { $0.contains("Anlage 2: Meilensteinplan") && $0.contains("Stand am \(Format.datum(fassung.datum))") })
    }

    @Test("Querverweise zeigen die aktuelle Seitenzahl, nie die des Originals")
    func querverweise() throws {
        let druck = try Self.drucken()
        let fassung = try #require(druck.projekt.handlungskonzept.fassungen.max { $0.nummer < $1.nummer })
        let text = druck.seiten.joined(separator: "\n").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let verweise = text.matches(of: /(Kapitel|Anlage) (\d), S\. (\d+)/)
        try #require(verweise.count >= 5)
        for verweis in verweise {
            let seite = try #require(Int(verweis.3))
            // Chapters flow on (no page holds only a chapter's last lines): the heading stands somewhere on the page.
            let kopf = druck.seiten[seite - 1].split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if verweis.1 == "Kapitel" {
                let kapitel = try #require(fassung.kapitel.first { String($0.nummer) == verweis.2 })
                #expect(kopf.contains("\(kapitel.nummer). \(kapitel.titel.prefix(20))"), "Kapitel \(kapitel.nummer) beginnt nicht auf S. \(seite)")
            } else {
                #expect(kopf.contains("Anlage \(verweis.2):"), "Anlage \(verweis.2) beginnt nicht auf S. \(seite)")
            }
        }
        #expect(druck.html.contains("<a class=\"querverweis\" href=\"#kapitel-6\">Kapitel 6</a>"))
        let website = try String(contentsOf: Fixtures.referenzprojekt.appendingPathComponent("site/handlungskonzept/2-ausgangslage.html"), encoding: .utf8)
        #expect(website.contains("<a class=\"querverweis\" href=\"6-zielgruppen.html\">Kapitel 6</a>"))
        #expect(website.contains("<a class=\"querverweis\" href=\"../anlage-1/index.html\">Anlage 1</a>"))
        #expect(!website.contains("Kapitel 6, S. 17"))
    }

    @Test("Abbildungen: nur die Schrift des Dokuments, eine Skala für vergleichbare Diagramme")
    func abbildungen() throws {
        let druck = try Self.drucken()
        let schriften = try PDFTests.werkzeug("pdffonts", [druck.pdf.path]).split(separator: "\n").dropFirst(2)
        #expect(!schriften.isEmpty)
        for zeile in schriften { #expect(zeile.contains("Open-Sans"), "fremde Schrift: \(zeile)") }
        let skalen = druck.html.matches(of: /Skala ([^<]+)</).map { String($0.1) }
        #expect(skalen.count == druck.projekt.demografie.tabellen.count)
        #expect(Set(skalen).count == 1, "eine Skala: \(skalen)")
        #expect(druck.html.contains("font-family=\"Open Sans, sans-serif\""))
    }

    @Test("gleiche Eingabe, gleiche PDF-Bytes, auch nachdem build/ gelöscht wurde")
    func reproduzierbar() throws {
        let projekt = try SitzungTests.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt) }
        let build = Build(Build.Optionen(projekt: projekt))
        let (geladen, auswertung, _) = build.auswerten()
        let p = try #require(geladen), a = try #require(auswertung)
        let erstes = try build.handlungskonzeptPDF(p, a, fassung: 2)
        try FileManager.default.removeItem(at: projekt.appendingPathComponent("build"))
        Thread.sleep(forTimeInterval: 1.1)
        let zweites = try build.handlungskonzeptPDF(p, a, fassung: 2)
        #expect(erstes.count > 10_000)
        #expect(erstes == zweites, "die Bytes unterscheiden sich")
    }
}
