import KimModel

/// Status at a glance for the Verwaltungsvorstand: one Ampel per Handlungsfeld, one for the tasks
/// that wait on the recipient, and one overall, derived as of the date. Every rule gives a finding
/// with its colour and one sentence; the Ampel takes the worst and names every finding, so nothing
/// a board member should know hides behind a green light. The rules, printed under the Ampel in
/// the report and described in docs/sachstandsbericht.md, are `regeln`.
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

        /// The shape that carries the colour's meaning without the colour.
        public var zeichen: String {
            switch self {
            case .offen: return "leerer Kreis"
            case .gruen: return "Kreis"
            case .gelb: return "Dreieck"
            case .rot: return "Quadrat"
            }
        }

        public static func < (lhs: Farbe, rhs: Farbe) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// How long a milestone or task may be overdue, and a milestone be postponed, before yellow turns red.
    public static let grenzeUeberfaelligMonate = 3
    public static let grenzeVerschobenMonate = 6

    /// One line per colour, the worst first.
    public static let regeln = [
        "Rot (Quadrat): ein Meilenstein oder eine Aufgabe für den Empfänger überfällig seit mehr als drei Monaten, zwei Meilensteine überfällig oder verschoben, einer um mehr als sechs Monate verschoben, oder ein Gremium länger als zwei Sitzungsabstände ohne Sitzung (Abstand: zwölf Monate geteilt durch die Sitzungen pro Jahr).",
        "Gelb (Dreieck): ein Meilenstein oder eine Aufgabe für den Empfänger überfällig seit höchstens drei Monaten, um höchstens sechs Monate verschoben, ein Gremium länger als einen Sitzungsabstand ohne Sitzung, oder ein offenes Risiko „hoch“.",
        "Grün (Kreis): nichts davon. Offen (leerer Kreis): noch nichts begonnen. Gesamt: die ungünstigste Ampel.",
    ]

    /// A Gremium whose meetings a Handlungsfeld depends on, with its rule from data and its last meeting by the date.
    public struct Sitzungsregel: Sendable, Equatable {
        public var gremium: String
        public var sitzungenProJahr: Int
        /// Last Sitzung on or before the date; nil when it has not met yet
        public var letzteSitzung: Datum?
        /// From when the rule applies when it has not met yet (the field's first milestone)
        public var beginn: Datum

        public init(gremium: String, sitzungenProJahr: Int, letzteSitzung: Datum?, beginn: Datum) {
            self.gremium = gremium
            self.sitzungenProJahr = sitzungenProJahr
            self.letzteSitzung = letzteSitzung
            self.beginn = beginn
        }
    }

    /// One rule's verdict: its colour and the sentence that says why.
    struct Befund {
        var farbe: Farbe
        var satz: String
    }

    /// The Handlungsfeld's name, or "Gesamt"
    public var bereich: String
    public var farbe: Farbe
    /// One or more sentences a board member understands
    public var begruendung: String

    /// The Ampel of one Handlungsfeld from its milestones' statuses on the date, its open risks and its Gremien's meetings.
    public static func handlungsfeld(_ name: String, _ eintraege: [Meilensteinauswertung.Eintrag], risiken: [Risiko], stichtag: Datum,
                                     sitzungsregeln: [Sitzungsregel] = []) -> Ampel {
        var befunde = ueberfaellig(eintraege, stichtag: stichtag) + verschoben(eintraege)
        befunde += sitzungsregeln.compactMap { sitzungen($0, stichtag: stichtag) }
        if let risiko = risiken.first(where: { $0.einschaetzung == .hoch }) {
            befunde.append(Befund(farbe: .gelb, satz: "Hohes Risiko: \(risiko.titel)."))
        }
        let erledigt = eintraege.filter { $0.status == .erledigt }.count
        let stand = "Erledigt: \(erledigt) von \(Zaehlung.anzahl(eintraege.count, "Meilenstein", "Meilensteinen"))."
        guard let schlechteste = befunde.map(\.farbe).max() else {
            if !eintraege.contains(where: { $0.meilenstein.beginn <= stichtag }) {
                return Ampel(bereich: name, farbe: .offen, begruendung: "Noch nicht begonnen; der erste Meilenstein beginnt später.")
            }
            return Ampel(bereich: name, farbe: .gruen, begruendung: "Nichts überfällig oder verschoben. \(stand)")
        }
        // Worst first; the count of done milestones only where nothing else needs saying, to keep the page short.
        let saetze = befunde.sorted { $0.farbe > $1.farbe }.map(\.satz)
        return Ampel(bereich: name, farbe: schlechteste, begruendung: saetze.joined(separator: " "))
    }

    static func ueberfaellig(_ eintraege: [Meilensteinauswertung.Eintrag], stichtag: Datum) -> [Befund] {
        let liste = eintraege.filter { $0.status == .ueberfaellig }.sorted { $0.meilenstein.ende < $1.meilenstein.ende }
        guard let aeltester = liste.first else { return [] }
        if liste.count >= 2 {
            return [Befund(farbe: .rot, satz: "\(Zahlwort.grundzahl(liste.count).capitalizedFirst) Meilensteine sind überfällig, am längsten „\(aeltester.meilenstein.titel)“ (Ende \(Format.datum(aeltester.meilenstein.ende))).")]
        }
        if aeltester.meilenstein.ende < stichtag.plusMonate(-grenzeUeberfaelligMonate) {
            return [Befund(farbe: .rot, satz: "Seit mehr als drei Monaten überfällig: „\(aeltester.meilenstein.titel)“ (Ende \(Format.datum(aeltester.meilenstein.ende))).")]
        }
        return [Befund(farbe: .gelb, satz: "Überfällig seit \(Format.datum(aeltester.meilenstein.ende)): „\(aeltester.meilenstein.titel)“.")]
    }

    /// Open milestones postponed (status "verschoben", or a new end after the one first planned) and not yet overdue.
    static func verschoben(_ eintraege: [Meilensteinauswertung.Eintrag]) -> [Befund] {
        let liste = eintraege.filter { $0.status != .erledigt && $0.status != .ueberfaellig && istVerschoben($0.meilenstein) }
            .sorted { (monateVerschoben($1.meilenstein) ?? 0, $0.meilenstein.id) < (monateVerschoben($0.meilenstein) ?? 0, $1.meilenstein.id) }
        guard let weitester = liste.first else { return [] }
        let m = weitester.meilenstein
        let um = monateVerschoben(m).map { " um \(Zaehlung.anzahl($0, "Monat", "Monate"))" } ?? ""
        let wie = "„\(m.titel)“\(um.isEmpty ? "" : " (\(um.dropFirst()), jetzt bis \(Format.datum(m.ende)))")"
        if liste.count >= 2 {
            return [Befund(farbe: .rot, satz: "\(Zahlwort.grundzahl(liste.count).capitalizedFirst) Meilensteine sind verschoben, am weitesten \(wie).")]
        }
        let weit = (monateVerschoben(m) ?? 0) > grenzeVerschobenMonate
        return [Befund(farbe: weit ? .rot : .gelb, satz: "Verschoben\(um): „\(m.titel)“, jetzt bis \(Format.datum(m.ende)).")]
    }

    public static func istVerschoben(_ meilenstein: Meilenstein) -> Bool {
        meilenstein.status == .verschoben || (meilenstein.urspruenglichesEnde.map { $0 < meilenstein.ende } ?? false)
    }

    /// Whole months between the end first planned and the current one.
    public static func monateVerschoben(_ meilenstein: Meilenstein) -> Int? {
        guard let frueher = meilenstein.urspruenglichesEnde, frueher < meilenstein.ende else { return nil }
        return (meilenstein.ende.jahr * 12 + meilenstein.ende.monat) - (frueher.jahr * 12 + frueher.monat)
    }

    /// The meeting rule: n Sitzungen a year means one every 12/n months; one interval without a Sitzung is yellow, two are red.
    static func sitzungen(_ regel: Sitzungsregel, stichtag: Datum) -> Befund? {
        guard regel.sitzungenProJahr > 0 else { return nil }
        let abstand = max(1, 12 / regel.sitzungenProJahr)
        let seit = regel.letzteSitzung ?? regel.beginn
        guard seit.plusMonate(abstand) < stichtag else { return nil }
        let farbe: Farbe = seit.plusMonate(2 * abstand) < stichtag ? .rot : .gelb
        let was = regel.letzteSitzung == nil ? "hat seit dem \(Format.datum(seit)) noch nicht getagt" : "hat seit dem \(Format.datum(seit)) nicht getagt"
        return Befund(farbe: farbe, satz: "Das Gremium „\(regel.gremium)“ \(was); vorgesehen \(regel.sitzungenProJahr == 1 ? "ist eine Sitzung" : "sind \(regel.sitzungenProJahr) Sitzungen") im Jahr.")
    }

    /// The Ampel of the tasks from the Gremien that wait on the report's recipient; nil when there are none.
    public static func aufgaben(_ bereich: String, ueberfaellig: [Gremienarbeit.AufgabenEintrag], offen: [Gremienarbeit.AufgabenEintrag], stichtag: Datum) -> Ampel? {
        let liste = ueberfaellig.sorted { $0.aufgabe.frist < $1.aufgabe.frist }
        guard let aelteste = liste.first else {
            guard !offen.isEmpty else { return nil }
            return Ampel(bereich: bereich, farbe: .gruen, begruendung: "Keine überfällig; \(Zaehlung.anzahl(offen.count, "Aufgabe", "Aufgaben")) offen.")
        }
        let farbe: Farbe = aelteste.aufgabe.frist < stichtag.plusMonate(-grenzeUeberfaelligMonate) ? .rot : .gelb
        let wie = liste.count == 1 ? "Überfällig seit \(Format.datum(aelteste.aufgabe.frist))"
                                   : "\(Zahlwort.grundzahl(liste.count).capitalizedFirst) Aufgaben überfällig, am längsten seit \(Format.datum(aelteste.aufgabe.frist))"
        return Ampel(bereich: bereich, farbe: farbe, begruendung: "\(wie): „\(aelteste.aufgabe.was)“ (\(aelteste.aufgabe.verantwortlich)).")
    }

    /// The overall Ampel: the worst field, named in the reason.
    public static func gesamt(_ felder: [Ampel]) -> Ampel {
        guard let schlechteste = felder.max(by: { $0.farbe < $1.farbe }), schlechteste.farbe != .offen else {
            return Ampel(bereich: "Gesamt", farbe: .offen, begruendung: "Noch kein Handlungsfeld hat begonnen.")
        }
        let gleich = felder.filter { $0.farbe == schlechteste.farbe }.map(\.bereich)
        switch schlechteste.farbe {
        case .gruen:
            return Ampel(bereich: "Gesamt", farbe: .gruen, begruendung: "Alle begonnenen Bereiche liegen im Plan.")
        default:
            let liste = gleich.count == 1 ? "im Bereich „\(gleich[0])“"
                : gleich.count <= 2 ? "in den Bereichen " + gleich.map { "„\($0)“" }.joined(separator: " und ")
                : "in \(Zahlwort.grundzahl(gleich.count)) Bereichen (siehe unten)"
            let was = schlechteste.farbe == .rot ? "Erheblicher Verzug" : "Leichter Verzug oder hohes Risiko"
            return Ampel(bereich: "Gesamt", farbe: schlechteste.farbe, begruendung: "\(was) \(liste).")
        }
    }
}

/// "1 Meilenstein", "2 Meilensteine": a count with its noun in the right number.
public enum Zaehlung {
    public static func anzahl(_ n: Int, _ einzahl: String, _ mehrzahl: String) -> String {
        "\(Format.zahl(n)) \(n == 1 ? einzahl : mehrzahl)"
    }
}

extension String {
    /// "zwei" → "Zwei", for a number word opening a sentence.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
