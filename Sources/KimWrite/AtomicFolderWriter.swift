import CAtomicRename
#if canImport(Glibc)
import Glibc
#endif
import Foundation
import KimModel

/// The write stage: puts a whole build into place at once. Files go into a hidden
/// sibling folder first, which is then swapped with the output folder in one
/// rename (Toucan's temporary folder, made atomic with Linux's RENAME_EXCHANGE).
/// A failed or killed build therefore leaves either the old or the new folder.
public struct AtomicFolderWriter {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String

        public init(description: String) {
            self.description = description
        }
    }

    public let ziel: URL
    /// Where the list of what the last build wrote is kept (see `Bestandsliste`); nil: every
    /// build writes every file.
    public let bestandsliste: URL?
    /// Top-level folders another tool adds after kim from the finished files (the search index):
    /// left in place while the files stay the same, gone with the previous files when they change.
    public let nachgelagert: Set<String>
    /// Where the previous output is kept between builds and brought up to date in place (see `Vorrat`);
    /// nil, or on another file system than `ziel`: each build fills a fresh folder and deletes the previous one.
    public let vorrat: URL?
    /// Runs when another kim is writing into the same place and this one waits for it.
    let beimWarten: @Sendable () -> Void

    public init(ziel: URL, bestandsliste: URL? = nil, vorrat: URL? = nil, nachgelagert: Set<String> = [],
                beimWarten: @escaping @Sendable () -> Void = {}) {
        self.ziel = ziel.standardizedFileURL
        self.bestandsliste = bestandsliste
        self.vorrat = vorrat?.standardizedFileURL
        self.nachgelagert = nachgelagert
        self.beimWarten = beimWarten
    }

    /// How a call of `schreiben` went, for tests and the benchmark.
    public struct Bericht: Equatable, Sendable {
        /// Nothing had changed: the folder was left as it was.
        public var unveraendert = false
        /// Files written anew, files linked from the previous build.
        public var geschrieben = 0
        public var verknuepft = 0
        /// The hash of the Bestandsliste now describing the folder (see `bestand()`); nil without one.
        public var bestand: String?

        public init(unveraendert: Bool = false, geschrieben: Int = 0, verknuepft: Int = 0, bestand: String? = nil) {
            self.unveraendert = unveraendert
            self.geschrieben = geschrieben
            self.verknuepft = verknuepft
            self.bestand = bestand
        }
    }

    var temporaerPraefix: String { ".\(ziel.lastPathComponent).kim-tmp-" }

    /// The folder no longer holds, as the Bestandsliste records it, a file the build meant to keep
    /// (`behalten`): someone changed it since. The build has to make that file after all.
    public struct BestandVeraendert: Error, Sendable {
        public var pfade: [String]
    }

    /// Writes `dateien` (relative path → bytes) and keeps `behalten` (paths whose bytes the folder
    /// already holds, as the Bestandsliste records them) as the complete new content of `ziel`.
    /// With a `bestandsliste`, a folder that already holds exactly these files is left alone
    /// (no file rewritten, no inode or mtime touched), and otherwise the files that are
    /// unchanged are hard-linked from the previous build into the new folder before the swap.
    /// Throws `BestandVeraendert`, before anything is written, when a file to keep is not as recorded.
    @discardableResult
    public func schreiben(_ dateien: [String: [UInt8]], behalten: Set<String> = []) throws -> Bericht {
        let fileManager = FileManager.default
        let eltern = ziel.deletingLastPathComponent()
        do {
            try fileManager.createDirectory(at: eltern, withIntermediateDirectories: true)
        } catch {
            throw Failure(description: "der Ordner \(eltern.path) lässt sich nicht anlegen: \(Systemfehler.beschreibung(error))")
        }
        let sperre = try Schreibsperre(eltern, beimWarten: beimWarten)
        defer { sperre.freigeben() }
        // Before anything is written: a folder kim may not change would stop the swap halfway.
        for pfad in [eltern.path] + (fileManager.fileExists(atPath: ziel.path) ? [ziel.path] : []) {
            if let gesperrt = pfad == eltern.path ? (access(pfad, W_OK | X_OK) == 0 ? nil : pfad) : Schreibbarkeit.ersterGesperrterOrdner(pfad) {
                throw Failure(description: "\(gesperrt) ist schreibgeschützt; kim kann \(ziel.lastPathComponent)/ nicht ersetzen, es bleibt unverändert")
            }
        }
        aufraeumen()
        var pruefsummen = bestandsliste == nil ? [:] : Pruefsumme.von(dateien)
        let anzahl = dateien.count + behalten.count
        var gleich: Set<String> = []
        var liste: Bestandsliste?
        if let datei = bestandsliste, let geladen = Bestandsliste.laden(datei, ziel: ziel.path), let stand = Dateistand.erfassen(ziel)?.ohne(nachgelagert) {
            liste = geladen
            for pfad in behalten { pruefsummen[pfad] = geladen.eintraege[pfad]?.pruefsumme }
            gleich = geladen.unveraendert(pruefsummen, stand)
            if gleich.count == anzahl, stand.dateien.count == anzahl, stand.sonstige == 0,
               stand.ordner == Dateistand.benoetigteOrdner(Array(dateien.keys) + behalten) {
                return Bericht(unveraendert: true, bestand: geladen.stimmt(mit: stand) ? geladen.summe.text : nil)
            }
        }
        let verschwunden = behalten.subtracting(gleich)
        guard verschwunden.isEmpty else { throw BestandVeraendert(pfade: verschwunden.sorted()) }
        if let vorrat = nutzbarerVorrat() {
            do {
                let ergebnis = try Vorrat.abgleichen(vorrat, dateien: dateien, behalten: behalten, pruefsummen: pruefsummen,
                                                     liste: liste, gleich: gleich, aus: ziel)
                let bestand = try tauschen(vorrat, alterStandBleibt: true, neueListe: neueListe(ergebnis.kennungen, pruefsummen))
                let uebernommen = ergebnis.verknuepft + ergebnis.unberuehrt
                return Bericht(unveraendert: false, geschrieben: anzahl - uebernommen, verknuepft: uebernommen, bestand: bestand)
            } catch {
                // The output folder is untouched; the kept folder is whatever it is now, which the next build sorts out.
                if error is Failure { throw error }
                throw Failure(description: "\(ziel.path) ließ sich nicht schreiben: \(Systemfehler.beschreibung(error))")
            }
        }
        let temporaer = eltern.appendingPathComponent(temporaerPraefix + String(ProcessInfo.processInfo.processIdentifier))
        try? Ordnerloeschung.entfernen(temporaer)
        do {
            try fileManager.createDirectory(at: temporaer, withIntermediateDirectories: true)
            let (kennungen, verknuepft) = try Dateiablage.schreiben(dateien, in: temporaer, verknuepfen: gleich, behalten: behalten, aus: ziel)
            let bestand = try tauschen(temporaer, alterStandBleibt: false, neueListe: neueListe(kennungen, pruefsummen))
            return Bericht(unveraendert: false, geschrieben: anzahl - verknuepft, verknuepft: verknuepft, bestand: bestand)
        } catch {
            try? Ordnerloeschung.entfernen(temporaer)
            if error is Failure { throw error }
            throw Failure(description: "\(ziel.path) ließ sich nicht schreiben: \(Systemfehler.beschreibung(error))")
        }
    }

    /// The list describing the folder about to be swapped in; nil without a place for one.
    private func neueListe(_ kennungen: [String: Dateikennung], _ pruefsummen: [String: Pruefsumme]) -> Bestandsliste? {
        bestandsliste.map { _ in
            Bestandsliste(ziel: ziel.path, eintraege: kennungen.reduce(into: [:]) { liste, eintrag in
                if let summe = pruefsummen[eintrag.key] { liste[eintrag.key] = .init(pruefsumme: summe, kennung: eintrag.value) }
            })
        }
    }

    /// The kept folder, when there is a place for it on the file system of the output folder (a rename
    /// between them has to work) and a Bestandsliste to tell its right files by.
    private func nutzbarerVorrat() -> URL? {
        // Without a previous output there is nothing to keep: the fresh folder beside it is as good.
        guard let vorrat, bestandsliste != nil, FileManager.default.fileExists(atPath: ziel.path) else { return nil }
        let ort = vorrat.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: ort, withIntermediateDirectories: true)
        return Vorrat.gleichesGeraet(ort, ziel.deletingLastPathComponent()) ? vorrat : nil
    }

    /// The hash of the Bestandsliste as saved, without reading the folder: names the build that saved it.
    public func bestandslistenSumme() -> String? {
        guard let datei = bestandsliste, let daten = try? Data(contentsOf: datei) else { return nil }
        return Pruefsumme(Array(daten)).text
    }

    /// The hash of the Bestandsliste when the folder still holds exactly what the build that saved
    /// it wrote (no file changed, added or removed since); nil otherwise. Reads nothing but the
    /// list and the folder's entries.
    public func bestand() -> String? {
        guard let datei = bestandsliste, let liste = Bestandsliste.laden(datei, ziel: ziel.path),
              let stand = Dateistand.erfassen(ziel)?.ohne(nachgelagert), liste.stimmt(mit: stand) else { return nil }
        return liste.summe.text
    }

    /// Puts `neu` in the place of the output folder in one step and saves the new list; returns its hash.
    /// The previous output ends up in `neu`'s place: kept there when `alterStandBleibt` (the kept folder,
    /// see `Vorrat`), removed otherwise.
    ///
    /// No fsync or syncfs before the swap. Atomicity against a killed kim is the swap itself
    /// (RENAME_EXCHANGE): the old folder stays whole until the new one is complete. Durability
    /// against a power cut is the file system's business, as for Hugo or Jekyll, which do not
    /// sync either; a syncfs flushed the whole shared disk and took tens of seconds at state scale.
    private func tauschen(_ neu: URL, alterStandBleibt: Bool, neueListe: Bestandsliste?) throws -> String? {
        // Right after the swap: a failure only costs the next build the links (a list kim cannot read
        // is a list it does not use).
        func listeSpeichern() -> String? {
            guard let datei = bestandsliste, let neueListe else { return nil }
            return (try? neueListe.speichern(datei))?.text
        }
        let fileManager = FileManager.default
        var istOrdner: ObjCBool = false
        guard fileManager.fileExists(atPath: ziel.path, isDirectory: &istOrdner) else {
            try fileManager.moveItem(at: neu, to: ziel)
            return listeSpeichern()
        }
        guard istOrdner.boolValue else {
            throw Failure(description: "\(ziel.path) ist eine Datei, kein Ordner")
        }
        if kim_exchange_paths(neu.path, ziel.path) == 0 {
            // `neu` now holds the previous build.
            let bestand = listeSpeichern()
            if !alterStandBleibt { try Ordnerloeschung.entfernen(neu) }
            return bestand
        }
        // Without RENAME_EXCHANGE: two renames, the window between them is as short as it gets.
        let alt = eltern.appendingPathComponent(temporaerPraefix + String(ProcessInfo.processInfo.processIdentifier) + "-alt")
        try fileManager.moveItem(at: ziel, to: alt)
        do {
            try fileManager.moveItem(at: neu, to: ziel)
        } catch {
            try? fileManager.moveItem(at: alt, to: ziel)
            throw error
        }
        let bestand = listeSpeichern()
        if alterStandBleibt, (try? fileManager.moveItem(at: alt, to: neu)) != nil { return bestand }
        try? Ordnerloeschung.entfernen(alt)
        return bestand
    }

    private var eltern: URL { ziel.deletingLastPathComponent() }

    /// Removes what a killed earlier build left behind.
    func aufraeumen() {
        let fileManager = FileManager.default
        let eltern = ziel.deletingLastPathComponent()
        guard let eintraege = try? fileManager.contentsOfDirectory(atPath: eltern.path) else { return }
        for eintrag in eintraege.sorted() where eintrag.hasPrefix(temporaerPraefix) {
            let url = eltern.appendingPathComponent(eintrag)
            // Killed between the two renames of the fallback: the previous build is only here, put it back.
            if eintrag.hasSuffix("-alt"), !fileManager.fileExists(atPath: ziel.path), (try? fileManager.moveItem(at: url, to: ziel)) != nil {
                continue
            }
            try? Ordnerloeschung.entfernen(url)
        }
    }

    /// Resolves a relative output path inside `ordner`, refusing anything that would leave it.
    public static func sichererPfad(_ pfad: String, in ordner: URL) throws -> URL {
        try pruefen(pfad)
        return ordner.appendingPathComponent(pfad)
    }

    /// The same on plain paths, for the writer's 140 000 files (a `URL` per file was a tenth of writing).
    static func sichererPfad(_ pfad: String, in ordner: String) throws -> String {
        try pruefen(pfad)
        return ordner + "/" + pfad
    }

    private static func pruefen(_ pfad: String) throws {
        let teile = pfad.split(separator: "/", omittingEmptySubsequences: false)
        guard !pfad.isEmpty, !pfad.hasPrefix("/"), !teile.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." || $0.contains("\0") }) else {
            throw Failure(description: "unzulässiger Ausgabepfad \"\(pfad)\": er würde den Ausgabeordner verlassen")
        }
    }
}
