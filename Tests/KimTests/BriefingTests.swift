import Foundation
@testable import KimDerive
@testable import KimModel
import KimPipeline
import KimValidate
import Testing

/// The Sachstandsbericht for the Verwaltungsvorstand: true as of its date, a real decision paper.
@Suite("Sachstandsbericht")
struct BriefingTests {
    static let stichtage = ["2021-01-15", "2021-10-01", "2022-09-01"]

    static func projekt() throws -> Projekt {
        let build = Build(Build.Optionen(projekt: Fixtures.referenzprojekt, intern: true))
        let (projekt, _, diagnostics) = build.auswerten()
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.formatted))")
        return try #require(projekt)
    }

    static func bericht(_ projekt: Projekt, _ iso: String) throws -> (html: String, sachstand: Sachstand) {
        let datum = try #require(Datum(iso: iso))
        let (html, sachstand, diagnostics) = Sachstandsbericht.dokument(projekt, stichtag: datum, seit: nil)
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.formatted))")
        return (try #require(html), try #require(sachstand))
    }

    /// The text as a reader sees it: tags dropped, entities of the escaper decoded.
    static func sichtbar(_ html: String) -> String {
        let ohneTags = html.replacing(/<[^>]+>/, with: " ")
        return ohneTags.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test("nichts nach dem Stichtag: Fassung, Meilensteine, Beschlüsse, Risiken, Entscheidungen, Kennzahlen", arguments: stichtage)
    func wahrZumStichtag(_ iso: String) throws {
        let projekt = try Self.projekt()
        let datum = try #require(Datum(iso: iso))
        let (html, _) = try Self.bericht(projekt, iso)
        let text = Self.sichtbar(html)

        // Every date that is not a deadline or a coming meeting lies on or before the stichtag.
        for treffer in html.matches(of: /<time( class="termin")? datetime="(\d{4}-\d{2}-\d{2})">/) where treffer.1 == nil {
            let tag = try #require(Datum(iso: String(treffer.2)))
            #expect(tag <= datum, "\(tag.iso) liegt nach dem Stichtag \(iso)")
        }
        // The Fassung in force then.
        let fassung = try #require(projekt.handlungskonzept.fassungen.filter { $0.datum <= datum }.max { $0.nummer < $1.nummer })
        #expect(text.contains("Fassung \(fassung.nummer) vom \(Format.datum(fassung.datum))"))
        for spaeter in projekt.handlungskonzept.fassungen where spaeter.datum > datum {
            #expect(!text.contains("Fassung \(spaeter.nummer) vom"), "Fassung \(spaeter.nummer) gab es am \(iso) noch nicht")
        }
        // Milestones that only a later Fassung has.
        let damals = Set(projekt.stand(fassung.nummer).meilensteinplan.meilensteine.map(\.id))
        for meilenstein in projekt.meilensteinplan.meilensteine where !damals.contains(meilenstein.id) {
            #expect(!text.contains(meilenstein.titel), "„\(meilenstein.titel)“ steht erst in einer späteren Fassung")
        }
        // Beschlüsse of Sitzungen after the date.
        for sitzung in projekt.sitzungen where sitzung.datum > datum {
            for punkt in sitzung.tagesordnung {
                for beschluss in punkt.beschluesse {
                    #expect(!text.contains(beschluss.wortlaut), "Beschluss vom \(sitzung.datum.iso) im Bericht zum \(iso)")
                }
            }
        }
        // Risks and decisions not yet known, or already settled.
        let daten = try #require(projekt.berichtsdaten)
        for risiko in daten.risiken ?? [] where risiko.seit > datum || (risiko.behobenAm.map { $0 <= datum } ?? false) {
            #expect(!text.contains(risiko.titel), "Risiko „\(risiko.titel)“ am \(iso)")
        }
        for eintrag in daten.entscheidungen ?? [] where eintrag.ab > datum || (eintrag.entschiedenAm.map { $0 <= datum } ?? false) {
            #expect(!text.contains(eintrag.beschlussvorschlag), "Entscheidung „\(eintrag.titel)“ am \(iso)")
        }
        // Kennzahl values: each row shows the value of a date on or before the stichtag.
        for kennzahl in daten.kennzahlen ?? [] where text.contains("\(kennzahl.name) (") {
            let zeile = try #require(text.components(separatedBy: "\(kennzahl.name) (").last)
            let tag = try #require(zeile.firstMatch(of: /^\s*(\d{2})\.(\d{2})\.(\d{4})\s*[,)]/))
            let wertTag = try #require(Datum(iso: "\(tag.3)-\(tag.2)-\(tag.1)"))
            #expect(wertTag <= datum, "Wert von \(kennzahl.name) vom \(wertTag.iso)")
        }
        // Population figures belong to the site.
        #expect(!text.contains("Einwanderungsgeschichte"))
        for indikator in projekt.demografie.indikatoren ?? [] { #expect(!text.contains(indikator.name)) }
    }

    @Test("ein Meilenstein, der nach dem Stichtag erledigt wurde, war am Stichtag noch offen oder überfällig")
    func spaeterErledigt() throws {
        let projekt = try Self.projekt()
        let datum = try #require(Datum(iso: "2021-10-01"))
        let stand = try #require(Stichtagsstand(projekt, stichtag: datum))
        let spaeter = projekt.meilensteinplan.meilensteine.filter { ($0.erledigtAm.map { $0 > datum } ?? false) }
        try #require(!spaeter.isEmpty, "die Referenzdaten haben einen Meilenstein, der nach dem 01.10.2021 erledigt wurde")
        for meilenstein in spaeter {
            let damals = stand.projekt.meilensteinplan.meilensteine.first { $0.id == meilenstein.id }
            #expect(damals?.status != .erledigt)
            #expect(damals?.erledigtAm == nil)
            #expect(damals?.bemerkung == nil, "Bemerkungen können die Zukunft verraten")
        }
        #expect(stand.projekt.sitzungen.allSatisfy { $0.datum <= datum })
        #expect(Stichtagsstand(projekt, stichtag: try #require(Datum(iso: "2019-01-01"))) == nil, "vor der ersten Fassung gibt es keinen Stand")
    }

    @Test("Entscheidungsbedarf aus den Daten: Beschlussvorschlag, Optionen, Folgen, Frist; sonst der klare Satz", arguments: stichtage)
    func entscheidungsbedarf(_ iso: String) throws {
        let projekt = try Self.projekt()
        let datum = try #require(Datum(iso: iso))
        let (html, sachstand) = try Self.bericht(projekt, iso)
        let text = Self.sichtbar(html)
        let offen = (projekt.berichtsdaten?.entscheidungen ?? []).filter { $0.ab <= datum && ($0.entschiedenAm.map { $0 > datum } ?? true) }
        #expect(sachstand.entscheidungen.map(\.id) == offen.sorted { $0.frist < $1.frist }.map(\.id))
        #expect(html.components(separatedBy: "<article class=\"vorschlag\">").count - 1 == offen.count)
        for eintrag in offen {
            #expect(text.contains("Beschlussvorschlag: \(eintrag.beschlussvorschlag)"))
            #expect(eintrag.beschlussvorschlag.hasPrefix("Der Verwaltungsvorstand"))
            for option in eintrag.optionen ?? [] { #expect(text.contains(option.text)) }
            if let folgen = eintrag.folgenOhneEntscheidung { #expect(text.contains("Ohne Entscheidung: \(folgen)")) }
            #expect(text.contains("Entscheidung nötig bis \(Format.datum(eintrag.frist))"))
            if let vorlage = eintrag.vorlage { #expect(text.contains("Vorlage \(vorlage)")) }
        }
        #expect(text.contains("keine Entscheidung nötig") == offen.isEmpty)
    }

    @Test("die Referenzdaten haben zu 2021-10-01 und 2022-09-01 einen echten Beschlussvorschlag, zu 2021-01-15 keinen")
    func beispieleVorhanden() throws {
        let projekt = try Self.projekt()
        #expect(try Self.bericht(projekt, "2021-10-01").sachstand.entscheidungen.contains { $0.art == .beschluss })
        #expect(try Self.bericht(projekt, "2022-09-01").sachstand.entscheidungen.contains { $0.art == .beschluss })
        #expect(try Self.bericht(projekt, "2021-01-15").sachstand.entscheidungen.isEmpty)
        #expect(projekt.berichtsdaten?.beispieldaten == true, "erfundene Entscheidungen sind als Beispieldaten markiert")
        #expect(try Self.bericht(projekt, "2021-10-01").html.contains("Beispieldaten:"))
    }

    @Test("ein Meilenstein, der eine Entscheidung braucht, ohne Beschlussvorschlag: Warnung mit Ort")
    func meilensteinOhneVorschlag() throws {
        var projekt = try Self.projekt()
        let datum = try #require(Datum(iso: "2021-10-01"))
        let gedeckt = (projekt.berichtsdaten?.entscheidungen ?? []).filter { $0.ab <= datum }.flatMap { $0.meilensteine ?? [] }
        try #require(!gedeckt.isEmpty)
        func warnungen(_ projekt: Projekt) -> [Diagnostic] {
            Sachstandsbericht.dokument(projekt, stichtag: datum, seit: nil).diagnostics.filter { $0.message.contains("keinen Beschlussvorschlag") }
        }
        let vorher = warnungen(projekt)
        #expect(vorher.allSatisfy { $0.severity == .warning && $0.location != nil && $0.file.hasSuffix("meilensteine.json") })
        projekt.berichtsdaten?.entscheidungen = []
        let nachher = warnungen(projekt)
        let stand = try #require(Stichtagsstand(projekt, stichtag: datum))
        let offen = stand.projekt.meilensteinplan.meilensteine.filter {
            gedeckt.contains($0.id) && $0.entscheidungVerwaltungsvorstand == true && Stichtagsstatus.von($0, am: datum) != .erledigt
        }
        try #require(!offen.isEmpty, "die Referenz hat einen offenen Meilenstein mit Beschlussvorschlag")
        #expect(nachher.count == vorher.count + offen.count)
        for meilenstein in offen {
            #expect(!vorher.contains { $0.message.contains(meilenstein.titel) })
            #expect(nachher.contains { $0.message.contains(meilenstein.titel) }, "ohne Vorschlag wird „\(meilenstein.titel)“ genannt")
        }
    }

    @Test("Daten sind Text: Markup in data/berichte.json erscheint maskiert")
    func feindlicheTexte() throws {
        var projekt = try Self.projekt()
        let feindlich = "<script>alert(1)</script><img src=x onerror=alert(2)>"
        var daten = try #require(projekt.berichtsdaten)
        daten.ansprechperson.name += feindlich
        daten.entscheidungen = daten.entscheidungen?.map { eintrag in
            var kopie = eintrag
            kopie.titel += feindlich
            kopie.beschlussvorschlag += feindlich
            kopie.optionen = (eintrag.optionen ?? []).map { Entscheidungsoption(text: $0.text + feindlich, folgen: feindlich) }
            kopie.folgenOhneEntscheidung = (eintrag.folgenOhneEntscheidung ?? "") + feindlich
            return kopie
        }
        daten.risiken = daten.risiken?.map { risiko in
            var kopie = risiko
            kopie.titel += feindlich
            kopie.gegenmassnahme += feindlich
            return kopie
        }
        daten.kennzahlen = daten.kennzahlen?.map { kennzahl in
            var kopie = kennzahl
            kopie.name += feindlich
            kopie.einheit += feindlich
            return kopie
        }
        projekt.berichtsdaten = daten
        let (html, _, _) = Sachstandsbericht.dokument(projekt, stichtag: try #require(Datum(iso: "2022-09-01")), seit: nil)
        let text = try #require(html)
        #expect(!text.contains("<script>alert"))
        #expect(!text.contains("<img"))
        #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test("Kernaussagen: drei bis fünf Sätze, keiner beginnt mit einer Ziffer", arguments: stichtage)
    func kernaussagen(_ iso: String) throws {
        let (_, sachstand) = try Self.bericht(try Self.projekt(), iso)
        #expect((3...5).contains(sachstand.kernaussagen.count))
        for satz in sachstand.kernaussagen {
            let erstes = try #require(satz.first)
            #expect(erstes.isLetter && erstes.isUppercase, "„\(satz)“")
            #expect(satz.hasSuffix("."))
        }
    }

    @Test("Leitgremium und Empfänger kommen aus den Daten, nicht aus dem Code")
    func leitgremiumAusDaten() throws {
        var projekt = try Self.projekt()
        let datum = try #require(Datum(iso: "2021-10-01"))
        projekt.berichtsdaten?.leitgremium = "facharbeitskreis"
        projekt.berichtsdaten?.empfaenger = "integrationsrat"
        let (html, sachstand, diagnostics) = Sachstandsbericht.dokument(projekt, stichtag: datum, seit: nil)
        #expect(!diagnostics.hasErrors)
        let text = Self.sichtbar(try #require(html))
        #expect(sachstand?.beschluesse.allSatisfy { $0.sitzung.gremium == "facharbeitskreis" } == true)
        #expect(sachstand?.beschluesse.isEmpty == false, "der Facharbeitskreis hat im Zeitraum beschlossen")
        let fak = try #require(projekt.gremien.gremien.first { $0.id == "facharbeitskreis" })
        let rat = try #require(projekt.gremien.gremien.first { $0.id == "integrationsrat" })
        #expect(text.contains("Beschlüsse: \(fak.kurzname)"))
        #expect(text.contains("Vorlage für \(rat.name)"))
        #expect(!text.contains("Lenkungskreis KIM seit"))

        projekt.berichtsdaten?.leitgremium = "lenkungskreiss"
        let befunde = Validate.check(projekt)
        #expect(befunde.contains { $0.file == "data/berichte.json" && $0.message.contains("\"lenkungskreiss\"") && $0.severity == .error })
    }

    @Test("Kennzahlen: Wert zum Stichtag und Veränderung seit dem vorigen Bericht")
    func kennzahlen() throws {
        let projekt = try Self.projekt()
        let (html, sachstand) = try Self.bericht(projekt, "2022-09-01")
        let seit = try #require(sachstand.seit)
        try #require(!sachstand.kennzahlen.isEmpty)
        for stand in sachstand.kennzahlen {
            let erwartet = stand.kennzahl.werte.filter { $0.stichtag <= sachstand.stichtag }.max { $0.stichtag < $1.stichtag }
            #expect(stand.aktuell == erwartet)
            let vorher = try #require(stand.vorher)
            // Only values of the same period are compared: a share of this year's funds never with last year's.
            #expect(vorher.zeitraum == stand.aktuell.zeitraum)
            if stand.vorherAusBericht {
                #expect(vorher.stichtag <= seit)
                #expect(!stand.kennzahl.werte.contains { $0.stichtag > vorher.stichtag && $0.stichtag <= seit && $0.zeitraum == vorher.zeitraum })
            } else {
                #expect(!stand.kennzahl.werte.contains { $0.stichtag <= seit && $0.zeitraum == stand.aktuell.zeitraum }, "\(stand.kennzahl.name)")
            }
        }
        let mittelabruf = try #require(sachstand.kennzahlen.first { $0.kennzahl.einheit == "%" && $0.aktuell.zeitraum != nil })
        #expect(!mittelabruf.vorherAusBericht, "der Wert beim letzten Bericht gehört zu einem anderen Förderjahr")
        #expect(!html.contains("−14 Prozentpunkte"))
        #expect(html.contains("seit dem letzten Bericht"))
        // A percentage changes by points.
        #expect(!html.contains("+21 % seit"))
    }

    @Test("Ampel: die Regeln für grün, gelb, rot und offen")
    func ampelRegeln() throws {
        let stichtag = try #require(Datum(iso: "2021-10-01"))
        func eintrag(_ id: String, beginn: String, ende: String, erledigt: String? = nil) throws -> Meilensteinauswertung.Eintrag {
            let m = Meilenstein(id: id, titel: "M \(id)", baustein: 1, handlungsfeld: "f", beginn: try #require(Datum(iso: beginn)),
                                ende: try #require(Datum(iso: ende)), verantwortlich: "KI", beteiligt: [],
                                status: erledigt == nil ? .laufend : .erledigt, erledigtAm: erledigt.flatMap { Datum(iso: $0) },
                                bemerkung: nil, entscheidungVerwaltungsvorstand: nil)
            return Meilensteinauswertung.Eintrag(meilenstein: m, status: Stichtagsstatus.von(m, am: stichtag))
        }
        let erledigt = try eintrag("a", beginn: "2021-01-01", ende: "2021-03-31", erledigt: "2021-03-01")
        let laufend = try eintrag("b", beginn: "2021-01-01", ende: "2021-12-31")
        let kurzUeber = try eintrag("c", beginn: "2021-01-01", ende: "2021-08-31")
        let langUeber = try eintrag("d", beginn: "2021-01-01", ende: "2021-06-30")
        let spaeter = try eintrag("e", beginn: "2022-01-01", ende: "2022-06-30")
        let hoch = Risiko(id: "r", titel: "Personal fehlt", beschreibung: "b", gegenmassnahme: "g", einschaetzung: .hoch,
                          handlungsfeld: "f", seit: stichtag, behobenAm: nil)
        func farbe(_ eintraege: [Meilensteinauswertung.Eintrag], _ risiken: [Risiko] = []) -> Ampel.Farbe {
            Ampel.handlungsfeld("F", eintraege, risiken: risiken, stichtag: stichtag).farbe
        }
        #expect(farbe([erledigt, laufend]) == .gruen)
        #expect(farbe([erledigt, kurzUeber]) == .gelb)
        #expect(farbe([erledigt, langUeber]) == .rot)
        #expect(farbe([kurzUeber, try eintrag("c2", beginn: "2021-01-01", ende: "2021-09-15")]) == .rot, "zwei überfällige")
        #expect(farbe([erledigt, laufend], [hoch]) == .gelb)
        #expect(farbe([spaeter]) == .offen)
        let felder = [Ampel.handlungsfeld("A", [laufend], risiken: [], stichtag: stichtag),
                      Ampel.handlungsfeld("B", [kurzUeber], risiken: [], stichtag: stichtag),
                      Ampel.handlungsfeld("C", [spaeter], risiken: [], stichtag: stichtag)]
        let gesamt = Ampel.gesamt(felder)
        #expect(gesamt.farbe == .gelb)
        #expect(gesamt.begruendung.contains("„B“"))
        for feld in felder { #expect(!feld.begruendung.isEmpty && feld.begruendung.first?.isNumber == false) }
        #expect(Ampel.gesamt([felder[2]]).farbe == .offen)
    }

    @Test("die Ampel im Bericht: Zeichen und Wort, nicht nur Farbe; die Regeln darunter, eine Zeile je Farbe")
    func ampelImBericht() throws {
        let projekt = try Self.projekt()
        let (html, sachstand) = try Self.bericht(projekt, "2022-09-01")
        #expect(sachstand.ampeln.count == projekt.meilensteinplan.handlungsfelder.count)
        let zellen = html.matches(of: /<td class="ampel ampel--(\w+)"><svg[^>]*aria-hidden="true"[^>]*>(.*?)<\/svg> (\w+)\s*<\/td>/)
        #expect(zellen.count == sachstand.ampeln.count + (sachstand.aufgabenampel == nil ? 0 : 1) + 1)
        for zelle in zellen {
            #expect(!zelle.2.isEmpty, "ein Zeichen")
            #expect(Ampel.Farbe.allCases.map(\.bezeichnung).contains(String(zelle.3)), "ein Wort")
        }
        for regel in Ampel.regeln { #expect(html.contains("<li>\(regel)</li>")) }
        // Every colour is named with its shape in the legend, so the Ampel reads without colour.
        for farbe in Ampel.Farbe.allCases {
            #expect(Ampel.regeln.contains { $0.contains("\(farbe.bezeichnung.capitalizedFirst) (\(farbe.zeichen))") }, "\(farbe.bezeichnung)")
        }
        let docs = try String(contentsOf: Fixtures.referenzprojekt.appendingPathComponent("docs/sachstandsbericht.md"), encoding: .utf8)
        for regel in Ampel.regeln { #expect(docs.contains(regel), "docs/sachstandsbericht.md nennt: \(regel)") }
    }

    @Test("HTML für das Telefon: Viewport, Schriften neben der Datei, relative Schrift-URLs")
    func htmlFuerTelefon() throws {
        let projekt = try SitzungTests.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt) }
        let (dateien, diagnostics) = try Sachstandsbericht(projekt: projekt, stichtag: try #require(Datum(iso: "2021-10-01"))).erstellen(pdf: false)
        #expect(!diagnostics.hasErrors)
        let datei = try #require(dateien.first)
        let html = try String(contentsOf: datei, encoding: .utf8)
        #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        let urls = html.matches(of: /url\("([^"]+)"\)/).map { String($0.1) }
        #expect(!urls.isEmpty)
        for url in urls {
            #expect(!url.hasPrefix("/") && !url.contains("://"), "relativ: \(url)")
            #expect(FileManager.default.fileExists(atPath: datei.deletingLastPathComponent().appendingPathComponent(url).path), "\(url) fehlt neben dem Bericht")
        }
    }

    @Test("höchstens zwei A4-Seiten Bericht, die Einzelheiten auf einer eigenen Anlage; jede Seite mit Titel, Stand und „Intern“; keine Seite nur mit einer Fußnote", arguments: stichtage)
    func zweiSeiten(_ iso: String) throws {
        let projekt = try SitzungTests.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt) }
        let datum = try #require(Datum(iso: iso))
        let (dateien, diagnostics) = try Sachstandsbericht(projekt: projekt, stichtag: datum).erstellen()
        #expect(!diagnostics.hasErrors)
        let pdf = try #require(dateien.last).path
        let info = try PDFTests.werkzeug("pdfinfo", [pdf])
        let seiten = try #require(info.firstMatch(of: /Pages:\s+(\d+)/).flatMap { Int($0.1) })
        #expect(info.contains("595.276 x 841.89 pts (A4)"))
        var anlage: Int?
        for seite in 1...seiten {
            let text = try PDFTests.werkzeug("pdftotext", ["-f", "\(seite)", "-l", "\(seite)", pdf, "-"])
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(text.contains("Intern – nicht zur Veröffentlichung"), "Seite \(seite)")
            #expect(text.contains("Sachstandsbericht Kommunales Integrationsmanagement"), "Seite \(seite)")
            #expect(text.contains("Stand \(Format.datum(datum))"), "Seite \(seite)")
            if text.contains("Anlage zum Nachschlagen"), anlage == nil { anlage = seite }
            // What the page says besides its running head and number: never just a footnote.
            let inhalt = text.replacingOccurrences(of: "Sachstandsbericht Kommunales Integrationsmanagement – Stand \(Format.datum(datum))", with: "")
                .replacingOccurrences(of: "Intern – nicht zur Veröffentlichung", with: "").replacing(/Seite \d+ von \d+/, with: "")
            #expect(inhalt.filter(\.isLetter).count > 400, "Seite \(seite) ist fast leer: \(inhalt)")
            #expect(!inhalt.trimmingCharacters(in: .whitespaces).hasPrefix("1 "), "Seite \(seite) beginnt mit einer Fußnote")
        }
        let ersteAnlagenseite = try #require(anlage, "die Einzelheiten stehen in der Anlage")
        #expect(ersteAnlagenseite - 1 <= 2, "Regel verletzt: der Sachstandsbericht für den Verwaltungsvorstand hat höchstens zwei A4-Seiten (DESIGN.md: 1–2 Seiten); die Anlage beginnt erst auf Seite \(ersteAnlagenseite)")
        #expect(ersteAnlagenseite == seiten, "die Anlage ist eine Seite")
        let schriften = try PDFTests.werkzeug("pdffonts", [pdf])
        #expect(schriften.contains("Open-Sans"), "die Schrift des Berichts wurde gefunden")
    }
}
