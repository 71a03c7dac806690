import KimModel

extension Validate {
    /// Each Ansprechstelle names known Sozialräume and can be reached by phone or e-mail; each Sozialraum
    /// has one, or its page can only point to the KI's central contact (a warning, as for offers without contact).
    static func checkAnsprechstellen(_ projekt: Projekt, _ findings: inout Findings) {
        let file = "data/ansprechstellen.json"
        let stellen = projekt.ansprechstellen?.ansprechstellen ?? []
        let bekannt = Set(projekt.kommune.sozialraeume.map(\.nummer))
        checkUnique(stellen.map(\.id), file: file, pointer: { "/ansprechstellen/\($0)/id" }, what: "Ansprechstelle", &findings)
        for (a, stelle) in stellen.enumerated() {
            for (s, raum) in stelle.sozialraeume.enumerated() {
                reference(raum, among: bekannt, what: "Sozialraum", file: file, pointer: "/ansprechstellen/\(a)/sozialraeume/\(s)", &findings)
            }
            if stelle.telefon == nil, stelle.email == nil {
                findings.error(file, "/ansprechstellen/\(a)", "die Ansprechstelle \"\(stelle.id)\" hat weder \"telefon\" noch \"email\"",
                               hint: "mindestens eine Telefonnummer oder E-Mail-Adresse angeben, damit Ratsuchende die Stelle erreichen")
            }
        }
        let versorgt = Set(stellen.flatMap(\.sozialraeume))
        for (r, raum) in projekt.kommune.sozialraeume.enumerated() where !versorgt.contains(raum.nummer) {
            findings.warning("data/kommune.json", "/sozialraeume/\(r)", "für den Sozialraum \"\(raum.nummer)\" (\(raum.name)) ist keine Ansprechstelle verzeichnet; seine Seite nennt nur die zentrale Stelle des KI",
                             hint: "in data/ansprechstellen.json eine Ansprechstelle mit \"sozialraeume\": [\"\(raum.nummer)\"] eintragen")
        }
    }
}
