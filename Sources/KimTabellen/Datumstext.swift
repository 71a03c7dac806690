import Foundation
import KimModel

/// Dates as an author types them into a cell: TT.MM.JJJJ (also T.M.JJJJ) or JJJJ-MM-TT.
public enum Datumstext {
    public static func deutsch(_ datum: Datum) -> String {
        func zweistellig(_ zahl: Int) -> String { zahl < 10 ? "0\(zahl)" : "\(zahl)" }
        return "\(zweistellig(datum.tag)).\(zweistellig(datum.monat)).\(datum.jahr)"
    }

    public enum Ergebnis: Equatable, Sendable {
        case datum(Datum)
        /// Written like a date, but the day does not exist (31.02.2021).
        case ungueltig
        /// Not written like a date at all.
        case keinDatum
    }

    public static func lesen(_ text: String) -> Ergebnis {
        let getrimmt = text.trimmingCharacters(in: .whitespaces)
        if let treffer = getrimmt.wholeMatch(of: /([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})/) {
            guard let tag = Int(treffer.1), let monat = Int(treffer.2), let jahr = Int(treffer.3) else { return .keinDatum }
            return Datum(jahr: jahr, monat: monat, tag: tag).map(Ergebnis.datum) ?? .ungueltig
        }
        if getrimmt.wholeMatch(of: /[0-9]{4}-[0-9]{2}-[0-9]{2}/) != nil {
            return Datum(iso: getrimmt).map(Ergebnis.datum) ?? .ungueltig
        }
        return .keinDatum
    }
}
