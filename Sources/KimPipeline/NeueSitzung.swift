import Foundation
import KimLoad
import KimModel
import KimVorgaben

/// `kim new sitzung`: writes the skeleton of the next Sitzung of a Gremium into
/// `data/sitzungen/`, with its members as attendance. The one place where kim
/// writes into `data/`, and it never overwrites a file.
public struct NeueSitzung {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public let projekt: URL
    public let gremium: String
    public let datum: Datum

    public init(projekt: URL, gremium: String, datum: Datum) {
        self.projekt = projekt
        self.gremium = gremium
        self.datum = datum
    }

    /// Returns the path of the new file, relative to the project.
    public func anlegen() throws -> String {
        let (geladen, diagnostics) = ProjectLoader.load(ProjectFiles.disk(projekt).ueberlagert(Vorgaben.dateien))
        guard let geladen else {
            throw Failure(description: "das Projekt hat Fehler; erst `kim check` ausführen:\n" + diagnostics.filter { $0.severity == .error }.map(\.formatted).joined(separator: "\n"))
        }
        guard let gremium = geladen.gremien.gremien.first(where: { $0.id == self.gremium }) else {
            let bekannt = geladen.gremien.gremien.map(\.id)
            let vorschlag = Spelling.suggestion(for: self.gremium, among: bekannt).map { " – meinten Sie »\($0)«?" } ?? ""
            throw Failure(description: "Gremium \"\(self.gremium)\" gibt es nicht\(vorschlag); bekannt sind: \(bekannt.joined(separator: ", "))")
        }
        let bisherige = geladen.sitzungen.filter { $0.gremium == gremium.id }
        let nummer = (bisherige.map(\.nummer).max() ?? 0) + 1
        let id = "\(gremium.id)-\(datum.jahr)-\(nummer)"
        let pfad = "data/sitzungen/\(id).json"
        let ziel = projekt.appendingPathComponent(pfad)
        if FileManager.default.fileExists(atPath: ziel.path) {
            throw Failure(description: "\(pfad) gibt es schon; kim überschreibt keine Datei")
        }
        if let gleicherTag = bisherige.first(where: { $0.datum == datum }) {
            throw Failure(description: "am \(datum.iso) gibt es schon die Sitzung \"\(gleicherTag.id)\" dieses Gremiums")
        }
        let text = json(id: id, nummer: nummer, gremium: gremium, vorige: bisherige.max { $0.datum < $1.datum }, verfasser: geladen.kommune.ki.name)
        try FileManager.default.createDirectory(at: ziel.deletingLastPathComponent(), withIntermediateDirectories: true)
        // `.withoutOverwriting` makes the no-overwrite promise hold even against a race.
        try Data(text.utf8).write(to: ziel, options: .withoutOverwriting)
        return pfad
    }

    func json(id: String, nummer: Int, gremium: Gremium, vorige: Sitzung?, verfasser: String) -> String {
        // JSON string literals by Foundation's encoder, so every character is escaped as JSON requires.
        func s(_ text: String) -> String {
            let daten = (try? JSONSerialization.data(withJSONObject: text, options: [.fragmentsAllowed, .withoutEscapingSlashes])) ?? Data("\"\"".utf8)
            return String(decoding: daten, as: UTF8.self)
        }
        let teilnahme = gremium.mitglieder.map { mitglied in
            "    { \"organisation\": \(s(mitglied.bezeichnung)),\(mitglied.rolle.map { " \"rolle\": \(s($0))," } ?? "") \"anwesend\": true }"
        }
        var punkte = ["""
            {
              "nummer": "1",
              "titel": "Eröffnung und Genehmigung der Tagesordnung",
              "oeffentlich": true,
              "beschluesse": [],
              "aufgaben": [],
              "meilensteine": []
            }
        """]
        if vorige != nil {
            punkte.append("""
                {
                  "nummer": "2",
                  "titel": "Genehmigung der Niederschrift der letzten Sitzung",
                  "oeffentlich": true,
                  "beschluesse": [],
                  "aufgaben": [],
                  "meilensteine": []
                }
            """)
        }
        return """
        {
          "$schema": "../../schemas/sitzung.schema.json",
          "stand": \(s(datum.iso)),
          "quelle": \(s("Niederschrift: \(verfasser)")),
          "id": \(s(id)),
          "gremium": \(s(gremium.id)),
          "nummer": \(nummer),
          "datum": \(s(datum.iso)),
          "beginn": "14:00",
          "ende": "16:00",
          "ort": \(s(vorige?.ort ?? "Ort noch festlegen")),
          "oeffentlich": true,
          "teilnahme": [
        \(teilnahme.joined(separator: ",\n"))
          ],
          "niederschriftGenehmigt": \(vorige != nil),
          "tagesordnung": [
        \(punkte.joined(separator: ",\n"))
          ]
        }

        """
    }
}
