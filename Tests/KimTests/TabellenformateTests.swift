import Foundation
import KimModel
@testable import KimTabellen
import Testing

/// The spreadsheet formats by themselves: escaping, cell names, dates, encodings, and that any
/// text survives xlsx and ods.
@Suite("Tabellenformate")
struct TabellenformateTests {
    @Test("XML-Text: Sonderzeichen als Entitäten, Steuerzeichen nie roh")
    func xmlText() {
        #expect(XMLText.text("a & b < c > d \"e\" 'f'") == "a &amp; b &lt; c &gt; d \"e\" 'f'")
        #expect(XMLText.attribut("a & \"b\" 'c'\nd\te") == "a &amp; &quot;b&quot; &apos;c&apos;&#10;d&#9;e")
        #expect(XMLText.text("Zeile\r\nneu") == "Zeile&#13;\nneu")
        #expect(XMLText.text("nul\u{0}bell\u{7}") == "nul\u{FFFD}bell\u{FFFD}")
        #expect(XMLText.excelText("x\u{1}y") == "x_x0001_y")
        #expect(XMLText.excelText("_x0041_ & _xZZ_") == "_x005F_x0041_ &amp; _xZZ_", "das Unterstrich-Zeichen selbst wird maskiert")
        for text in ["_x0041_", "a\u{1}b", "_x005F_", "Preis_x12", "__x0041__"] {
            let geschrieben = XMLText.excelText(text)
                .replacingOccurrences(of: "&amp;", with: "&")
            #expect(XMLText.excelEntschluesselt(geschrieben) == text, "\(text)")
        }
    }

    @Test("Zellnamen und Seriendaten")
    func zellbezug() throws {
        #expect(Zellbezug.name(spalte: 2, zeile: 6) == "C7")
        #expect(Zellbezug.spaltenname(25) == "Z")
        #expect(Zellbezug.spaltenname(26) == "AA")
        #expect(Zellbezug.spaltenname(701) == "ZZ")
        #expect(Zellbezug.lesen("AB12")! == (27, 11))
        #expect(Zellbezug.lesen("12") == nil)
        #expect(Zellbezug.lesen("A0") == nil)
        #expect(Zellbezug.lesen("ABCD1") == nil)
        let neujahr = try #require(Datum(iso: "2021-01-01"))
        #expect(Seriendatum.zahl(neujahr) == 44197)
        #expect(Seriendatum.datum(44197) == neujahr)
        #expect(Seriendatum.datum(44197.75) == neujahr, "die Uhrzeit zählt nicht")
        #expect(Seriendatum.datum(.nan) == nil)
        let schalttag = try #require(Datum(iso: "2024-02-29"))
        #expect(Seriendatum.datum(Double(Seriendatum.zahl(schalttag))) == schalttag)
    }

    @Test("Datumsformate in xlsx: eingebaute und eigene, Text in Anführungszeichen zählt nicht")
    func datumsformate() {
        #expect(XLSXLeser.istDatumsformat(14, nil))
        #expect(!XLSXLeser.istDatumsformat(0, nil))
        #expect(!XLSXLeser.istDatumsformat(3, nil), "#,##0")
        #expect(XLSXLeser.istDatumsformat(164, "DD.MM.YYYY"))
        #expect(XLSXLeser.istDatumsformat(165, "[$-407]dd/mm/yy;@"))
        #expect(!XLSXLeser.istDatumsformat(166, "0.00\" days\""), "Text in Anführungszeichen")
        #expect(!XLSXLeser.istDatumsformat(167, "[Red]0.00"))
        #expect(!XLSXLeser.istDatumsformat(168, "h:mm"))
    }

    @Test("Zahlen und Daten, wie Menschen sie schreiben")
    func zahlenUndDaten() throws {
        #expect(Zahlentext.lesen("27.143", deutsch: true) == 27143)
        #expect(Zahlentext.lesen("44,1", deutsch: true) == 44.1)
        #expect(Zahlentext.lesen("1.234,5", deutsch: true) == 1234.5)
        #expect(Zahlentext.lesen("44.1", deutsch: true) == nil, "ein Punkt ohne Dreiergruppe ist im Deutschen mehrdeutig")
        #expect(Zahlentext.lesen("44.1", deutsch: false) == 44.1)
        #expect(Zahlentext.lesen("viele", deutsch: true) == nil)
        #expect(Zahlentext.json(27143) == "27143")
        #expect(Zahlentext.json(44.1) == "44.1")
        #expect(Datumstext.lesen("1.2.2021") == .datum(try #require(Datum(iso: "2021-02-01"))))
        #expect(Datumstext.lesen("2021-02-01") == .datum(try #require(Datum(iso: "2021-02-01"))))
        #expect(Datumstext.lesen("31.02.2021") == .ungueltig)
        #expect(Datumstext.lesen("Ende März") == .keinDatum)
        #expect(Kennung.abgeleitet("Sprechstunde für Geflüchtete (Café)", belegt: []) == "sprechstunde-fuer-gefluechtete-cafe")
        #expect(Kennung.abgeleitet("Beratung", belegt: ["beratung", "beratung-2"]) == "beratung-3")
        #expect(Kennung.abgeleitet("???", belegt: []) == nil)
    }

    @Test("CSV: Kodierung und Trennzeichen werden erkannt")
    func csv() throws {
        let windows = try #require("Träger;Straße\r\n\"Caritas; Oberhausen\";Mülheimer Str. 1\r\n".data(using: .windowsCP1252))
        let (blatt, deutsch) = try CSVDatei.lesen(Array(windows), blatt: "Angebote")
        #expect(deutsch)
        #expect(blatt.zeilen == [[.text("Träger"), .text("Straße")], [.text("Caritas; Oberhausen"), .text("Mülheimer Str. 1")]])
        let mitBOM = [0xEF, 0xBB, 0xBF] + Array("Name,Wert\nä,1.5\n".utf8)
        let (englisch, komma) = try CSVDatei.lesen(mitBOM, blatt: "x")
        #expect(!komma)
        #expect(englisch.zeilen[1] == [.text("ä"), .text("1.5")])
        let geschrieben = try CSVDatei.schreiben(Blatt(name: "x", zeilen: [[.text("a;b"), .zahl(44.1), .datum(try #require(Datum(iso: "2021-03-31")))]]))
        #expect(geschrieben == [0xEF, 0xBB, 0xBF] + Array("\"a;b\";44,1;31.03.2021\r\n".utf8))
    }

    static let heikleTexte = [
        "a & b < c > d", "\"Zitat\" und 'Apostroph'", "  zwei Leerzeichen vorn", "hinten  ", "mehrere   Leerzeichen",
        "Zeile 1\nZeile 2", "Tab\there", "_x0041_ bleibt", "]]> <![CDATA[", "Emoji 🙂 und Umlaute äöüß", "=SUMME(A1:A2)",
    ]

    @Test("Jeder Text kommt durch xlsx und ods unverändert zurück", arguments: [Tabellenformat.xlsx, .ods])
    func texteUeberstehen(_ format: Tabellenformat) throws {
        var blatt = Blatt(name: "Blatt mit 'Sonderzeichen' & mehr", zeilen: [[.text("Überschrift")]])
        let datum = try #require(Datum(iso: "1999-12-31"))
        blatt.zeilen += Self.heikleTexte.map { [.text($0), .zahl(-3.25), .datum(datum), .wahrheitswert(true)] }
        let mappe = Arbeitsmappe(blaetter: [blatt])
        let gelesen = format == .xlsx ? try XLSXLeser.lesen(try XLSXSchreiber.schreiben(mappe)) : try ODSLeser.lesen(try ODSSchreiber.schreiben(mappe))
        #expect(gelesen == mappe)
    }

    @Test("Eine ods-Datei, deren Wiederholungen hundert Millionen Zellen ergäben, wird abgelehnt")
    func wiederholungsbombe() throws {
        let inhalt = #"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="A"><table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#
        let datei = try Zip.packen([("content.xml", Array(inhalt.utf8))])
        #expect(throws: ODSLeser.Fehler(meldung: Zellensammlung.zuVieleZellen)) { try ODSLeser.lesen(datei) }
    }

    @Test("Kaputte Dateien ergeben eine Meldung, keinen Absturz")
    func kaputt() throws {
        #expect(throws: XLSXLeser.Fehler.self) { try XLSXLeser.lesen(try Zip.packen([("xl/workbook.xml", Array("<workbook><sheets/></workbook>".utf8))])) }
        #expect(throws: XLSXLeser.Fehler.self) { try XLSXLeser.lesen(Array("kein zip".utf8)) }
        #expect(throws: ODSLeser.Fehler.self) { try ODSLeser.lesen([0x50, 0x4B, 0x03, 0x04, 0, 0]) }
        #expect(throws: XLSXLeser.Fehler.self) { try XLSXLeser.lesen(try Zip.packen([("xl/workbook.xml", Array("<workbook><sheets></workbook>".utf8))])) }
    }

    @Test("Verstümmelte Tabellen: abgeschnitten stets eine deutsche Meldung, ein gekipptes Byte nie ein stillschweigend anderer Inhalt, kaputtes XML eine Meldung mit Zeile", arguments: [Tabellenformat.xlsx, .ods])
    func verstuemmelt(_ format: Tabellenformat) throws {
        var blatt = Blatt(name: "Angebote", zeilen: [[.text("Kennung"), .text("Name")]])
        for index in 0..<20 { blatt.zeilen.append([.text("id-\(index)"), .zahl(Double(index))]) }
        let mappe = Arbeitsmappe(blaetter: [blatt])
        let original = format == .xlsx ? try XLSXSchreiber.schreiben(mappe) : try ODSSchreiber.schreiben(mappe)
        /// The workbook read, or the reader's message.
        func lesen(_ bytes: [UInt8]) -> Result<Arbeitsmappe, Meldung> {
            do {
                return .success(format == .xlsx ? try XLSXLeser.lesen(bytes) : try ODSLeser.lesen(bytes))
            } catch let fehler as XLSXLeser.Fehler {
                return .failure(Meldung(text: fehler.meldung))
            } catch let fehler as ODSLeser.Fehler {
                return .failure(Meldung(text: fehler.meldung))
            } catch {
                return .failure(Meldung(text: "unerwarteter Fehler \(error)"))
            }
        }
        let teile = try Zip.entpacken(original)
        let xmlTeil = format == .xlsx ? "xl/worksheets/sheet1.xml" : "content.xml"
        let xml = try #require(teile[xmlTeil])
        // A fixed linear congruential sequence: the same cases every run.
        var zustand: UInt64 = 0x2545_F491_4F6C_DD1D
        func zufall(_ grenze: Int) -> Int {
            zustand = zustand &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((zustand >> 33) % UInt64(grenze))
        }
        var meldungen: [String] = []
        var xmlFehler = 0
        for fall in 0..<300 {
            var gekippt = original
            gekippt[zufall(gekippt.count)] ^= UInt8(1 + zufall(255))
            switch lesen(gekippt) {
            // The archive's checksums guard the content: what reads at all reads as written.
            case .success(let gelesen): #expect(gelesen == mappe, "Fall \(fall): ein gekipptes Byte ergab stillschweigend einen anderen Inhalt")
            case .failure(let meldung): meldungen.append(meldung.text)
            }
            let laenge = zufall(original.count)
            switch lesen(Array(original.prefix(laenge))) {
            case .success: Issue.record("Fall \(fall): nach \(laenge) von \(original.count) Bytes abgeschnitten und trotzdem gelesen")
            case .failure(let meldung): meldungen.append(meldung.text)
            }
            var kaputtesXML = xml
            let stoerer = Array("<>&\"=/x0 ".utf8)
            for _ in 0..<3 { kaputtesXML[zufall(kaputtesXML.count)] = stoerer[zufall(stoerer.count)] }
            var neu = teile
            neu[xmlTeil] = kaputtesXML
            if case .failure(let meldung) = lesen(try Zip.packen(neu.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })) {
                meldungen.append(meldung.text)
                if meldung.text.contains("kein gültiges XML (Zeile ") { xmlFehler += 1 }
            }
        }
        #expect(meldungen.count >= 300, "nur \(meldungen.count) Meldungen: Abgeschnittenes muss immer eine ergeben")
        #expect(xmlFehler > 50, "kaputtes XML ergab nur \(xmlFehler)-mal eine Meldung mit Zeile")
        for text in Set(meldungen) {
            #expect(!text.isEmpty && text.range(of: #"\b(the|error|could|operation|invalid)\b"#, options: [.regularExpression, .caseInsensitive]) == nil,
                    "keine deutsche Meldung: \(text)")
        }
        if format == .xlsx { #expect(try XLSXLeser.lesen(original) == mappe) } else { #expect(try ODSLeser.lesen(original) == mappe) }
    }

    struct Meldung: Error { var text: String }
}
