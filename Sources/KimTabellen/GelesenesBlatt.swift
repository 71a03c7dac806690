import KimModel

/// A list's sheet with its columns found by heading (case and spacing do not matter), the
/// rows that have content, and a finding for every unknown, doubled or missing column.
struct GelesenesBlatt {
    let blatt: Blatt
    /// Column index by field path.
    var spalten: [String: Int] = [:]
    var elternspalte: Int?
    /// Rows with content (0-based, the heading is row 0).
    var zeilen: [Int] = []
    /// Required fields whose column is missing (reported once for the column, not per row).
    var fehlendePflicht: Set<String> = []

    init(_ blatt: Blatt, spalten plan: Spaltenplan, befunde: inout [Befund]) {
        self.blatt = blatt
        let kopf = blatt.zeilen.first ?? []
        var bekannt: [String: Int] = [:]
        let titel = plan.titel
        for (index, zelle) in kopf.enumerated() {
            let text = Zellwerte.text(zelle)
            guard !text.isEmpty else { continue }
            let herkunft = Herkunft(blatt: blatt.name, spalte: index, zeile: 0)
            guard let treffer = titel.firstIndex(where: { Bezugsliste.vergleichbar($0) == Bezugsliste.vergleichbar(text) }) else {
                let vorschlag = Spelling.suggestion(for: text, among: titel)
                befunde.append(Befund(herkunft, "unbekannte Spalte »\(text)«",
                                      hinweis: vorschlag.map { "meinten Sie »\($0)«?" } ?? "erlaubt sind: \(titel.joined(separator: ", "))"))
                continue
            }
            if let erste = bekannt[titel[treffer]] {
                befunde.append(Befund(herkunft, "die Spalte »\(titel[treffer])« gibt es zweimal (zuerst in Spalte \(Zellbezug.spaltenname(erste)))",
                                      hinweis: "eine der beiden löschen"))
                continue
            }
            bekannt[titel[treffer]] = index
            if treffer < plan.versatz { elternspalte = index } else { spalten[plan.felder[treffer - plan.versatz].schluessel] = index }
        }
        var neueSpalte = kopf.count
        if let eltern = plan.liste.eltern, elternspalte == nil {
            befunde.append(Befund(Herkunft(blatt: blatt.name, spalte: neueSpalte, zeile: 0), "die Pflichtspalte »\(eltern.spaltentitel)« fehlt",
                                  hinweis: "eine Spalte mit dieser Überschrift anfügen"))
            neueSpalte += 1
        }
        // The id may be left out: rows without one get the id of the entry of the same name, or a new one.
        for feld in plan.felder where feld.pflicht && feld.schluessel != "id" && spalten[feld.schluessel] == nil {
            befunde.append(Befund(Herkunft(blatt: blatt.name, spalte: neueSpalte, zeile: 0), "die Pflichtspalte »\(feld.titel)« fehlt",
                                  hinweis: "eine Spalte mit dieser Überschrift anfügen"))
            fehlendePflicht.insert(feld.schluessel)
            neueSpalte += 1
        }
        zeilen = blatt.zeilen.indices.dropFirst().filter { index in !blatt.zeilen[index].allSatisfy(\.istLeer) }
    }

    func text(_ zeile: Int, _ feld: Feld) -> String? {
        spalten[feld.schluessel].map { Zellwerte.text(blatt.zelle(zeile, $0)) }
    }
}
