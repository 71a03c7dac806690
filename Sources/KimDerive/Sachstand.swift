import KimModel

/// What the Sachstandsbericht says as of a date, from the project as it stood then
/// (`Stichtagsstand`) and `data/berichte.json`: status at a glance, what awaits a decision,
/// done since the previous report, due, overdue, decided, risks, Kennzahlen, next meetings.
public struct Sachstand: Sendable {
    /// A Kennzahl's value on the date and the one it is compared with.
    public struct Kennzahlstand: Sendable {
        public var kennzahl: Kennzahl
        public var aktuell: Kennzahlwert
        public var vorher: Kennzahlwert?
        /// Whether `vorher` is the value at the previous report (else the value before `aktuell`).
        public var vorherAusBericht: Bool
    }

    /// A decision taken since the previous report, and what became of it by the date.
    public struct Rueckmeldung: Sendable {
        public var entscheidung: Entscheidungsbedarf
        /// The steps known by the date
        public var umsetzung: [Umsetzungsschritt]
        /// The milestones it concerns, with their status on the date
        public var meilensteine: [Meilensteinauswertung.Eintrag]
    }

    /// A coming meeting: only its date, Gremium and, when planned, its topic.
    public struct NaechsteSitzung: Sendable {
        public var datum: Datum
        public var gremium: String
        public var thema: String?
    }

    public var stichtag: Datum
    /// As-of date of the previous report; nil means "since the start".
    public var seit: Datum?
    public var fassung: Fassung
    public var empfaenger: Gremium?
    public var leitgremium: Gremium?
    public var ansprechperson: Ansprechperson
    /// This report's own entry in `data/berichte.json`, when it has one (Vorlage, meeting)
    public var bericht: Bericht?
    public var erledigt: [Meilenstein]
    /// Not done and ending within the next three months
    public var faellig: [Meilenstein]
    public var faelligBis: Datum
    public var ueberfaellig: [Meilenstein]
    public var beschluesse: [Gremienarbeit.BeschlussEintrag]
    public var offeneAufgaben: [Gremienarbeit.AufgabenEintrag]
    public var ueberfaelligeAufgaben: [Gremienarbeit.AufgabenEintrag]
    /// Items on the table on the date and not yet decided
    public var entscheidungen: [Entscheidungsbedarf]
    public var ampeln: [Ampel]
    /// The Ampel of the tasks that wait on the recipient; nil when there are none
    public var aufgabenampel: Ampel?
    /// Overdue tasks from the Gremien that wait on the recipient (its decision, or it is named responsible)
    public var ueberfaelligFuerEmpfaenger: [Gremienarbeit.AufgabenEintrag]
    /// Open milestones postponed by the date, the furthest first
    public var verschoben: [Meilenstein]
    /// Gremien that missed their meeting rule, as sentences
    public var sitzungsverzug: [String]
    /// Decisions taken since the previous report
    public var entschieden: [Rueckmeldung]
    public var gesamtampel: Ampel
    public var risiken: [Risiko]
    public var kennzahlen: [Kennzahlstand]
    public var naechsteSitzungen: [NaechsteSitzung]
    public var kernaussagen: [String]
    public var beispieldaten: Bool
    /// Open milestones the plan marks as needing the Verwaltungsvorstand, without a Beschlussvorschlag
    /// in `data/berichte.json` known by the date; with their index in the plan, for the warning's location.
    public var ohneBeschlussvorschlag: [(index: Int, meilenstein: Meilenstein)]

    public init(_ stand: Stichtagsstand, berichtsdaten daten: Berichte, seit: Datum?) {
        let projekt = stand.projekt
        let stichtag = stand.stichtag
        self.stichtag = stichtag
        self.seit = seit
        fassung = stand.fassung
        // As the Gremien stood then; a Gremium founded later is still named (validate checks the ids exist today).
        empfaenger = stand.alleGremien.first { $0.id == daten.empfaenger }
        leitgremium = stand.alleGremien.first { $0.id == daten.leitgremium }
        ansprechperson = daten.ansprechperson
        bericht = daten.berichte.first { $0.stichtag == stichtag }
        beispieldaten = daten.beispieldaten == true || projekt.meilensteinplan.beispieldaten == true

        let imZeitraum = { (datum: Datum) -> Bool in datum <= stichtag && (seit.map { datum > $0 } ?? true) }
        let plan = Meilensteinauswertung(Self.mitUrspruenglichemEnde(projekt.meilensteinplan, stand), stichtag: stichtag)
        erledigt = plan.eintraege.filter { $0.status == .erledigt && imZeitraum($0.meilenstein.erledigtAm ?? $0.meilenstein.ende) }.map(\.meilenstein)
        let bis = stichtag.plusMonate(3)
        faelligBis = bis
        faellig = plan.eintraege.filter { $0.status != .erledigt && $0.meilenstein.ende >= stichtag && $0.meilenstein.ende <= bis }.map(\.meilenstein)
        ueberfaellig = plan.eintraege.filter { $0.status == .ueberfaellig }.map(\.meilenstein).sorted { $0.ende < $1.ende }
        let arbeit = Gremienarbeit(projekt.sitzungen, stichtag: stichtag)
        beschluesse = arbeit.beschluesse.filter { $0.sitzung.gremium == daten.leitgremium && imZeitraum($0.sitzung.datum) }
        offeneAufgaben = arbeit.aufgaben.filter { $0.status == .offen }
        ueberfaelligeAufgaben = arbeit.aufgaben.filter { $0.status == .ueberfaellig }
        entscheidungen = (daten.entscheidungen ?? [])
            .filter { $0.ab <= stichtag && ($0.entschiedenAm.map { $0 > stichtag } ?? true) }
            .sorted { ($0.frist, $0.id) < ($1.frist, $1.id) }
        risiken = (daten.risiken ?? [])
            .filter { $0.seit <= stichtag && ($0.behobenAm.map { $0 > stichtag } ?? true) }
            .sorted { ($1.einschaetzung.rang, $0.seit, $0.id) < ($0.einschaetzung.rang, $1.seit, $1.id) }
        let risiken = self.risiken
        var verzug: [String] = []
        ampeln = projekt.meilensteinplan.handlungsfelder.compactMap { feld in
            let eintraege = plan.eintraege.filter { $0.meilenstein.handlungsfeld == feld.id }
            guard let beginn = eintraege.map(\.meilenstein.beginn).min() else { return nil }
            let regeln = Self.sitzungsregeln(feld, stand: stand, beginn: beginn)
            verzug += regeln.compactMap { Ampel.sitzungen($0, stichtag: stichtag)?.satz }
            return Ampel.handlungsfeld(feld.name, eintraege, risiken: risiken.filter { $0.handlungsfeld == feld.id }, stichtag: stichtag,
                                       sitzungsregeln: regeln)
        }
        sitzungsverzug = Array(Set(verzug)).sorted()
        verschoben = plan.eintraege.filter { $0.status != .erledigt && $0.status != .ueberfaellig && Ampel.istVerschoben($0.meilenstein) }
            .map(\.meilenstein).sorted { (Ampel.monateVerschoben($1) ?? 0, $0.id) < (Ampel.monateVerschoben($0) ?? 0, $1.id) }
        let empfaenger = self.empfaenger
        let fuerEmpfaenger = { (eintrag: Gremienarbeit.AufgabenEintrag) -> Bool in
            eintrag.aufgabe.entscheidungVerwaltungsvorstand == true
                || (empfaenger.map { eintrag.aufgabe.verantwortlich.contains($0.name) || eintrag.aufgabe.verantwortlich.contains($0.kurzname) } ?? false)
        }
        ueberfaelligFuerEmpfaenger = ueberfaelligeAufgaben.filter(fuerEmpfaenger)
        aufgabenampel = Ampel.aufgaben("Aufgaben für: \(empfaenger?.kurzname ?? daten.empfaenger)", ueberfaellig: ueberfaelligFuerEmpfaenger,
                                       offen: offeneAufgaben.filter(fuerEmpfaenger), stichtag: stichtag)
        gesamtampel = Ampel.gesamt(ampeln + (aufgabenampel.map { [$0] } ?? []))
        entschieden = (daten.entscheidungen ?? []).filter { eintrag in eintrag.entschiedenAm.map(imZeitraum) ?? false }
            .sorted { ($0.entschiedenAm ?? $0.frist, $0.id) < ($1.entschiedenAm ?? $1.frist, $1.id) }
            .map { eintrag in
                Rueckmeldung(entscheidung: eintrag, umsetzung: (eintrag.umsetzung ?? []).filter { $0.datum <= stichtag }.sorted { $0.datum < $1.datum },
                             meilensteine: plan.eintraege.filter { (eintrag.meilensteine ?? []).contains($0.meilenstein.id) })
            }
        kennzahlen = (daten.kennzahlen ?? []).compactMap { Self.kennzahlstand($0, stichtag: stichtag, seit: seit) }
        naechsteSitzungen = Self.naechsteSitzungen(stand, termine: daten.termine ?? [])
        let vorgeschlagen = Set((daten.entscheidungen ?? []).filter { $0.ab <= stichtag }.flatMap { $0.meilensteine ?? [] })
        ohneBeschlussvorschlag = projekt.meilensteinplan.meilensteine.enumerated().filter { _, meilenstein in
            meilenstein.entscheidungVerwaltungsvorstand == true && !vorgeschlagen.contains(meilenstein.id)
                && Stichtagsstatus.von(meilenstein, am: stichtag) != .erledigt
        }.map { (index: $0.offset, meilenstein: $0.element) }
        kernaussagen = []
        kernaussagen = aussagen(plan: plan)
    }

    /// A milestone whose end lies later than in the first Fassung that planned it was postponed: its
    /// first end is taken from the archived plans unless the data name it (`urspruenglichesEnde`).
    static func mitUrspruenglichemEnde(_ plan: Meilensteinplan, _ stand: Stichtagsstand) -> Meilensteinplan {
        let frueher = stand.projekt.archiv.filter { $0.key < stand.fassung.nummer }.sorted { $0.key < $1.key }.map(\.value.meilensteinplan)
        var ergebnis = plan
        ergebnis.meilensteine = plan.meilensteine.map { meilenstein in
            var kopie = meilenstein
            if kopie.urspruenglichesEnde == nil,
               let erstes = frueher.lazy.compactMap({ $0.meilensteine.first { $0.id == meilenstein.id }?.ende }).first, erstes < meilenstein.ende {
                kopie.urspruenglichesEnde = erstes
            }
            return kopie
        }
        return ergebnis
    }

    /// The meeting rules of the Gremien a Handlungsfeld names, with each one's last Sitzung by the date.
    static func sitzungsregeln(_ feld: Handlungsfeld, stand: Stichtagsstand, beginn: Datum) -> [Ampel.Sitzungsregel] {
        (feld.gremien ?? []).compactMap { id in
            guard let gremium = stand.alleGremien.first(where: { $0.id == id }), let proJahr = gremium.sitzungenProJahr, proJahr > 0 else { return nil }
            let letzte = stand.projekt.sitzungen.filter { $0.gremium == id && $0.datum <= stand.stichtag }.map(\.datum).max()
            return Ampel.Sitzungsregel(gremium: gremium.kurzname, sitzungenProJahr: proJahr, letzteSitzung: letzte, beginn: beginn)
        }
    }

    /// The value on the date and the one it is compared with: the value at the previous report, else the one before,
    /// and only a value of the same period (a share of this year's funds is never compared with last year's).
    static func kennzahlstand(_ kennzahl: Kennzahl, stichtag: Datum, seit: Datum?) -> Kennzahlstand? {
        let alle = kennzahl.werte.filter { $0.stichtag <= stichtag }.sorted { $0.stichtag < $1.stichtag }
        guard let aktuell = alle.last else { return nil }
        let bekannt = alle.filter { $0.zeitraum == aktuell.zeitraum }
        if let seit, let beimBericht = bekannt.last(where: { $0.stichtag <= seit }) {
            return Kennzahlstand(kennzahl: kennzahl, aktuell: aktuell, vorher: beimBericht, vorherAusBericht: true)
        }
        return Kennzahlstand(kennzahl: kennzahl, aktuell: aktuell, vorher: bekannt.dropLast().last, vorherAusBericht: false)
    }

    /// Sitzungen held after the date (only their date and Gremium) and planned Termine known by then:
    /// the next five within six months.
    static func naechsteSitzungen(_ stand: Stichtagsstand, termine: [Termin]) -> [NaechsteSitzung] {
        func name(_ id: String) -> String { stand.alleGremien.first { $0.id == id }?.kurzname ?? id }
        let grenze = stand.stichtag.plusMonate(6)
        let aus = stand.spaetereSitzungen.filter { $0.datum <= grenze }.map { NaechsteSitzung(datum: $0.datum, gremium: name($0.gremium), thema: nil) }
        let geplant = termine.filter { $0.datum > stand.stichtag && $0.datum <= grenze && ($0.ab.map { $0 <= stand.stichtag } ?? true) }
            .map { NaechsteSitzung(datum: $0.datum, gremium: name($0.gremium), thema: $0.thema) }
        return Array((aus + geplant).sorted { ($0.datum, $0.gremium) < ($1.datum, $1.gremium) }.prefix(5))
    }

    /// Three to five plain sentences, each opening with a word, never with a numeral.
    func aussagen(plan: Meilensteinauswertung) -> [String] {
        func anzahl(_ n: Int, _ eins: String, _ mehrzahl: String) -> String {
            n == 0 ? "keine \(mehrzahl)" : n == 1 ? eins : "\(Zahlwort.grundzahl(n)) \(mehrzahl)"
        }
        func istSind(_ n: Int) -> String { n == 1 ? "ist" : "sind" }
        var aussagen: [String] = []
        if let erster = entscheidungen.first {
            aussagen.append(entscheidungen.count == 1
                ? "Entscheidungsbedarf besteht bis zum \(Format.datum(erster.frist)): „\(erster.titel)“."
                : "Entscheidungsbedarf besteht in \(Zahlwort.grundzahl(entscheidungen.count)) Punkten, zuerst bis zum \(Format.datum(erster.frist)): „\(erster.titel)“.")
        }
        if let erste = ueberfaelligFuerEmpfaenger.first {
            let n = ueberfaelligFuerEmpfaenger.count
            aussagen.append("Überfällig \(istSind(n)) \(anzahl(n, "eine Aufgabe", "Aufgaben")) für den Empfänger dieses Berichts\(n == 1 ? "" : ", am längsten"): „\(erste.aufgabe.was)“ (Frist \(Format.datum(erste.aufgabe.frist)), verantwortlich \(erste.aufgabe.verantwortlich)).")
        }
        if let erster = ueberfaellig.first {
            let n = ueberfaellig.count
            aussagen.append(n == 1
                ? "Überfällig ist ein Meilenstein: „\(erster.titel)“ (Ende \(Format.datum(erster.ende)))."
                : "Überfällig sind \(anzahl(n, "", "Meilensteine")), am längsten „\(erster.titel)“ (Ende \(Format.datum(erster.ende))).")
        }
        if let weitester = verschoben.first {
            let n = verschoben.count
            let um = Ampel.monateVerschoben(weitester).map { " um \(Zaehlung.anzahl($0, "Monat", "Monate"))" } ?? ""
            aussagen.append("Verschoben \(istSind(n)) \(anzahl(n, "ein Meilenstein", "Meilensteine"))\(n == 1 ? "" : ", am weitesten"): „\(weitester.titel)“\(um), jetzt bis \(Format.datum(weitester.ende)).")
        }
        aussagen += sitzungsverzug
        let zeitraum = seit.map { "Seit dem \(Format.datum($0))" } ?? "Bis zum \(Format.datum(stichtag))"
        if let letzte = entschieden.last {
            let n = entschieden.count
            aussagen.append("\(zeitraum) \(n == 1 ? "wurde" : "wurden") \(anzahl(n, "eine Entscheidung", "Entscheidungen")) getroffen\(n == 1 ? "" : ", zuletzt"): „\(letzte.entscheidung.titel)“ (\(Format.datum(letzte.entscheidung.entschiedenAm ?? letzte.entscheidung.frist))).")
        }
        if let erster = erledigt.first {
            aussagen.append("\(zeitraum) \(erledigt.count == 1 ? "wurde" : "wurden") \(anzahl(erledigt.count, "ein Meilenstein", "Meilensteine")) erledigt, darunter „\(erster.titel)“.")
        } else {
            aussagen.append("\(zeitraum) wurde kein Meilenstein erledigt.")
        }
        if let hoch = risiken.filter({ $0.einschaetzung == .hoch }).first {
            let n = risiken.filter { $0.einschaetzung == .hoch }.count
            aussagen.append("Offen \(istSind(n)) \(anzahl(n, "ein hohes Risiko", "hohe Risiken")): \(hoch.titel).")
        }
        if let leitgremium, !beschluesse.isEmpty {
            aussagen.append("Im Gremium „\(leitgremium.kurzname)“ \(beschluesse.count == 1 ? "wurde" : "wurden") \(seit.map { "seit dem \(Format.datum($0)) " } ?? "")\(anzahl(beschluesse.count, "ein Beschluss", "Beschlüsse")) gefasst.")
        }
        if !ueberfaelligeAufgaben.isEmpty {
            aussagen.append("Aus den Gremien \(istSind(ueberfaelligeAufgaben.count)) \(anzahl(ueberfaelligeAufgaben.count, "eine Aufgabe", "Aufgaben")) überfällig, \(anzahl(offeneAufgaben.count, "eine weitere", "weitere")) offen.")
        }
        if aussagen.count < 5, !faellig.isEmpty {
            aussagen.append("Bis zum \(Format.datum(faelligBis)) \(istSind(faellig.count)) \(anzahl(faellig.count, "ein Meilenstein", "Meilensteine")) fällig.")
        }
        if aussagen.count < 3 {
            aussagen.append("Erledigt sind insgesamt \(plan.anzahl(.erledigt)) von \(Zaehlung.anzahl(plan.eintraege.count, "Meilenstein", "Meilensteinen")) des Meilensteinplans.")
        }
        return Array(aussagen.prefix(5))
    }
}

extension Risiko.Einschaetzung {
    /// For sorting: "hoch" first.
    public var rang: Int {
        switch self {
        case .gering: return 0
        case .mittel: return 1
        case .hoch: return 2
        }
    }
}
