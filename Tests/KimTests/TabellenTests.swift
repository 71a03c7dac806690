import Foundation
import KimLoad
import KimModel
import KimPipeline
@testable import KimTabellen
import Testing

/// `kim export` and `kim import`: the reference data travel through every spreadsheet format
/// unchanged, German Excel CSV and LibreOffice files are read, and every mistake is reported at
/// its cell while nothing is written.
@Suite("Tabellen: Export und Import", .serialized)
struct TabellenTests {
    static let fixtures = Fixtures.referenzprojekt.appendingPathComponent("Tests/Tabellen")

    static func importieren(_ projekt: URL, _ datensatz: Tabellenplan.Datensatz, _ datei: URL, ersetzen: Bool = false) -> Tabellenaustausch.Ergebnis {
        Tabellenaustausch(projekt: projekt).importieren(datensatz, aus: datei, anzeigename: datei.lastPathComponent, ersetzen: ersetzen)
    }

    static func fehler(_ ergebnis: Tabellenaustausch.Ergebnis) -> [String] {
        ergebnis.diagnostics.filter { $0.severity == .error }.map(\.formatted)
    }

    static func bytes(_ url: URL) throws -> [UInt8] { Array(try Data(contentsOf: url)) }

    @Test("Export und Import ergeben byteweise dieselbe JSON-Datei, für alle drei Listen und alle Formate",
          arguments: Tabellenplan.Datensatz.allCases)
    func rundreise(_ datensatz: Tabellenplan.Datensatz) throws {
        let projekt = try SitzungTests.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt) }
        let vorher = try Self.bytes(projekt.appendingPathComponent(datensatz.datei))
        for format in Tabellenformat.allCases {
            let datei = projekt.appendingPathComponent("\(datensatz.rawValue).\(format.rawValue)")
            try Data(Tabellenaustausch(projekt: projekt).exportieren(datensatz, format: format)).write(to: datei)
            let ergebnis = Self.importieren(projekt, datensatz, datei, ersetzen: true)
            #expect(Self.fehler(ergebnis).isEmpty, "\(format): \(Self.fehler(ergebnis))")
            #expect(ergebnis.unveraendert, "Regel verletzt: nach einem Import stehen die Schlüssel in der Reihenfolge des Schemas und die Datei im Format des Projekts (KimTabellen/Reihenfolge.swift), ein unveränderter Export kommt byteweise gleich zurück – \(datensatz) über \(format) nicht byteweise gleich")
            #expect(!ergebnis.geschrieben)
            #expect(ergebnis.aenderungen.allSatisfy { $0.hasSuffix("unverändert") }, "\(ergebnis.aenderungen)")
        }
        #expect(try Self.bytes(projekt.appendingPathComponent(datensatz.datei)) == vorher)
        #expect(!FileManager.default.fileExists(atPath: projekt.appendingPathComponent(datensatz.datei + ".bak").path))
    }

    @Test("Ein Listenwert mit „;“ übersteht die Rundreise in jedem Format; in einer geänderten Zelle wird er geteilt und gemeldet")
    func semikolonImListenwert() throws {
        let projekt = try SitzungTests.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt) }
        let angebote = projekt.appendingPathComponent(Tabellenplan.Datensatz.angebote.datei)
        var json = String(decoding: try Self.bytes(angebote), as: UTF8.self)
        let erste = try #require(json.range(of: "\"sprachen\": [],"))
        json.replaceSubrange(erste, with: "\"sprachen\": [\"Deutsch; Leichte Sprache\", \"Arabisch\"],")
        try Data(json.utf8).write(to: angebote)
        var vorher: [UInt8]?
        for format in Tabellenformat.allCases {
            let datei = projekt.appendingPathComponent("angebote.\(format.rawValue)")
            try Data(Tabellenaustausch(projekt: projekt).exportieren(.angebote, format: format)).write(to: datei)
            let ergebnis = Self.importieren(projekt, .angebote, datei, ersetzen: true)
            #expect(Self.fehler(ergebnis).isEmpty, "\(format): \(Self.fehler(ergebnis))")
            #expect(!ergebnis.diagnostics.contains { $0.message.contains("„;“") }, "\(format): \(ergebnis.diagnostics.map(\.formatted))")
            #expect(ergebnis.aenderungen.allSatisfy { $0.hasSuffix("unverändert") }, "\(format): \(ergebnis.aenderungen)")
            // The first import writes the file in kim's own layout; from then on not a byte changes.
            let nachher = try Self.bytes(angebote)
            #expect(String(decoding: nachher, as: UTF8.self).contains("\"Deutsch; Leichte Sprache\""), "\(format): die Liste wurde geteilt")
            if let vorher { #expect(nachher == vorher, "\(format)") }
            vorher = nachher
        }

        // Changed in the sheet: the cell is read as it stands, and the author is told why.
        let csv = projekt.appendingPathComponent("angebote.csv")
        let text = String(decoding: try Self.bytes(csv), as: UTF8.self)
        #expect(text.contains("Deutsch; Leichte Sprache; Arabisch"))
        try Data(text.replacingOccurrences(of: "Deutsch; Leichte Sprache; Arabisch", with: "Deutsch; Leichte Sprache; Arabisch; Türkisch").utf8).write(to: csv)
        let geaendert = Self.importieren(projekt, .angebote, csv, ersetzen: true)
        #expect(Self.fehler(geaendert).isEmpty, "\(Self.fehler(geaendert))")
        let warnung = geaendert.diagnostics.filter { $0.severity == .warning }.map(\.formatted)
        #expect(warnung.contains { $0.contains("„Deutsch; Leichte Sprache“ enthält „;“") && $0.hasPrefix("angebote.csv:") }, "\(warnung)")
        let neu = String(decoding: try Self.bytes(angebote), as: UTF8.self)
        #expect(neu.contains("\"Leichte Sprache\"") && neu.contains("\"Türkisch\""))
    }

    @Test("Die Arbeitsmappe: Blätter, Überschriften aus dem Schema, echte Daten und Zahlen, Auswahllisten")
    func arbeitsmappe() throws {
        let bytes = try Tabellenaustausch(projekt: Fixtures.referenzprojekt).exportieren(.meilensteine, format: .xlsx)
        let mappe = try XLSXLeser.lesen(bytes)
        #expect(mappe.blaetter.map(\.name) == ["Meilensteine", "Handlungsfelder", "Angaben", "Erläuterungen", "Auswahllisten"])
        let blatt = try #require(mappe.blatt("Meilensteine"))
        #expect(Array(blatt.zeilen[0].prefix(6)) == ["Kennung", "Titel", "Baustein", "Handlungsfeld", "Beginn", "Ende"].map(Zelle.text))
        #expect(blatt.zeilen[1][0] == .text("m01-lenkungskreis"))
        #expect(blatt.zeilen[1][2] == .zahl(1))
        #expect(blatt.zeilen[1][3] == .text("Strategische Steuerung und Gremien"), "Verweise stehen mit Namen da")
        #expect(blatt.zeilen[1][4] == .datum(try #require(Datum(iso: "2021-01-01"))))
        let erlaeuterungen = try #require(mappe.blatt("Erläuterungen"))
        #expect(erlaeuterungen.zeilen.contains { $0.count > 4 && $0[1] == .text("Status") && $0[4] == .text("einer dieser Werte: geplant, laufend, erledigt, verschoben") })
        let odsBytes = try Tabellenaustausch(projekt: Fixtures.referenzprojekt).exportieren(.meilensteine, format: .ods)
        let ods = try ODSLeser.lesen(odsBytes)
        #expect(ods.blatt("Meilensteine")?.zeilen == blatt.zeilen, "xlsx und ods enthalten dasselbe")

        // Drop-downs: Handlungsfeld from the sheet "Handlungsfelder" (names in column B), Status
        // from "Auswahllisten", both enforced; Beteiligt (free text) has none.
        let blattXML = String(decoding: try #require(try Zip.entpacken(bytes)["xl/worksheets/sheet1.xml"]), as: UTF8.self)
        #expect(blattXML.contains(#"<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="Nicht in der Liste" error="Bitte einen Wert aus der Liste wählen." sqref="D2:D519"><formula1>'Handlungsfelder'!$B$2:$B$107</formula1></dataValidation>"#))
        #expect(blattXML.contains(#"sqref="I2:I519"><formula1>'Auswahllisten'!$A$2:$A$5</formula1>"#))
        #expect(!blattXML.contains(#"sqref="H2:"#))
        let inhalt = String(decoding: try #require(try Zip.entpacken(odsBytes)["content.xml"]), as: UTF8.self)
        #expect(inhalt.contains(#"table:condition="of:cell-content-is-in-list([$&apos;Handlungsfelder&apos;.$B$2:.$B$107])""#))
        let auswahl = try #require(mappe.blatt("Auswahllisten"))
        #expect(auswahl.zeilen.map { $0.first } == [.text("Status"), .text("geplant"), .text("laufend"), .text("erledigt"), .text("verschoben")])
    }

    @Test("Ein CSV aus deutschem Excel: Windows-1252, Semikolon, Dezimalkomma, TT.MM.JJJJ, Umlaute")
    func deutschesExcelCSV() throws {
        let projekt = try SitzungTests.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt) }
        // Meilensteine: one row changed as an author would type it in Excel, saved as "CSV (Trennzeichen-getrennt)".
        let export = String(decoding: try Tabellenaustausch(projekt: projekt).exportieren(.meilensteine, format: .csv), as: UTF8.self)
        let geaendert = export.replacingOccurrences(of: "\u{FEFF}", with: "")
            .replacingOccurrences(of: "Lenkungskreis KIM konstituiert, Geschäftsordnung beschlossen;1;Strategische Steuerung und Gremien;01.01.2021;31.03.2021",
                                  with: "Lenkungskreis KIM konstituiert, Geschäftsordnung für Ausschüsse beschlossen;1;Strategische Steuerung und Gremien;1.2.2021;15.03.2021")
        #expect(geaendert != export.replacingOccurrences(of: "\u{FEFF}", with: ""), "die Zeile steht so im Export")
        let windows = try #require(geaendert.data(using: .windowsCP1252))
        #expect(String(data: windows, encoding: .utf8) == nil, "die Datei ist wirklich kein UTF-8")
        let csv = projekt.appendingPathComponent("anlage2.csv")
        try windows.write(to: csv)
        let ergebnis = Self.importieren(projekt, .meilensteine, csv, ersetzen: true)
        #expect(Self.fehler(ergebnis).isEmpty, "\(Self.fehler(ergebnis))")
        #expect(ergebnis.geschrieben)
        #expect(ergebnis.aenderungen.first == "Meilensteine: 1 geändert (m01-lenkungskreis)")
        let json = String(decoding: try Self.bytes(projekt.appendingPathComponent("data/meilensteine.json")), as: UTF8.self)
        #expect(json.contains("\"titel\": \"Lenkungskreis KIM konstituiert, Geschäftsordnung für Ausschüsse beschlossen\""))
        #expect(json.contains("\"beginn\": \"2021-02-01\",\n      \"ende\": \"2021-03-15\""))

        // Demografie: decimal comma, thousands dot, UTF-8 with byte order mark.
        let zeilen = ["Tabelle;Sozialraum-Nummer;Einwohner insgesamt;Davon mit Einwanderungsgeschichte;Gedruckter Anteil in Prozent"]
            + (try Self.bevoelkerungszeilen()).enumerated().map { index, zeile in index == 0 ? zeile + ";44,1" : zeile + ";" }
        let demografie = projekt.appendingPathComponent("bevoelkerung.csv")
        try Data([0xEF, 0xBB, 0xBF] + Array(zeilen.joined(separator: "\r\n").utf8)).write(to: demografie)
        let zweites = Self.importieren(projekt, .demografie, demografie, ersetzen: true)
        #expect(Self.fehler(zweites).isEmpty, "\(Self.fehler(zweites))")
        let zahlen = String(decoding: try Self.bytes(projekt.appendingPathComponent("data/demografie.json")), as: UTF8.self)
        #expect(zahlen.contains(#"{ "sozialraum": "71", "insgesamt": 27143, "mitEinwanderungsgeschichte": 11973, "anteil": 44.1 }"#))
        #expect(zweites.aenderungen.first == "Bevölkerung: 1 geändert (gesamt/71)")
    }

    /// The population rows of the hand-made fixture CSV, without heading: "gesamt;71;27.143;11.973".
    static func bevoelkerungszeilen() throws -> [String] {
        let text = String(decoding: try bytes(fixtures.appendingPathComponent("bevoelkerung-von-hand.csv")), as: UTF8.self)
        return Array(text.split(whereSeparator: \.isNewline).map(String.init).dropFirst())
    }

    @Test("Mit LibreOffice gespeicherte Tabellen (xlsx und ods) lesen sich ohne Fehler",
          arguments: ["meilensteine-export", "bevoelkerung-von-hand"])
    func libreOffice(_ name: String) throws {
        let projekt = try SitzungTests.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt) }
        let datensatz: Tabellenplan.Datensatz = name.hasPrefix("meilensteine") ? .meilensteine : .demografie
        for endung in ["xlsx", "ods"] {
            let datei = Self.fixtures.appendingPathComponent("\(name).\(endung)")
            let mappe = endung == "xlsx" ? try XLSXLeser.lesen(try Self.bytes(datei)) : try ODSLeser.lesen(try Self.bytes(datei))
            // LibreOffice typed the cells itself: a date is a date, a number a number.
            let erste = try #require(mappe.blaetter.first?.zeilen[1])
            if datensatz == .meilensteine {
                #expect(erste[4] == .datum(try #require(Datum(iso: "2021-01-01"))), "\(endung): \(erste[4])")
            } else {
                #expect(erste[2] == .zahl(27143), "\(endung): \(erste[2])")
            }
            let ergebnis = Self.importieren(projekt, datensatz, datei, ersetzen: true)
            #expect(ergebnis.diagnostics.isEmpty, "\(endung): \(ergebnis.diagnostics.map(\.formatted))")
            #expect(ergebnis.unveraendert, "\(endung): dieselben Daten wie data/\(datensatz.rawValue).json")
        }
    }

    @Test("Eine von Hand angelegte Tabelle: Spalten in anderer Reihenfolge, Überschriften klein, ohne Kennung – die Kennungen bleiben über die Namen")
    func vonHand() throws {
        let projekt = try SitzungTests.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt) }
        let export = String(decoding: try Tabellenaustausch(projekt: projekt).exportieren(.meilensteine, format: .csv), as: UTF8.self)
        let datei = projekt.appendingPathComponent("von-hand.csv")
        try Data(try Self.umgestellt(export).utf8).write(to: datei)
        let ergebnis = Self.importieren(projekt, .meilensteine, datei)
        #expect(ergebnis.diagnostics.isEmpty, "\(ergebnis.diagnostics.map(\.formatted))")
        #expect(ergebnis.unveraendert, "Regel verletzt: nach einem Import stehen die Schlüssel in der Reihenfolge des Schemas, welche Reihenfolge die Spalten der Tabelle auch haben (KimTabellen/Reihenfolge.swift); dieselben Kennungen, dieselben Werte: \(ergebnis.aenderungen)")
    }

    /// The CSV with its columns reversed, headings in lower case and the Kennung column left out.
    static func umgestellt(_ csv: String) throws -> String {
        let zeilen = csv.replacingOccurrences(of: "\u{FEFF}", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let leser = try CSVDatei.lesen(Array(zeilen.joined(separator: "\r\n").utf8), blatt: "x").blatt
        var umgestellt = leser
        umgestellt.zeilen = leser.zeilen.enumerated().map { index, zeile in
            let ohneKennung = Array(zeile.dropFirst()).reversed().map { zelle -> Zelle in
                guard index == 0, case .text(let titel) = zelle else { return zelle }
                return .text(titel.lowercased())
            }
            return Array(ohneKennung)
        }
        return String(decoding: try CSVDatei.schreiben(umgestellt), as: UTF8.self)
    }

    @Test("Fünf eingebaute Fehler: genau fünf Meldungen mit Blatt und Zelle, nichts geschrieben")
    func fuenfFehler() throws {
        let projekt = try SitzungTests.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt) }
        let vorher = try Self.bytes(projekt.appendingPathComponent("data/meilensteine.json"))
        for endung in ["xlsx", "ods"] {
            let ergebnis = Self.importieren(projekt, .meilensteine, Self.fixtures.appendingPathComponent("meilensteine-fuenf-fehler.\(endung)"), ersetzen: true)
            let blatt = "meilensteine-fuenf-fehler.\(endung):meilensteine-fuenf-fehler"
            #expect(ergebnis.diagnostics.map(\.formatted) == [
                "\(blatt)!L1: Fehler: die Pflichtspalte »Verantwortlich« fehlt (eine Spalte mit dieser Überschrift anfügen)",
                "\(blatt)!D3: Fehler: Handlungsfeld: unbekannter Eintrag »Personal- und Organisationsaufbauu« (Handlungsfelder) (meinten Sie »Personal- und Organisationsaufbau«?)",
                "\(blatt)!F4: Fehler: Ende: den Tag »31.02.2021« gibt es nicht (ein gültiges Datum als TT.MM.JJJJ schreiben)",
                "\(blatt)!C5: Fehler: Baustein: muss eine ganze Zahl ≥ 1 sein, gefunden: \"zwei\" (Text)",
                "\(blatt)!A20: Fehler: Kennung »m01-lenkungskreis« ist doppelt vergeben (zuerst in Zeile 2) (jeder Eintrag braucht eine eigene Kennung; für einen neuen Eintrag die Zelle leer lassen)",
            ])
            #expect(!ergebnis.geschrieben)
        }
        #expect(try Self.bytes(projekt.appendingPathComponent("data/meilensteine.json")) == vorher)
        #expect(!FileManager.default.fileExists(atPath: projekt.appendingPathComponent("data/meilensteine.json.bak").path))
    }

    /// The reference workbook of Anlage 1 with `aendern` applied to its sheets.
    static func angebotsmappe(_ projekt: URL, _ aendern: (inout Arbeitsmappe) throws -> Void) throws -> URL {
        var mappe = try XLSXLeser.lesen(try Tabellenaustausch(projekt: projekt).exportieren(.angebote, format: .xlsx))
        try aendern(&mappe)
        let datei = projekt.appendingPathComponent("anlage1.xlsx")
        try Data(try XLSXSchreiber.schreiben(mappe)).write(to: datei)
        return datei
    }

    static func spalte(_ mappe: Arbeitsmappe, _ blatt: String, _ titel: String) throws -> Int {
        try #require(mappe.blatt(blatt)?.zeilen[0].firstIndex(of: .text(titel)))
    }

    @Test("Ein unbekannter Träger wird mit Zelle und Vorschlag gemeldet; ein neuer Träger im Blatt »Träger« gilt sofort")
    func traegerNachNamen() throws {
        let projekt = try SitzungTests.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt) }
        let falsch = try Self.angebotsmappe(projekt) { mappe in
            let index = try #require(mappe.blaetter.firstIndex { $0.name == "Angebote" })
            let spalte = try Self.spalte(mappe, "Angebote", "Träger")
            mappe.blaetter[index].zeilen[3][spalte] = .text("Caritasverbnd")
        }
        let ergebnis = Self.importieren(projekt, .angebote, falsch, ersetzen: true)
        #expect(Self.fehler(ergebnis) == ["anlage1.xlsx:Angebote!C4: Fehler: Träger: unbekannter Eintrag »Caritasverbnd« (Träger) (meinten Sie »Caritasverband«?)"])
        #expect(!ergebnis.geschrieben)

        let neu = try Self.angebotsmappe(projekt) { mappe in
            let traeger = try #require(mappe.blaetter.firstIndex { $0.name == "Träger" })
            let breite = mappe.blaetter[traeger].zeilen[0].count
            var zeile = [Zelle](repeating: .leer, count: breite)
            zeile[try Self.spalte(mappe, "Träger", "Name")] = .text("Verein für Beratung Sterkrade e. V.")
            zeile[try Self.spalte(mappe, "Träger", "Art des Trägers")] = .text("Verein")
            mappe.blaetter[traeger].zeilen.append(zeile)
            let angebote = try #require(mappe.blaetter.firstIndex { $0.name == "Angebote" })
            mappe.blaetter[angebote].zeilen[3][try Self.spalte(mappe, "Angebote", "Träger")] = .text("verein für beratung sterkrade e. v.")
        }
        let zweites = Self.importieren(projekt, .angebote, neu, ersetzen: true)
        #expect(Self.fehler(zweites).isEmpty, "\(Self.fehler(zweites))")
        #expect(zweites.aenderungen.contains("Träger: 1 neu (verein-fuer-beratung-sterkrade-e-v)"), "\(zweites.aenderungen)")
        let json = String(decoding: try Self.bytes(projekt.appendingPathComponent("data/angebote.json")), as: UTF8.self)
        #expect(json.contains("\"traeger\": \"verein-fuer-beratung-sterkrade-e-v\""))
    }

    @Test("Ohne --ersetzen bleibt eine vorhandene Datei, mit --ersetzen liegt die bisherige als .bak daneben, und kim lädt sie nicht")
    func ersetzenUndSicherung() throws {
        let projekt = try SitzungTests.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt) }
        let ziel = projekt.appendingPathComponent("data/angebote.json")
        let vorher = try Self.bytes(ziel)
        let datei = try Self.angebotsmappe(projekt) { mappe in
            let angebote = try #require(mappe.blaetter.firstIndex { $0.name == "Angebote" })
            var zeile = [Zelle](repeating: .leer, count: mappe.blaetter[angebote].zeilen[0].count)
            zeile[try Self.spalte(mappe, "Angebote", "Name")] = .text("Sprechstunde für Geflüchtete")
            zeile[try Self.spalte(mappe, "Angebote", "Träger")] = .text("Caritasverband")
            zeile[try Self.spalte(mappe, "Angebote", "Sozialräume")] = .text("71; Osterfeld")
            mappe.blaetter[angebote].zeilen.append(zeile)
            mappe.blaetter[angebote].zeilen.remove(at: 2)
        }
        let ohne = Self.importieren(projekt, .angebote, datei)
        #expect(Self.fehler(ohne).isEmpty, "\(Self.fehler(ohne))")
        #expect(ohne.vorhanden && !ohne.geschrieben)
        #expect(try Self.bytes(ziel) == vorher)
        #expect(ohne.aenderungen.first == "Angebote: 1 neu (sprechstunde-fuer-gefluechtete), 1 entfernt (awo-mbe)")

        let mit = Self.importieren(projekt, .angebote, datei, ersetzen: true)
        #expect(mit.geschrieben)
        #expect(mit.sicherung == "data/angebote.json.bak")
        #expect(try Self.bytes(projekt.appendingPathComponent("data/angebote.json.bak")) == vorher)
        let json = String(decoding: try Self.bytes(ziel), as: UTF8.self)
        #expect(json.contains("\"id\": \"sprechstunde-fuer-gefluechtete\""))
        #expect(json.contains("\"sozialraeume\": [\n        \"71\",\n        \"76\"\n      ]"))
        let (_, diagnostics) = Build(Build.Optionen(projekt: projekt)).pruefen()
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.formatted))")
        #expect(!diagnostics.contains { $0.file.hasSuffix(".bak") })
    }

    @Test("Eine Änderung, die eine andere Datei bricht, wird dort gemeldet: ein entfernter Meilenstein, auf den eine Sitzung verweist")
    func folgefehlerInAnderenDateien() throws {
        let projekt = try SitzungTests.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt) }
        let csv = projekt.appendingPathComponent("anlage2.csv")
        let export = String(decoding: try Tabellenaustausch(projekt: projekt).exportieren(.meilensteine, format: .csv), as: UTF8.self)
        let ohneErsten = export.split(separator: "\r\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("m01-lenkungskreis;") }
        try Data(ohneErsten.joined(separator: "\r\n").utf8).write(to: csv)
        let ergebnis = Self.importieren(projekt, .meilensteine, csv, ersetzen: true)
        let fehler = Self.fehler(ergebnis)
        #expect(!fehler.isEmpty && fehler.allSatisfy { $0.hasPrefix("data/sitzungen/") && $0.contains("m01-lenkungskreis") }, "\(fehler)")
        #expect(!ergebnis.geschrieben)
    }

    @Test("kim export und kim import auf der Kommandozeile: Meldungen, Exit-Codes, --ersetzen")
    func kommandozeile() throws {
        let projekt = try SitzungTests.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt) }
        let datei = projekt.appendingPathComponent("anlage2.xlsx").path
        let export = try KommandozeileTests.kim(["export", "meilensteine", datei, "--project", projekt.path])
        #expect(export.status == 0, "\(export.ausgabe)")
        #expect(try KommandozeileTests.kim(["export", "meilensteine", datei, "--project", projekt.path]).status == 1, "überschreibt nicht ungefragt")
        #expect(try KommandozeileTests.kim(["export", "meilensteine", projekt.appendingPathComponent("x.pdf").path, "--project", projekt.path]).status == 2)
        #expect(try KommandozeileTests.kim(["export", "gremien", datei, "--project", projekt.path]).status == 2)

        let gleich = try KommandozeileTests.kim(["import", "meilensteine", datei, "--project", projekt.path])
        #expect(gleich.status == 0, "\(gleich.ausgabe)")
        #expect(gleich.ausgabe.contains("data/meilensteine.json ist schon auf diesem Stand; nichts geschrieben."))

        let fehler = try KommandozeileTests.kim(["import", "meilensteine", Self.fixtures.appendingPathComponent("meilensteine-fuenf-fehler.xlsx").path,
                                                 "--project", projekt.path, "--ersetzen"])
        #expect(fehler.status == 1)
        #expect(fehler.ausgabe.contains("meilensteine-fuenf-fehler.xlsx:meilensteine-fuenf-fehler!F4: Fehler: Ende: den Tag »31.02.2021« gibt es nicht"))
        #expect(fehler.ausgabe.contains("5 Fehler, 0 Warnungen; nichts geschrieben."))

        let csv = projekt.appendingPathComponent("anlage2.csv")
        let text = String(decoding: try Tabellenaustausch(projekt: projekt).exportieren(.meilensteine, format: .csv), as: UTF8.self)
        try Data(text.replacingOccurrences(of: ";erledigt;10.03.2021;", with: ";erledigt;11.03.2021;").utf8).write(to: csv)
        let ohne = try KommandozeileTests.kim(["import", "meilensteine", csv.path, "--project", projekt.path])
        #expect(ohne.status == 1)
        #expect(ohne.ausgabe.contains("Meilensteine: 1 geändert (m01-lenkungskreis)"))
        #expect(ohne.ausgabe.contains("gibt es schon; nichts geschrieben. Mit --ersetzen übernehmen"))
        let mit = try KommandozeileTests.kim(["import", "meilensteine", csv.path, "--project", projekt.path, "--ersetzen"])
        #expect(mit.status == 0, "\(mit.ausgabe)")
        #expect(mit.ausgabe.contains("data/meilensteine.json geschrieben; die bisherige Fassung liegt in data/meilensteine.json.bak."))
        #expect(try KommandozeileTests.kim(["check", "--project", projekt.path]).status == 0)
    }

    @Test("Eine beschädigte xlsx, an der ZIPFoundation endlos entpacken würde, wird nach der Frist gemeldet, nicht ewig gelesen")
    func endloserDeflateStrom() throws {
        let projekt = try SitzungTests.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt) }
        // Run as its own process: the stuck unpacking thread ends with it.
        let beginn = Date()
        let ergebnis = try KommandozeileTests.kim(["import", "angebote", Self.fixtures.appendingPathComponent("endloser-deflate-strom.xlsx").path,
                                                   "--project", projekt.path, "--ersetzen"])
        #expect(ergebnis.status == 1)
        #expect(ergebnis.ausgabe.contains("endloser-deflate-strom.xlsx: Fehler: die Datei ist beschädigt: ein Teil lässt sich nicht entpacken"))
        #expect(Date().timeIntervalSince(beginn) < 60)
        #expect(!FileManager.default.fileExists(atPath: projekt.appendingPathComponent("data/angebote.json.bak").path))
    }
}
