import Foundation
import KimDerive
import KimLoad
import KimModel
import KimTabellen
import KimVorgaben

/// What an author calls a file, for the overview: a Sitzung by its Gremium, number and date
/// („Lenkungskreis, 2. Sitzung am 16.06.2021“), a data file by the title of its schema
/// („Beratungsangebote (Anlage 1)“). The path stays beside it in small print; a file that
/// cannot be read as expected is named by its path alone, never hidden.
struct Dateibezeichnung {
    let dateien: ProjectFiles

    init(projekt: URL) {
        dateien = ProjectFiles.disk(projekt).ueberlagert(Vorgaben.dateien)
    }

    func name(_ relativ: String) -> String? {
        if ProjectLoader.istSitzungsdatei(relativ) { return sitzung(relativ) }
        guard relativ.hasSuffix(".json"), let schema = Bearbeitung.schemaname(relativ),
              let wurzel = knoten("schemas/\(schema).schema.json") else { return nil }
        return text(wurzel["title"])
    }

    /// Newest first: the Sitzung an author works on is usually the latest.
    func sitzungenNeuesteZuerst(_ pfade: [String]) -> [String] {
        let datum = Dictionary(pfade.map { ($0, knoten($0).flatMap { text($0["datum"]) } ?? "") }, uniquingKeysWith: { a, _ in a })
        return pfade.sorted { (datum[$0] ?? "", $1) > (datum[$1] ?? "", $0) }
    }

    private func sitzung(_ relativ: String) -> String? {
        guard let sitzung = knoten(relativ), let gremium = text(sitzung["gremium"]),
              let datum = text(sitzung["datum"]).flatMap(Datum.init(iso:)) else { return nil }
        let nummer = zahl(sitzung["nummer"]).map { "\($0). " } ?? ""
        return "\(gremienname(gremium) ?? gremium), \(nummer)Sitzung am \(Format.datum(datum))"
    }

    private func gremienname(_ id: String) -> String? {
        guard case .array(let gremien)? = knoten("data/gremien.json")?["gremien"]?.value else { return nil }
        return gremien.first { text($0["id"]) == id }.flatMap { text($0["name"]) }
    }

    private func knoten(_ pfad: String) -> JSONNode? {
        guard let bytes = try? dateien.read(pfad), let (wurzel, _) = try? JSONParser.parse(bytes) else { return nil }
        return wurzel
    }

    /// A text that names something: an empty one names nothing.
    private func text(_ knoten: JSONNode?) -> String? {
        Schemafelder.text(knoten).flatMap { $0.isEmpty ? nil : $0 }
    }

    private func zahl(_ knoten: JSONNode?) -> Int? {
        guard case .number(let wert)? = knoten?.value else { return nil }
        return Int(wert)
    }
}
