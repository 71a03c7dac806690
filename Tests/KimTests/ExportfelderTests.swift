import Foundation
import KimLoad
import KimModel
@testable import KimTabellen
import KimVorgaben
import Testing

/// One place per concept: the schema is the one description of a dataset, so every field it gives an
/// item reaches the open data: a column of the CSV download of that dataset, and the JSON download
/// wherever an item holds a value; unless the schema says the field is not public
/// (`"x-kim-oeffentlich": false`), and then it reaches neither. The fields are read as the spreadsheet
/// export reads its columns (`Schemafelder`); the column names by the README's rule, written out here
/// apart from the code under test. Both reference projects, the Stadt and the Kreis.
@Suite("Jedes Feld des Schemas erreicht die offenen Daten")
struct ExportfelderTests {
    struct Fall: CustomTestStringConvertible, Sendable {
        let schema: String
        let definition: String
        let download: String
        /// Where the JSON download keeps its items.
        let liste: String
        /// The JSON rows are the CSV's (a register): keyed by the CSV names, lists as one text.
        let tabelle: Bool
        let projekt: String
        var testDescription: String { "\(projekt): \(definition) → \(download).csv/.json" }
    }

    static let projekte = ["", "beispiele/kreis-lindenau"]

    static let faelle = projekte.flatMap { projekt in [
        Fall(schema: "angebote", definition: "Angebot", download: "downloads/angebote", liste: "angebote", tabelle: false, projekt: projekt),
        Fall(schema: "meilensteine", definition: "Meilenstein", download: "downloads/meilensteine", liste: "meilensteine", tabelle: false, projekt: projekt),
        Fall(schema: "sitzung", definition: "Beschluss", download: "downloads/beschluesse", liste: "zeilen", tabelle: true, projekt: projekt),
        Fall(schema: "sitzung", definition: "Aufgabe", download: "downloads/aufgaben", liste: "zeilen", tabelle: true, projekt: projekt),
    ] }

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

    /// Every key path of a JSON item, "anschrift.strasse" for nested objects.
    static func pfade(_ objekt: [String: Any], vor: String = "") -> Set<String> {
        var pfade: Set<String> = []
        for (schluessel, wert) in objekt {
            let pfad = vor.isEmpty ? schluessel : "\(vor).\(schluessel)"
            pfade.insert(pfad)
            if let inneres = wert as? [String: Any] { pfade.formUnion(Self.pfade(inneres, vor: pfad)) }
        }
        return pfade
    }

    /// The items of the dataset as the project's files hold them.
    static func daten(_ projekt: Projekt, _ definition: String) -> [Datenfelder] {
        switch definition {
        case "Angebot": projekt.angebote.angebote.compactMap(\.datenfelder)
        case "Meilenstein": projekt.meilensteinplan.meilensteine.compactMap(\.datenfelder)
        case "Beschluss": projekt.sitzungen.flatMap(\.tagesordnung).flatMap(\.beschluesse).compactMap(\.datenfelder)
        default: projekt.sitzungen.flatMap(\.tagesordnung).flatMap(\.aufgaben).compactMap(\.datenfelder)
        }
    }

    @Test("jedes öffentliche Feld als Spalte der CSV und in der JSON, kein nicht öffentliches in einer von beiden", arguments: faelle)
    func jedesFeld(_ fall: Fall) throws {
        let bytes = try #require(Vorgaben.dateien["schemas/\(fall.schema).schema.json"])
        let wurzel = try JSONParser.parse(bytes).0
        let definition = try #require(wurzel.verweisziel("#/$defs/\(fall.definition)"), "\(fall.definition) fehlt im Schema")
        let felder = Schemafelder.felder(definition, wurzel: wurzel)
        #expect(felder.count >= 4, "\(felder.map(\.schluessel))")

        let quellen = try Fixtures.projektDateien(Fixtures.referenzprojekt.appendingPathComponent(fall.projekt))
        let (ausgabe, diagnostics) = Fixtures.pruefen(quellen)
        let dateien = try #require(ausgabe, "\(diagnostics.map(\.formatted))")
        let projekt = try #require(ProjectLoader.load(ProjectFiles.memory(quellen).ueberlagert(Vorgaben.dateien)).0)
        let daten = Self.daten(projekt, fall.definition)
        #expect(!daten.isEmpty, "jeder Eintrag kennt seine Felder aus der Datei")

        let csv = Fixtures.text(dateien["\(fall.download).csv"]).replacingOccurrences(of: "\u{FEFF}", with: "")
        let kopf = Set((csv.components(separatedBy: "\r\n").first ?? "").components(separatedBy: ","))
        let jsonBytes = try #require(dateien["\(fall.download).json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(jsonBytes)) as? [String: Any])
        let eintraege = try #require(json[fall.liste] as? [[String: Any]], "\(fall.download).json hat keine Liste „\(fall.liste)“")
        #expect(!eintraege.isEmpty)
        let schluessel = eintraege.reduce(into: Set<String>()) { $0.formUnion(Self.pfade($1)) }

        for feld in felder {
            let name = Self.csvName(feld.pfad.last ?? feld.schluessel)
            let jsonName = fall.tabelle ? name : feld.schluessel
            if case .bool(false)? = Self.knoten(feld.pfad, in: definition, wurzel: wurzel)?["x-kim-oeffentlich"]?.value {
                #expect(!kopf.contains(name) && !schluessel.contains(jsonName) && !schluessel.contains(feld.pfad.last ?? ""),
                        "Regel verletzt: ein Feld, das das Schema nicht öffentlich nennt, steht nie in den offenen Daten – \(fall.definition).\(feld.schluessel) steht in \(fall.download)")
                continue
            }
            #expect(kopf.contains(name), "Regel verletzt: jedes Feld des Schemas ist eine Spalte der CSV-Datei (Name: letzter Schlüssel als snake_case) oder im Schema mit \"x-kim-oeffentlich\": false als nicht öffentlich bezeichnet – \(fall.definition).\(feld.schluessel) („\(feld.titel)“) fehlt in \(fall.download).csv (Spalten: \(kopf.sorted().joined(separator: ", ")))")
            // A register's JSON has every column in every row; a list's items only the fields they fill.
            let gefuellt = daten.contains { $0.wert(feld.pfad).map { $0 != .null } ?? false }
            if fall.tabelle || gefuellt {
                #expect(schluessel.contains(jsonName), "Regel verletzt: jedes öffentliche Feld des Schemas steht in der JSON-Datei, wo ein Eintrag es füllt – \(fall.definition).\(feld.schluessel) fehlt in \(fall.download).json")
            }
        }
    }
}
