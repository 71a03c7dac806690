import KimModel

/// Everything derive computes from a project: plain values the renderer only formats.
public struct Auswertung: Sendable {
    /// The population tables, in data order.
    public var bevoelkerung: [Bevoelkerungsauswertung]
    /// The Fassung the site shows as current: the one with the highest number.
    public var aktuelleFassung: Fassung
    /// "As of" date for statuses; defaults to the date of the current Fassung, so builds stay deterministic.
    public var stichtag: Datum
    public var meilensteine: Meilensteinauswertung
    public var gremienarbeit: Gremienarbeit
    /// Figure numbers of the current Fassung, derived from where its chapters place the figures.
    public var abbildungen: Abbildungsnummern

    public func tabelle(_ id: String) -> Bevoelkerungsauswertung? {
        bevoelkerung.first { $0.tabelle.id == id }
    }
}

public enum Derive {
    /// nil only when the project has no Fassung, which validate rejects first.
    public static func auswerten(_ projekt: Projekt, stichtag: Datum? = nil, fassung: Int? = nil) -> Auswertung? {
        let fassungen = projekt.handlungskonzept.fassungen
        guard let aktuelle = fassung.flatMap({ nummer in fassungen.first { $0.nummer == nummer } })
                ?? fassungen.max(by: { $0.nummer < $1.nummer }) else { return nil }
        let tabellen = projekt.demografie.tabellen.compactMap {
            Bevoelkerungsauswertung($0, sozialraeume: projekt.kommune.sozialraeume)
        }
        let stichtag = stichtag ?? aktuelle.datum
        return Auswertung(bevoelkerung: tabellen, aktuelleFassung: aktuelle, stichtag: stichtag,
                          meilensteine: Meilensteinauswertung(projekt.meilensteinplan, stichtag: stichtag),
                          gremienarbeit: Gremienarbeit(projekt.sitzungen, stichtag: stichtag),
                          abbildungen: Abbildungsnummern(aktuelle, vorlagen: projekt.vorlagen, tabellen: projekt.demografie.tabellen.map(\.id)))
    }
}
