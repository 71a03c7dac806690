import Foundation
import KimDerive
import KimModel
import KimRender
import Testing

/// The Verwaltungsvorstand's own decisions on the Handlungskonzept are in the register.
@Suite("Beschlussregister des Referenzprojekts")
struct BeschlussregisterTests {
    @Test("der Beschluss über die aktuelle Fassung, als Beispieldaten gekennzeichnet, steht im Beschlussregister")
    func beschlussDerAktuellenFassung() throws {
        let projekt = try BriefingTests.projekt()
        let aktuell = try #require(projekt.handlungskonzept.fassungen.max { $0.nummer < $1.nummer })
        let arbeit = Gremienarbeit(projekt.sitzungen, stichtag: aktuell.datum)
        for fassung in projekt.handlungskonzept.fassungen {
            let beschluss = arbeit.beschluesse.first { $0.sitzung.datum == fassung.datum && $0.beschluss.wortlaut.contains("(Fassung \(fassung.nummer))") }
            #expect(beschluss != nil, "Beschluss über Fassung \(fassung.nummer) vom \(fassung.datum.iso)")
            #expect(beschluss?.sitzung.beispieldaten == true, "nicht aus der Quelle: als Beispieldaten gekennzeichnet")
        }
        #expect(arbeit.beschluesse.contains { $0.sitzung.datum == Datum(jahr: 2021, monat: 3, tag: 30) && $0.beschluss.wortlaut.contains("Case-Management-Stellen") })

        let (ausgabe, diagnostics) = Fixtures.pruefen(try Fixtures.referenzDateien())
        #expect(!diagnostics.hasErrors)
        let register = Fixtures.text(ausgabe?["beschluesse.html"])
        let wortlaut = try #require(arbeit.beschluesse.first { $0.beschluss.wortlaut.contains("(Fassung \(aktuell.nummer))") }?.beschluss.wortlaut)
        #expect(register.contains(Escape.html(wortlaut)) || register.contains(wortlaut), "das Register nennt den Beschluss über Fassung \(aktuell.nummer)")
    }
}
