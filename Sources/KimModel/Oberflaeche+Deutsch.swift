extension Oberflaeche {
    /// The words of the German pages; a translated page takes its own from `data/sprachen.json`.
    public static let deutsch = Oberflaeche(
        zumInhalt: "Zum Inhalt springen", hauptnavigation: "Hauptnavigation",
        navigation: Navigationswoerter(aktuelles: "Aktuelles", handlungskonzept: "Handlungskonzept", zahlen: "Zahlen", angebote: "Angebote",
                                       meilensteine: "Meilensteine", gremien: "Gremien", quellen: "Quellen", suche: "Suche"),
        deutscheSeiten: "", aufDeutsch: "", brotkrumen: "Brotkrumen", start: "Start", rechtliches: "Rechtliches",
        impressum: "Impressum", datenschutz: "Datenschutz", barrierefreiheit: "Barrierefreiheit", leichteSprache: "Leichte Sprache",
        offeneDaten: "Offene Daten", begriffe: "Begriffe erklärt", andereSprachen: "Andere Sprachen", stand: "Stand",
        fassung: "Handlungskonzept, Fassung", beispieldaten: "Beispieldaten: Diese Angaben sind zur Veranschaulichung erfunden.",
        suche: Suchwoerter(titel: "Suche", feld: "Suchbegriff",
                           hinweis: "Durchsucht alle Kapitel, Angebote, Niederschriften und Beschlüsse auf dieser Website. Die Treffer erscheinen beim Tippen.",
                           nurZeigen: "Nur zeigen", alles: "alles", kapitel: "Kapitel", sitzung: "Sitzung", beschluss: "Beschluss", angebot: "Angebot",
                           zuKurz: "Bitte mindestens zwei Zeichen eingeben.", keineTreffer: "Keine Treffer für", treffer: "Treffer für",
                           ohneSkript: "", deutscheSuche: ""),
        zusammenfassung: Zusammenfassungswoerter(ansprechTitel: "", ansprechText: "", telefon: "Telefon", email: "E-Mail",
                                                 beschluesseTitel: "", beschluesseText: "", geplantTitel: "", geplantText: "", bis: "bis"))
}
