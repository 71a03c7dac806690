import Foundation
import KimModel
import KimPipeline
@testable import KimTabellen
import Testing

/// Spreadsheets safe both ways (issue 28.3): no exported cell starts like a formula, in any format,
/// and the import gives back every text exactly; a document type in xlsx or ods is refused; a
/// workbook without its main sheet is an error naming the sheets found; a write failure exits 3.
@Suite("Tabellen sicher in beide Richtungen", .serialized)
struct TabellenSicherheitTests {
    static let vorsaetze = ["=HYPERLINK(\"http://beispiel.invalid\";\"x\")", "+49 ", "-", "@", "'=", "''+"]

    /// The reference project with the first Angebote's names starting like formulas.
    static func projektMitFormeln() throws -> URL {
        let projekt = try SitzungTests.projektKopie()
        let angebote = projekt.appendingPathComponent(Tabellenplan.Datensatz.angebote.datei)
        var json = String(decoding: try Data(contentsOf: angebote), as: UTF8.self)
        var ab = json.startIndex
        for vorsatz in vorsaetze {
            let stelle = try #require(json[ab...].range(of: "\"name\": \""))
            let escaped = vorsatz.replacingOccurrences(of: "\"", with: "\\\"")
            json.insert(contentsOf: escaped, at: stelle.upperBound)
            ab = json.index(stelle.upperBound, offsetBy: escaped.count)
        }
        try Data(json.utf8).write(to: angebote)
        return projekt
    }

    static func roheMappe(_ bytes: [UInt8], _ format: Tabellenformat) throws -> Arbeitsmappe {
        switch format {
        case .xlsx: return try XLSXLeser.lesen(bytes)
        case .ods: return try ODSLeser.lesen(bytes)
        case .csv: return Arbeitsmappe(blaetter: [try CSVDatei.lesen(bytes, blatt: "Angebote").blatt])
        }
    }

    @Test("kein Feld beginnt wie eine Formel, in xlsx, ods und csv; der Import gibt jeden Text byteweise zurück", arguments: Tabellenformat.allCases)
    func formelnRundreise(_ format: Tabellenformat) throws {
        let projekt = try Self.projektMitFormeln()
        defer { try? FileManager.default.removeItem(at: projekt) }
        let angebote = projekt.appendingPathComponent(Tabellenplan.Datensatz.angebote.datei)
        #expect(try KommandozeileTests.kim(["check", "--project", projekt.path]).status == 0)
        let vorher = try Data(contentsOf: angebote)
        let bytes = try Tabellenaustausch(projekt: projekt).exportieren(.angebote, format: format)
        let mappe = try Self.roheMappe(bytes, format)
        var texte: [String] = []
        for blatt in mappe.blaetter {
            for zeile in blatt.zeilen {
                for case .text(let text) in zeile { texte.append(text) }
            }
        }
        for text in texte {
            let erstes = text.unicodeScalars.first
            #expect(!["=", "+", "-", "@", "\t", "\r"].contains(erstes), "\(format): »\(text)« beginnt wie eine Formel")
        }
        #expect(texte.contains { $0.hasPrefix("'=HYPERLINK(") }, "\(format)")
        if format != .csv {
            // The Träger and other lists are sheets of their own, not in a CSV.
            #expect(texte.contains { $0.hasPrefix("''=") } && texte.contains { $0.hasPrefix("'''+") } && texte.contains { $0.hasPrefix("'-") }, "\(format)")
        }
        let datei = projekt.appendingPathComponent("angebote.\(format.rawValue)")
        try Data(bytes).write(to: datei)
        let ergebnis = TabellenTests.importieren(projekt, .angebote, datei, ersetzen: true)
        #expect(TabellenTests.fehler(ergebnis).isEmpty, "\(TabellenTests.fehler(ergebnis))")
        #expect(ergebnis.unveraendert, "\(format): nicht byteweise gleich zurück")
        #expect(try Data(contentsOf: angebote) == vorher)
    }

    @Test("Schutz und Rückweg sind genau umgekehrt", arguments: ["=1+1", "+", "-5", "@a", "\tx", "\rx", "'=x", "''-", "'", "'a", "a=b", "", "Text"])
    func umkehrbar(_ text: String) {
        let geschuetzt = Formelschutz.geschuetzt(text)
        #expect(Formelschutz.entschuetzt(geschuetzt) == text)
        #expect(!["=", "+", "-", "@", "\t", "\r"].contains(geschuetzt.unicodeScalars.first))
    }

    @Test("Bytes, die kein UTF-8 sind, in einem Attribut oder Text: eine Meldung mit Zeile statt eines Absturzes in Foundations XMLParser (von make fuzz gefunden)",
          arguments: [Tabellenformat.ods, .xlsx])
    func keinUTF8(_ format: Tabellenformat) throws {
        let mappe = Arbeitsmappe(blaetter: [Blatt(name: "Angebote", zeilen: [[.text("Kennung"), .text("Name")], [.text("a"), .text("Beratung")]])])
        var teile = try Zip.entpacken(format == .ods ? try ODSSchreiber.schreiben(mappe) : try XLSXSchreiber.schreiben(mappe))
        let teil = format == .ods ? "content.xml" : "xl/worksheets/sheet1.xml"
        let xml = try #require(teile[teil])
        // A cut multi-byte character (0xC3 without its second byte) in an attribute's value, as the fuzzer's file had.
        var kaputt = xml
        let attribut = try #require(kaputt.firstRange(of: Array("=\"".utf8)))
        kaputt.insert(contentsOf: [0x74, 0x61, 0xC3], at: attribut.upperBound)
        let zeilen = kaputt[..<attribut.upperBound].filter { $0 == 0x0A }.count + 1
        teile[teil] = kaputt
        let datei = try Zip.packen(teile.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        let meldung: String
        do {
            _ = format == .ods ? try ODSLeser.lesen(datei) : try XLSXLeser.lesen(datei)
            Issue.record("gelesen, obwohl \(teil) kein UTF-8 ist")
            return
        } catch let fehler as ODSLeser.Fehler {
            meldung = fehler.meldung
        } catch let fehler as XLSXLeser.Fehler {
            meldung = fehler.meldung
        }
        #expect(meldung == "\(teil) ist beschädigt: Zeile \(zeilen) enthält Bytes, die kein UTF-8 sind (Excel und LibreOffice speichern UTF-8)")
        #expect(XMLLeser.zeileMitUngueltigemUTF8(Array("a\nb\n".utf8) + [0x9C]) == 3)
        #expect(XMLLeser.zeileMitUngueltigemUTF8(Array("Größe „x“\n".utf8)) == nil)
    }

    @Test("eine Dokumenttypdeklaration in ods und xlsx wird abgelehnt, in jeder Schreibweise", arguments: [
        "<!DOCTYPE x [<!ENTITY a \"b\">]>", "<!doctype x>", "<!DocType x SYSTEM \"file:///etc/passwd\">",
    ])
    func dokumenttyp(_ deklaration: String) throws {
        for format in [Tabellenformat.ods, .xlsx] {
            let projekt = try SitzungTests.projektKopie()
            defer { try? FileManager.default.removeItem(at: projekt) }
            var teile = try Zip.entpacken(try Tabellenaustausch(projekt: projekt).exportieren(.angebote, format: format))
            let teil = format == .ods ? "content.xml" : "xl/worksheets/sheet1.xml"
            var xml = String(decoding: try #require(teile[teil]), as: UTF8.self)
            let ende = try #require(xml.range(of: "?>"))
            xml.insert(contentsOf: "\n" + deklaration, at: ende.upperBound)
            teile[teil] = Array(xml.utf8)
            let datei = projekt.appendingPathComponent("angebote.\(format.rawValue)")
            try Data(try Zip.packen(teile.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })).write(to: datei)
            let ergebnis = TabellenTests.importieren(projekt, .angebote, datei, ersetzen: true)
            #expect(TabellenTests.fehler(ergebnis).contains { $0.contains("\(teil) enthält eine Dokumenttypdeklaration") }, "\(format): \(TabellenTests.fehler(ergebnis))")
            #expect(!ergebnis.geschrieben)
        }
        let utf16 = Array("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\(deklaration)<a/>".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(XMLLeser.hatDokumenttyp([0xFF, 0xFE] + utf16))
        #expect(!XMLLeser.hatDokumenttyp(Array("<?xml version=\"1.0\"?><!-- kein doctype --><a>&lt;!DOCTYPE</a>".utf8)))
    }

    @Test("eine Arbeitsmappe ohne das Blatt der Liste ist ein Fehler, der die gefundenen Blätter nennt")
    func blattFehlt() throws {
        let projekt = try SitzungTests.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt) }
        var mappe = try XLSXLeser.lesen(try Tabellenaustausch(projekt: projekt).exportieren(.angebote, format: .xlsx))
        let namen = mappe.blaetter.map(\.name)
        #expect(namen.contains("Angebote"))
        mappe.blaetter.removeAll { $0.name == "Angebote" }
        let datei = projekt.appendingPathComponent("ohne.xlsx")
        try Data(try XLSXSchreiber.schreiben(mappe)).write(to: datei)
        let ergebnis = TabellenTests.importieren(projekt, .angebote, datei, ersetzen: true)
        let gefunden = namen.filter { $0 != "Angebote" }.map { "»\($0)«" }.joined(separator: ", ")
        #expect(TabellenTests.fehler(ergebnis).contains { $0.contains("die Arbeitsmappe hat kein Blatt »Angebote«; gefunden: \(gefunden)") },
                "\(TabellenTests.fehler(ergebnis))")
        #expect(!ergebnis.unveraendert && !ergebnis.geschrieben)
    }

    @Test("kann kim import oder export nicht schreiben: Exit-Code 3, deutsche Meldung, nichts verändert")
    func schreibfehler() throws {
        do {
            // Not a read-only folder (root writes into those): a file where the folder should be, a folder where the backup goes.
            let projekt = try SitzungTests.projektKopie()
            defer { try? FileManager.default.removeItem(at: projekt) }
            let ziel = projekt.appendingPathComponent("keinordner")
            try Data("x".utf8).write(to: ziel)
            let export = try KommandozeileTests.kim(["export", "angebote", ziel.appendingPathComponent("a.xlsx").path, "--project", projekt.path])
            #expect(export.status == 3, "\(export.ausgabe)")
            #expect(export.ausgabe.contains("a.xlsx: Fehler: die Datei konnte nicht geschrieben werden: "), "\(export.ausgabe)")
            #expect(!export.ausgabe.contains("couldn’t") && !export.ausgabe.contains("The file"))
            // data/angebote.json replaced by a folder of the same name cannot be written over.
            let datei = projekt.appendingPathComponent("a.csv")
            let text = String(decoding: try Tabellenaustausch(projekt: projekt).exportieren(.angebote, format: .csv), as: UTF8.self)
            try Data(text.replacingOccurrences(of: "Jugendmigrationsdienst (JMD)", with: "Jugendmigrationsdienst").utf8).write(to: datei)
            let daten = projekt.appendingPathComponent("data")
            let sperre = projekt.appendingPathComponent("data/angebote.json.bak")
            try FileManager.default.createDirectory(at: sperre.appendingPathComponent("besetzt"), withIntermediateDirectories: true)
            let vorher = try Data(contentsOf: daten.appendingPathComponent("angebote.json"))
            let lauf = try KommandozeileTests.kim(["import", "angebote", datei.path, "--project", projekt.path, "--ersetzen"])
            #expect(lauf.status == 3, "\(lauf.ausgabe)")
            #expect(lauf.ausgabe.contains("Fehler: data/angebote.json konnte nicht geschrieben werden: "), "\(lauf.ausgabe)")
            #expect(try Data(contentsOf: daten.appendingPathComponent("angebote.json")) == vorher)
        }
    }
}
