import KimDerive

/// A table of the site as open data: the same rows written as CSV and as JSON, and the
/// columns with their meaning, which the Offene-Daten page documents. One source for all three,
/// so the files and their description cannot disagree.
struct Datentabelle {
    struct Spalte {
        let name: String
        let bedeutung: String
    }

    enum Zelle {
        case text(String)
        case zahl(Int)
        /// A measured value that may have decimals, written with a decimal point: 5344 · 12.5
        case dezimal(Double)
        /// A share in tenths of a percent, written with a decimal point: 441 → 44.1
        case anteil(Anteil?)
        /// "true" or "false" in the CSV, a JSON boolean.
        case wahrheitswert(Bool)
        case leer

        var csv: String {
            switch self {
            case .text(let text): text
            case .zahl(let zahl): String(zahl)
            case .dezimal(let wert): wert == wert.rounded() && abs(wert) < 1e15 ? String(Int(wert)) : String(wert)
            case .anteil(let anteil): anteil.map { "\($0.zehntelProzent / 10).\($0.zehntelProzent % 10)" } ?? ""
            case .wahrheitswert(let wahr): wahr ? "true" : "false"
            case .leer: ""
            }
        }

        var json: Any {
            switch self {
            case .text(let text): text
            case .zahl(let zahl): zahl
            case .dezimal(let wert): wert == wert.rounded() && abs(wert) < 1e15 ? Int(wert) as Any : wert as Any
            case .anteil(let anteil): anteil.map { $0.prozent as Any } ?? Leerwert()
            case .wahrheitswert(let wahr): wahr
            case .leer: Leerwert()
            }
        }
    }

    /// JSON null: `JSONText` writes any value it does not know as null.
    struct Leerwert {}

    let spalten: [Spalte]
    var zeilen: [[Zelle]]
    /// The totals row, written last in the CSV and as "summe" in the JSON.
    var summe: [Zelle]?
    /// Stand, Quelle and what else describes the whole table, at the top of the JSON.
    var kopf: [String: Any]

    var csv: String {
        CSV.text([spalten.map(\.name)] + (zeilen + (summe.map { [$0] } ?? [])).map { $0.map(\.csv) })
    }

    var json: String {
        var objekt = kopf
        objekt["zeilen"] = zeilen.map(objektzeile)
        if let summe { objekt["summe"] = objektzeile(summe) }
        return JSONText.encode(objekt)
    }

    private func objektzeile(_ zeile: [Zelle]) -> [String: Any] {
        Dictionary(zip(spalten.map(\.name), zeile.map(\.json))) { erstes, _ in erstes }
    }
}
