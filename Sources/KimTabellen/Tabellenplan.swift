/// Which sheets a data file becomes: one per list, the main list first (a CSV holds only that
/// one), a sheet "Angaben" for the file's single values (Stand, Quelle …), then
/// "Erläuterungen" and "Auswahllisten", which an import does not read.
public struct Tabellenplan: Sendable {
    public enum Datensatz: String, CaseIterable, Sendable {
        case angebote, meilensteine, demografie

        public var datei: String { "data/\(rawValue).json" }
        public var schema: String { rawValue }
        public var plan: Tabellenplan {
            switch self {
            case .angebote: return .angebote
            case .meilensteine: return .meilensteine
            case .demografie: return .demografie
            }
        }
    }

    /// A column that refers to entries of another list, shown by their names.
    public enum Verweis: Equatable, Sendable {
        /// A list in the same file, by its key ("traeger").
        case liste(String)
        /// A Sozialraum of data/kommune.json, by number or name.
        case sozialraum
        /// A Gremium of data/gremien.json.
        case gremium
    }

    /// One list as a sheet.
    public struct Liste: Sendable {
        public var blatt: String
        /// Key of the list in the data file ("angebote"), or below each item of `eltern`.
        public var schluessel: String
        /// The rows of a population table lie in the table: one sheet for all of them, with a
        /// first column naming the table by its id.
        public var eltern: Elternliste?
        /// References by the field's path ("traeger").
        public var verweise: [String: Verweis]
        /// The field that names an entry ("name", "titel"): shown where others refer to it, and
        /// the source of the id of a new row.
        public var namensfeld: String?
    }

    public struct Elternliste: Sendable {
        public var schluessel: String
        public var spaltentitel: String
    }

    public static let angabenblatt = "Angaben"
    public static let erlaeuterungsblatt = "Erläuterungen"
    public static let auswahlblatt = "Auswahllisten"

    public var datensatz: Datensatz
    public var listen: [Liste]
    /// Objects written on one line in the data file (the rows of the population tables).
    public var einzeilig: @Sendable (_ pfad: [String]) -> Bool = { _ in false }

    public var hauptliste: Liste { listen[0] }

    static let angebote = Tabellenplan(datensatz: .angebote, listen: [
        Liste(blatt: "Angebote", schluessel: "angebote", verweise: [
            "traeger": .liste("traeger"), "kategorie": .liste("kategorien"), "zielgruppen": .liste("zielgruppen"),
            "sozialraeume": .sozialraum, "gremien": .gremium,
        ], namensfeld: "name"),
        Liste(blatt: "Träger", schluessel: "traeger", verweise: ["dachverband": .liste("traeger")], namensfeld: "name"),
        Liste(blatt: "Kategorien", schluessel: "kategorien", verweise: [:], namensfeld: "name"),
        Liste(blatt: "Zielgruppen", schluessel: "zielgruppen", verweise: [:], namensfeld: "name"),
    ])

    static let meilensteine = Tabellenplan(datensatz: .meilensteine, listen: [
        Liste(blatt: "Meilensteine", schluessel: "meilensteine", verweise: ["handlungsfeld": .liste("handlungsfelder")], namensfeld: "titel"),
        Liste(blatt: "Handlungsfelder", schluessel: "handlungsfelder", verweise: [:], namensfeld: "name"),
    ])

    static let demografie = Tabellenplan(datensatz: .demografie, listen: [
        Liste(blatt: "Bevölkerung", schluessel: "zeilen", eltern: Elternliste(schluessel: "tabellen", spaltentitel: "Tabelle"),
              verweise: ["sozialraum": .sozialraum], namensfeld: nil),
        Liste(blatt: "Tabellen", schluessel: "tabellen", verweise: [:], namensfeld: "titel"),
        Liste(blatt: "Indikatoren", schluessel: "indikatoren", verweise: [:], namensfeld: "name"),
        Liste(blatt: "Eckdaten", schluessel: "eckdaten", verweise: ["tabelle": .liste("tabellen"), "indikator": .liste("indikatoren")], namensfeld: nil),
    ], einzeilig: { pfad in pfad == ["tabellen", "*", "zeilen", "*"] || pfad == ["eckdaten", "*"] })
}
