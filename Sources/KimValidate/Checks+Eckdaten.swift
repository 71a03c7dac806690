import KimModel

extension Validate {
    /// Indicators are unique; each Eckdatum names either a table value or an indicator that exists;
    /// a typed figure number is left over from the old format.
    static func checkEckdaten(_ demografie: Demografie, _ findings: inout Findings) {
        let file = "data/demografie.json"
        let indikatoren = (demografie.indikatoren ?? []).map(\.id)
        let tabellen = demografie.tabellen.map(\.id)
        checkUnique(indikatoren, file: file, pointer: { "/indikatoren/\($0)/id" }, what: "Indikator", &findings)
        for (t, tabelle) in demografie.tabellen.enumerated() where tabelle.abbildung != nil {
            findings.warning(file, "/tabellen/\(t)/abbildung", "die Nummer der Abbildung leitet kim aus der Reihenfolge in den Kapiteln ab",
                             hint: "\"abbildung\" entfernen; im Text steht die Nummer als {{demografie.\(tabelle.id).abbildung}}")
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
