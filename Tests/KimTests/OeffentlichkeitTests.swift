import Foundation
import KimModel
import KimPipeline
import Testing

/// Nothing of a non-public item may reach the public build, in any file.
@Suite("Öffentlich und intern")
struct OeffentlichkeitTests {
    static let marker = "GEHEIM-7Q2X"
    static let nichtOeffentlicheSitzung = "data/sitzungen/lenkungskreis-2021-2.json"
    /// The open data files, each of which the marker must not reach (besides every other public file).
    static let offeneDaten = ["sitzungen.ics", "katalog.ttl", "feed.xml", "oparl/meetings.json", "oparl/agendaitems.json",
                              "downloads/beschluesse.csv", "downloads/beschluesse.json", "downloads/aufgaben.csv",
                              "downloads/aufgaben.json", "offene-daten.html"]

    /// Plants the marker in every text of every non-public Tagesordnungspunkt and non-public Sitzung,
    /// and in every personal name without consent. Returns the project and how many strings carry it.
    static func mitMarkern() throws -> ([String: [UInt8]], Int) {
        var dateien = try Fixtures.referenzDateien()
        var gepflanzt = 0
        func markieren(_ wert: Any) -> Any {
            switch wert {
            case let text as String:
                gepflanzt += 1
                return "\(text) \(marker)"
            case let liste as [Any]:
                return liste.map(markieren)
            case let objekt as [String: Any]:
                var kopie = objekt
                for (schluessel, inhalt) in objekt where !["nummer", "oeffentlich", "status", "ergebnis", "frist", "erledigtAm", "meilensteine", "id"].contains(schluessel) {
                    kopie[schluessel] = markieren(inhalt)
                }
                return kopie
            default:
                return wert
            }
        }
        for pfad in dateien.keys.sorted() where pfad.hasPrefix("data/sitzungen/") {
            guard var sitzung = try JSONSerialization.jsonObject(with: Data(dateien[pfad] ?? [])) as? [String: Any],
                  let punkte = sitzung["tagesordnung"] as? [[String: Any]] else { continue }
            // One whole Sitzung non-public too, so the calendar's and OParl's path for it is covered.
            if pfad == Self.nichtOeffentlicheSitzung { sitzung["oeffentlich"] = false }
            let oeffentlich = sitzung["oeffentlich"] as? Bool ?? true
            sitzung["tagesordnung"] = punkte.map { punkt -> Any in
                (oeffentlich && (punkt["oeffentlich"] as? Bool ?? true)) ? punkt : markieren(punkt)
            }
            if let teilnahme = sitzung["teilnahme"] as? [[String: Any]] {
                sitzung["teilnahme"] = teilnahme.map { eintrag -> [String: Any] in
                    var kopie = eintrag
                    if eintrag["einwilligung"] as? Bool != true {
                        kopie["name"] = "Erika Mustermann \(marker)"
                        gepflanzt += 1
                    }
                    return kopie
                }
            }
            dateien[pfad] = Array(try JSONSerialization.data(withJSONObject: sitzung, options: [.prettyPrinted, .sortedKeys]))
        }
        return (dateien, gepflanzt)
    }

    static func bauen(_ dateien: [String: [UInt8]], intern: Bool) -> ([String: [UInt8]], [Diagnostic]) {
        let build = Build(Build.Optionen(projekt: Fixtures.referenzprojekt, intern: intern))
        let (ausgabe, diagnostics) = build.pruefen(files: .memory(dateien))
        return (ausgabe?.dateien ?? [:], diagnostics)
    }

    @Test("ein Marker in jedem nicht öffentlichen Text fehlt in jeder öffentlichen Datei und steht in der internen Ausgabe")
    func markerNurIntern() throws {
        let (dateien, gepflanzt) = try Self.mitMarkern()
        #expect(gepflanzt >= 5, "die Referenzdaten brauchen nicht öffentliche Inhalte")
        let (oeffentlich, befundeOeffentlich) = Self.bauen(dateien, intern: false)
        #expect(!befundeOeffentlich.hasErrors, "\(befundeOeffentlich.map(\.formatted))")
        #expect(oeffentlich.count > 20)
        for pfad in Self.offeneDaten {
            #expect(oeffentlich[pfad] != nil, "\(pfad) fehlt in der öffentlichen Ausgabe")
        }
        let kalender = String(decoding: oeffentlich["sitzungen.ics"] ?? [], as: UTF8.self)
        #expect(kalender.contains("DTSTART;VALUE=DATE:20210616"), "die nicht öffentliche Sitzung steht nur mit Datum im Kalender")
        for (pfad, inhalt) in oeffentlich {
            let gefunden = String(decoding: inhalt, as: UTF8.self).contains(Self.marker)
            #expect(!gefunden, "\(pfad) enthält nicht öffentlichen Inhalt")
        }
        let (intern, befundeIntern) = Self.bauen(dateien, intern: true)
        #expect(!befundeIntern.hasErrors)
        let treffer = intern.values.filter { String(decoding: $0, as: UTF8.self).contains(Self.marker) }.count
        #expect(treffer > 0)
        for (pfad, inhalt) in intern where pfad.hasSuffix(".html") {
            #expect(String(decoding: inhalt, as: UTF8.self).contains("Intern – nicht zur Veröffentlichung"), "\(pfad) ohne Intern-Hinweis")
        }
    }

    @Test("die öffentliche Seite zeigt nur, dass ein nicht öffentlicher Teil stattfand")
    func platzhalterFuerNichtOeffentliches() throws {
        let (ausgabe, _) = Self.bauen(try Fixtures.referenzDateien(), intern: false)
        let sitzungen = ausgabe.filter { $0.key.hasPrefix("sitzungen/") }.map { String(decoding: $0.value, as: UTF8.self) }
        #expect(sitzungen.contains { $0.contains(": nicht öffentlich</h2>") })
    }

    @Test("intern geht nach build/intern, nie nach site")
    func internerZielordner() {
        let optionen = Build.Optionen(projekt: Fixtures.referenzprojekt, intern: true)
        #expect(optionen.zielordner.path.hasSuffix("/build/intern"))
    }
}
