import KimModel

/// Status at a glance for the Verwaltungsvorstand: one Ampel per Handlungsfeld and one overall,
/// derived from the milestones as of the date (and the open risks). The rules, also printed
/// under the Ampel in the report and described in docs/sachstandsbericht.md:
/// - rot: a milestone is overdue by more than three months, or two or more are overdue;
/// - gelb: one milestone is overdue by at most three months, or an open risk is rated "hoch";
/// - grün: no milestone overdue and no open risk rated "hoch";
/// - offen: no milestone of the field has begun yet (no rating).
/// Overall: the worst rating of the fields; "offen" only when every field is.
public struct Ampel: Sendable, Equatable {
    public enum Farbe: Int, Sendable, Comparable, CaseIterable {
        case offen, gruen, gelb, rot

        public var bezeichnung: String {
            switch self {
            case .offen: return "offen"
            case .gruen: return "grün"
            case .gelb: return "gelb"
            case .rot: return "rot"
            }
        }

        public static func < (lhs: Farbe, rhs: Farbe) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public static let regeln = [
        "Rot: ein Meilenstein ist seit mehr als drei Monaten überfällig, oder mindestens zwei sind überfällig.",
        "Gelb: ein Meilenstein ist seit höchstens drei Monaten überfällig, oder ein offenes Risiko ist als „hoch“ eingeschätzt.",
        "Grün: kein Meilenstein überfällig, kein offenes Risiko „hoch“.",
        "Offen: noch kein Meilenstein des Handlungsfelds hat begonnen.",
        "Gesamt: die ungünstigste Ampel der Handlungsfelder.",
    ]

    /// The Handlungsfeld's name, or "Gesamt"
    public var bereich: String
    public var farbe: Farbe
    /// One sentence a board member understands
    public var begruendung: String

    /// The Ampel of one Handlungsfeld from its milestones' statuses on the date and its open risks.
    public static func handlungsfeld(_ name: String, _ eintraege: [Meilensteinauswertung.Eintrag], risiken: [Risiko], stichtag: Datum) -> Ampel {
        let ueberfaellig = eintraege.filter { $0.status == .ueberfaellig }.sorted { $0.meilenstein.ende < $1.meilenstein.ende }
        let grenze = stichtag.plusMonate(-3)
        let erledigt = eintraege.filter { $0.status == .erledigt }.count
        let stand = "erledigt: \(erledigt) von \(eintraege.count) Meilensteinen"
        if let aeltester = ueberfaellig.first, aeltester.meilenstein.ende < grenze || ueberfaellig.count >= 2 {
            let wie = ueberfaellig.count >= 2 ? "\(Zahlwort.grundzahl(ueberfaellig.count).capitalizedFirst) Meilensteine sind überfällig, am längsten"
                                              : "Seit mehr als drei Monaten überfällig:"
            return Ampel(bereich: name, farbe: .rot, begruendung: "\(wie) „\(aeltester.meilenstein.titel)“ (Ende \(Format.datum(aeltester.meilenstein.ende))).")
        }
        if let einziger = ueberfaellig.first {
            return Ampel(bereich: name, farbe: .gelb, begruendung: "Überfällig seit \(Format.datum(einziger.meilenstein.ende)): „\(einziger.meilenstein.titel)“.")
        }
        if let risiko = risiken.first(where: { $0.einschaetzung == .hoch }) {
            return Ampel(bereich: name, farbe: .gelb, begruendung: "Hohes Risiko: \(risiko.titel); \(stand).")
        }
        if !eintraege.contains(where: { $0.meilenstein.beginn <= stichtag }) {
            return Ampel(bereich: name, farbe: .offen, begruendung: "Noch nicht begonnen; der erste Meilenstein beginnt später.")
        }
        return Ampel(bereich: name, farbe: .gruen, begruendung: "Nichts überfällig; \(stand).")
    }

    /// The overall Ampel: the worst field, named in the reason.
    public static func gesamt(_ felder: [Ampel]) -> Ampel {
        guard let schlechteste = felder.max(by: { $0.farbe < $1.farbe }), schlechteste.farbe != .offen else {
            return Ampel(bereich: "Gesamt", farbe: .offen, begruendung: "Noch kein Handlungsfeld hat begonnen.")
        }
        let gleich = felder.filter { $0.farbe == schlechteste.farbe }.map(\.bereich)
        switch schlechteste.farbe {
        case .gruen:
            return Ampel(bereich: "Gesamt", farbe: .gruen, begruendung: "Alle begonnenen Handlungsfelder liegen im Plan.")
        default:
            let liste = gleich.count == 1 ? "im Handlungsfeld „\(gleich[0])“" : "in den Handlungsfeldern " + gleich.map { "„\($0)“" }.joined(separator: ", ")
            let was = schlechteste.farbe == .rot ? "Erheblicher Verzug" : "Leichter Verzug oder hohes Risiko"
            return Ampel(bereich: "Gesamt", farbe: schlechteste.farbe, begruendung: "\(was) \(liste).")
        }
    }
}

extension String {
    /// "zwei" → "Zwei", for a number word opening a sentence.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
