import Foundation
import KimModel
import Testing

/// Issue 16: messages stay compiler-style and German, whatever the system or the project's file names say.
@Suite("Meldungen: deutsch, ohne rohe Fehlernummern, ohne Steuerzeichen")
struct MeldungenTests {
    @Test("ESC, C1 und Bidi-Steuerzeichen in Pfad und Auszug erscheinen maskiert")
    func steuerzeichen() {
        let befund = Diagnostic.error("data/sitzungen/x\u{1B}[31mrot\u{9B}.json", SourceLocation(line: 1, column: 2), "gefunden: \"a\u{202E}b\"")
        #expect(befund.formatted == "data/sitzungen/x\\u{1B}[31mrot\\u{9B}.json:1:2: Fehler: gefunden: \"a\\u{202E}b\"")
        #expect(Terminaltext.sicher("zwei\nZeilen\u{7}", zeilen: true) == "zwei\nZeilen\\u{7}")
        #expect(Terminaltext.sicher("Müller – „Zitat“ 😀") == "Müller – „Zitat“ 😀")
    }

    @Test("Systemfehler auf Deutsch, ohne Nummer und ohne englischen Text",
          arguments: [(ENAMETOOLONG, "der Dateiname ist zu lang"), (EACCES, "keine Berechtigung"), (EROFS, "das Dateisystem ist schreibgeschützt"),
                      (ENOSPC, "kein Platz mehr auf dem Datenträger")])
    func systemfehler(_ fall: (nummer: Int32, text: String)) {
        #expect(Systemfehler.beschreibung(fall.nummer) == fall.text)
        #expect(Systemfehler.beschreibung(POSIXError(POSIXErrorCode(rawValue: fall.nummer) ?? .EIO)) == fall.text)
    }

    @Test("Foundation-Fehler werden nicht als englischer Text durchgereicht")
    func foundationFehler() throws {
        let ordner = URL(fileURLWithPath: "/proc/kim-gibt-es-nicht/datei")
        do {
            try Data("x".utf8).write(to: ordner)
            Issue.record("Schreiben nach /proc sollte scheitern")
        } catch {
            let text = Systemfehler.beschreibung(error)
            #expect(!text.contains("couldn") && !text.contains("file") && !text.contains("Fehler 2"), "\(text)")
        }
    }
}
