import Foundation
import KimLoad
import KimModel
import Testing

/// Issue 16: every input that passes `kim check` builds, and two outputs never share a path.
@Suite("Was kim check annimmt, wird gebaut")
struct JedeEingabeBautTests {
    func ersetzen(_ dateien: inout [String: [UInt8]], _ pfad: String, _ alt: String, _ neu: String) throws {
        let text = Fixtures.text(dateien[pfad])
        #expect(text.contains(alt), "\(pfad) enthält \(alt) nicht")
        dateien[pfad] = Array(text.replacingOccurrences(of: alt, with: neu).utf8)
    }

    static let sitzung = "data/sitzungen/facharbeitskreis-2021-1.json"

    @Test("ein langer, gültiger Ort wird ein kurzer, stabiler Dateiname in OParl")
    func langerOrt() throws {
        var dateien = try Fixtures.referenzDateien()
        let ort = String(repeating: "Sitzungssaal im Technischen Rathaus Sterkrade ", count: 8)
        try ersetzen(&dateien, Self.sitzung, "\"ort\": \"Videokonferenz\"", "\"ort\": \"\(ort)\"")
        let (ausgabe, befunde) = Fixtures.pruefen(dateien)
        let ausgabeDateien = try #require(ausgabe, "\(befunde.map(\.formatted))")
        let orte = ausgabeDateien.keys.filter { $0.hasPrefix("oparl/location/") }
        #expect(orte.allSatisfy { ($0 as NSString).lastPathComponent.utf8.count <= 100 }, "\(orte)")
        #expect(orte.contains { $0.hasPrefix("oparl/location/sitzungssaal-im-technischen-rathaus") })
        // Written to disk it fits (255 bytes per name) and stays the same from run to run.
        #expect(Fixtures.pruefen(dateien).ausgabe?.keys.filter { $0.hasPrefix("oparl/location/") }.sorted() == orte.sorted())
    }

    @Test("nur Nicht-Markdown-Felder eines Angebots geändert (Kontakt ergänzt): die Änderungsseite baut")
    func kontaktErgaenzt() throws {
        var dateien = try Fixtures.referenzDateien()
        try ersetzen(&dateien, "data/angebote.json", "\"id\": \"diakonie-muelheim-jmd\",",
                     "\"id\": \"diakonie-muelheim-jmd\",\n      \"kontakt\": {\"telefon\": \"0208 12345\"},")
        let (ausgabe, befunde) = Fixtures.pruefen(dateien)
        #expect(ausgabe != nil, "\(befunde.filter { $0.severity == .error }.map(\.formatted))")
        let seite = Fixtures.text(ausgabe?.first { $0.key.contains("aenderungen") }?.value)
        #expect(seite.contains("0208 12345"))
    }

    @Test("eine eigene Textseite mit dem Pfad einer Seite von kim ist ein Fehler, der beide nennt")
    func textseiteUeberdecktGremien() throws {
        var dateien = try Fixtures.referenzDateien()
        dateien["templates/texte/gremien.md"] = Array("# Gremien\n\nEigener Text.\n".utf8)
        let (ausgabe, befunde) = Fixtures.pruefen(dateien)
        #expect(ausgabe == nil)
        #expect(befunde.map(\.formatted).contains {
            $0.hasPrefix("templates/texte/gremien.md: Fehler: zwei Seiten hätten denselben Pfad gremien.html: kims Seite »") && $0.contains("die Seite aus templates/texte/gremien.md")
        }, "\(befunde.map(\.formatted))")
    }

    @Test("eine doppelte TOP-Nummer ist ein Fehler an beiden Stellen, kein still verlorener AgendaItem")
    func doppelteTOPNummer() throws {
        var dateien = try Fixtures.referenzDateien()
        try ersetzen(&dateien, Self.sitzung, "\"nummer\": \"2\"", "\"nummer\": \"1\"")
        let (ausgabe, befunde) = Fixtures.pruefen(dateien)
        #expect(ausgabe == nil)
        #expect(befunde.map(\.formatted).contains { $0.hasPrefix("\(Self.sitzung):104:") && $0.contains("TOP 1 gibt es in dieser Sitzung schon (\(Self.sitzung):84:") },
                "\(befunde.filter { $0.severity == .error }.map(\.formatted))")
    }

    @Test("doppelte Kennungen nennen die echte Datei mit Zeile und Spalte, auch wenn sie anders heißt als die Kennung")
    func doppelteKennung() throws {
        var dateien = try Fixtures.referenzDateien()
        dateien["data/sitzungen/kopie.json"] = dateien[Self.sitzung]
        let (_, befunde) = Fixtures.pruefen(dateien)
        let texte = befunde.filter { $0.severity == .error }.map(\.formatted)
        #expect(texte.contains { $0.hasPrefix("data/sitzungen/kopie.json:") || $0.hasPrefix("\(Self.sitzung):") }, "\(texte)")
        #expect(texte.contains { $0.contains("die Sitzung \"facharbeitskreis-2021-1\" gibt es schon in data/sitzungen/") && $0.contains(".json:6:") }, "\(texte)")
        #expect(!texte.contains { $0.hasPrefix("data/sitzungen/facharbeitskreis-2021-1.json") && $0.contains("kopie") == false && $0.contains("gibt es schon in data/sitzungen/facharbeitskreis-2021-1.json") })
        // Beschlüsse and Aufgaben name where their id stood first, with line and column too.
        #expect(texte.contains { $0.contains("der Beschluss \"fak-2021-1-b1\" ist schon in data/sitzungen/") && $0.contains(".json:90:") }, "\(texte)")
        #expect(texte.contains { $0.contains("die Aufgabe \"fak-2021-1-a1\" ist schon in data/sitzungen/") && $0.contains(".json:111:") }, "\(texte)")
    }

    @Test("Nichtzeichen (U+FFFE, U+FFFF, U+FDD0) und C1-Steuerzeichen werden beim Laden abgelehnt, mit Zeile und Spalte",
          arguments: ["FFFE", "FFFF", "FDD0", "1FFFF", "85", "\\uFFFF", "\\u009B"])
    func nichtzeichen(_ angabe: String) throws {
        // Roh als UTF-8 oder als JSON-Escape; Swift-Literale lassen Nichtzeichen nicht zu.
        let zeichen = angabe.hasPrefix("\\") ? angabe : UInt32(angabe, radix: 16).flatMap(Unicode.Scalar.init).map { String($0) } ?? ""
        var dateien = try Fixtures.referenzDateien()
        try ersetzen(&dateien, Self.sitzung, "\"ort\": \"Videokonferenz\"", "\"ort\": \"Video\(zeichen)konferenz\"")
        let (ausgabe, befunde) = Fixtures.pruefen(dateien)
        #expect(ausgabe == nil)
        #expect(befunde.map(\.formatted).contains { $0.hasPrefix("\(Self.sitzung):12:16: Fehler: ") && ($0.contains("Nichtzeichen") || $0.contains("Steuerzeichen")) },
                "\(befunde.map(\.formatted))")
    }

    @Test("ein Nichtzeichen in einer Vorlage wird abgelehnt")
    func nichtzeichenInVorlage() throws {
        var dateien = try Fixtures.referenzDateien()
        dateien["templates/texte/impressum.md"] = Array("# Impressum\n\nab".utf8) + [0xEF, 0xBF, 0xBF] + Array("c\n".utf8)
        let (ausgabe, befunde) = Fixtures.pruefen(dateien)
        #expect(ausgabe == nil)
        #expect(befunde.map(\.formatted).contains { $0.hasPrefix("templates/texte/impressum.md:3:3: Fehler: die Vorlage enthält ein Nichtzeichen U+FFFF") },
                "\(befunde.map(\.formatted))")
    }
}
