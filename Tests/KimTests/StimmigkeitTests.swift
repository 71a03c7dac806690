import Foundation
import KimDerive
@testable import KimModel
import KimValidate
import Testing

/// `kim check` finds data that contradict themselves: each check with a planted contradiction,
/// and the reference data free of all of them.
@Suite("Stimmigkeit der Daten")
struct StimmigkeitTests {
    static func befunde(_ projekt: Projekt, _ text: String) -> [Diagnostic] {
        Validate.check(projekt).filter { $0.message.contains(text) }
    }

    @Test("die Referenz widerspricht sich nirgends")
    func referenzStimmig() throws {
        let projekt = try BriefingTests.projekt()
        for text in ["setzt eine Frist bis", "zweimal vergeben", "bei einem Soll von", "kann die Zahl nicht kennen", "ohne Zeitraum würde"] {
            #expect(Self.befunde(projekt, text).isEmpty, "\(text): \(Self.befunde(projekt, text).map(\.formatted))")
        }
    }

    @Test("ein Beschlussvorschlag mit einer Frist nach dem Ende des Meilensteins, auf den er sich bezieht")
    func fristNachMeilenstein() throws {
        var projekt = try BriefingTests.projekt()
        var daten = try #require(projekt.berichtsdaten)
        var entscheidungen = try #require(daten.entscheidungen)
        let index = try #require(entscheidungen.firstIndex { $0.meilensteine?.isEmpty == false })
        let id = try #require(entscheidungen[index].meilensteine?.first)
        let ende = try #require(projekt.meilensteinplan.meilensteine.first { $0.id == id }?.ende)
        entscheidungen[index].beschlussvorschlag += " Ein Entwurf ist bis zum \(Format.datum(ende.plusMonate(3))) vorzulegen."
        daten.entscheidungen = entscheidungen
        projekt.berichtsdaten = daten
        let befunde = Self.befunde(projekt, "setzt eine Frist bis \(Format.datum(ende.plusMonate(3)))")
        #expect(befunde.count == 1)
        #expect(befunde.first?.severity == .warning && befunde.first?.location != nil)
        #expect(befunde.first?.file == "data/berichte.json")
    }

    @Test("eine Vorlagennummer zweimal")
    func vorlageDoppelt() throws {
        var projekt = try BriefingTests.projekt()
        var daten = try #require(projekt.berichtsdaten)
        let nummer = try #require(daten.berichte.compactMap(\.vorlage).first)
        daten.entscheidungen?[0].vorlage = nummer
        projekt.berichtsdaten = daten
        let befunde = Self.befunde(projekt, "„\(nummer)“ ist zweimal vergeben")
        #expect(befunde.count == 1)
        #expect(befunde.first?.message.contains("data/berichte.json:") == true, "nennt die erste Stelle")
    }

    @Test("eine Kennzahl unter dem Soll, während ihr Meilenstein erledigt ist; ein unbekannter Meilenstein")
    func kennzahlGegenMeilenstein() throws {
        var projekt = try BriefingTests.projekt()
        var daten = try #require(projekt.berichtsdaten)
        var kennzahlen = try #require(daten.kennzahlen)
        let k = try #require(kennzahlen.firstIndex { $0.meilenstein != nil && $0.soll != nil })
        let id = try #require(kennzahlen[k].meilenstein)
        let erledigt = try #require(projekt.meilensteinplan.meilensteine.first { $0.id == id }?.erledigtAm)
        let w = try #require(kennzahlen[k].werte.firstIndex { $0.stichtag >= erledigt })
        kennzahlen[k].werte[w].wert = (kennzahlen[k].soll ?? 1) - 1
        daten.kennzahlen = kennzahlen
        projekt.berichtsdaten = daten
        #expect(Self.befunde(projekt, "bei einem Soll von").count == 1)

        kennzahlen[k].meilenstein = "m99-gibt-es-nicht"
        daten.kennzahlen = kennzahlen
        projekt.berichtsdaten = daten
        #expect(Self.befunde(projekt, "\"m99-gibt-es-nicht\"").first?.severity == .error)
    }

    @Test("eine Fassung druckt eine Zahl mit einem Stichtag nach ihrem Datum")
    func stichtagNachFassung() throws {
        var projekt = try BriefingTests.projekt()
        let erste = try #require(projekt.handlungskonzept.fassungen.min { $0.nummer < $1.nummer })
        var stand = try #require(projekt.archiv[erste.nummer])
        let spaeter = try #require(projekt.demografie.indikatoren?.first { $0.stichtag > erste.datum })
        stand.demografie.indikatoren = (stand.demografie.indikatoren ?? []) + [spaeter]
        projekt.archiv[erste.nummer] = stand
        let befunde = Self.befunde(projekt, "kann die Zahl nicht kennen")
        #expect(befunde.count == 1)
        #expect(befunde.first?.file == "data/fassungen/\(erste.nummer)/demografie.json")
    }

    @Test("Prozentwerte aus verschiedenen Jahren ohne Zeitraum")
    func prozentOhneZeitraum() throws {
        var projekt = try BriefingTests.projekt()
        var daten = try #require(projekt.berichtsdaten)
        var kennzahlen = try #require(daten.kennzahlen)
        let k = try #require(kennzahlen.firstIndex { $0.einheit == "%" })
        kennzahlen[k].werte = kennzahlen[k].werte.map { Kennzahlwert(stichtag: $0.stichtag, wert: $0.wert, zeitraum: nil) }
        daten.kennzahlen = kennzahlen
        projekt.berichtsdaten = daten
        #expect(Self.befunde(projekt, "ohne Zeitraum würde der Bericht Werte verschiedener Zeiträume vergleichen").count == 1)
    }
}
