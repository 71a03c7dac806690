import Foundation
import KimModel
import KimPipeline
import KimRender
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
                #expect(einfach.contains("Beschluss vom"), "der Beschluss der Fassung steht im Impressum")
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

/// What `kim check` says about the printed text before it is printed.
@Suite("Seitenverweise und Korrekturen")
struct SeitenverweiseUndKorrekturenTests {
    @Test("ein Seitenverweis des Originals wird gemeldet, ein Querverweis nicht")
    func veralteterSeitenverweis() throws {
        let build = Build(Build.Optionen(projekt: Fixtures.referenzprojekt))
        let (geladen, auswertung, _) = build.auswerten()
        var projekt = try #require(geladen)
        let name = "kapitel/5-projektbausteine"
        func befunde(_ projekt: Projekt) throws -> [Diagnostic] {
            Druckfassung.html(projekt, try #require(auswertung), fassung: 2).1.filter { $0.message.contains("Seitenverweis") }
        }
        #expect(try befunde(projekt).isEmpty, "die Referenz druckt keinen veralteten Seitenverweis")
        var vorlage = try #require(projekt.vorlagen[name])
        vorlage.text += "\n\nDazu mehr (siehe dazu Aufgabenschwerpunkt D, S. 14-16), im Einzelnen in Kapitel 4.[^99]\n\n[^99]: Vgl. S. 17\n"
        projekt.vorlagen[name] = vorlage
        let gefunden = try befunde(projekt)
        #expect(gefunden.count == 2, "\(gefunden.map(\.formatted))")
        #expect(gefunden.contains { $0.message.contains("„Aufgabenschwerpunkt D, S. 14-16“") })
        #expect(gefunden.contains { $0.message.contains("„Vgl. S. 17“") })
        #expect(gefunden.allSatisfy { $0.file == vorlage.datei && $0.severity == .warning })
    }

    @Test("Korrekturen aus den Daten: berichtigt in jeder Ausgabe, in den Quellen genannt; eine, die nichts findet, wird gemeldet")
    func korrekturen() throws {
        var dateien = try Fixtures.referenzDateien()
        let (ausgabe, diagnostics) = Fixtures.pruefen(dateien)
        #expect(!diagnostics.hasErrors)
        let kapitel = Fixtures.text(ausgabe?["handlungskonzept/2-ausgangslage.html"])
        #expect(kapitel.contains("6-Jährigen") && !kapitel.contains("6-Järigen"))
        let quellen = Fixtures.text(ausgabe?["quellen.html"])
        #expect(quellen.contains("„6-Jährigen“ statt „6-Järigen“"))
        let vorlage = Fixtures.text(dateien["templates/kapitel/2-ausgangslage.md"])
        #expect(vorlage.contains("6-Järigen"), "die Vorlage behält den Wortlaut der Quelle")

        let pfad = "data/handlungskonzept.json"
        dateien[pfad] = Array(Fixtures.text(dateien[pfad]).replacingOccurrences(of: "\"original\": \"6-Järigen\"", with: "\"original\": \"6-Jährigen der Quelle\"").utf8)
        let befunde = Fixtures.pruefen(dateien).diagnostics.filter { $0.message.contains("die Korrektur ändert nichts") }
        #expect(befunde.count == 2)
        #expect(befunde.allSatisfy { $0.file == pfad && $0.location != nil })
    }
}
