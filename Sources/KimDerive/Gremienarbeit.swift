import KimModel

/// Decisions and tasks across all Sitzungen, with their status as of a date.
public struct Gremienarbeit: Sendable {
    public struct BeschlussEintrag: Sendable {
        public var beschluss: Beschluss
        public var sitzung: Sitzung
        public var punkt: Tagesordnungspunkt
    }

    public struct AufgabenEintrag: Sendable {
        public var aufgabe: Aufgabe
        public var sitzung: Sitzung
        public var punkt: Tagesordnungspunkt
        public var status: Stichtagsstatus
    }

    public var beschluesse: [BeschlussEintrag]
    public var aufgaben: [AufgabenEintrag]

    public init(_ sitzungen: [Sitzung], stichtag: Datum) {
        var beschluesse: [BeschlussEintrag] = []
        var aufgaben: [AufgabenEintrag] = []
        for sitzung in sitzungen {
            for punkt in sitzung.tagesordnung {
                beschluesse += punkt.beschluesse.map { BeschlussEintrag(beschluss: $0, sitzung: sitzung, punkt: punkt) }
                aufgaben += punkt.aufgaben.map {
                    AufgabenEintrag(aufgabe: $0, sitzung: sitzung, punkt: punkt, status: Stichtagsstatus.von($0, am: stichtag))
                }
            }
        }
        self.beschluesse = beschluesse
        self.aufgaben = aufgaben.sorted { ($0.aufgabe.frist, $0.aufgabe.id) < ($1.aufgabe.frist, $1.aufgabe.id) }
    }
}

/// Anlage 2 as of a date: each milestone's status, counts and the span in quarters.
public struct Meilensteinauswertung: Sendable {
    public struct Eintrag: Sendable {
        public var meilenstein: Meilenstein
        public var status: Stichtagsstatus
    }

    public var eintraege: [Eintrag]
    public var stichtag: Datum

    public init(_ plan: Meilensteinplan, stichtag: Datum) {
        self.stichtag = stichtag
        eintraege = plan.meilensteine
            .sorted { ($0.beginn, $0.ende, $0.id) < ($1.beginn, $1.ende, $1.id) }
            .map { Eintrag(meilenstein: $0, status: Stichtagsstatus.von($0, am: stichtag)) }
    }

    public func anzahl(_ status: Stichtagsstatus) -> Int {
        eintraege.filter { $0.status == status }.count
    }

    /// First to last quarter any milestone touches.
    public var quartale: [Quartal] {
        guard let erstes = eintraege.map({ Quartal($0.meilenstein.beginn) }).min(),
              let letztes = eintraege.map({ Quartal($0.meilenstein.ende) }).max() else { return [] }
        return Quartal.folge(von: erstes, bis: letztes)
    }
}
