import Foundation
import KimModel
import KimVorgaben
import Testing

/// One place per concept: a project that adds a field to an item of its schema (its own copy in
/// `schemas/`, which overrides kim's) and fills it in its data finds the field in the CSV, in the
/// JSON and among the columns the Offene-Daten page explains, without a change to kim.
/// A field the schema calls not public reaches none of them.
@Suite("Ein neues Feld im Schema erreicht die offenen Daten")
struct NeuesSchemafeldTests {
    /// The reference project with new fields in the schemas of Angebot, Meilenstein and Beschluss,
    /// filled in one item each, and a new field that is not public.
    static func dateien() throws -> [String: [UInt8]] {
        var dateien = try Fixtures.referenzDateien()
        func schema(_ name: String, vor anker: String, _ neu: String) throws {
            let pfad = "schemas/\(name).schema.json"
            if dateien[pfad] == nil { dateien[pfad] = try #require(Vorgaben.dateien[pfad]) }
            try dateien.ersetzen(in: pfad, anker, durch: neu + ",\n        " + anker)
        }
        // Without "x-kim-bedeutung": the column is explained by the schema's description.
        try schema("angebote", vor: "\"oeffnungszeiten\": {", """
            "barrierefrei": { "title": "Barrierefreiheit", "description": "Wie das Angebot barrierefrei erreichbar ist.", "type": "string" }
            """)
        try schema("meilensteine", vor: "\"bemerkung\": {", """
            "auskunftGibt": { "title": "Auskunft", "x-kim-bedeutung": "Wer über den Meilenstein Auskunft gibt", "type": "string" },
                    "interneNotiz": { "title": "Interne Notiz", "x-kim-oeffentlich": false, "type": "string" }
            """)
        try schema("sitzung", vor: "\"enthaltungen\": {", """
            "stimmenDafuer": { "title": "Stimmen dafür", "type": "integer", "minimum": 0 }
            """)
        try dateien.ersetzen(in: "data/angebote.json", "\"id\": \"diakonie-muelheim-jmd\",", durch: "\"id\": \"diakonie-muelheim-jmd\",\n      \"barrierefrei\": \"Rampe am Eingang, Aufzug\",")
        try dateien.ersetzen(in: "data/meilensteine.json", "\"id\": \"m01-lenkungskreis\",",
                             durch: "\"id\": \"m01-lenkungskreis\",\n      \"auskunftGibt\": \"Frau Auskunft-7K\",\n      \"interneNotiz\": \"GEHEIM-9Z4Q\",")
        try dateien.ersetzen(in: "data/sitzungen/verwaltungsvorstand-2020-1.json", "\"wortlaut\": \"Der Verwaltungsvorstand nimmt die Zwischenergebnisse",
                             durch: "\"stimmenDafuer\": 7,\n          \"wortlaut\": \"Der Verwaltungsvorstand nimmt die Zwischenergebnisse")
        return dateien
    }

    static func gebaut() throws -> [String: [UInt8]] {
        let (ausgabe, befunde) = Fixtures.pruefen(try dateien())
        #expect(!befunde.hasErrors, "\(befunde.map(\.formatted))")
        return try #require(ausgabe)
    }

    static func kopf(_ csv: String) -> [String] {
        (csv.replacingOccurrences(of: "\u{FEFF}", with: "").components(separatedBy: "\r\n").first ?? "").components(separatedBy: ",")
    }

    static func json(_ bytes: [UInt8]?) throws -> [String: Any] {
        let bytes = try #require(bytes)
        return try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    @Test("Angebot: neue Spalte in angebote.csv an der Stelle des Schemas, Wert in CSV und JSON, Bedeutung auf der Seite")
    func angebot() throws {
        let ausgabe = try Self.gebaut()
        let csv = Fixtures.text(ausgabe["downloads/angebote.csv"])
        let kopf = Self.kopf(csv)
        let stelle = try #require(kopf.firstIndex(of: "barrierefrei"), "Spalte fehlt: \(kopf)")
        #expect(kopf[stelle - 1] == "sprachen" && kopf[stelle + 1] == "oeffnungszeiten", "Reihenfolge des Schemas: \(kopf)")
        let zeile = try #require(csv.components(separatedBy: "\r\n").first { $0.hasPrefix("diakonie-muelheim-jmd,") })
        #expect(zeile.contains(",\"Rampe am Eingang, Aufzug\","), "\(zeile)")

        let angebote = try #require(try Self.json(ausgabe["downloads/angebote.json"])["angebote"] as? [[String: Any]])
        let jmd = try #require(angebote.first { $0["id"] as? String == "diakonie-muelheim-jmd" })
        #expect(jmd["barrierefrei"] as? String == "Rampe am Eingang, Aufzug")
        // References stay ids in the JSON and become names in the CSV, for the new field as for the old.
        #expect(jmd["traeger"] as? String != nil && !zeile.contains(",\(jmd["traeger"] as? String ?? "-"),"))

        let seite = Fixtures.text(ausgabe["offene-daten.html"])
        #expect(seite.contains("barrierefrei") && seite.contains("Wie das Angebot barrierefrei erreichbar ist."))
    }

    @Test("Meilenstein: camelCase wird snake_case in der CSV, bleibt in der JSON; ein nicht öffentliches Feld steht nirgends")
    func meilenstein() throws {
        let ausgabe = try Self.gebaut()
        let csv = Fixtures.text(ausgabe["downloads/meilensteine.csv"])
        #expect(Self.kopf(csv).contains("auskunft_gibt"), "\(Self.kopf(csv))")
        #expect(csv.contains("Frau Auskunft-7K"))
        let meilensteine = try #require(try Self.json(ausgabe["downloads/meilensteine.json"])["meilensteine"] as? [[String: Any]])
        #expect(meilensteine.first { $0["id"] as? String == "m01-lenkungskreis" }?["auskunftGibt"] as? String == "Frau Auskunft-7K")
        #expect(Fixtures.text(ausgabe["offene-daten.html"]).contains("Wer über den Meilenstein Auskunft gibt"))

        for (pfad, bytes) in ausgabe {
            #expect(!Fixtures.text(bytes).contains("GEHEIM-9Z4Q"), "Regel verletzt: ein Feld, das das Schema nicht öffentlich nennt, steht nie in der Website – \(pfad)")
            #expect(!Fixtures.text(bytes).contains("interne_notiz") && !Fixtures.text(bytes).contains("interneNotiz"), "\(pfad)")
        }
    }

    @Test("Beschluss: eine neue Zahl als Spalte des Registers, in der CSV wie in den JSON-Zeilen als Zahl")
    func beschluss() throws {
        let ausgabe = try Self.gebaut()
        let csv = Fixtures.text(ausgabe["downloads/beschluesse.csv"])
        let kopf = Self.kopf(csv)
        let stelle = try #require(kopf.firstIndex(of: "stimmen_dafuer"), "\(kopf)")
        #expect(kopf[stelle + 1] == "enthaltungen")
        let zeilen = try #require(try Self.json(ausgabe["downloads/beschluesse.json"])["zeilen"] as? [[String: Any]])
        #expect(zeilen.contains { ($0["stimmen_dafuer"] as? Int) == 7 && !($0["stimmen_dafuer"] is String) }, "als Zahl, nicht als Text")
        #expect(zeilen.filter { !($0["stimmen_dafuer"] is NSNull) }.count == 1, "leer, wo nicht angegeben")
    }

    @Test("ohne neues Feld bleiben die Spalten die bisherigen, in ihrer Reihenfolge")
    func bisherigeSpalten() throws {
        let (ausgabe, befunde) = Fixtures.pruefen(try Fixtures.referenzDateien())
        let dateien = try #require(ausgabe, "\(befunde.map(\.formatted))")
        #expect(Self.kopf(Fixtures.text(dateien["downloads/angebote.csv"])) == ["id", "name", "traeger", "kategorie", "zielgruppen", "rechtskreis", "sozialraeume", "strasse", "plz", "ort", "telefon", "email", "web", "sprachen", "oeffnungszeiten", "beschreibung", "gremien"])
        #expect(Self.kopf(Fixtures.text(dateien["downloads/meilensteine.csv"])) == ["id", "titel", "baustein", "handlungsfeld", "beginn", "ende", "verantwortlich", "beteiligt", "status", "status_am_stichtag", "erledigt_am", "urspruengliches_ende", "bemerkung"])
        #expect(Self.kopf(Fixtures.text(dateien["downloads/beschluesse.csv"])) == ["id", "datum", "gremium", "gremium_name", "sitzung", "top", "top_titel", "wortlaut", "ergebnis", "enthaltungen", "meilensteine", "url"])
        #expect(Self.kopf(Fixtures.text(dateien["downloads/aufgaben.csv"])) == ["id", "was", "verantwortlich", "frist", "status", "status_am_stichtag", "erledigt_am", "gremium", "sitzung", "datum_sitzung", "url"])
    }
}
