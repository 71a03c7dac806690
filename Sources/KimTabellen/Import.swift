import KimLoad
import KimModel

/// A workbook back into a data file's JSON: the sheets of the lists, each row an item, each
/// cell a field; references by name become ids; a row without id gets the id of the entry of
/// the same name in the current file, else one derived from its name. A list whose sheet the
/// workbook lacks (a CSV has only the main list) is taken over from the current file.
/// What cannot be read is a `Befund` at its cell; the schema and project checks run later on
/// the JSON (see `Ortung`).
public struct Tabellenimport {
    public let plan: Tabellenplan
    public let schema: JSONNode
    /// The data file as it is now; nil for a new one.
    public let bisher: JSONNode?
    public let fremd: Fremdlisten

    public init(plan: Tabellenplan, schema: JSONNode, bisher: JSONNode?, fremd: Fremdlisten) {
        self.plan = plan
        self.schema = schema
        self.bisher = bisher
        self.fremd = fremd
    }

    /// `deutsch`: text numbers are written with decimal comma (a German CSV).
    public func json(_ mappe: Arbeitsmappe, deutsch: Bool) -> (JSONWert, [Befund]) {
        var befunde: [Befund] = []
        let plaene = plan.listen.compactMap { Spaltenplan($0, schema: schema) }
        let blaetter = zugeordnet(mappe, befunde: &befunde)
        var gelesen: [String: GelesenesBlatt] = [:]
        for spalten in plaene {
            guard let blatt = blaetter[spalten.liste.blatt.lowercased()] else { continue }
            gelesen[spalten.liste.schluessel] = GelesenesBlatt(blatt, spalten: spalten, befunde: &befunde)
        }

        // Pass 1: the id and name of every entry, so references can be resolved in any order.
        var bezuege = Bezuege(plan: plan, daten: { schluessel in bisher?[schluessel].map(JSONWert.init) }, fremd: fremd)
        var kennungen: [String: [Int: String]] = [:]
        for spalten in plaene where spalten.liste.eltern == nil {
            guard let blatt = gelesen[spalten.liste.schluessel] else { continue }
            let (ids, liste) = kennungenVergeben(blatt, spalten: spalten, bisherige: bezuege.listen[spalten.liste.schluessel], befunde: &befunde)
            kennungen[spalten.liste.schluessel] = ids
            bezuege.listen[spalten.liste.schluessel] = liste
        }

        // Pass 2: the items.
        var wurzel: [(String, JSONWert)] = [("$schema", JSONWert(.text("../schemas/\(plan.datensatz.schema).schema.json")))]
        var angabenHerkunft = Herkunft(blatt: Tabellenplan.angabenblatt)
        if let blatt = blaetter[Tabellenplan.angabenblatt.lowercased()] {
            wurzel += angaben(blatt, deutsch: deutsch, herkunft: &angabenHerkunft, befunde: &befunde)
        } else if case .object(let felder)? = bisher?.value {
            let listen = Set(plan.listen.filter { $0.eltern == nil }.map(\.schluessel) + plan.listen.compactMap { $0.eltern?.schluessel })
            wurzel += felder.filter { $0.key != "$schema" && !listen.contains($0.key) }.map { ($0.key, JSONWert($0.value)) }
        }
        var listen: [String: JSONWert] = [:]
        for spalten in plaene where spalten.liste.eltern == nil {
            if let blatt = gelesen[spalten.liste.schluessel] {
                let elemente = blatt.zeilen.map { zeile in
                    element(blatt, zeile: zeile, spalten: spalten, id: kennungen[spalten.liste.schluessel]?[zeile], bezuege: bezuege, deutsch: deutsch, befunde: &befunde)
                }
                listen[spalten.liste.schluessel] = JSONWert(.liste(elemente), herkunft: Herkunft(blatt: blatt.blatt.name))
            } else if let vorhanden = bisher?[spalten.liste.schluessel] {
                listen[spalten.liste.schluessel] = JSONWert(vorhanden)
            }
        }
        for spalten in plaene {
            guard let eltern = spalten.liste.eltern, let blatt = gelesen[spalten.liste.schluessel],
                  case .liste(var aeussere)? = listen[eltern.schluessel]?.inhalt else { continue }
            let gruppen = verschachtelt(blatt, spalten: spalten, eltern: aeussere, bezuege: bezuege, deutsch: deutsch, befunde: &befunde)
            for index in aeussere.indices {
                guard case .objekt(var felder) = aeussere[index].inhalt else { continue }
                felder.removeAll { $0.0 == spalten.liste.schluessel }
                felder.append((spalten.liste.schluessel, JSONWert(.liste(gruppen[index] ?? []), herkunft: Herkunft(blatt: blatt.blatt.name))))
                aeussere[index].inhalt = .objekt(felder)
            }
            listen[eltern.schluessel]?.inhalt = .liste(aeussere)
        }
        for spalten in plaene where spalten.liste.eltern == nil {
            if let wert = listen[spalten.liste.schluessel] { wurzel.append((spalten.liste.schluessel, wert)) }
        }
        let ergebnis = Reihenfolge.geordnet(JSONWert(.objekt(wurzel), herkunft: angabenHerkunft), schema: schema, wurzel: schema)
        return (ergebnis, befunde)
    }

    /// The sheets by the names the plan knows (lowercased). A workbook whose only sheet has
    /// another name (a CSV saved as xlsx is named after the file) holds the main list; any other
    /// unknown sheet is not read, and a warning says so.
    private func zugeordnet(_ mappe: Arbeitsmappe, befunde: inout [Befund]) -> [String: Blatt] {
        let bekannt = plan.listen.map(\.blatt) + [Tabellenplan.angabenblatt, Tabellenplan.erlaeuterungsblatt, Tabellenplan.auswahlblatt]
        var zuordnung: [String: Blatt] = [:]
        var unbekannt: [Blatt] = []
        for blatt in mappe.blaetter {
            if bekannt.contains(where: { $0.lowercased() == blatt.name.lowercased() }) {
                zuordnung[blatt.name.lowercased()] = zuordnung[blatt.name.lowercased()] ?? blatt
            } else {
                unbekannt.append(blatt)
            }
        }
        let listenblatt = plan.listen.contains { zuordnung[$0.blatt.lowercased()] != nil }
        if unbekannt.count == 1, !listenblatt {
            zuordnung[plan.hauptliste.blatt.lowercased()] = unbekannt[0]
            return zuordnung
        }
        for blatt in unbekannt {
            let vorschlag = Spelling.suggestion(for: blatt.name, among: bekannt)
            befunde.append(Befund(Herkunft(blatt: blatt.name), "das Blatt »\(blatt.name)« liest kim nicht",
                                  hinweis: vorschlag.map { "meinten Sie »\($0)«?" } ?? "gelesen werden: \(bekannt.prefix(plan.listen.count + 1).joined(separator: ", "))",
                                  schwere: .warning))
        }
        // Without the main list's sheet there is nothing to import: "unverändert" would be a lie.
        if zuordnung[plan.hauptliste.blatt.lowercased()] == nil {
            let gefunden = mappe.blaetter.map { "»\($0.name)«" }.joined(separator: ", ")
            befunde.append(Befund(Herkunft(blatt: plan.hauptliste.blatt), "die Arbeitsmappe hat kein Blatt »\(plan.hauptliste.blatt)«; gefunden: \(gefunden.isEmpty ? "keines" : gefunden)",
                                  hinweis: "das Blatt wieder »\(plan.hauptliste.blatt)« nennen oder die Tabelle mit kim export neu erzeugen"))
        }
        return zuordnung
    }

    // MARK: ids

    /// A duplicate id is reported here, at its cell, not only by the project checks: those run
    /// only when the file passes the schema, and names must resolve to one entry.
    private func kennungenVergeben(_ blatt: GelesenesBlatt, spalten: Spaltenplan, bisherige: Bezugsliste?,
                                   befunde: inout [Befund]) -> ([Int: String], Bezugsliste) {
        let idFeld = spalten.felder.first { $0.schluessel == "id" }
        let nameFeld = spalten.felder.first { $0.schluessel == spalten.liste.namensfeld }
        var ids: [Int: String] = [:]
        var eintraege: [Bezugsliste.Eintrag] = []
        var belegt = Set<String>()
        var ersteZeile: [String: Int] = [:]
        for zeile in blatt.zeilen {
            if let id = idFeld.flatMap({ blatt.text(zeile, $0) }), !id.isEmpty {
                if let erste = ersteZeile[id], let spalte = blatt.spalten["id"] {
                    befunde.append(Befund(Herkunft(blatt: blatt.blatt.name, spalte: spalte, zeile: zeile),
                                          "\(idFeld?.titel ?? "Kennung") »\(id)« ist doppelt vergeben (zuerst in Zeile \(erste + 1))",
                                          hinweis: "jeder Eintrag braucht eine eigene Kennung; für einen neuen Eintrag die Zelle leer lassen"))
                } else {
                    ersteZeile[id] = zeile
                }
                ids[zeile] = id
                belegt.insert(id)
            }
        }
        for zeile in blatt.zeilen {
            let name = nameFeld.flatMap { blatt.text(zeile, $0) } ?? ""
            if ids[zeile] == nil {
                // A row without id: the entry of the same name keeps its id, a new one gets one from its name.
                let gleichnamig = bisherige?.eintraege.first { Bezugsliste.vergleichbar($0.name) == Bezugsliste.vergleichbar(name) && !belegt.contains($0.id) }
                if let id = gleichnamig?.id ?? Kennung.abgeleitet(name, belegt: belegt) {
                    ids[zeile] = id
                    belegt.insert(id)
                }
            }
            eintraege.append(Bezugsliste.Eintrag(id: ids[zeile] ?? "", name: name))
        }
        return (ids, Bezugsliste(eintraege, bezeichnung: spalten.liste.blatt))
    }

    // MARK: rows

    private func element(_ blatt: GelesenesBlatt, zeile: Int, spalten: Spaltenplan, id: String?, bezuege: Bezuege, deutsch: Bool,
                         befunde: inout [Befund]) -> JSONWert {
        var zeilenherkunft = Herkunft(blatt: blatt.blatt.name, zeile: zeile)
        zeilenherkunft.gemeldet = blatt.fehlendePflicht
        var objekt = Objektbau()
        for feld in spalten.felder {
            if feld.schluessel == "id", let id {
                // Kept from the id column, or given to the row (then its origin is the row).
                let spalte = blatt.spalten[feld.schluessel]
                objekt.setzen(feld.pfad, JSONWert(.text(id), herkunft: Herkunft(blatt: blatt.blatt.name, spalte: spalte ?? 0, zeile: zeile)))
                continue
            }
            guard let spalte = blatt.spalten[feld.schluessel] else { continue }
            zeilenherkunft.spalten[feld.schluessel] = spalte
            let zelle = blatt.blatt.zelle(zeile, spalte)
            let herkunft = Herkunft(blatt: blatt.blatt.name, spalte: spalte, zeile: zeile)
            if feld.liste, let bisherig = bisherigeListe(feld, liste: spalten, id: id) {
                let exportiert = Zellwerte.zelle(bisherig, feld: feld, verweis: spalten.liste.verweise[feld.schluessel], bezuege: bezuege)
                if Zellwerte.text(zelle) == Zellwerte.text(exportiert) {
                    // As exported: the list stays as it is, even where a value holds the "; " that separates values in a cell.
                    objekt.setzen(feld.pfad, JSONWert(JSONWert(bisherig).inhalt, herkunft: herkunft))
                    continue
                }
                if case .array(let werte) = bisherig.value, let geteilt = werte.lazy.compactMap({ wert -> String? in
                    if case .string(let text) = wert.value, text.contains(";") { return text }
                    return nil
                }).first {
                    befunde.append(Befund(herkunft, "\(feld.titel): der bisherige Wert „\(geteilt)“ enthält „;“, das in einer Zelle Werte trennt; er wird als mehrere Werte gelesen",
                                          hinweis: "den Wert ohne „;“ schreiben, etwa mit Komma, oder die Liste in \(plan.datensatz.datei) bearbeiten",
                                          schwere: .warning))
                }
            }
            switch Zellwerte.wert(zelle, feld: feld, verweis: spalten.liste.verweise[feld.schluessel], bezuege: bezuege, deutsch: deutsch) {
            case .wert(let inhalt):
                objekt.setzen(feld.pfad, JSONWert(inhalt, herkunft: herkunft))
            case .leer:
                continue
            case .fehler(let meldung, let hinweis):
                befunde.append(Befund(herkunft, "\(feld.titel): \(meldung)", hinweis: hinweis))
                // Kept as text so the row stays complete; the finding above is the one reported here.
                objekt.setzen(feld.pfad, JSONWert(.text(Zellwerte.text(zelle)), herkunft: herkunft))
            }
        }
        return objekt.wert(herkunft: zeilenherkunft)
    }

    /// The current value of a list field of the item with this id, from the data file as it is now.
    private func bisherigeListe(_ feld: Feld, liste spalten: Spaltenplan, id: String?) -> JSONNode? {
        guard let id, spalten.liste.eltern == nil, case .array(let eintraege)? = bisher?[spalten.liste.schluessel]?.value,
              let eintrag = eintraege.first(where: { eintrag in
                  if case .string(let kennung)? = eintrag["id"]?.value { return kennung == id }
                  return false
              }) else { return nil }
        let wert = feld.pfad.reduce(Optional(eintrag)) { knoten, schluessel in knoten?[schluessel] }
        guard let wert, case .array = wert.value else { return nil }
        return wert
    }

    /// The rows of the nested list (population rows), grouped by the index of the item they lie in.
    private func verschachtelt(_ blatt: GelesenesBlatt, spalten: Spaltenplan, eltern: [JSONWert], bezuege: Bezuege, deutsch: Bool,
                               befunde: inout [Befund]) -> [Int: [JSONWert]] {
        let elternliste = Bezugsliste(eltern.map { Bezugsliste.Eintrag(id: Bezuege.text($0["id"]) ?? "", name: "") },
                                      bezeichnung: spalten.liste.eltern?.spaltentitel ?? "")
        var gruppen: [Int: [JSONWert]] = [:]
        for zeile in blatt.zeilen {
            let herkunft = Herkunft(blatt: blatt.blatt.name, spalte: blatt.elternspalte, zeile: zeile)
            let gesucht = blatt.elternspalte.map { Zellwerte.text(blatt.blatt.zelle(zeile, $0)) } ?? ""
            guard !gesucht.isEmpty else {
                if blatt.elternspalte != nil { befunde.append(Befund(herkunft, "\(elternliste.bezeichnung): die Zelle ist leer", hinweis: "die Kennung der Tabelle eintragen")) }
                continue
            }
            guard case .id(let id) = elternliste.aufloesen(gesucht), let index = eltern.firstIndex(where: { Bezuege.text($0["id"]) == id }) else {
                let vorschlag = Spelling.suggestion(for: gesucht, among: elternliste.eintraege.map(\.id))
                befunde.append(Befund(herkunft, "\(elternliste.bezeichnung): unbekannte Tabelle »\(gesucht)«",
                                      hinweis: vorschlag.map { "meinten Sie »\($0)«?" } ?? "erlaubt sind: \(elternliste.eintraege.map(\.id).joined(separator: ", "))"))
                continue
            }
            gruppen[index, default: []].append(element(blatt, zeile: zeile, spalten: spalten, id: nil, bezuege: bezuege, deutsch: deutsch, befunde: &befunde))
        }
        return gruppen
    }

    // MARK: Angaben

    private func angaben(_ blatt: Blatt, deutsch: Bool, herkunft: inout Herkunft, befunde: inout [Befund]) -> [(String, JSONWert)] {
        let felder = Angabenplan.felder(schema)
        var objekt = Objektbau()
        var gesehen = Set<String>()
        for zeile in 1..<max(1, blatt.zeilen.count) {
            let titel = Zellwerte.text(blatt.zelle(zeile, 0))
            guard !titel.isEmpty else { continue }
            guard let feld = felder.first(where: { Bezugsliste.vergleichbar($0.titel) == Bezugsliste.vergleichbar(titel) }) else {
                let vorschlag = Spelling.suggestion(for: titel, among: felder.map(\.titel))
                befunde.append(Befund(Herkunft(blatt: blatt.name, spalte: 0, zeile: zeile), "unbekannte Angabe »\(titel)«",
                                      hinweis: vorschlag.map { "meinten Sie »\($0)«?" } ?? "erlaubt sind: \(felder.map(\.titel).joined(separator: ", "))"))
                continue
            }
            gesehen.insert(feld.schluessel)
            herkunft.spalten[feld.schluessel] = 1
            let zelle = Herkunft(blatt: blatt.name, spalte: 1, zeile: zeile)
            switch Zellwerte.wert(blatt.zelle(zeile, 1), feld: feld, verweis: nil, bezuege: .leer, deutsch: deutsch) {
            case .wert(let inhalt): objekt.setzen(feld.pfad, JSONWert(inhalt, herkunft: zelle))
            case .leer: continue
            case .fehler(let meldung, let hinweis):
                befunde.append(Befund(zelle, "\(feld.titel): \(meldung)", hinweis: hinweis))
                objekt.setzen(feld.pfad, JSONWert(.text(Zellwerte.text(blatt.zelle(zeile, 1))), herkunft: zelle))
            }
        }
        var neueZeile = blatt.zeilen.count
        for feld in felder where feld.pflicht && !gesehen.contains(feld.schluessel) {
            befunde.append(Befund(Herkunft(blatt: blatt.name, spalte: 0, zeile: neueZeile), "die Angabe »\(feld.titel)« fehlt",
                                  hinweis: "eine Zeile mit »\(feld.titel)« in Spalte A und dem Wert in Spalte B anfügen"))
            herkunft.gemeldet.insert(feld.schluessel)
            neueZeile += 1
        }
        herkunft.zeile = nil
        guard case .objekt(let felderDerWurzel) = objekt.wert(herkunft: herkunft).inhalt else { return [] }
        return felderDerWurzel
    }
}
