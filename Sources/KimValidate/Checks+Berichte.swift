import KimModel

extension Validate {
    /// `data/berichte.json`: its Gremien, Meilensteine and Handlungsfelder must exist, its ids be unique,
    /// and each item's dates follow one another.
    static func checkBerichte(_ projekt: Projekt, _ findings: inout Findings) {
        guard let daten = projekt.berichtsdaten else { return }
        let file = "data/berichte.json"
        let gremien = projekt.gremien.gremien.map(\.id)
        let meilensteine = Set(projekt.meilensteinplan.meilensteine.map(\.id))
        let felder = projekt.meilensteinplan.handlungsfelder.map(\.id)
        func gremium(_ id: String, _ pointer: String) {
            if !gremien.contains(id) {
                findings.error(file, pointer, "Gremium \"\(id)\" ist in data/gremien.json nicht verzeichnet",
                               hint: "bekannt sind: \(gremien.joined(separator: ", "))")
            }
        }
        gremium(daten.empfaenger, "/empfaenger")
        gremium(daten.leitgremium, "/leitgremium")
        for (index, termin) in (daten.termine ?? []).enumerated() {
            gremium(termin.gremium, "/termine/\(index)/gremium")
        }
        let entscheidungen = daten.entscheidungen ?? []
        checkUnique(entscheidungen.map(\.id), file: file, pointer: { "/entscheidungen/\($0)/id" }, what: "Entscheidung", &findings)
        for (index, eintrag) in entscheidungen.enumerated() {
            for (m, id) in (eintrag.meilensteine ?? []).enumerated() where !meilensteine.contains(id) {
                findings.error(file, "/entscheidungen/\(index)/meilensteine/\(m)", "Meilenstein \"\(id)\" steht nicht in data/meilensteine.json")
            }
            if eintrag.frist < eintrag.ab {
                findings.error(file, "/entscheidungen/\(index)/frist", "die Frist (\(eintrag.frist.iso)) liegt vor \"ab\" (\(eintrag.ab.iso))")
            }
            if let entschieden = eintrag.entschiedenAm, entschieden < eintrag.ab {
                findings.error(file, "/entscheidungen/\(index)/entschiedenAm", "\"entschiedenAm\" (\(entschieden.iso)) liegt vor \"ab\" (\(eintrag.ab.iso))")
            }
        }
        let risiken = daten.risiken ?? []
        checkUnique(risiken.map(\.id), file: file, pointer: { "/risiken/\($0)/id" }, what: "Risiko", &findings)
        for (index, risiko) in risiken.enumerated() {
            if let feld = risiko.handlungsfeld, !felder.contains(feld) {
                findings.error(file, "/risiken/\(index)/handlungsfeld", "Handlungsfeld \"\(feld)\" steht nicht in data/meilensteine.json",
                               hint: "bekannt sind: \(felder.joined(separator: ", "))")
            }
            if let behoben = risiko.behobenAm, behoben < risiko.seit {
                findings.error(file, "/risiken/\(index)/behobenAm", "\"behobenAm\" (\(behoben.iso)) liegt vor \"seit\" (\(risiko.seit.iso))")
            }
        }
        let kennzahlen = daten.kennzahlen ?? []
        checkUnique(kennzahlen.map(\.id), file: file, pointer: { "/kennzahlen/\($0)/id" }, what: "Kennzahl", &findings)
        for (index, kennzahl) in kennzahlen.enumerated() {
            checkUnique(kennzahl.werte.map(\.stichtag.iso), file: file, pointer: { "/kennzahlen/\(index)/werte/\($0)/stichtag" }, what: "Stichtag", &findings)
        }
    }
}
