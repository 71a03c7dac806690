import Foundation
@testable import KimDerive
@testable import KimModel
import KimPipeline
import Testing

/// The Ampel rules a board relies on (docs/sachstandsbericht.md): each rule with a case that is
/// green without it, and the reference briefing of 2022-09-01 that showed green over slipped work.
@Suite("Ampelregeln und Rückmeldung der Entscheidungen")
struct AmpelregelnTests {
    static let stichtag = Datum(iso: "2022-09-01")!

    static func eintrag(_ id: String, ende: String, urspruenglich: String? = nil, status: Meilenstein.Status = .laufend) throws -> Meilensteinauswertung.Eintrag {
        let m = Meilenstein(id: id, titel: "M \(id)", baustein: 1, handlungsfeld: "f", beginn: try #require(Datum(iso: "2022-01-01")),
                            ende: try #require(Datum(iso: ende)), verantwortlich: "KI", beteiligt: [], status: status, erledigtAm: nil,
                            urspruenglichesEnde: urspruenglich.flatMap { Datum(iso: $0) }, bemerkung: nil, entscheidungVerwaltungsvorstand: nil)
        return Meilensteinauswertung.Eintrag(meilenstein: m, status: Stichtagsstatus.von(m, am: stichtag))
    }

    @Test("verschobene Meilensteine zählen: gelb bis sechs Monate, rot darüber oder ab zwei")
    func verschoben() throws {
        let imPlan = try Self.eintrag("a", ende: "2022-12-31")
        let kurz = try Self.eintrag("b", ende: "2022-12-31", urspruenglich: "2022-09-30")
        let lang = try Self.eintrag("c", ende: "2022-12-31", urspruenglich: "2021-12-31")
        let ohneDatum = try Self.eintrag("d", ende: "2022-12-31", status: .verschoben)
        func ampel(_ e: [Meilensteinauswertung.Eintrag]) -> Ampel { Ampel.handlungsfeld("F", e, risiken: [], stichtag: Self.stichtag) }
        #expect(ampel([imPlan]).farbe == .gruen)
        #expect(ampel([imPlan, kurz]).farbe == .gelb)
        #expect(ampel([imPlan, ohneDatum]).farbe == .gelb, "Status „verschoben“ ohne altes Ende: gelb")
        #expect(ampel([imPlan, lang]).farbe == .rot)
        #expect(ampel([imPlan, lang]).begruendung.contains("um 12 Monate"))
        #expect(ampel([kurz, ohneDatum]).farbe == .rot, "zwei verschobene")
        #expect(ampel([kurz, ohneDatum]).begruendung.hasPrefix("Zwei Meilensteine sind verschoben"))
    }

    @Test("die Sitzungsregel eines Gremiums aus den Daten: ein Abstand ohne Sitzung gelb, zwei rot")
    func sitzungsregel() throws {
        let laufend = try Self.eintrag("a", ende: "2022-12-31")
        func regel(_ letzte: String?) throws -> Ampel.Sitzungsregel {
            Ampel.Sitzungsregel(gremium: "Lenkungskreis", sitzungenProJahr: 3, letzteSitzung: letzte.flatMap { Datum(iso: $0) },
                                beginn: try #require(Datum(iso: "2021-01-01")))
        }
        func farbe(_ r: Ampel.Sitzungsregel) -> Ampel.Farbe {
            Ampel.handlungsfeld("F", [laufend], risiken: [], stichtag: Self.stichtag, sitzungsregeln: [r]).farbe
        }
        #expect(farbe(try regel("2022-06-15")) == .gruen, "vor zweieinhalb Monaten getagt, Abstand vier Monate")
        #expect(farbe(try regel("2022-04-15")) == .gelb)
        #expect(farbe(try regel("2021-11-17")) == .rot)
        #expect(farbe(try regel(nil)) == .rot, "nie getagt seit Beginn")
        let einmal = Ampel.Sitzungsregel(gremium: "G", sitzungenProJahr: 1, letzteSitzung: Datum(iso: "2021-12-01"), beginn: Self.stichtag)
        #expect(farbe(einmal) == .gruen, "eine Sitzung im Jahr: zwölf Monate Abstand")
    }

    @Test("Referenz zum 01.09.2022: verschobenes Case-Management, Lenkungskreis ohne Sitzung, überfällige Vorlage an den Verwaltungsvorstand")
    func referenz() throws {
        let projekt = try BriefingTests.projekt()
        let (html, sachstand) = try BriefingTests.bericht(projekt, "2022-09-01")
        func feld(_ id: String) throws -> Ampel {
            let name = try #require(projekt.meilensteinplan.handlungsfelder.first { $0.id == id }?.name)
            return try #require(sachstand.ampeln.first { $0.bereich == name })
        }
        #expect(try feld("case-management").farbe == .rot)
        #expect(try feld("case-management").begruendung.contains("verschoben"))
        #expect(try feld("steuerung").farbe == .rot)
        #expect(try feld("steuerung").begruendung.contains("seit dem 17.11.2021 nicht getagt"))
        // The overdue task that waits on the board: in the Kernaussagen and in the Ampel.
        let aufgabe = try #require(sachstand.ueberfaelligFuerEmpfaenger.first)
        #expect(sachstand.kernaussagen.contains { $0.contains(aufgabe.aufgabe.was) })
        #expect(sachstand.aufgabenampel?.farbe == .rot)
        #expect(sachstand.aufgabenampel?.begruendung.contains(aufgabe.aufgabe.was) == true)
        #expect(sachstand.gesamtampel.farbe == .rot)
        #expect(BriefingTests.sichtbar(html).contains("Aufgaben für: Verwaltungsvorstand (VV)"))
    }

    @Test("jede Entscheidung zwischen zwei Berichten steht im späteren: was entschieden wurde und was daraus wurde")
    func entscheidungenZurueckgemeldet() throws {
        let projekt = try BriefingTests.projekt()
        let daten = try #require(projekt.berichtsdaten)
        let stichtage = (daten.berichte.map(\.stichtag.iso) + BriefingTests.stichtage).sorted()
        var gemeldet = 0
        for (vorher, jetzt) in zip(stichtage, stichtage.dropFirst()) where vorher != jetzt {
            let von = try #require(Datum(iso: vorher)), bis = try #require(Datum(iso: jetzt))
            let datum = try #require(Datum(iso: jetzt))
            let (html, _, diagnostics) = Sachstandsbericht.dokument(projekt, stichtag: datum, seit: von)
            #expect(!diagnostics.hasErrors)
            let text = BriefingTests.sichtbar(try #require(html))
            for eintrag in daten.entscheidungen ?? [] {
                guard let am = eintrag.entschiedenAm else { continue }
                let dazwischen = am > von && am <= bis
                let teil = try #require(text.components(separatedBy: "Entscheidungen seit dem letzten Bericht").dropFirst().first?
                    .components(separatedBy: "Kennzahlen").first)
                #expect(teil.contains(eintrag.titel) == dazwischen, "„\(eintrag.titel)“ im Bericht zum \(jetzt) seit \(vorher)")
                if dazwischen {
                    gemeldet += 1
                    #expect(teil.contains(eintrag.ergebnis ?? eintrag.beschlussvorschlag))
                    #expect(teil.contains("Was daraus wurde:"))
                    for schritt in eintrag.umsetzung ?? [] where schritt.datum <= bis { #expect(teil.contains(schritt.text)) }
                }
            }
        }
        #expect(gemeldet >= 3, "die Referenz meldet ihre Entscheidungen zurück")
    }

    @Test("richtiger Numerus: kein „1 Stellen“, kein „1 von 1 Meilensteinen“", arguments: BriefingTests.stichtage)
    func numerus(_ iso: String) throws {
        let projekt = try BriefingTests.projekt()
        var text = BriefingTests.sichtbar(try BriefingTests.bericht(projekt, iso).html)
        let falsch = text.firstMatch(of: /(^|[^\d,.])1 (Stellen|Meilensteinen|Meilensteine|Fälle|Aufgaben|Sitzungen|Monate|Prozentpunkte|Entscheidungen|Beschlüsse|Bereichen)\b/)
        #expect(falsch == nil, "\(iso): \(falsch.map { String($0.0) } ?? "")")
        // And a plan where one Kennzahl is exactly one: singular from the data.
        var geaendert = projekt
        let kennzahlen = geaendert.berichtsdaten?.kennzahlen
        geaendert.berichtsdaten?.kennzahlen = kennzahlen?.map { kennzahl in
            var k = kennzahl
            k.werte = k.werte.map { Kennzahlwert(stichtag: $0.stichtag, wert: 1, zeitraum: $0.zeitraum) }
            return k
        }
        let datum = try #require(Datum(iso: iso))
        text = BriefingTests.sichtbar(try #require(Sachstandsbericht.dokument(geaendert, stichtag: datum, seit: nil).html))
        #expect(!text.contains("1 Stellen"))
        if datum >= Datum(iso: "2021-01-01")! { #expect(text.contains("1 Stelle")) }
    }
}
