import Foundation
import KimDerive
import KimLoad
import KimModel
import KimRender
import KimValidate
import KimWrite

/// The build as named steps (load → validate → derive → render → write), each
/// reported as `[i/N] Schritt` while it runs. Only load reads the project and
/// only write touches the output.
public struct Build {
    public struct Optionen: Sendable {
        public var projekt: URL
        public var stichtag: Datum?
        public var intern: Bool
        /// Where the site goes; defaults to `site/` (public) or `build/intern/` (internal).
        public var ausgabe: URL?
        /// Fail on warnings too.
        public var streng: Bool

        public init(projekt: URL, stichtag: Datum? = nil, intern: Bool = false, ausgabe: URL? = nil, streng: Bool = false) {
            self.projekt = projekt
            self.stichtag = stichtag
            self.intern = intern
            self.ausgabe = ausgabe
            self.streng = streng
        }

        public var zielordner: URL {
            ausgabe ?? projekt.appendingPathComponent(intern ? "build/intern" : "site")
        }
    }

    public struct Ergebnis: Sendable {
        public var diagnostics: [Diagnostic]
        public var geschrieben: Bool
        public var dateien: Int
    }

    public let optionen: Optionen
    /// Progress lines go here (stderr in the command line, nowhere in tests).
    public let protokoll: @Sendable (String) -> Void

    public init(_ optionen: Optionen, protokoll: @escaping @Sendable (String) -> Void = { _ in }) {
        self.optionen = optionen
        self.protokoll = protokoll
    }

    /// Loads, validates, derives and renders without writing anything.
    public func pruefen(files: ProjectFiles? = nil) -> (Ausgabe?, [Diagnostic]) {
        pruefen(files: files, schritte: 4)
    }

    private func pruefen(files: ProjectFiles?, schritte: Int) -> (Ausgabe?, [Diagnostic]) {
        let files = files ?? .disk(optionen.projekt)
        var diagnostics: [Diagnostic] = []
        let projekt: Projekt? = schritt(1, schritte, "Laden") {
            let (projekt, gefunden) = ProjectLoader.load(files)
            diagnostics += gefunden
            return projekt
        }
        guard let projekt else { return (nil, diagnostics.sorted()) }
        schritt(2, schritte, "Prüfen") { diagnostics += Validate.check(projekt) }
        // The public filter runs before derive and render: no later stage sees what is not public.
        let sichtbar = optionen.intern ? projekt : Oeffentlichkeit.filtern(projekt)
        guard !diagnostics.hasErrors, let auswertung = schritt(3, schritte, "Ableiten", { Derive.auswerten(sichtbar, stichtag: optionen.stichtag) }) else {
            return (nil, diagnostics.sorted())
        }
        let ausgabe: Ausgabe = schritt(4, schritte, "Darstellen") {
            let (ausgabe, gefunden) = Website.render(sichtbar, auswertung, optionen: Website.Optionen(intern: optionen.intern))
            diagnostics += gefunden
            return ausgabe
        }
        let fehlgeschlagen = diagnostics.hasErrors || (optionen.streng && !diagnostics.isEmpty)
        return (fehlgeschlagen ? nil : ausgabe, diagnostics.sorted())
    }

    /// The whole build. The output folder is replaced only when everything succeeded.
    public func ausfuehren(files: ProjectFiles? = nil) throws -> Ergebnis {
        try schutzGegenUeberschreiben()
        let (ausgabe, diagnostics) = pruefen(files: files, schritte: 5)
        guard let ausgabe else { return Ergebnis(diagnostics: diagnostics, geschrieben: false, dateien: 0) }
        try schritt(5, 5, "Schreiben") {
            try AtomicFolderWriter(ziel: optionen.zielordner).schreiben(ausgabe.dateien)
        }
        return Ergebnis(diagnostics: diagnostics, geschrieben: true, dateien: ausgabe.dateien.count)
    }

    /// kim never writes into the project's sources, whatever `--ausgabe` says.
    func schutzGegenUeberschreiben() throws {
        let ziel = optionen.zielordner.standardizedFileURL.path
        let projekt = optionen.projekt.standardizedFileURL
        for geschuetzt in ["data", "templates", "schemas", "assets", ""] {
            let pfad = geschuetzt.isEmpty ? projekt.path : projekt.appendingPathComponent(geschuetzt).path
            if ziel == pfad || (!geschuetzt.isEmpty && ziel.hasPrefix(pfad + "/")) {
                throw AtomicFolderWriter.Failure(description: "kim schreibt nicht in \(geschuetzt.isEmpty ? "den Projektordner selbst" : geschuetzt + "/"); bitte einen anderen Ausgabeordner wählen")
            }
        }
    }

    private func schritt<Wert>(_ nummer: Int, _ gesamt: Int, _ name: String, _ arbeit: () throws -> Wert) rethrows -> Wert {
        let start = ContinuousClock.now
        let wert = try arbeit()
        let dauer = ContinuousClock.now - start
        let ms = Int(dauer.components.seconds * 1000) + Int(dauer.components.attoseconds / 1_000_000_000_000_000)
        protokoll("[\(nummer)/\(gesamt)] \(name) (\(ms) ms)")
        return wert
    }
}
