import KimModel

/// How the items of one dataset become its downloads (CSV and JSON) and the description of their
/// columns (Offene-Daten page). The columns are the public fields of the item's
/// schema (`Projekt.exportfelder`), in the schema's order, with their values read from each item's
/// `Datenfelder` by path; so a field a project's schema adds reaches all three without a change to kim.
/// Declared by hand are only what is not a field of the item:
/// - `darstellungen`: in the CSV a reference (`x-kim-verweis`) is written as the names of what it
///   names, for the references listed here; the JSON keeps the ids;
/// - `zusatz`: derived columns, such as where the item stands (Sitzung, TOP) or its state on the Stichtag.
///
/// Name rule of a column: the field's last key, camelCase written as snake_case
/// ("anschrift.strasse" → "strasse", "erledigtAm" → "erledigt_am"), the names CSV readers rely on.
struct Exportplan<Element> {
    /// A column that is not a field of the item.
    struct Zusatzspalte {
        /// Heading of the CSV column and key of a table's JSON row: "status_am_stichtag"
        let name: String
        /// Key in the JSON list of items ("statusAmStichtag"); nil when the column is only in the table.
        var jsonName: String? = nil
        let bedeutung: String
        /// The column it follows; nil: after all fields.
        var nach: String? = nil
        let wert: (Element) -> Datentabelle.Zelle
    }

    /// The public fields only: a field the schema calls not public reaches no download, in no build.
    let felder: [Feld]
    /// Name of what an id names, by the reference's target ("data/angebote.json#/traeger"); nil keeps the id.
    let darstellungen: [String: (String) -> String?]
    let zusatz: [Zusatzspalte]
    /// Where an item keeps its fields as the file holds them; nil for an item made in code (no values).
    let datenfelder: (Element) -> Datenfelder?

    init(felder: [Feld], darstellungen: [String: (String) -> String?] = [:], zusatz: [Zusatzspalte] = [],
         datenfelder: @escaping (Element) -> Datenfelder?) {
        self.felder = felder.filter(\.oeffentlich)
        self.darstellungen = darstellungen
        self.zusatz = zusatz
        self.datenfelder = datenfelder
    }

    /// "erledigtAm" → "erledigt_am"
    static func spaltenname(_ feld: Feld) -> String {
        (feld.pfad.last ?? feld.schluessel).reduce(into: "") { name, zeichen in
            if zeichen.isUppercase { name += "_" + zeichen.lowercased() } else { name.append(zeichen) }
        }
    }

    private enum Quelle {
        case feld(Feld)
        case zusatz(Zusatzspalte)
    }

    /// Fields in the schema's order, each derived column after the one it names.
    private var quellen: [Quelle] {
        var quellen: [Quelle] = []
        var gesetzt = Set<String>()
        func folgende(_ name: String?) {
            for spalte in zusatz where spalte.nach == name && !gesetzt.contains(spalte.name) {
                gesetzt.insert(spalte.name)
                quellen.append(.zusatz(spalte))
                folgende(spalte.name)
            }
        }
        for feld in felder {
            quellen.append(.feld(feld))
            folgende(Self.spaltenname(feld))
        }
        // After all fields: the declared end columns, and any whose predecessor the schema no longer has.
        for spalte in zusatz where !gesetzt.contains(spalte.name) && (spalte.nach == nil || !quellen.contains { name($0) == spalte.nach }) {
            gesetzt.insert(spalte.name)
            quellen.append(.zusatz(spalte))
            folgende(spalte.name)
        }
        return quellen
    }

    private func name(_ quelle: Quelle) -> String {
        switch quelle {
        case .feld(let feld): Self.spaltenname(feld)
        case .zusatz(let spalte): spalte.name
        }
    }

    /// What the Offene-Daten page and the catalogue say of each column.
    var spalten: [Datentabelle.Spalte] {
        quellen.map { quelle in
            switch quelle {
            case .feld(let feld): Datentabelle.Spalte(name: Self.spaltenname(feld), bedeutung: feld.bedeutung)
            case .zusatz(let spalte): Datentabelle.Spalte(name: spalte.name, bedeutung: spalte.bedeutung)
            }
        }
    }

    /// One row per item, references as names: the CSV of every such dataset, and the JSON of a register.
    func tabelle(_ elemente: [Element], kopf: [String: Any] = [:]) -> Datentabelle {
        let quellen = self.quellen
        let zeilen = elemente.map { element -> [Datentabelle.Zelle] in
            let daten = datenfelder(element)
            return quellen.map { quelle in
                switch quelle {
                case .feld(let feld): zelle(daten?.wert(feld.pfad), feld)
                case .zusatz(let spalte): spalte.wert(element)
                }
            }
        }
        return Datentabelle(spalten: spalten, zeilen: zeilen, kopf: kopf)
    }

    private func zelle(_ wert: Rohwert?, _ feld: Feld) -> Datentabelle.Zelle {
        let darstellung = feld.verweis.flatMap { darstellungen[$0] }
        func text(_ wert: Rohwert) -> String {
            switch wert {
            case .text(let text): darstellung?(text) ?? text
            case .zahl(let text): text
            case .wahrheitswert(let wahr): wahr ? "true" : "false"
            case .liste(let elemente): elemente.map(text).joined(separator: "; ")
            case .null, .objekt: ""
            }
        }
        switch wert {
        case nil, .null?: return .leer
        case .zahl(let text)?: return Int(text).map { .zahl($0) } ?? Double(text).map { .dezimal($0) } ?? .text(text)
        case .wahrheitswert(let wahr)?: return .wahrheitswert(wahr)
        case let wert?: return .text(text(wert))
        }
    }

    /// One item of a JSON list: its public fields nested as in the data file, references as ids, and
    /// the derived columns that have a JSON name.
    func jsonEintrag(_ element: Element) -> [String: Any] {
        var eintrag: [String: Any] = [:]
        if let daten = datenfelder(element) {
            for feld in felder {
                guard let wert = daten.wert(feld.pfad), let json = Self.json(wert) else { continue }
                Self.setzen(json, pfad: feld.pfad[...], in: &eintrag)
            }
        }
        for spalte in zusatz {
            guard let schluessel = spalte.jsonName else { continue }
            eintrag[schluessel] = spalte.wert(element).json
        }
        return eintrag
    }

    private static func setzen(_ wert: Any, pfad: ArraySlice<String>, in objekt: inout [String: Any]) {
        guard let erster = pfad.first else { return }
        guard pfad.count > 1 else {
            objekt[erster] = wert
            return
        }
        var inneres = objekt[erster] as? [String: Any] ?? [:]
        setzen(wert, pfad: pfad.dropFirst(), in: &inneres)
        objekt[erster] = inneres
    }

    /// The value for `JSONText`; nil for null, which the downloads leave out as they leave out an absent field.
    static func json(_ wert: Rohwert) -> Any? {
        switch wert {
        case .null: nil
        case .wahrheitswert(let wahr): wahr
        case .zahl(let text): Int(text).map { $0 as Any } ?? Double(text).map { $0 as Any } ?? text
        case .text(let text): text
        case .liste(let elemente): elemente.compactMap(json)
        case .objekt(let eintraege):
            Dictionary(eintraege.compactMap { eintrag in json(eintrag.wert).map { (eintrag.schluessel, $0) } }) { erstes, _ in erstes }
        }
    }
}
