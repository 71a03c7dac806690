/// Everything `load` read from a project, as typed values. Later stages never touch the disk.
public struct Projekt: Sendable {
    public var kommune: Kommune
    public var demografie: Demografie
    public var gremien: Gremien
    public var quellen: Quellen
    public var programm: Programm
    public var handlungskonzept: Handlungskonzept
    public var rechtliches: Rechtliches
    /// Template sources by name ("kapitel/1-einleitung", "layout"), project files over built-ins.
    public var vorlagen: [String: Vorlage]
    /// Static files copied to the output as they are (CSS, fonts, scripts), by relative path.
    public var assets: [String: [UInt8]]
    public var quellkarte: SourceMap

    public init(kommune: Kommune, demografie: Demografie, gremien: Gremien, quellen: Quellen, programm: Programm,
                handlungskonzept: Handlungskonzept, rechtliches: Rechtliches, vorlagen: [String: Vorlage], assets: [String: [UInt8]], quellkarte: SourceMap = SourceMap()) {
        self.kommune = kommune
        self.demografie = demografie
        self.gremien = gremien
        self.quellen = quellen
        self.programm = programm
        self.handlungskonzept = handlungskonzept
        self.rechtliches = rechtliches
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
