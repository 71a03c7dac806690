import Foundation
import KimLoad
@testable import KimTabellen
import KimVorgaben
import Testing

/// One place per concept: the schema is the one description of a dataset, so every field it gives an
/// item reaches the open data (the CSV or the JSON download of that dataset), unless the schema says
/// the field is not public (`"x-kim-oeffentlich": false`), and then it reaches neither.
/// The fields are read as the spreadsheet export reads its columns (`Schemafelder`).
@Suite("Jedes Feld des Schemas erreicht die offenen Daten")
struct ExportfelderTests {
    struct Fall: CustomTestStringConvertible, Sendable {
        let schema: String
        let definition: String
        let download: String
        /// Where the JSON download keeps its items.
        let liste: String
        var testDescription: String { "\(definition) → \(download).csv/.json" }
    }

    static let faelle = [
        Fall(schema: "angebote", definition: "Angebot", download: "downloads/angebote", liste: "angebote"),
        Fall(schema: "meilensteine", definition: "Meilenstein", download: "downloads/meilensteine", liste: "meilensteine"),
        Fall(schema: "sitzung", definition: "Beschluss", download: "downloads/beschluesse", liste: "zeilen"),
        Fall(schema: "sitzung", definition: "Aufgabe", download: "downloads/aufgaben", liste: "zeilen"),
    ]

    /// "erledigtAm" → "erledigt_am", as the CSV headings are written.
    static func csvName(_ schluessel: String) -> String {
        schluessel.reduce(into: "") { name, zeichen in
            if zeichen.isUppercase { name += "_" + zeichen.lowercased() } else { name.append(zeichen) }
        }
    }

    /// The schema node of a field, walking the path through objects (and references).
    static func knoten(_ pfad: [String], in objekt: JSONNode, wurzel: JSONNode) -> JSONNode? {
        var aktuell = Schemafelder.aufgeloest(objekt, wurzel)
        var gefunden: JSONNode?
        for teil in pfad {
            guard let weiter = aktuell["properties"]?[teil] else { return nil }
            gefunden = weiter
            aktuell = Schemafelder.aufgeloest(weiter, wurzel)
        }
        return gefunden
    }

    @Test("jedes öffentliche Feld in CSV oder JSON, kein nicht öffentliches in einem von beiden", arguments: faelle)
    func jedesFeld(_ fall: Fall) throws {
        let bytes = try #require(Vorgaben.dateien["schemas/\(fall.schema).schema.json"])
        let wurzel = try JSONParser.parse(bytes).0
        let definition = try #require(wurzel.verweisziel("#/$defs/\(fall.definition)"), "\(fall.definition) fehlt im Schema")
        let felder = Schemafelder.felder(definition, wurzel: wurzel)
        #expect(felder.count >= 4, "\(felder.map(\.schluessel))")

        let (ausgabe, diagnostics) = Fixtures.pruefen(try Fixtures.referenzDateien())
        let dateien = try #require(ausgabe, "\(diagnostics.map(\.formatted))")
        let csv = Fixtures.text(dateien["\(fall.download).csv"]).replacingOccurrences(of: "\u{FEFF}", with: "")
        let kopf = Set((csv.components(separatedBy: "\r\n").first ?? "").components(separatedBy: ","))
        let jsonBytes = try #require(dateien["\(fall.download).json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(jsonBytes)) as? [String: Any])
        let eintraege = try #require(json[fall.liste] as? [[String: Any]], "\(fall.download).json hat keine Liste „\(fall.liste)“")
        #expect(!eintraege.isEmpty)
        let schluessel = Set(eintraege.flatMap(\.keys))

        for feld in felder {
            let name = feld.pfad.last ?? feld.schluessel
            let erreicht = kopf.contains(name) || kopf.contains(Self.csvName(name)) || schluessel.contains(name)
            if case .bool(false)? = Self.knoten(feld.pfad, in: definition, wurzel: wurzel)?["x-kim-oeffentlich"]?.value {
                #expect(!erreicht, "Regel verletzt: ein Feld, das das Schema nicht öffentlich nennt, steht nie in den offenen Daten – \(fall.definition).\(feld.schluessel) steht in \(fall.download)")
            } else {
                #expect(erreicht, "Regel verletzt: jedes Feld des Schemas erreicht die offenen Daten (CSV oder JSON) oder ist im Schema mit \"x-kim-oeffentlich\": false als nicht öffentlich bezeichnet – \(fall.definition).\(feld.schluessel) („\(feld.titel)“) fehlt in \(fall.download).csv (Spalten: \(kopf.sorted().joined(separator: ", "))) und .json")
            }
        }
    }
}
