import KimDerive
import KimModel

extension Validate {
    /// Indicators are unique; each Eckdatum names either a table value or an indicator that exists;
    /// a typed figure number (the old format) must agree with the one derived from the chapters.
    static func checkEckdaten(_ projekt: Projekt, _ findings: inout Findings) {
        let demografie = projekt.demografie
        let file = "data/demografie.json"
        let indikatoren = (demografie.indikatoren ?? []).map(\.id)
        let tabellen = demografie.tabellen.map(\.id)
        checkUnique(indikatoren, file: file, pointer: { "/indikatoren/\($0)/id" }, what: "Indikator", &findings)
        if let aktuelle = projekt.handlungskonzept.fassungen.max(by: { $0.nummer < $1.nummer }) {
            let nummern = Abbildungsnummern(aktuelle, vorlagen: projekt.vorlagen, tabellen: tabellen)
            for (t, tabelle) in demografie.tabellen.enumerated() {
                guard let getippt = tabelle.abbildung, getippt != nummern.tabelle(tabelle.id) else { continue }
                findings.error(file, "/tabellen/\(t)/abbildung",
                               "die Tabelle ist Abbildung \(nummern.tabelle(tabelle.id)) (nach der Reihenfolge in den Kapiteln), nicht \(getippt)",
                               hint: "\"abbildung\" entfernen: kim zählt die Abbildungen selbst; im Text steht die Nummer als {{demografie.\(tabelle.id).abbildung}}")
            }
        }
        for (e, eckdatum) in (demografie.eckdaten ?? []).enumerated() {
            let pointer = "/eckdaten/\(e)"
            switch (eckdatum.tabelle, eckdatum.indikator) {
            case (let tabelle?, nil):
                if !tabellen.contains(tabelle) {
                    findings.error(file, "\(pointer)/tabelle", "die Tabelle \"\(tabelle)\" gibt es nicht",
                                   hint: Spelling.suggestion(for: tabelle, among: tabellen).map { "meinten Sie »\($0)«?" } ?? "bekannt sind: \(tabellen.joined(separator: ", "))")
                }
                if eckdatum.wert == nil {
                    findings.error(file, pointer, "zur Tabelle fehlt \"wert\"", hint: "\"insgesamt\", \"mitEinwanderungsgeschichte\" oder \"anteil\"")
                }
            case (nil, let indikator?):
                if !indikatoren.contains(indikator) {
                    findings.error(file, "\(pointer)/indikator", "den Indikator \"\(indikator)\" gibt es nicht",
                                   hint: Spelling.suggestion(for: indikator, among: indikatoren).map { "meinten Sie »\($0)«?" }
                                       ?? (indikatoren.isEmpty ? "unter \"indikatoren\" anlegen" : "bekannt sind: \(indikatoren.joined(separator: ", "))"))
                }
                if eckdatum.wert != nil {
                    findings.error(file, "\(pointer)/wert", "\"wert\" gilt nur für Tabellen", hint: "\"wert\" entfernen")
                }
            default:
                findings.error(file, pointer, "ein Eckdatum nennt genau eines: \"tabelle\" (mit \"wert\") oder \"indikator\"")
            }
        }
    }
}
