/// Everything `load` read from a project, as typed values. Later stages never touch the disk.
public struct Projekt: Sendable {
    public var kommune: Kommune
    public var demografie: Demografie
    public var gremien: Gremien
    public var quellen: Quellen
    public var programm: Programm
    public var handlungskonzept: Handlungskonzept
    public var rechtliches: Rechtliches
    /// Licence, Regionalschlüssel and contact point of the open data (`data/offene-daten.json`).
    public var offeneDaten: OffeneDaten
    /// Anlage 1
    public var angebote: Angebote
    /// Anlage 2
    public var meilensteinplan: Meilensteinplan
    /// Every meeting, sorted by date
    public var sitzungen: [Sitzung]
    /// The data as they were at earlier Fassungen (`data/fassungen/N/`), by Fassung number.
    public var archiv: [Int: Datenstand]
    /// Earlier Sachstandsberichte; empty when the project has no `data/berichte.json`.
    public var berichte: [Bericht] = []
    /// The whole of `data/berichte.json` (recipient, decisions, risks, Kennzahlen) for the Sachstandsbericht; internal.
    public var berichtsdaten: Berichte?
    /// Terms explained in plain language; empty when the project has no `data/glossar.json`.
    public var glossar: [Begriff] = []
    /// Summaries in other languages; empty when the project has no `data/sprachen.json`.
    public var sprachen: [Zusammenfassung] = []
    /// Who answers for which Sozialraum; nil when the project has no `data/ansprechstellen.json`.
    public var ansprechstellen: Ansprechstellen?
    /// Template sources by name ("kapitel/1-einleitung", "layout"), project files over built-ins.
    public var vorlagen: [String: Vorlage]
    /// Names of templates that exist but could not be loaded (unreadable, not UTF-8, not a file …): their
    /// error stands at the file, so no later check may call them missing.
    public var nichtGeladeneVorlagen: Set<String> = []
    /// Static files copied to the output as they are (CSS, fonts, scripts), by relative path.
    public var assets: [String: [UInt8]]
    public var quellkarte: SourceMap
    /// German field names from the schemas' titles, by schema ("angebote") and dotted path
    /// ("angebote.*.zielgruppen", `*` for list items); for pages that name fields.
    public var feldtitel: [String: [String: String]] = [:]
    /// The fields of the items each open-data download lists, read from the project's schemas by the
    /// definition's name ("Angebot", "Meilenstein", "Beschluss", "Aufgabe"), in the schema's order:
    /// the one list of what the downloads hold (`Exportplan`), so a field a schema adds reaches them.
    public var exportfelder: [String: [Feld]] = [:]

    public init(kommune: Kommune, demografie: Demografie, gremien: Gremien, quellen: Quellen, programm: Programm,
                handlungskonzept: Handlungskonzept, rechtliches: Rechtliches, offeneDaten: OffeneDaten,
                angebote: Angebote, meilensteinplan: Meilensteinplan, sitzungen: [Sitzung], archiv: [Int: Datenstand], vorlagen: [String: Vorlage], assets: [String: [UInt8]], quellkarte: SourceMap = SourceMap()) {
        self.kommune = kommune
        self.demografie = demografie
        self.gremien = gremien
        self.quellen = quellen
        self.programm = programm
        self.handlungskonzept = handlungskonzept
        self.rechtliches = rechtliches
        self.offeneDaten = offeneDaten
        self.angebote = angebote
        self.meilensteinplan = meilensteinplan
        self.sitzungen = sitzungen
        self.archiv = archiv
        self.vorlagen = vorlagen
        self.assets = assets
        self.quellkarte = quellkarte
    }
}

/// A template's text and where it came from, for diagnostics.
public struct Vorlage: Sendable, Equatable {
    public var name: String
    /// Path relative to the project, `templates/kapitel/1-einleitung.md`
    public var datei: String
    public var text: String

    public init(name: String, datei: String, text: String) {
        self.name = name
        self.datei = datei
        self.text = text
    }
}

/// The datasets that change from one Fassung to the next.
public struct Datenstand: Sendable, Equatable {
    public var demografie: Demografie
    public var gremien: Gremien
    public var programm: Programm
    public var angebote: Angebote
    public var meilensteinplan: Meilensteinplan

    public init(demografie: Demografie, gremien: Gremien, programm: Programm, angebote: Angebote, meilensteinplan: Meilensteinplan) {
        self.demografie = demografie
        self.gremien = gremien
        self.programm = programm
        self.angebote = angebote
        self.meilensteinplan = meilensteinplan
    }
}

extension Projekt {
    /// The current data as a Datenstand.
    public var aktuellerStand: Datenstand {
        Datenstand(demografie: demografie, gremien: gremien, programm: programm, angebote: angebote, meilensteinplan: meilensteinplan)
    }

    /// The data of Fassung `nummer`: its archive, or the current data for the current Fassung.
    public func stand(_ nummer: Int) -> Datenstand {
        archiv[nummer] ?? aktuellerStand
    }

    /// The project with the datasets of an earlier Fassung swapped in, so every page renders as it did then.
    public func mit(_ stand: Datenstand) -> Projekt {
        var kopie = self
        kopie.demografie = stand.demografie
        kopie.gremien = stand.gremien
        kopie.programm = stand.programm
        kopie.angebote = stand.angebote
        kopie.meilensteinplan = stand.meilensteinplan
        return kopie
    }
}

extension Projekt {
    /// The Ansprechstelle for Sozialraum `nummer` (the first that names it), nil when none does.
    public func ansprechstelle(fuer nummer: String) -> Ansprechstelle? {
        ansprechstellen?.ansprechstellen.first { $0.sozialraeume.contains(nummer) }
    }
}
