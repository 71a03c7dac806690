import Foundation
import KimModel
import KimPipeline
import Testing

/// The printed Handlungskonzept read page by page, as a Rat reads it: no page reference copied
/// from the original, no text about clicking, an Impressum, a running head on one line, and no
/// page that holds only a chapter's last lines. Both Fassungen.
@Suite("Das gedruckte Handlungskonzept Seite für Seite", .serialized)
struct DruckfassungSeitenTests {
    static func pdf(_ fassung: Int) throws -> (datei: String, seiten: Int) {
        let build = Build(Build.Optionen(projekt: Fixtures.referenzprojekt))
        let (projekt, auswertung, diagnostics) = build.auswerten()
        #expect(!diagnostics.hasErrors)
        #expect(!diagnostics.contains { $0.message.contains("Seitenverweis") }, "\(diagnostics.map(\.formatted))")
        let bytes = try build.handlungskonzeptPDF(try #require(projekt), try #require(auswertung), fassung: fassung)
        let datei = try Fixtures.temporaererOrdner().appendingPathComponent("handlungskonzept-\(fassung).pdf")
        try Data(bytes).write(to: datei)
        let info = try PDFTests.werkzeug("pdfinfo", [datei.path])
        return (datei.path, try #require(info.firstMatch(of: /Pages:\s+(\d+)/).flatMap { Int($0.1) }))
    }

    static func seite(_ datei: String, _ nummer: Int, _ weitere: [String] = []) throws -> String {
        try PDFTests.werkzeug("pdftotext", ["-f", "\(nummer)", "-l", "\(nummer)"] + weitere + [datei, "-"])
    }

    @Test("keine veraltete Seitenangabe, kein Text nur fürs Web, Impressum, Kopfzeile einzeilig, keine fast leere Seite", arguments: [1, 2])
    func seiteFuerSeite(_ fassung: Int) throws {
        let (datei, seiten) = try Self.pdf(fassung)
        var impressum = false
        for nummer in 1...seiten {
            let text = try Self.seite(datei, nummer).replacingOccurrences(of: "\u{00AD}", with: "")
            let einfach = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            for veraltet in [/Vgl\. S\. \d/, /Vgl\. Pkt\. \d/, /Aufgabenschwerpunkt [A-Z], S\. \d/] {
                #expect(einfach.firstMatch(of: veraltet) == nil, "Fassung \(fassung), Seite \(nummer): \(einfach.firstMatch(of: veraltet).map { String($0.0) } ?? "")")
            }
            for nurWeb in ["Kästen führen", "klicken", "Klicken", "anklicken"] {
                #expect(!einfach.contains(nurWeb), "Fassung \(fassung), Seite \(nummer): „\(nurWeb)“")
            }
            if einfach.contains("Impressum"), einfach.contains("Herausgeber"), einfach.contains("Im Internet") {
                impressum = true
                #expect(nummer == 2, "das Impressum steht hinter der Titelseite")
                #expect(einfach.contains("Fassung \(fassung) vom"))
                #expect(einfach.contains("Beschlossen vom Gremium"))
            }
            // The running head: everything in the top margin (20 mm, landscape pages included) is one line.
            if nummer > 1 {
                let kopf = try Self.seite(datei, nummer, ["-x", "0", "-y", "0", "-W", "900", "-H", "52", "-layout"])
                let zeilen = kopf.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines.union(.controlCharacters)).isEmpty }
                #expect(zeilen.count == 1, "Fassung \(fassung), Seite \(nummer): Kopfzeile \(zeilen)")
            }
            // No page holds only the last lines of a chapter: the title page aside, each carries real text.
            if nummer > 1 {
                #expect(einfach.split(separator: " ").count > 75, "Fassung \(fassung), Seite \(nummer) ist fast leer: \(einfach)")
            }
        }
        #expect(impressum, "Fassung \(fassung) hat ein Impressum")
    }
}
