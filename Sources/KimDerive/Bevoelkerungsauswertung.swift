import KimModel

/// A demographic table with its derived shares, totals and rankings.
public struct Bevoelkerungsauswertung: Sendable {
    public struct Zeile: Sendable {
        public var sozialraum: Sozialraum
        public var insgesamt: Int
        public var mitEinwanderungsgeschichte: Int
        /// nil when the Sozialraum has no inhabitants in this group
        public var anteil: Anteil?
    }

    public var tabelle: Bevoelkerungstabelle
    public var zeilen: [Zeile]
    public var summe: Zeile
    public var meisteAnzahl: Zeile
    public var hoechsterAnteil: Zeile
    public var geringsterAnteil: Zeile

    /// True when one Sozialraum has both the most people with Einwanderungsgeschichte and the highest share.
    public var spitzeGleich: Bool { meisteAnzahl.sozialraum == hoechsterAnteil.sozialraum }
}

extension Bevoelkerungsauswertung {
    /// nil for an empty table; validate reports that before derive runs.
    public init?(_ tabelle: Bevoelkerungstabelle, sozialraeume: [Sozialraum]) {
        let zeilen = tabelle.zeilen.map { zeile in
            Zeile(sozialraum: sozialraeume.first { $0.nummer == zeile.sozialraum } ?? Sozialraum(nummer: zeile.sozialraum, name: zeile.sozialraum),
                  insgesamt: zeile.insgesamt,
                  mitEinwanderungsgeschichte: zeile.mitEinwanderungsgeschichte,
                  anteil: Anteil(teil: zeile.mitEinwanderungsgeschichte, von: zeile.insgesamt))
        }
        guard let first = zeilen.first else { return nil }
        let insgesamt = zeilen.reduce(0) { $0 + $1.insgesamt }
        let mit = zeilen.reduce(0) { $0 + $1.mitEinwanderungsgeschichte }
        self.tabelle = tabelle
        self.zeilen = zeilen
        self.summe = Zeile(sozialraum: Sozialraum(nummer: "", name: "Gesamt"), insgesamt: insgesamt,
                           mitEinwanderungsgeschichte: mit, anteil: Anteil(teil: mit, von: insgesamt))
        // Rankings compare exact fractions (a/b against c/d by cross-multiplying), not rounded
        // shares, so two districts that both print 44,1 % are still told apart; ties keep data order.
        func share(_ left: Zeile, exceeds right: Zeile) -> Bool {
            left.mitEinwanderungsgeschichte * max(right.insgesamt, 1) > right.mitEinwanderungsgeschichte * max(left.insgesamt, 1)
        }
        var meiste = first, hoechster = first, geringster = first
        for zeile in zeilen.dropFirst() {
            if zeile.mitEinwanderungsgeschichte > meiste.mitEinwanderungsgeschichte { meiste = zeile }
            if share(zeile, exceeds: hoechster) { hoechster = zeile }
            if share(geringster, exceeds: zeile) { geringster = zeile }
        }
        self.meisteAnzahl = meiste
        self.hoechsterAnteil = hoechster
        self.geringsterAnteil = geringster
    }
}
