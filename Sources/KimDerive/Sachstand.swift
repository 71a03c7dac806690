import KimModel

/// What the Verwaltungsvorstand's Sachstandsbericht says as of a date: done since the
/// previous report, due next quarter, overdue, decided, open, and awaiting its decision.
public struct Sachstand: Sendable {
    public var stichtag: Datum
    /// As-of date of the previous report; nil means "since the start".
    public var seit: Datum?
    public var erledigt: [Meilenstein]
    /// Not done and ending within the next three months
    public var faellig: [Meilenstein]
    public var faelligBis: Datum
    public var ueberfaellig: [Meilenstein]
    public var beschluesse: [Gremienarbeit.BeschlussEintrag]
    public var offeneAufgaben: [Gremienarbeit.AufgabenEintrag]
    public var ueberfaelligeAufgaben: [Gremienarbeit.AufgabenEintrag]
    public var entscheidungen: [String]
    public var kernaussagen: [String]

    public init(_ projekt: Projekt, stichtag: Datum, seit: Datum?, lenkungsgremium: String = "lenkungskreis") {
        self.stichtag = stichtag
        self.seit = seit
        let imZeitraum = { (datum: Datum) -> Bool in datum <= stichtag && (seit.map { datum > $0 } ?? true) }
        let plan = Meilensteinauswertung(projekt.meilensteinplan, stichtag: stichtag)
        erledigt = plan.eintraege.filter { $0.status == .erledigt && imZeitraum($0.meilenstein.erledigtAm ?? $0.meilenstein.ende) }.map(\.meilenstein)
        let bis = stichtag.plusMonate(3)
        faelligBis = bis
        faellig = plan.eintraege.filter { $0.status != .erledigt && $0.meilenstein.ende >= stichtag && $0.meilenstein.ende <= bis }.map(\.meilenstein)
        ueberfaellig = plan.eintraege.filter { $0.status == .ueberfaellig }.map(\.meilenstein)
        let arbeit = Gremienarbeit(projekt.sitzungen.filter { $0.datum <= stichtag }, stichtag: stichtag)
        beschluesse = arbeit.beschluesse.filter { $0.sitzung.gremium == lenkungsgremium && imZeitraum($0.sitzung.datum) }
        offeneAufgaben = arbeit.aufgaben.filter { $0.status == .offen }
        ueberfaelligeAufgaben = arbeit.aufgaben.filter { $0.status == .ueberfaellig }
        entscheidungen = plan.eintraege.filter { $0.meilenstein.entscheidungVerwaltungsvorstand == true && $0.status != .erledigt }
            .map { "Meilenstein „\($0.meilenstein.titel)“ (Ende \(Format.datum($0.meilenstein.ende)))" }
            + arbeit.aufgaben.filter { $0.aufgabe.entscheidungVerwaltungsvorstand == true && $0.status != .erledigt }
            .map { "Aufgabe „\($0.aufgabe.was)“ (Frist \(Format.datum($0.aufgabe.frist)))" }

        let zeitraum = seit.map { "Seit dem \(Format.datum($0))" } ?? "Bis zum \(Format.datum(stichtag))"
        var aussagen: [String] = []
        func anzahl(_ n: Int, _ einzahl: String, _ mehrzahl: String) -> String { n == 1 ? "1 \(einzahl)" : "\(Format.zahl(n)) \(mehrzahl)" }
        if let erster = erledigt.first {
            aussagen.append("\(zeitraum) \(erledigt.count == 1 ? "wurde" : "wurden") \(anzahl(erledigt.count, "Meilenstein", "Meilensteine")) erledigt, darunter „\(erster.titel)“.")
        }
        if !ueberfaellig.isEmpty {
            aussagen.append("\(anzahl(ueberfaellig.count, "Meilenstein ist", "Meilensteine sind")) überfällig, zuerst „\(ueberfaellig[0].titel)“ (Ende \(Format.datum(ueberfaellig[0].ende))).")
        }
        if !beschluesse.isEmpty {
            aussagen.append("Der Lenkungskreis hat \(seit.map { "seit dem \(Format.datum($0))" } ?? "bisher") \(anzahl(beschluesse.count, "Beschluss", "Beschlüsse")) gefasst.")
        }
        if !ueberfaelligeAufgaben.isEmpty {
            aussagen.append("\(anzahl(ueberfaelligeAufgaben.count, "Aufgabe aus den Gremien ist", "Aufgaben aus den Gremien sind")) überfällig, \(anzahl(offeneAufgaben.count, "weitere ist", "weitere sind")) offen.")
        }
        if !entscheidungen.isEmpty {
            aussagen.append("Der Verwaltungsvorstand wird um \(anzahl(entscheidungen.count, "Entscheidung", "Entscheidungen")) gebeten (siehe unten).")
        }
        if aussagen.count < 5, !faellig.isEmpty {
            aussagen.append("Bis zum \(Format.datum(bis)) \(faellig.count == 1 ? "ist" : "sind") \(anzahl(faellig.count, "Meilenstein", "Meilensteine")) fällig.")
        }
        if aussagen.count < 3 {
            aussagen.append("\(plan.anzahl(.erledigt)) von \(plan.eintraege.count) Meilensteinen des Meilensteinplans sind erledigt.")
        }
        kernaussagen = Array(aussagen.prefix(5))
    }
}
