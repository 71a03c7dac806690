import Foundation
@testable import KimDerive
@testable import KimModel
@testable import KimRender
import KimPipeline
import Testing

/// The rules four planted one-line bugs got past (issue 28.8), each tested at its own place, so the
/// mutant fails here and not only where a second check happens to catch it.
@Suite("Regeln, die ein Mutant nicht übersteht")
struct MutantenLueckenTests {
    static func referenz() -> Projekt? {
        Build(Build.Optionen(projekt: Fixtures.referenzprojekt)).auswerten().0
    }

    @Test("der öffentliche Filter zeigt einen Namen nur mit Einwilligung: ohne Angabe, mit false und mit true")
    func nameNurMitEinwilligung() throws {
        let build = Self.referenz()
        var sitzung = try #require(build?.sitzungen.first { $0.oeffentlich })
        sitzung.teilnahme = [
            Teilnahme(organisation: "A", rolle: nil, name: "Erika Ohneangabe", einwilligung: nil, anwesend: true),
            Teilnahme(organisation: "B", rolle: nil, name: "Max Nein", einwilligung: false, anwesend: true),
            Teilnahme(organisation: "C", rolle: "Vorsitz", name: "Jana Ja", einwilligung: true, anwesend: false),
        ]
        let gefiltert = Oeffentlichkeit.filtern(sitzung)
        #expect(gefiltert.teilnahme.map(\.name) == [nil, nil, "Jana Ja"])
        #expect(gefiltert.teilnahme.map(\.organisation) == ["A", "B", "C"], "die Organisation bleibt")
        var nicht = sitzung
        nicht.oeffentlich = false
        nicht.ort = "Ratssaal, Schwartzstraße 72"
        let intern = Oeffentlichkeit.filtern(nicht)
        #expect(intern.teilnahme.isEmpty)
        #expect(intern.ort == "", "der Ort einer nicht öffentlichen Sitzung bleibt intern")
        #expect(intern.tagesordnung.isEmpty && intern.niederschriftGenehmigt == nil)
    }

    @Test("jeder Monat hat seine Tage: der 31. November, 31. April, 29. Februar 2021 und 1900 gibt es nicht")
    func tageDerMonate() {
        for monat in 1...12 {
            let hat31 = [1, 3, 5, 7, 8, 10, 12].contains(monat)
            let text = "2021-\(monat < 10 ? "0" : "")\(monat)-31"
            #expect((Datum(iso: text) != nil) == hat31, "\(text)")
            #expect(Datum(iso: "2021-\(monat < 10 ? "0" : "")\(monat)-30") != nil || monat == 2)
        }
        #expect(Datum(iso: "2021-11-31") == nil)
        #expect(Datum(iso: "2021-02-29") == nil && Datum(iso: "1900-02-29") == nil)
        #expect(Datum(iso: "2024-02-29") != nil && Datum(iso: "2000-02-29") != nil)
        #expect(Datum(iso: "2021-00-10") == nil && Datum(iso: "2021-13-01") == nil && Datum(iso: "2021-01-00") == nil)
    }

    @Test("ein Meilenstein ist an seinem letzten Tag noch nicht überfällig, am Tag danach schon; eine Aufgabe ebenso")
    func ueberfaelligErstDanach() throws {
        let plan = try #require(Self.referenz()?.meilensteinplan.meilensteine.first)
        var meilenstein = plan
        meilenstein.status = .laufend
        meilenstein.beginn = try #require(Datum(iso: "2021-01-01"))
        meilenstein.ende = try #require(Datum(iso: "2021-06-30"))
        meilenstein.erledigtAm = nil
        #expect(Stichtagsstatus.von(meilenstein, am: try #require(Datum(iso: "2021-06-30"))) == .laufend)
        #expect(Stichtagsstatus.von(meilenstein, am: try #require(Datum(iso: "2021-07-01"))) == .ueberfaellig)
        #expect(Stichtagsstatus.von(meilenstein, am: try #require(Datum(iso: "2020-12-31"))) == .geplant)
        #expect(Stichtagsstatus.von(meilenstein, am: try #require(Datum(iso: "2021-01-01"))) == .laufend)
        meilenstein.status = .erledigt
        meilenstein.erledigtAm = try #require(Datum(iso: "2021-06-30"))
        #expect(Stichtagsstatus.von(meilenstein, am: try #require(Datum(iso: "2021-06-30"))) == .erledigt)
        #expect(Stichtagsstatus.von(meilenstein, am: try #require(Datum(iso: "2021-06-29"))) == .laufend)
    }

    @Test("eine zweimal verwiesene Fußnote behält ihre eine Nummer; die nächste zählt weiter")
    func fussnoteZweimal() {
        let fussnoten = Fussnoten(template: "Erst[^a], dann[^b], wieder[^a].\n\n[^a]: Quelle A\n[^b]: Quelle B\n", ersteNummer: 4)
        #expect(fussnoten.definitionen.map(\.key) == ["a", "b"])
        #expect(fussnoten.definitionen.map(\.nummer) == [4, 5])
        #expect(fussnoten.text.components(separatedBy: "[4](#fn-a)").count == 3, "\(fussnoten.text)")
        #expect(fussnoten.text.contains("[5](#fn-b)"))
        #expect(!fussnoten.text.contains("[6]"))
    }
}
