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

    @Test("Aufgabenliste: jede öffentliche Aufgabe genau in dem Abschnitt, den Status und Frist am Stichtag verlangen (überfällig erst nach dem Fristtag)")
    func aufgabenImRichtigenAbschnitt() throws {
        let dateien = try Fixtures.referenzDateien()
        // The reference has open Aufgaben with deadlines on both sides of this day, and one due on it.
        let stichtag = "2021-12-31"
        let (ausgabe, _) = Fixtures.pruefen(dateien, stichtag: Datum(iso: stichtag))
        let seite = Fixtures.text(ausgabe?["aufgaben.html"])
        var gefunden: [String: String] = [:]
        for abschnitt in seite.split(separator: "<h2 id=\"").dropFirst() {
            let name = String(abschnitt.prefix { $0 != "\"" })
            for treffer in abschnitt.matches(of: #/href="sitzungen/[^"#]+\.html#([^"]+)"/#) {
                #expect(gefunden.updateValue(name, forKey: String(treffer.output.1)) == nil, "\(treffer.output.1) steht zweimal in der Liste")
            }
        }
        var erwartet: [String: String] = [:]
        for (pfad, bytes) in dateien where pfad.hasPrefix("data/sitzungen/") && pfad.hasSuffix(".json") {
            let sitzung = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any], "\(pfad)")
            for top in sitzung["tagesordnung"] as? [[String: Any]] ?? [] where top["oeffentlich"] as? Bool == true {
                for aufgabe in top["aufgaben"] as? [[String: Any]] ?? [] {
                    let id = try #require(aufgabe["id"] as? String), frist = try #require(aufgabe["frist"] as? String)
                    let erledigt = aufgabe["status"] as? String == "erledigt" && (aufgabe["erledigtAm"] as? String ?? "") <= stichtag
                    erwartet[id] = erledigt ? "erledigt" : frist < stichtag ? "ueberfaellig" : "offen"
                }
            }
        }
        #expect(Set(erwartet.values) == ["erledigt", "ueberfaellig", "offen"], "die Referenz deckt nicht jeden Abschnitt ab")
        #expect(gefunden == erwartet)
    }
}
