import Foundation
import KimLoad
import KimMarkdown
import KimModel
import KimRender
import KimMustache
import KimVorgaben
import Testing

/// Issue 3, point 7: huge, deep, NUL, BOM, CRLF, invalid UTF-8 – each gives a
/// diagnostic or is handled, never a crash or a hang. Inputs are bounded, so a
/// regression shows as a slow test, not as a test that never ends.
@Suite("Robust gegen große und kaputte Eingaben", .serialized)
struct RobustheitTests {
    static func mitDatei(_ pfad: String, _ inhalt: [UInt8]) throws -> [String: [UInt8]] {
        var dateien = try Fixtures.referenzDateien()
        dateien[pfad] = inhalt
        return dateien
    }

    static func fehler(_ diagnostics: [Diagnostic], in datei: String) -> [Diagnostic] {
        diagnostics.filter { $0.severity == .error && $0.file == datei }
    }

    // MARK: size

    @Test("50 MB Daten: eine Tabelle mit 200 000 Zeilen wird geprüft, ohne Absturz")
    func grosseTabelle() throws {
        var text = String(decoding: try Fixtures.referenzDateien()["data/demografie.json"] ?? [], as: UTF8.self)
        // 256 bytes a row, most of them indentation: 50 MB without 50 MB worth of values, so the test stays quick.
        let zeile = String(repeating: " ", count: 173) + #"{ "sozialraum": "71", "insgesamt": 27143, "mitEinwanderungsgeschichte": 11973 },"# + "\n"
        var viele = ""
        viele.reserveCapacity(zeile.utf8.count * 200_000)
        for _ in 0..<200_000 { viele += zeile }
        let anker = #"      "zeilen": ["# + "\n"
        let stelle = try #require(text.range(of: anker))
        text.insert(contentsOf: viele, at: stelle.upperBound)
        let bytes = Array(text.utf8)
        #expect(bytes.count > 50_000_000)

        let (ausgabe, diagnostics) = Fixtures.pruefen(try Self.mitDatei("data/demografie.json", bytes))
        #expect(ausgabe == nil)
        let befunde = Self.fehler(diagnostics, in: "data/demografie.json")
        // 200 000 duplicates, but not 200 000 lines: the first hundred and how many more.
        #expect(befunde.count == 101, "\(befunde.count) Befunde")
        #expect(befunde.first?.formatted == "data/demografie.json: Fehler: 199900 weitere Befunde in dieser Datei nicht gezeigt (zuerst die gezeigten beheben, dann erneut prüfen)")
        #expect(befunde.dropFirst().allSatisfy { $0.message.contains("Sozialraum \"71\" ist doppelt vergeben") }, "\(befunde.prefix(3).map(\.formatted))")
        #expect(befunde.dropFirst().first?.formatted.hasPrefix("data/demografie.json:14:190: ") == true)
    }

    @Test("50 MB in einem einzigen Text: geladen und gebaut")
    func langerText() throws {
        var text = String(decoding: try Fixtures.referenzDateien()["data/kommune.json"] ?? [], as: UTF8.self)
        let lang = String(repeating: "Oberhausen ", count: 4_600_000)
        text = text.replacingOccurrences(of: #""quelle": "Lokales Handlungskonzept"#, with: #""quelle": "\#(lang)Lokales Handlungskonzept"#)
        let bytes = Array(text.utf8)
        #expect(bytes.count > 50_000_000)
        let (projekt, diagnostics) = ProjectLoader.load(ProjectFiles.memory(try Self.mitDatei("data/kommune.json", bytes)).ueberlagert(Vorgaben.dateien))
        #expect(!diagnostics.hasErrors, "\(diagnostics.prefix(3).map(\.formatted))")
        #expect(projekt?.kommune.quelle.utf8.count ?? 0 > 50_000_000)
    }

    @Test("70 MB auf der Platte: abgelehnt mit klarer Meldung, ohne sie zu lesen")
    func zuGross() throws {
        let ordner = try Fixtures.temporaererOrdner()
        defer { try? FileManager.default.removeItem(at: ordner) }
        try FileManager.default.createDirectory(at: ordner.appendingPathComponent("data"), withIntermediateDirectories: true)
        let datei = ordner.appendingPathComponent("data/demografie.json")
        #expect(FileManager.default.createFile(atPath: datei.path, contents: Data("{".utf8)))
        let handle = try FileHandle(forWritingTo: datei)
        try handle.truncate(atOffset: 70 * 1024 * 1024)  // sparse: costs no disk and no time
        try handle.close()

        let platte = ProjectFiles.disk(ordner)
        let speicher = ProjectFiles.memory(try Fixtures.referenzDateien())
        let files = ProjectFiles(read: { pfad in pfad == "data/demografie.json" ? try platte.read(pfad) : try speicher.read(pfad) },
                                 list: speicher.list)
        let (projekt, diagnostics) = ProjectLoader.load(files.ueberlagert(Vorgaben.dateien))
        #expect(projekt == nil)
        let meldung = Self.fehler(diagnostics, in: "data/demografie.json").map(\.formatted)
        #expect(meldung == ["data/demografie.json: Fehler: die Datei ist größer als 64 MB (Daten auf mehrere Dateien verteilen)"])
    }

    // MARK: depth

    @Test("10 000 Ebenen tief verschachtelt: Befund statt Stapelüberlauf", arguments: ["[", "{\"a\":"])
    func tief(_ oeffnen: String) throws {
        let schliessen = oeffnen == "[" ? "]" : "}"
        let tief = String(repeating: oeffnen, count: 10_000) + "1" + String(repeating: schliessen, count: 10_000)
        var text = String(decoding: try Fixtures.referenzDateien()["data/demografie.json"] ?? [], as: UTF8.self)
        text = text.replacingOccurrences(of: #""insgesamt": 27143,"#, with: #""insgesamt": \#(tief),"#)
        let (ausgabe, diagnostics) = Fixtures.pruefen(try Self.mitDatei("data/demografie.json", Array(text.utf8)))
        #expect(ausgabe == nil)
        let befund = Self.fehler(diagnostics, in: "data/demografie.json").map(\.formatted)
        #expect(befund.count == 1)
        #expect(befund.first?.contains("Fehler: zu tief verschachtelt (mehr als 200 Ebenen)") == true, "\(befund)")
        #expect(befund.first?.hasPrefix("data/demografie.json:13:") == true, "\(befund)")
    }

    @Test("10 000 Ebenen allein, ohne alles andere")
    func tiefAllein() {
        let bytes = Array((String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)).utf8)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(bytes) }
        let geschachtelt = Array((String(repeating: "[", count: JSONParser.maximumDepth) + String(repeating: "]", count: JSONParser.maximumDepth)).utf8)
        #expect(throws: Never.self) { try JSONParser.parse(geschachtelt) }
    }

    @Test("10 000 verschachtelte Blockzitate und Listen in Markdown: ganz dargestellt, und die 33. Ebene gemeldet")
    func tiefesMarkdown() {
        let faelle: [(muster: String, zeichen: String, ebenen: Int, spalte: Int?)] = [
            ("> ", "<blockquote>", 10_000, 65), ("- ", "<ul>", 10_000, 65), ("1. ", "<ol>", 10_000, 97),
            ("*", "*", 10_000, nil), ("[", "[", 10_000, nil), ("<", "&lt;", 10_000, nil),
        ]
        for fall in faelle {
            let text = String(repeating: fall.muster, count: 10_000) + "Text"
            let html = Markdown.html(text)
            #expect(html.contains("Text"), "\(fall.muster)")
            #expect(html.components(separatedBy: fall.zeichen).count - 1 == fall.ebenen, "\(fall.muster)")
            let stellen = Markdown.zuTiefVerschachtelt(text)
            #expect(stellen.map(\.zeile) == (fall.spalte == nil ? [] : [1]), "\(fall.muster)")
            #expect(stellen.map(\.spalte) == (fall.spalte.map { [$0] } ?? []), "\(fall.muster)")
        }
    }

    // MARK: NUL, BOM, CRLF, UTF-8

    @Test("NUL in einer Datendatei und in einer Vorlage: Befund mit Ort")
    func nul() throws {
        let daten = Array(#"{ "stand": "2019-12-31", "quelle": "A\#u{0}B" }"#.utf8)
        let (_, befunde) = Fixtures.pruefen(try Self.mitDatei("data/demografie.json", daten))
        #expect(Self.fehler(befunde, in: "data/demografie.json").map(\.formatted) == ["data/demografie.json:1:38: Fehler: NUL-Zeichen in einem Text"])

        let vorlage = Array("# Titel\n\nEin\u{0}Text\n".utf8)
        let (ausgabe, diagnostics) = Fixtures.pruefen(try Self.mitDatei("templates/texte/nul.md", vorlage))
        #expect(ausgabe == nil)
        #expect(Self.fehler(diagnostics, in: "templates/texte/nul.md").map(\.formatted)
                == ["templates/texte/nul.md:3:4: Fehler: die Vorlage enthält ein NUL-Zeichen (das Zeichen entfernen)"])
    }

    @Test("BOM und CRLF in Daten und Vorlagen: gebaut, und gleich wie ohne")
    func bomUndCRLF() throws {
        let referenz = try Fixtures.referenzDateien()
        let (ohne, _) = Fixtures.pruefen(referenz)
        var dateien = referenz
        for pfad in ["data/demografie.json", "data/kommune.json", "templates/kapitel/2-ausgangslage.md", "templates/texte/start.md"] {
            let bytes = try #require(dateien[pfad])
            var neu: [UInt8] = [0xEF, 0xBB, 0xBF]
            for byte in bytes {
                if byte == 0x0A { neu.append(0x0D) }
                neu.append(byte)
            }
            dateien[pfad] = neu
        }
        let (mit, diagnostics) = Fixtures.pruefen(dateien)
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.formatted))")
        let gleich = mit == ohne
        #expect(gleich, "BOM und CRLF ändern die Ausgabe")
    }

    @Test("ungültiges UTF-8 in Daten und Vorlagen: Befund mit Zeile und Spalte")
    func ungueltigesUTF8() throws {
        for (bytes, spalte) in [([0xFF] as [UInt8], 15), ([0xC3, 0x28], 15), ([0xE2, 0x82], 15), ([0xF4, 0x90, 0x80, 0x80], 15), ([0xC0, 0x80], 15)] {
            let daten = Array(#"{ "stand": "ab"#.utf8) + bytes + Array(#"cd" }"#.utf8)
            let (_, befunde) = Fixtures.pruefen(try Self.mitDatei("data/demografie.json", daten))
            #expect(Self.fehler(befunde, in: "data/demografie.json").map(\.formatted)
                    == ["data/demografie.json:1:\(spalte): Fehler: ungültiges UTF-8 (die Datei als UTF-8 speichern)"], "\(bytes)")

            let vorlage = Array("# Titel\n\nab".utf8) + bytes + Array("cd\n".utf8)
            let (ausgabe, diagnostics) = Fixtures.pruefen(try Self.mitDatei("templates/texte/utf8.md", vorlage))
            #expect(ausgabe == nil)
            #expect(Self.fehler(diagnostics, in: "templates/texte/utf8.md").map(\.formatted)
                    == ["templates/texte/utf8.md:3:3: Fehler: die Vorlage ist kein gültiges UTF-8 (die Datei als UTF-8 speichern)"], "\(bytes)")
        }
    }

    @Test("beliebige Bytes als jede Datendatei: nie ein Absturz, immer ein Befund mit Datei")
    func zufaelligeBytes() throws {
        let referenz = try Fixtures.referenzDateien()
        var zufall = SplitMix64(seed: 0x6B69_6D20_3320_0007)  // fixed: a failure here can be replayed
        for pfad in referenz.keys.sorted() where pfad.hasPrefix("data/") && pfad.hasSuffix(".json") {
            guard let original = referenz[pfad] else { continue }
            for _ in 0..<3 {
                var bytes = original
                for _ in 0..<3 where !bytes.isEmpty {
                    bytes[Int.random(in: 0..<bytes.count, using: &zufall)] = UInt8.random(in: 0...255, using: &zufall)
                }
                var dateien = referenz
                dateien[pfad] = bytes
                let (ausgabe, diagnostics) = Fixtures.pruefen(dateien)
                #expect((ausgabe == nil) == diagnostics.hasErrors)
                #expect(!diagnostics.contains { $0.message.contains("nicht zum Modell") }, "\(diagnostics.map(\.formatted))")
            }
        }
    }

    // MARK: regressions found by fuzzing (Fuzz/, make fuzz)

    /// Fuzz/corpus/markdown: a value with outer spaces became a code block (four at the
    /// start of a line) or a hard line break (two at the end of one).
    @Test("Regression: äußere Leerzeichen eines Werts werden kein Markdown",
          arguments: ["    eingerückt", "am Zeilenende  ", "\t\tTabulator", " \n \n  x  \n"])
    func aeussereLeerzeichen(_ wert: String) throws {
        let template = try Template("Erste Zeile\n{{wert}}\nletzte Zeile\n\n{{wert}}\n")
        let html = Markdown.html(TemplateLibrary().render(template, ["wert": Escape.markdown(wert)]))
        #expect(!html.contains("<pre"), "\(html)")
        #expect(!html.contains("<code"), "\(html)")
        #expect(!html.contains("<br"), "\(html)")
    }

    /// A NUL inside Markdown cut the text short at the NUL (strlen); cmark shows it as U+FFFD.
    @Test("Regression: NUL im Markdown schneidet den Rest nicht ab")
    func nulImMarkdown() {
        #expect(Markdown.html("vorher\u{0}nachher") == "<p>vorher\u{FFFD}nachher</p>\n")
        #expect(Markdown.parses("a\u{0}b"))
    }

    /// Numbers a Double cannot hold passed the schema, then JSONDecoder refused them:
    /// "Daten passen zum Schema, aber nicht zum Modell von kim".
    @Test("Regression: Zahlen außerhalb des Double-Bereichs sind ein Syntaxfehler", arguments: ["1e400", "-1e400", "1e-400", "0.1e-330"])
    func zahlBereich(_ zahl: String) {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array("[\(zahl)]".utf8)) }
        #expect(throws: Never.self) { try JSONParser.parse(Array("[0e-400, 1e300, 5e-324, -0.0]".utf8)) }
    }

    /// python-jsonschema reads \u001c–\u001f as white space in a pattern's \s, ICU does not;
    /// control characters are also invalid in HTML and XML, so the parser refuses them.
    @Test("Regression: Steuerzeichen in Texten werden abgelehnt", arguments: ["\\u0001", "\\u001f", "\\b", "\\f", "\\u000B"])
    func steuerzeichen(_ escape: String) {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array("[\"a\(escape)b\"]".utf8)) }
        #expect(throws: Never.self) { try JSONParser.parse(Array(#"["a\tb\nc\rd\u00e4\u20ac"]"#.utf8)) }
    }

    /// "a\u{308}" is canonically equal to "ä" for Swift's ==, not for JSON Schema's enum.
    @Test("Regression: enum vergleicht Codepunkte, nicht kanonisch gleiche Zeichen")
    func enumCodepunkte() throws {
        let (schema, _) = try JSONParser.parse(Array(#"{ "enum": ["vollständig"] }"#.utf8))
        let validator = SchemaValidator(schema: schema, file: "x.json")
        let (zerlegt, _) = try JSONParser.parse(Array("\"vollsta\u{308}ndig\"".utf8))
        let (ganz, _) = try JSONParser.parse(Array("\"vollständig\"".utf8))
        #expect(validator.validate(zerlegt).hasErrors)
        #expect(!validator.validate(ganz).hasErrors)
    }

    /// JSON Schema's maxLength counts code points; Swift's count counts grapheme clusters.
    @Test("Regression: minLength und maxLength zählen Codepunkte")
    func laengeInCodepunkten() throws {
        let (schema, _) = try JSONParser.parse(Array(#"{ "type": "string", "maxLength": 3 }"#.utf8))
        let validator = SchemaValidator(schema: schema, file: "x.json")
        let (vier, _) = try JSONParser.parse(Array("\"e\u{301}e\u{301}\"".utf8))  // two characters, four code points
        #expect(validator.validate(vier).hasErrors)
    }
}

/// A small seeded generator (SplitMix64), so random tests are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
