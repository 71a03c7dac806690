import Foundation
import KimLoad
import KimModel
import KimVorgaben
import KimPipeline
import KimValidate
import Testing

@Suite("Gremien und Sitzungen", .serialized)
struct SitzungTests {
    static func projektKopie() throws -> URL {
        try Fixtures.projektKopie()
    }

    @Test("kim new sitzung legt ein gültiges Gerüst an und überschreibt nichts")
    func neueSitzung() throws {
        let projekt = try Self.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt) }
        let datum = try #require(Datum(iso: "2022-03-09"))
        let pfad = try NeueSitzung(projekt: projekt, gremium: "lenkungskreis", datum: datum).anlegen()
        #expect(pfad == "data/sitzungen/lenkungskreis-2022-4.json")
        let (geladen, diagnostics) = ProjectLoader.load(ProjectFiles.disk(projekt).ueberlagert(Vorgaben.dateien))
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.formatted))")
        let sitzung = try #require(geladen?.sitzungen.first { $0.id == "lenkungskreis-2022-4" })
        #expect(sitzung.nummer == 4)
        let lenkungskreis = try #require(geladen?.gremien.gremien.first { $0.id == "lenkungskreis" })
        #expect(sitzung.teilnahme.map(\.organisation) == lenkungskreis.mitglieder.map(\.bezeichnung))
        #expect(sitzung.niederschriftGenehmigt == true)
        #expect(Validate.check(try #require(geladen)).filter { $0.severity == .error }.isEmpty)

        let vorher = try Data(contentsOf: projekt.appendingPathComponent(pfad))
        #expect(throws: NeueSitzung.Failure.self) {
            try NeueSitzung(projekt: projekt, gremium: "lenkungskreis", datum: datum).anlegen()
        }
        #expect(try Data(contentsOf: projekt.appendingPathComponent(pfad)) == vorher)
        #expect(throws: NeueSitzung.Failure.self) {
            try NeueSitzung(projekt: projekt, gremium: "lenkungskreiss", datum: datum).anlegen()
        }
    }

    @Test("Beschlussregister und Aufgabenliste verlinken ihre Sitzungen und Meilensteine")
    func registerUndAufgaben() throws {
        let (ausgabe, diagnostics) = Fixtures.pruefen(try Fixtures.referenzDateien())
        #expect(!diagnostics.hasErrors)
        let site = try #require(ausgabe).mapValues { String(decoding: $0, as: UTF8.self) }
        let register = try #require(site["beschluesse.html"])
        #expect(register.contains("href=\"sitzungen/lenkungskreis-2021-1.html#"))
        #expect(register.contains("href=\"anlage-2/index.html#"))
        let aufgaben = try #require(site["aufgaben.html"])
        #expect(aufgaben.contains("Überfällig"))
        #expect(aufgaben.contains("Erledigt"))
        for pfad in site.keys where pfad.hasPrefix("sitzungen/") {
            #expect(site[pfad]?.contains("Teilnahme") == true)
        }
    }

    @Test("Aufgaben: offen, erledigt und überfällig je nach Stichtag")
    func aufgabenNachStichtag() throws {
        let dateien = try Fixtures.referenzDateien()
        func anzahl(_ stichtag: String, _ titel: String) throws -> Int {
            let (ausgabe, _) = Fixtures.pruefen(dateien, stichtag: Datum(iso: stichtag))
            let seite = Fixtures.text(ausgabe?["aufgaben.html"])
            let muster = try Regex("<h2 id=\"[a-z]+\">\(titel) \\((\\d+)\\)</h2>")
            guard let treffer = seite.firstMatch(of: muster), let zahl = treffer.output[1].substring else { return -1 }
            return Int(zahl) ?? -1
        }
        #expect(try anzahl("2020-01-01", "Erledigt") == 0)
        #expect(try anzahl("2020-01-01", "Überfällig") == 0)
        #expect(try anzahl("2030-01-01", "Offen") == 0)
        #expect(try anzahl("2030-01-01", "Überfällig") > 0)
    }
}
