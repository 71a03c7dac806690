import Foundation
import KimDerive
import KimLoad
import KimModel
import KimRender
import KimValidate
import KimVorgaben
import KimWrite

/// The build as named steps (load → validate → derive → render → write), each
/// reported as `[i/N] Schritt` while it runs. Only load reads the project and
/// only write touches the output.
public struct Build: Sendable {
    public struct Optionen: Sendable {
        public var projekt: URL
        public var stichtag: Datum?
        public var intern: Bool
        /// Where the site goes; defaults to `site/` (public) or `build/intern/` (internal).
        public var ausgabe: URL?
        /// Fail on warnings too.
        public var streng: Bool
        /// Render the Handlungskonzept PDF (WeasyPrint) into the build.
        public var pdf: Bool

        public init(projekt: URL, stichtag: Datum? = nil, intern: Bool = false, ausgabe: URL? = nil, streng: Bool = false, pdf: Bool = false) {
            self.projekt = projekt
            self.stichtag = stichtag
            self.intern = intern
            self.ausgabe = ausgabe
            self.streng = streng
            self.pdf = pdf
        }

        public var zielordner: URL {
            ausgabe ?? projekt.appendingPathComponent(intern ? "build/intern" : "site")
        }
    }

    public struct Ergebnis: Sendable {
        public var diagnostics: [Diagnostic]
        public var geschrieben: Bool
        public var dateien: Int
        /// How the output folder was brought up to date (nothing to do, files written, files linked).
        public var schreibbericht = AtomicFolderWriter.Bericht()
        /// Nothing the build is made from changed since the last one, which the folder still holds:
        /// nothing was loaded or rendered.
        public var eingabenUnveraendert = false
        /// Files the change left alone (Sitzung pages and the groups of pages that read no Sitzung): kept from the folder, not rendered again.
        public var behalteneSeiten = 0
    }

    public let optionen: Optionen
    /// Progress lines go here (stderr in the command line, nowhere in tests).
    public let protokoll: @Sendable (String) -> Void

    public init(_ optionen: Optionen, protokoll: @escaping @Sendable (String) -> Void = { _ in }) {
        self.optionen = optionen
        self.protokoll = protokoll
    }

    /// What steps 1 to 4 made; nil from the step that did not run or found an error on.
    private struct Zwischenstand {
        /// The project as loaded, before the public filter.
        var geladen: Projekt?
        /// What derive and render see: after the public filter unless the build is internal.
        var sichtbar: Projekt?
        var auswertung: Auswertung?
        var ausgabe: Ausgabe?
        var diagnostics: [Diagnostic]
    }

    /// Loads, validates, derives and renders without writing anything. `gedaechtnis` lets a preview
    /// take over what an edit did not affect.
    public func pruefen(files: ProjectFiles? = nil, gedaechtnis: Gedaechtnis? = nil) -> (Ausgabe?, [Diagnostic]) {
        let stand = darstellen(files: files, schritte: 4, gedaechtnis: gedaechtnis)
        return (stand.ausgabe, stand.diagnostics)
    }

    /// Steps 1 to 3: load, validate, filter what is not public, derive. Nil when anything is wrong.
    func auswerten(files: ProjectFiles?, schritte: Int) -> (Projekt?, Auswertung?, [Diagnostic]) {
        let stand = auswerten(files: files, schritte: schritte, gedaechtnis: nil, uebernahme: nil)
        return (stand.sichtbar, stand.auswertung, stand.diagnostics)
    }

    /// Steps 1 to 4. `uebernahme` carries over what the last build into the same folder already did.
    private func darstellen(files: ProjectFiles?, schritte: Int, gedaechtnis: Gedaechtnis?, uebernahme: Uebernahme? = nil) -> Zwischenstand {
        var stand = auswerten(files: files, schritte: schritte, gedaechtnis: gedaechtnis, uebernahme: uebernahme)
        guard let sichtbar = stand.sichtbar, let auswertung = stand.auswertung else { return stand }
        let (ausgabe, website): (Ausgabe, Website) = schritt(4, schritte, "Darstellen") {
            let renderOptionen = uebernahme?.renderOptionen(sichtbar, intern: optionen.intern) ?? Website.Optionen(intern: optionen.intern)
            let (ausgabe, gefunden, website) = Website.render(sichtbar, auswertung, optionen: renderOptionen, handlungskonzept: gedaechtnis?.handlungskonzept)
            stand.diagnostics += gefunden
            return (ausgabe, website)
        }
        stand.diagnostics.sort()
        let fehlgeschlagen = stand.diagnostics.hasErrors || (optionen.streng && !stand.diagnostics.isEmpty)
        if !fehlgeschlagen {
            stand.ausgabe = ausgabe
            if let geladen = stand.geladen {
                gedaechtnis?.letzterStand.merken(optionen.intern, .init(projekt: geladen, kennungen: Sitzungskennungen(geladen), website: website))
            }
        }
        return stand
    }

    private func auswerten(files: ProjectFiles?, schritte: Int, gedaechtnis: Gedaechtnis?, uebernahme: Uebernahme?) -> Zwischenstand {
        // A project holds only what is its own; everything else comes from kim's built-in defaults.
        let eigene = files ?? .disk(optionen.projekt)
        let files = eigene.ueberlagert(Vorgaben.dateien)
        var stand = Zwischenstand(diagnostics: Schemaablage.abweichungen(eigene))
        stand.geladen = schritt(1, schritte, "Laden") {
            let (projekt, gefunden) = ProjectLoader.load(files, gedaechtnis: gedaechtnis?.dateien, ohneBefund: uebernahme?.ohneBefund)
            stand.diagnostics += gefunden
            return projekt
        }
        guard let projekt = stand.geladen else {
            stand.diagnostics.sort()
            return stand
        }
        schritt(2, schritte, "Prüfen") {
            stand.diagnostics += Validate.check(projekt)
            stand.diagnostics += Rohausgabe.pruefen(projekt.vorlagen, eigen: { eigene.exists($0) }, eingebaut: Vorgaben.dateien)
        }
        stand.diagnostics.sort()
        guard !stand.diagnostics.hasErrors else { return stand }
        // The public filter runs before derive and render: no later stage sees what is not public.
        let sichtbar = optionen.intern ? projekt : Oeffentlichkeit.filtern(projekt)
        stand.auswertung = schritt(3, schritte, "Ableiten") { Derive.auswerten(sichtbar, stichtag: optionen.stichtag) }
        if stand.auswertung != nil { stand.sichtbar = sichtbar }
        return stand
    }

    /// The whole build. The output folder is replaced only when everything succeeded. A build from
    /// disk whose inputs gave the same answers as the last one's (see Buildvermerk) ends after comparing;
    /// one whose change left Sitzungen alone keeps their pages (see Uebernahme).
    public func ausfuehren(files: ProjectFiles? = nil) throws -> Ergebnis {
        try schutzGegenUeberschreiben()
        // Only a build from disk can tell next time whether its files changed.
        let vermerk = files == nil ? ablage?.vermerk : nil
        let start = ContinuousClock.now
        let vorher = vermerk.flatMap(Buildvermerk.laden).flatMap { passt($0) ? $0 : nil }
        if let ablage, let vorher, let ergebnis = unveraendert(vorher, bestandsliste: ablage.bestandsliste) {
            protokoll("[1/1] Eingaben vergleichen (\(Self.millisekunden(seit: start)) ms)")
            return ergebnis
        }
        do {
            return try bauen(files: files, vermerk: vermerk, vorher: vorher)
        } catch let veraendert as AtomicFolderWriter.BestandVeraendert {
            // Someone changed the output folder while kim rendered: what was to be kept has to be made.
            protokoll("\(veraendert.pfade.first ?? "") wurde während des Builds verändert; alle Seiten werden neu dargestellt")
            return try bauen(files: files, vermerk: vermerk, vorher: nil)
        }
    }

    private func bauen(files: ProjectFiles?, vermerk: URL?, vorher: Buildvermerk?) throws -> Ergebnis {
        let ablage = self.ablage
        let (eigene, aufzeichnung) = Eingabeprotokoll.aufzeichnen(files ?? .disk(optionen.projekt))
        let schritte = optionen.pdf ? 6 : 5
        let uebernahme = vorher.flatMap { vorher in
            ablage.map { ablage in
                Uebernahme(vorher: vorher, jetzt: aufzeichnung, listeDesVermerks: { [self] in schreiber(ablage.bestandsliste).bestandslistenSumme() == vorher.bestand })
            }
        }
        let stand = darstellen(files: eigene, schritte: schritte, gedaechtnis: nil, uebernahme: uebernahme)
        let diagnostics = stand.diagnostics
        guard var ausgabe = stand.ausgabe, let projekt = stand.sichtbar, let auswertung = stand.auswertung else {
            return Ergebnis(diagnostics: diagnostics, geschrieben: false, dateien: 0)
        }
        let pdfName = PDFErzeugung.dateiname(fassung: auswertung.aktuelleFassung.nummer)
        if optionen.pdf {
            try schritt(5, schritte, "PDF") {
                ausgabe.dateien[pdfName] = try handlungskonzeptPDF(projekt, auswertung, fassung: auswertung.aktuelleFassung.nummer)
            }
        } else if let vorhanden = try? Data(contentsOf: optionen.zielordner.appendingPathComponent(pdfName)) {
            // --no-pdf: keep the PDF of the previous build, so the site's link stays good.
            ausgabe.dateien[pdfName] = Array(vorhanden)
        }
        let bericht = try schritt(schritte, schritte, "Schreiben") {
            // The folder is about to change: until the new record is saved, no record may vouch for it.
            if let vermerk { try? FileManager.default.removeItem(at: vermerk) }
            let bericht = try schreiber(ablage?.bestandsliste).schreiben(ausgabe.dateien, behalten: ausgabe.behalten)
            if let vermerk, let bestand = bericht.bestand, let programm = Buildvermerk.programmkennung() {
                try? Buildvermerk(ziel: zielpfad, programm: programm, optionen: optionenkennung, bestand: bestand,
                                  dateien: ausgabe.anzahl, befunde: diagnostics, eingaben: aufzeichnung.stand,
                                  gruppen: ausgabe.gruppen).speichern(vermerk)
            }
            return bericht
        }
        return Ergebnis(diagnostics: diagnostics, geschrieben: true, dateien: ausgabe.anzahl, schreibbericht: bericht, behalteneSeiten: ausgabe.behalten.count)
    }

    /// Where the list of what a build wrote, the record of what it was made from and the output of the
    /// build before live: in build/, not in the site a reader downloads; one set per output folder
    /// (site/, build/intern/), none when the output folder would hold them.
    private var ablage: (bestandsliste: URL, vermerk: URL, vorrat: URL)? {
        let ziel = optionen.zielordner
        let name = optionen.projekt.appendingPathComponent("build/\(ziel.lastPathComponent)").standardizedFileURL.path
        guard !name.hasPrefix(ziel.standardizedFileURL.path + "/") else { return nil }
        return (URL(fileURLWithPath: name + ".bestandsliste"), URL(fileURLWithPath: name + ".vermerk"), URL(fileURLWithPath: name + ".vorige"))
    }

    private var zielpfad: String { optionen.zielordner.standardizedFileURL.path }

    private var optionenkennung: String {
        "intern=\(optionen.intern) streng=\(optionen.streng) pdf=\(optionen.pdf) stichtag=\(optionen.stichtag.map { "\($0)" } ?? "-")"
    }

    private func schreiber(_ bestandsliste: URL?) -> AtomicFolderWriter {
        let ziel = optionen.zielordner
        return AtomicFolderWriter(ziel: ziel, bestandsliste: bestandsliste, vorrat: bestandsliste == nil ? nil : ablage?.vorrat,
                                  nachgelagert: Website.nachgelagerteOrdner, beimWarten: { [protokoll] in
            protokoll("Ein anderer kim-Lauf schreibt gerade nach \(ziel.path); warte, bis er fertig ist …")
        })
    }

    /// Whether a record was made by this kim, with these options, into this folder: only then can its
    /// answers stand for this build's.
    private func passt(_ vermerk: Buildvermerk) -> Bool {
        vermerk.ziel == zielpfad && vermerk.optionen == optionenkennung && vermerk.programm == Buildvermerk.programmkennung()
    }

    /// The result of the last build when nothing it was made from changed and the output folder is as it left it.
    private func unveraendert(_ vermerk: Buildvermerk, bestandsliste: URL) -> Ergebnis? {
        guard vermerk.eingaben.stimmt(mit: .disk(optionen.projekt)), schreiber(bestandsliste).bestand() == vermerk.bestand else { return nil }
        return Ergebnis(diagnostics: vermerk.befunde, geschrieben: true, dateien: vermerk.dateien,
                        schreibbericht: .init(unveraendert: true, bestand: vermerk.bestand), eingabenUnveraendert: true)
    }

    /// The print document of a Fassung rendered to PDF (from the cache when unchanged).
    public func handlungskonzeptPDF(_ projekt: Projekt, _ auswertung: Auswertung, fassung: Int) throws -> [UInt8] {
        let (html, befunde) = Druckfassung.html(projekt, auswertung, fassung: fassung)
        guard let html, !befunde.hasErrors else {
            throw PDFErzeugung.Failure(description: "das Druckdokument hat Fehler:\n" + befunde.eindeutig.map(\.formatted).joined(separator: "\n"))
        }
        return try PDFErzeugung(projekt: optionen.projekt).pdf(html, name: "handlungskonzept-fassung-\(fassung)", assets: projekt.assets)
    }

    /// Loads, validates and derives for documents outside the site (PDF, briefing).
    public func auswerten() -> (Projekt?, Auswertung?, [Diagnostic]) {
        auswerten(files: nil, schritte: 3)
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
        // Nor into a folder that holds the project: replacing it would take the project with it.
        if projekt.path.hasPrefix(ziel.hasSuffix("/") ? ziel : ziel + "/") {
            throw AtomicFolderWriter.Failure(description: "kim schreibt nicht in \(ziel), der Ordner enthält das Projekt; bitte einen anderen Ausgabeordner wählen")
        }
    }

    private func schritt<Wert>(_ nummer: Int, _ gesamt: Int, _ name: String, _ arbeit: () throws -> Wert) rethrows -> Wert {
        let start = ContinuousClock.now
        let wert = try arbeit()
        protokoll("[\(nummer)/\(gesamt)] \(name) (\(Self.millisekunden(seit: start)) ms)")
        return wert
    }

    private static func millisekunden(seit start: ContinuousClock.Instant) -> Int {
        let dauer = ContinuousClock.now - start
        return Int(dauer.components.seconds * 1000) + Int(dauer.components.attoseconds / 1_000_000_000_000_000)
    }
}
