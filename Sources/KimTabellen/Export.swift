import KimLoad
import KimModel

/// A data file as a workbook a person edits comfortably: one sheet per list with the schema's
/// titles as headings, references shown by name, dates as dates, numbers as numbers, drop-down
/// lists for choices; "Angaben", "Erläuterungen" and "Auswahllisten" besides.
public struct Tabellenexport {
    public let plan: Tabellenplan
    public let schema: JSONNode
    public let daten: JSONNode
    public let fremd: Fremdlisten

    public init(plan: Tabellenplan, schema: JSONNode, daten: JSONNode, fremd: Fremdlisten) {
        self.plan = plan
        self.schema = schema
        self.daten = daten
        self.fremd = fremd
    }

    public func arbeitsmappe() -> Arbeitsmappe {
        let plaene = plan.listen.compactMap { Spaltenplan($0, schema: schema) }
        let bezuege = Bezuege(plan: plan, daten: { daten[$0].map(JSONWert.init) }, fremd: fremd)
        var auswahllisten = Auswahllisten()
        var blaetter = plaene.map { blatt($0, bezuege: bezuege, plaene: plaene, auswahllisten: &auswahllisten) }
        blaetter.append(angaben(&auswahllisten))
        blaetter.append(Erlaeuterungen.blatt(plan: plan, plaene: plaene, angaben: Angabenplan.felder(schema), bezuege: bezuege))
        blaetter.append(auswahllisten.blatt)
        return Arbeitsmappe(blaetter: blaetter)
    }

    private func blatt(_ spalten: Spaltenplan, bezuege: Bezuege, plaene: [Spaltenplan], auswahllisten: inout Auswahllisten) -> Blatt {
        var blatt = Blatt(name: spalten.liste.blatt)
        blatt.zeilen = [spalten.titel.map(Zelle.text)]
        for (elternId, element) in elemente(spalten.liste) {
            var zeile: [Zelle] = elternId.map { [.text($0)] } ?? []
            for feld in spalten.felder {
                zeile.append(Zellwerte.zelle(wert(element, feld.pfad), feld: feld, verweis: spalten.liste.verweise[feld.schluessel], bezuege: bezuege))
            }
            blatt.zeilen.append(zeile)
        }
        for (index, titel) in spalten.titel.enumerated() {
            blatt.breiten[index] = max(10, min(50, Double(titel.count) + 2))
        }
        if let eltern = spalten.liste.eltern, let quelle = plaene.firstIndex(where: { $0.liste.schluessel == eltern.schluessel && $0.liste.eltern == nil }) {
            let elternplan = plaene[quelle]
            let idSpalte = elternplan.felder.firstIndex { $0.schluessel == "id" } ?? 0
            blatt.auswahl[0] = Auswahl(blatt: elternplan.liste.blatt, spalte: idSpalte, bisZeile: auswahlende(elternplan.liste), streng: true)
        }
        for feld in spalten.felder {
            guard let spalte = spalten.spalte(feld) else { continue }
            blatt.formate[spalte] = Zellwerte.format(feld)
            // Wide enough for what the column holds: ids of 25 characters, TT.MM.JJJJ, long texts.
            if feld.schluessel == "id" {
                blatt.breiten[spalte] = 24
            } else if feld.art == .datum {
                blatt.breiten[spalte] = max(blatt.breiten[spalte] ?? 0, 12)
            } else if feld.art == .text || spalten.liste.verweise[feld.schluessel] != nil {
                blatt.breiten[spalte] = 30
            }
            blatt.auswahl[spalte] = auswahl(feld, verweis: spalten.liste.verweise[feld.schluessel], plaene: plaene, bezuege: bezuege, auswahllisten: &auswahllisten)
        }
        return blatt
    }

    /// The drop-down for a column: a list of this file points at its sheet's name column (so an
    /// entry added there is offered too); Sozialräume, Gremien, fixed values and ja/nein stand
    /// in "Auswahllisten". A single choice is enforced; a column of several values separated
    /// by "; " only offers the list.
    private func auswahl(_ feld: Feld, verweis: Tabellenplan.Verweis?, plaene: [Spaltenplan], bezuege: Bezuege, auswahllisten: inout Auswahllisten) -> Auswahl? {
        switch verweis {
        case .liste(let schluessel)?:
            guard let ziel = plaene.first(where: { $0.liste.schluessel == schluessel && $0.liste.eltern == nil }) else { return nil }
            let namensspalte = ziel.felder.firstIndex { $0.schluessel == (ziel.liste.namensfeld ?? "id") } ?? 0
            return Auswahl(blatt: ziel.liste.blatt, spalte: namensspalte, bisZeile: auswahlende(ziel.liste), streng: !feld.liste)
        case .sozialraum?:
            return auswahllisten.auswahl(feld.titel, werte: fremd.sozialraeume.anzeigen, streng: !feld.liste)
        case .gremium?:
            return auswahllisten.auswahl(feld.titel, werte: fremd.gremien.anzeigen, streng: !feld.liste)
        case nil:
            switch feld.art {
            case .wahl(let werte): return auswahllisten.auswahl(feld.titel, werte: werte, streng: !feld.liste)
            case .wahrheitswert: return auswahllisten.auswahl("ja/nein", werte: ["ja", "nein"], streng: true)
            default: return nil
            }
        }
    }

    /// Rows of the list plus room for new entries.
    private func auswahlende(_ liste: Tabellenplan.Liste) -> Int {
        elemente(liste).count + 1 + 100
    }

    /// The items of a list, each with the id of the item it lies in (for nested rows).
    private func elemente(_ liste: Tabellenplan.Liste) -> [(String?, JSONNode)] {
        if let eltern = liste.eltern {
            guard case .array(let aeussere)? = daten[eltern.schluessel]?.value else { return [] }
            return aeussere.flatMap { aeussere -> [(String?, JSONNode)] in
                guard case .array(let innere)? = aeussere[liste.schluessel]?.value else { return [] }
                let id = Schemafelder.text(aeussere["id"]) ?? ""
                return innere.map { (id, $0) }
            }
        }
        guard case .array(let elemente)? = daten[liste.schluessel]?.value else { return [] }
        return elemente.map { (nil, $0) }
    }

    private func wert(_ knoten: JSONNode, _ pfad: [String]) -> JSONNode? {
        var aktuell: JSONNode? = knoten
        for teil in pfad { aktuell = aktuell?[teil] }
        return aktuell
    }

    private func angaben(_ auswahllisten: inout Auswahllisten) -> Blatt {
        var blatt = Blatt(name: Tabellenplan.angabenblatt, zeilen: [[.text("Angabe"), .text("Wert")]], breiten: [0: 40, 1: 60])
        for feld in Angabenplan.felder(schema) {
            blatt.zeilen.append([.text(feld.titel), Zellwerte.zelle(wert(daten, feld.pfad), feld: feld, verweis: nil, bezuege: Bezuege.leer)])
        }
        return blatt
    }
}

/// The sheet "Auswahllisten": one column per list of fixed values.
struct Auswahllisten {
    private(set) var spalten: [(titel: String, werte: [String])] = []

    mutating func auswahl(_ titel: String, werte: [String], streng: Bool) -> Auswahl {
        let index: Int
        if let vorhanden = spalten.firstIndex(where: { $0.titel == titel && $0.werte == werte }) {
            index = vorhanden
        } else {
            spalten.append((titel, werte))
            index = spalten.count - 1
        }
        return Auswahl(blatt: Tabellenplan.auswahlblatt, spalte: index, bisZeile: werte.count + 1, streng: streng)
    }

    var blatt: Blatt {
        let hoehe = spalten.map(\.werte.count).max() ?? 0
        var zeilen: [[Zelle]] = [spalten.map { .text($0.titel) }]
        for zeile in 0..<hoehe {
            zeilen.append(spalten.map { zeile < $0.werte.count ? .text($0.werte[zeile]) : .leer })
        }
        var breiten: [Int: Double] = [:]
        for index in spalten.indices { breiten[index] = 30 }
        return Blatt(name: Tabellenplan.auswahlblatt, zeilen: zeilen, breiten: breiten)
    }
}
