import KimModel

/// The project as it stood on a date, for a report that must be true as of that date:
/// the Fassung in force then, the datasets archived with it, only the Sitzungen held by then,
/// and the milestones of that Fassung's plan with only the completions known by then.
public struct Stichtagsstand: Sendable {
    public var stichtag: Datum
    /// The Fassung in force on the date: the latest adopted on or before it.
    public var fassung: Fassung
    /// The project with everything dated after the stichtag left out.
    public var projekt: Projekt
    /// Sitzungen after the stichtag: only their date and Gremium may be shown, as planned meetings.
    public var spaetereSitzungen: [Sitzung]
    /// Every Gremium known today, to name the Gremium of a later Sitzung that the old data do not list yet.
    public var alleGremien: [Gremium]

    /// nil when no Fassung was adopted on or before the date.
    public init?(_ projekt: Projekt, stichtag: Datum) {
        guard let fassung = projekt.handlungskonzept.fassungen.filter({ $0.datum <= stichtag }).max(by: { $0.nummer < $1.nummer }) else {
            return nil
        }
        self.stichtag = stichtag
        self.fassung = fassung
        var damals = projekt.mit(projekt.stand(fassung.nummer))
        damals.handlungskonzept.fassungen = projekt.handlungskonzept.fassungen.filter { $0.nummer <= fassung.nummer }
        damals.sitzungen = projekt.sitzungen.filter { $0.datum <= stichtag }
        let aktuelle = Dictionary(projekt.meilensteinplan.meilensteine.map { ($0.id, $0) }) { erster, _ in erster }
        damals.meilensteinplan.meilensteine = damals.meilensteinplan.meilensteine.map {
            Self.meilenstein($0, aktuell: aktuelle[$0.id], stichtag: stichtag)
        }
        damals.berichte = projekt.berichte.filter { $0.stichtag <= stichtag }
        self.projekt = damals
        spaetereSitzungen = projekt.sitzungen.filter { $0.datum > stichtag }
        alleGremien = damals.gremien.gremien + projekt.gremien.gremien
    }

    /// A milestone as the plan of the Fassung had it, done only if the current data say it was done by the date.
    /// A later "verschoben" is not known on the date: the plan's own status stays.
    static func meilenstein(_ geplant: Meilenstein, aktuell: Meilenstein?, stichtag: Datum) -> Meilenstein {
        var damals = geplant
        // Remarks are written later and may tell the future.
        damals.bemerkung = nil
        if geplant.status == .erledigt, (geplant.erledigtAm ?? geplant.ende) <= stichtag { return damals }
        if let aktuell, aktuell.status == .erledigt, let erledigtAm = aktuell.erledigtAm, erledigtAm <= stichtag {
            damals.status = .erledigt
            damals.erledigtAm = erledigtAm
        } else {
            if damals.status == .erledigt { damals.status = .laufend }
            damals.erledigtAm = nil
        }
        return damals
    }
}
