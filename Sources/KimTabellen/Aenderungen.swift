import Foundation
import KimLoad

/// What an import changes, list by list: entries added, removed and changed (by id; rows
/// without id, such as population rows, by their table and first field).
public enum Aenderungen {
    public static func zeilen(bisher: JSONNode?, neu: JSONWert, plan: Tabellenplan) -> [String] {
        let alt = bisher.map(JSONWert.init)
        var zeilen: [String] = []
        for liste in plan.listen {
            let vorher = eintraege(alt, liste), nachher = eintraege(neu, liste)
            let neue = nachher.keys.filter { vorher[$0] == nil }
            let entfernt = vorher.keys.filter { nachher[$0] == nil }
            let geaendert = nachher.keys.filter { schluessel in vorher[schluessel].map { $0.1 != nachher[schluessel]?.1 } ?? false }
            var teile: [String] = []
            if !neue.isEmpty { teile.append("\(neue.count) neu (\(aufzaehlung(neue, reihenfolge: nachher)))") }
            if !entfernt.isEmpty { teile.append("\(entfernt.count) entfernt (\(aufzaehlung(entfernt, reihenfolge: vorher)))") }
            if !geaendert.isEmpty { teile.append("\(geaendert.count) geändert (\(aufzaehlung(geaendert, reihenfolge: nachher)))") }
            zeilen.append("\(liste.blatt): " + (teile.isEmpty ? "unverändert" : teile.joined(separator: ", ")))
        }
        let listen = Set(plan.listen.map(\.schluessel) + plan.listen.compactMap { $0.eltern?.schluessel } + ["$schema"])
        let angabenVorher = einzelwerte(alt, ohne: listen), angabenNachher = einzelwerte(neu, ohne: listen)
        let angabenGeaendert = Set(angabenVorher.keys).union(angabenNachher.keys).filter { angabenVorher[$0] != angabenNachher[$0] }.sorted()
        zeilen.append("\(Tabellenplan.angabenblatt): " + (angabenGeaendert.isEmpty ? "unverändert" : "geändert: " + angabenGeaendert.joined(separator: ", ")))
        return zeilen
    }

    private static func aufzaehlung(_ schluessel: [String], reihenfolge: [String: (Int, String)]) -> String {
        let sortiert = schluessel.sorted { (reihenfolge[$0]?.0 ?? 0) < (reihenfolge[$1]?.0 ?? 0) }
        let gezeigt = sortiert.prefix(5).joined(separator: ", ")
        return sortiert.count > 5 ? gezeigt + " …" : gezeigt
    }

    /// Each entry's JSON text by its key, with its position for listing in order.
    private static func eintraege(_ datei: JSONWert?, _ liste: Tabellenplan.Liste) -> [String: (Int, String)] {
        var ergebnis: [String: (Int, String)] = [:]
        let schreiber = JSONSchreiber()
        func aufnehmen(_ elemente: [JSONWert], praefix: String) {
            for element in elemente {
                var schluessel = Bezuege.text(element["id"]) ?? ""
                if schluessel.isEmpty, case .objekt(let felder) = element.inhalt, let erstes = felder.first {
                    schluessel = praefix + (Bezuege.text(erstes.1) ?? schreiber.text(erstes.1).trimmingCharacters(in: .newlines))
                }
                ergebnis[schluessel] = (ergebnis.count, schreiber.text(element))
            }
        }
        if let eltern = liste.eltern {
            guard case .liste(let aeussere)? = datei?[eltern.schluessel]?.inhalt else { return [:] }
            for aeusseres in aeussere {
                guard case .liste(let innere)? = aeusseres[liste.schluessel]?.inhalt else { continue }
                aufnehmen(innere, praefix: (Bezuege.text(aeusseres["id"]) ?? "") + "/")
            }
        } else if case .liste(let elemente)? = datei?[liste.schluessel]?.inhalt {
            aufnehmen(elemente, praefix: "")
        }
        return ergebnis
    }

    private static func einzelwerte(_ datei: JSONWert?, ohne listen: Set<String>) -> [String: String] {
        guard case .objekt(let felder)? = datei?.inhalt else { return [:] }
        var ergebnis: [String: String] = [:]
        for (schluessel, wert) in felder where !listen.contains(schluessel) {
            ergebnis[schluessel] = JSONSchreiber().text(wert)
        }
        return ergebnis
    }
}
