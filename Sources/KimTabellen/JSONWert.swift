import KimLoad
import KimModel

/// Where a value of the produced JSON came from: a cell, a row (an item of a list) or a sheet.
public struct Herkunft: Hashable, Sendable {
    public var blatt: String
    /// 0-based; nil for a whole row or sheet.
    public var spalte: Int?
    /// 0-based row index in the sheet (0 is the heading); nil for the whole sheet.
    public var zeile: Int?
    /// For a row: the column of each field by its path below the row ("anschrift.strasse"),
    /// so "Pflichtfeld fehlt" can point at the empty cell.
    public var spalten: [String: Int]
    /// Required fields whose absence is already reported (a missing column or Angabe), so the
    /// schema's "Pflichtfeld fehlt" is not repeated for every row.
    public var gemeldet: Set<String>

    public init(blatt: String, spalte: Int? = nil, zeile: Int? = nil, spalten: [String: Int] = [:], gemeldet: Set<String> = []) {
        self.blatt = blatt
        self.spalte = spalte
        self.zeile = zeile
        self.spalten = spalten
        self.gemeldet = gemeldet
    }
}

/// The JSON an import produces, each value with the place in the spreadsheet it came from.
public struct JSONWert: Sendable {
    public indirect enum Inhalt: Sendable {
        case objekt([(String, JSONWert)])
        case liste([JSONWert])
        case text(String)
        /// The number's JSON text, e.g. "27143" or "44.1".
        case zahl(String)
        case wahrheitswert(Bool)
    }

    public var inhalt: Inhalt
    public var herkunft: Herkunft?

    public init(_ inhalt: Inhalt, herkunft: Herkunft? = nil) {
        self.inhalt = inhalt
        self.herkunft = herkunft
    }

    /// A value from the current data file, taken over unchanged (a sheet the file does not have).
    public init(_ knoten: JSONNode) {
        switch knoten.value {
        case .null: inhalt = .text("")
        case .bool(let wert): inhalt = .wahrheitswert(wert)
        case .number(let text): inhalt = .zahl(text)
        case .string(let text): inhalt = .text(text)
        case .array(let elemente): inhalt = .liste(elemente.map(JSONWert.init))
        case .object(let felder): inhalt = .objekt(felder.map { ($0.key, JSONWert($0.value)) })
        }
        herkunft = nil
    }

    public subscript(schluessel: String) -> JSONWert? {
        guard case .objekt(let felder) = inhalt else { return nil }
        return felder.first { $0.0 == schluessel }?.1
    }
}

/// Writes JSON as the project's data files are written: two spaces of indentation, `": "`
/// between key and value, non-ASCII characters as they are (Python's `json.dumps(…,
/// ensure_ascii=False, indent=2)`), a line feed at the end. Objects for which `einzeilig` says
/// so stand on one line (`{ "sozialraum": "71", "insgesamt": 27143 }`), as in the
/// population tables.
public struct JSONSchreiber {
    public var einzeilig: (_ pfad: [String]) -> Bool

    public init(einzeilig: @escaping (_ pfad: [String]) -> Bool = { _ in false }) {
        self.einzeilig = einzeilig
    }

    public func text(_ wert: JSONWert) -> String {
        var ausgabe = ""
        schreiben(wert, pfad: [], einzug: 0, in: &ausgabe)
        return ausgabe + "\n"
    }

    private func schreiben(_ wert: JSONWert, pfad: [String], einzug: Int, in ausgabe: inout String) {
        switch wert.inhalt {
        case .text(let text): ausgabe += Self.zeichenkette(text)
        case .zahl(let text): ausgabe += text
        case .wahrheitswert(let wert): ausgabe += wert ? "true" : "false"
        case .liste(let elemente):
            guard !elemente.isEmpty else { ausgabe += "[]"; return }
            ausgabe += "[\n"
            for (index, element) in elemente.enumerated() {
                ausgabe += String(repeating: " ", count: einzug + 2)
                schreiben(element, pfad: pfad + ["*"], einzug: einzug + 2, in: &ausgabe)
                ausgabe += index == elemente.count - 1 ? "\n" : ",\n"
            }
            ausgabe += String(repeating: " ", count: einzug) + "]"
        case .objekt(let felder):
            guard !felder.isEmpty else { ausgabe += "{}"; return }
            if einzeilig(pfad) {
                ausgabe += "{ "
                for (index, (schluessel, element)) in felder.enumerated() {
                    ausgabe += Self.zeichenkette(schluessel) + ": "
                    schreiben(element, pfad: pfad + [schluessel], einzug: einzug, in: &ausgabe)
                    ausgabe += index == felder.count - 1 ? " }" : ", "
                }
                return
            }
            ausgabe += "{\n"
            for (index, (schluessel, element)) in felder.enumerated() {
                ausgabe += String(repeating: " ", count: einzug + 2) + Self.zeichenkette(schluessel) + ": "
                schreiben(element, pfad: pfad + [schluessel], einzug: einzug + 2, in: &ausgabe)
                ausgabe += index == felder.count - 1 ? "\n" : ",\n"
            }
            ausgabe += String(repeating: " ", count: einzug) + "}"
        }
    }

    /// A JSON string: quote and backslash escaped, control characters as `\n`, `\t`, … or `\u00XX`.
    static func zeichenkette(_ text: String) -> String {
        var ergebnis = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": ergebnis += "\\\""
            case "\\": ergebnis += "\\\\"
            case "\n": ergebnis += "\\n"
            case "\r": ergebnis += "\\r"
            case "\t": ergebnis += "\\t"
            case "\u{08}": ergebnis += "\\b"
            case "\u{0C}": ergebnis += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    ergebnis += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    ergebnis.unicodeScalars.append(scalar)
                }
            }
        }
        return ergebnis + "\""
    }
}
