import KimModel

/// A dataset the site offers as open data, as the Offene-Daten page lists it and the
/// DCAT-AP.de catalogue describes it: its files, dates and what its columns mean.
struct Datensatz {
    struct Datei {
        /// Below the site's root, "downloads/beschluesse.csv"
        let pfad: String
        /// What a reader calls it: "CSV", "JSON", "iCalendar", "OParl 1.1 (JSON)"
        let format: String
        /// Code of the EU file-type vocabulary: "CSV", "JSON", "ICS"
        let dateityp: String
    }

    /// Stable within the project and safe in a URL fragment: "bevoelkerung-gesamt"
    let id: String
    let titel: String
    let beschreibung: String
    /// When the data were first published and last changed: from the data, never the clock.
    let veroeffentlicht: Datum
    let geaendert: Datum
    let quelle: String
    /// Codes of the EU data-theme vocabulary: "SOCI" (Bevölkerung und Gesellschaft), "GOVE" (Regierung und öffentlicher Sektor)
    let themen: [String]
    let schlagworte: [String]
    let beispieldaten: Bool
    /// The page of the site that shows the data, below the root.
    let seite: String
    let dateien: [Datei]
    /// The columns of its CSV (and the keys of its JSON rows); empty for files that are not tables.
    let spalten: [Datentabelle.Spalte]

    static func tabellendateien(_ name: String) -> [Datei] {
        [Datei(pfad: "downloads/\(name).csv", format: "CSV", dateityp: "CSV"),
         Datei(pfad: "downloads/\(name).json", format: "JSON", dateityp: "JSON")]
    }
}
