import Foundation
import KimModel
import KimPipeline
import KimVorgaben
import Testing

/// `kim init` and `kim schemas`: a new project checks and builds at once, nothing is ever overwritten.
@Suite("kim init und kim schemas")
struct InitTests {
    static func stand() throws -> Datum { try #require(Datum(jahr: 2026, monat: 12, tag: 2)) }

    /// Every file below `ordner`, by path relative to it.
    static func inhalt(_ ordner: URL) throws -> [String: Data] {
        var dateien: [String: Data] = [:]
        let wurzel = ordner.standardizedFileURL.path
        guard let aufzaehlung = FileManager.default.enumerator(atPath: wurzel) else { return [:] }
        for case let pfad as String in aufzaehlung {
            var istOrdner: ObjCBool = false
            if FileManager.default.fileExists(atPath: wurzel + "/" + pfad, isDirectory: &istOrdner), !istOrdner.boolValue {
                dateien[pfad] = try Data(contentsOf: URL(fileURLWithPath: wurzel + "/" + pfad))
            }
        }
        return dateien
    }

    static func json(_ ordner: URL, _ pfad: String) throws -> [String: Any] {
        let daten = try Data(contentsOf: ordner.appendingPathComponent(pfad))
        return try #require(try JSONSerialization.jsonObject(with: daten) as? [String: Any])
    }

    @Test("ein neuer Kreis prüft ohne Befund, baut eine Website ohne Oberhausen und Lindenau")
    func neuerKreisBaut() throws {
        let ordner = try Fixtures.temporaererOrdner()
        let geschrieben = try Projektgeruest(projekt: ordner, art: .kreis, name: "Kreis Beispiel", stand: Self.stand()).anlegen()
        #expect(geschrieben.contains("data/kommune.json"))
        #expect(geschrieben.contains("templates/kapitel/2-ausgangslage.md"))
        #expect(geschrieben.contains("schemas/sitzung.schema.json"))
        #expect(!geschrieben.contains { $0.hasPrefix("data/sitzungen/") })
        // What the builds make again stays out of a repository.
        #expect(geschrieben.contains(".gitignore"))
        let gitignore = try String(contentsOf: ordner.appendingPathComponent(".gitignore"), encoding: .utf8)
        #expect(gitignore.split(separator: "\n").contains("/build/"))

        let build = Build(Build.Optionen(projekt: ordner))
        let befunde = build.allesPruefen()
        #expect(befunde.isEmpty, "\(befunde.map(\.formatted))")
        let ergebnis = try build.ausfuehren()
        #expect(ergebnis.geschrieben)

        let site = try Self.inhalt(ordner.appendingPathComponent("site"))
        #expect(site["index.html"] != nil)
        #expect(site["handlungskonzept/3-organisation.html"] != nil)
        for (pfad, bytes) in site {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains("Oberhausen"), "\(pfad) nennt Oberhausen")
            #expect(!text.contains("Lindenau"), "\(pfad) nennt Lindenau")
            #expect(!text.contains("__KIM_"), "\(pfad) enthält ein nicht ersetztes Kürzel")
        }
        let start = Fixtures.text(site["index.html"].map(Array.init))
        #expect(start.contains("im Kreis Beispiel"))
        #expect(start.contains("[Bitte ersetzen:"))
        #expect(start.contains("Beispieldaten"))
        let organisation = Fixtures.text(site["handlungskonzept/3-organisation.html"].map(Array.init))
        #expect(organisation.contains("Lenkungskreis"))
        #expect(organisation.contains("Facharbeitskreis"))
    }

    @Test("Name, Bezeichnung, Art und Datum stehen in data/kommune.json", arguments: [
        (Projektgeruest.Art.kreis, "Kreis Beispiel", "Beispiel", "Kreis Beispiel"),
        (.kreis, "Rhein-Sieg-Kreis", "Rhein-Sieg-Kreis", "Rhein-Sieg-Kreis"),
        (.kreis, "Beispiel", "Beispiel", "Kreis Beispiel"),
        (.kreisfreieStadt, "Stadt Musterstadt", "Musterstadt", "Stadt Musterstadt"),
        (.kreisfreieStadt, "Bad \"Quelle\" \\ Süd", "Bad \"Quelle\" \\ Süd", "Stadt Bad \"Quelle\" \\ Süd"),
        (.staedteregion, "Städteregion Beispiel", "Städteregion Beispiel", "Städteregion Beispiel"),
    ])
    func namen(art: Projektgeruest.Art, eingabe: String, name: String, bezeichnung: String) throws {
        let ordner = try Fixtures.temporaererOrdner()
        _ = try Projektgeruest(projekt: ordner, art: art, name: eingabe, stand: Self.stand()).anlegen()
        let kommune = try Self.json(ordner, "data/kommune.json")
        #expect(kommune["name"] as? String == name)
        #expect(kommune["bezeichnung"] as? String == bezeichnung)
        #expect(kommune["art"] as? String == art.rawValue)
        #expect(kommune["stand"] as? String == "2026-12-02")
        let befunde = Build(Build.Optionen(projekt: ordner)).allesPruefen()
        #expect(befunde.isEmpty, "\(befunde.map(\.formatted))")
    }

    @Test("ein leerer Name oder einer mit Zeilenumbruch wird abgelehnt", arguments: ["", "  ", "Kreis\nBeispiel"])
    func ungueltigerName(_ eingabe: String) throws {
        #expect(throws: Projektgeruest.Failure.self) {
            try Projektgeruest(projekt: FileManager.default.temporaryDirectory, art: .kreis, name: eingabe, stand: Self.stand())
        }
    }

    @Test("jede Datei des Gerüsts: Schema-Verweis, Beispieldaten, kein Kürzel übrig")
    func geruestdateien() throws {
        let dateien = try Projektgeruest(projekt: FileManager.default.temporaryDirectory, art: .kreis, name: "Kreis Beispiel", stand: Self.stand()).dateien()
        let daten = dateien.keys.filter { $0.hasPrefix("data/") }
        #expect(daten.count >= 9)
        for pfad in daten {
            let bytes = try #require(dateien[pfad])
            #expect(!Fixtures.text(bytes).contains("__KIM_"), "\(pfad)")
            let objekt = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any], "\(pfad)")
            let name = String(pfad.dropFirst("data/".count).dropLast(".json".count))
            #expect(objekt["$schema"] as? String == "../schemas/\(name).schema.json", "\(pfad)")
            #expect(dateien["schemas/\(name).schema.json"] != nil, "\(pfad)")
            #expect(objekt["beispieldaten"] as? Bool == true, "\(pfad)")
        }
        // The skeleton is no template: the overlay of defaults must never serve it to a project.
        #expect(!Vorgaben.dateien.keys.contains { $0.hasPrefix("templates/") && $0.contains("geruest") })
        #expect(Vorgaben.liste("geruest/templates").count == 8)
    }

    @Test("ein zweites init in denselben Ordner lehnt ab und ändert nichts")
    func zweitesInitAendertNichts() throws {
        let ordner = try Fixtures.temporaererOrdner()
        _ = try Projektgeruest(projekt: ordner, art: .kreis, name: "Kreis Beispiel", stand: Self.stand()).anlegen()
        // The author has started to fill in.
        let kommune = ordner.appendingPathComponent("data/kommune.json")
        try Data(Fixtures.text(Array(try Data(contentsOf: kommune))).replacingOccurrences(of: "Kreis Beispiel", with: "Kreis Eigen").utf8).write(to: kommune)
        let vorher = try Self.inhalt(ordner)

        let fehler = #expect(throws: Projektgeruest.Failure.self) {
            try Projektgeruest(projekt: ordner, art: .kreisfreieStadt, name: "Stadt Anders", stand: Self.stand()).anlegen()
        }
        #expect(fehler?.description.contains("data/angebote.json") == true)
        #expect(fehler?.description.contains("überschreibt keine Datei") == true)
        #expect(try Self.inhalt(ordner) == vorher)
    }

    @Test("ein einziges vorhandenes Schema genügt, damit init nichts schreibt; fremde Dateien stören nicht")
    func teilweiseBelegt() throws {
        let ordner = try Fixtures.temporaererOrdner()
        try Data("notizen".utf8).write(to: ordner.appendingPathComponent("README.md"))
        try Data("*.tmp\n".utf8).write(to: ordner.appendingPathComponent(".gitignore"))
        try FileManager.default.createDirectory(at: ordner.appendingPathComponent("schemas"), withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: ordner.appendingPathComponent("schemas/kommune.schema.json"))
        #expect(throws: Projektgeruest.Failure.self) {
            try Projektgeruest(projekt: ordner, art: .kreis, name: "Kreis Beispiel", stand: Self.stand()).anlegen()
        }
        #expect(!FileManager.default.fileExists(atPath: ordner.appendingPathComponent("data").path))

        try FileManager.default.removeItem(at: ordner.appendingPathComponent("schemas"))
        let geschrieben = try Projektgeruest(projekt: ordner, art: .kreis, name: "Kreis Beispiel", stand: Self.stand()).anlegen()
        #expect(!geschrieben.isEmpty)
        #expect(try Data(contentsOf: ordner.appendingPathComponent("README.md")) == Data("notizen".utf8))
        // A repository's own .gitignore neither stops init nor is changed by it.
        #expect(!geschrieben.contains(".gitignore"))
        #expect(try Data(contentsOf: ordner.appendingPathComponent(".gitignore")) == Data("*.tmp\n".utf8))
    }

    @Test("Kommandozeile: init 0, zweites init 1 mit Meldung, falsche Art 2; dann check 0 und schemas 0")
    func kommandozeile() throws {
        let ordner = try Fixtures.temporaererOrdner().appendingPathComponent("neu")
        let erst = try KommandozeileTests.kim(["init", "--art", "Städteregion", "--name", "Städteregion Beispiel", "--project", ordner.path])
        #expect(erst.status == 0, "\(erst.ausgabe)")
        #expect(erst.ausgabe.contains("Bitte ersetzen"))
        let vorher = try Self.inhalt(ordner)
        let zweit = try KommandozeileTests.kim(["init", "--art", "Kreis", "--name", "Kreis Beispiel", "--project", ordner.path])
        #expect(zweit.status == 1)
        #expect(zweit.ausgabe.contains("Fehler:") && zweit.ausgabe.contains("überschreibt keine Datei"), "\(zweit.ausgabe)")
        #expect(try Self.inhalt(ordner) == vorher)
        let falsch = try KommandozeileTests.kim(["init", "--art", "Gemeinde", "--name", "X", "--project", ordner.path + "-2"])
        #expect(falsch.status == 2)
        #expect(falsch.ausgabe.contains("\"kreisfreie Stadt\""), "\(falsch.ausgabe)")
        #expect(!FileManager.default.fileExists(atPath: ordner.path + "-2"))

        #expect(try KommandozeileTests.kim(["check", "--project", ordner.path]).status == 0)
        let schemas = try KommandozeileTests.kim(["schemas", "--project", ordner.path])
        #expect(schemas.status == 0)
        #expect(schemas.ausgabe.contains("schemas/kommune.schema.json ist schon aktuell"), "\(schemas.ausgabe)")
    }

    @Test("kim schemas schreibt die eingebauten Schemas Byte für Byte und überschreibt eine geänderte Datei nur mit --ersetzen")
    func schemas() throws {
        let ordner = try Fixtures.temporaererOrdner()
        let eingebaut = Vorgaben.liste("schemas").filter { $0.hasSuffix(".schema.json") }
        #expect(eingebaut.count >= 11)

        let erstens = try Schemaablage(projekt: ordner).schreiben()
        #expect(erstens.map(\.pfad) == eingebaut)
        #expect(erstens.allSatisfy { $0.ergebnis == .geschrieben })
        for pfad in eingebaut {
            #expect(Array(try Data(contentsOf: ordner.appendingPathComponent(pfad))) == Vorgaben.dateien[pfad], "\(pfad)")
        }
        #expect(try Schemaablage(projekt: ordner).schreiben().allSatisfy { $0.ergebnis == .unveraendert })

        let geaendert = ordner.appendingPathComponent("schemas/kommune.schema.json")
        let eigen = Data("{ \"eigen\": true }\n".utf8)
        try eigen.write(to: geaendert)
        let ohne = try Schemaablage(projekt: ordner).schreiben()
        #expect(ohne.first { $0.pfad == "schemas/kommune.schema.json" }?.ergebnis == .abweichend)
        #expect(ohne.filter { $0.ergebnis == .abweichend }.count == 1)
        #expect(try Data(contentsOf: geaendert) == eigen)
        #expect(Schemaablage.bericht(ohne).contains { $0.contains("kommune.schema.json übersprungen") && $0.contains("--ersetzen") })

        let mit = try Schemaablage(projekt: ordner, ersetzen: true).schreiben()
        #expect(mit.first { $0.pfad == "schemas/kommune.schema.json" }?.ergebnis == .ersetzt)
        #expect(Array(try Data(contentsOf: geaendert)) == Vorgaben.dateien["schemas/kommune.schema.json"])
    }
}

@Suite("Eigene Schemas im Projekt")
struct SchemaabweichungTests {
    @Test("ein Schema im Projekt, das vom eingebauten abweicht, gibt eine Warnung an seinem Pfad; ein gleiches keine")
    func abweichendesSchema() throws {
        var dateien = try Fixtures.referenzDateien()
        let pfad = "schemas/kommune.schema.json"
        let eingebaut = try #require(Vorgaben.dateien[pfad])
        dateien[pfad] = eingebaut
        #expect(!Fixtures.pruefen(dateien).diagnostics.contains { $0.file == pfad })
        dateien[pfad] = Array(String(decoding: eingebaut, as: UTF8.self).replacingOccurrences(of: "\"Stand\"", with: "\"Stand (alt)\"").utf8)
        let befunde = Fixtures.pruefen(dateien).diagnostics.filter { $0.file == pfad }
        #expect(befunde.count == 1)
        #expect(befunde.first?.severity == .warning)
        #expect(befunde.first?.hint?.contains("kim schemas --ersetzen") == true)
    }
}
