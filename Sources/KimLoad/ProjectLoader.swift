import KimModel

/// The load stage: reads the whole project into a typed `Projekt`, or returns every
/// problem it found. It is the only stage that reads files.
public enum ProjectLoader {
    /// Tells of a data file (path, then its schema's path) that its bytes passed that schema without
    /// a finding before, and the schema its own check, so checking either again would find nothing.
    public typealias OhneBefund = @Sendable (_ datei: String, _ schema: String) -> Bool

    /// Where the Sitzungen are: one file each, at any depth below this folder.
    public static let sitzungsordner = "data/sitzungen"

    /// The one rule for "a Sitzung file", for the load, the build's Uebernahme, the preview's quick path and
    /// the workbench: a `.json` file at any depth below `data/sitzungen`, none of whose names is hidden (the
    /// listing leaves those out, so a hidden one is no Sitzung the build would read).
    public static func istSitzungsdatei(_ pfad: String) -> Bool {
        pfad.hasPrefix(sitzungsordner + "/") && pfad.hasSuffix(".json")
            && !pfad.dropFirst(sitzungsordner.count + 1).split(separator: "/").contains { $0.hasPrefix(".") }
    }

    /// `gedaechtnis` keeps what earlier loads of the same project found (`kim serve`); `ohneBefund`
    /// names the files a previous build already checked (`kim build`).
    public static func load(_ files: ProjectFiles, gedaechtnis: Merkliste<String, Ladeergebnis>? = nil, ohneBefund: OhneBefund? = nil) -> (Projekt?, [Diagnostic]) {
        var loader = DatasetLoader(files: files, gedaechtnis: gedaechtnis, ohneBefund: ohneBefund)
        let kommune = loader.load(Kommune.self, from: "data/kommune.json", schema: "kommune")
        let demografie = loader.load(Demografie.self, from: "data/demografie.json", schema: "demografie")
        let gremien = loader.load(Gremien.self, from: "data/gremien.json", schema: "gremien")
        let quellen = loader.load(Quellen.self, from: "data/quellen.json", schema: "quellen")
        let programm = loader.load(Programm.self, from: "data/programm.json", schema: "programm")
        let handlungskonzept = loader.load(Handlungskonzept.self, from: "data/handlungskonzept.json", schema: "handlungskonzept")
        let rechtliches = loader.load(Rechtliches.self, from: "data/rechtliches.json", schema: "rechtliches")
        let offeneDaten = loader.load(OffeneDaten.self, from: "data/offene-daten.json", schema: "offene-daten")
        let angebote = loader.load(Angebote.self, from: "data/angebote.json", schema: "angebote")
        let meilensteinplan = loader.load(Meilensteinplan.self, from: "data/meilensteine.json", schema: "meilensteine")
        let sitzungen = loadSitzungen(files, &loader)
        let archiv = loadArchive(files, &loader)
        let berichtsdaten = files.exists("data/berichte.json")
            ? loader.load(Berichte.self, from: "data/berichte.json", schema: "berichte") : nil
        let glossar = files.exists("data/glossar.json")
            ? loader.load(Glossar.self, from: "data/glossar.json", schema: "glossar")?.begriffe ?? [] : []
        let sprachen = files.exists("data/sprachen.json")
            ? loader.load(Sprachen.self, from: "data/sprachen.json", schema: "sprachen")?.sprachen ?? [] : []
        let ansprechstellen = files.exists("data/ansprechstellen.json")
            ? loader.load(Ansprechstellen.self, from: "data/ansprechstellen.json", schema: "ansprechstellen") : nil
        var diagnostics = loader.diagnostics
        for ordner in [sitzungsordner, "data/fassungen", "templates", "assets"] { diagnostics += files.problems(ordner) }
        var nichtGeladen: Set<String> = []
        let vorlagen = Korrekturen.anwenden(handlungskonzept?.korrekturen ?? [], auf: loadTemplates(files, into: &diagnostics, nichtGeladen: &nichtGeladen),
                                            nichtGeladen: nichtGeladen, quellkarte: loader.sourceMap, diagnostics: &diagnostics)
        let assets = loadAssets(files, into: &diagnostics)

        guard let kommune, let demografie, let gremien, let quellen, let programm, let handlungskonzept, let rechtliches,
              let offeneDaten, let angebote, let meilensteinplan else {
            return (nil, diagnostics.sorted())
        }
        let projekt = Projekt(kommune: kommune, demografie: demografie, gremien: gremien, quellen: quellen, programm: programm,
                              handlungskonzept: handlungskonzept, rechtliches: rechtliches, offeneDaten: offeneDaten,
                              angebote: angebote, meilensteinplan: meilensteinplan,
                              sitzungen: sitzungen.sorted { ($0.datum, $0.gremium, $0.nummer) < ($1.datum, $1.gremium, $1.nummer) },
                              archiv: archiv, vorlagen: vorlagen, assets: assets, quellkarte: loader.sourceMap)
        var vollstaendig = projekt
        vollstaendig.nichtGeladeneVorlagen = nichtGeladen
        vollstaendig.berichte = (berichtsdaten?.berichte ?? []).sorted { $0.stichtag < $1.stichtag }
        vollstaendig.berichtsdaten = berichtsdaten
        vollstaendig.glossar = glossar
        vollstaendig.sprachen = sprachen
        vollstaendig.ansprechstellen = ansprechstellen
        // The datasets whose changes between Fassungen are listed field by field.
        for schema in ["angebote", "meilensteine", "gremien", "programm"] {
            vollstaendig.feldtitel[schema] = Feldtitel.lesen(files, schema: schema)
        }
        for (schema, definition) in Exportfelder.datensaetze {
            vollstaendig.exportfelder[definition] = Exportfelder.lesen(files, schema: schema, definition: definition)
        }
        return (vollstaendig, diagnostics.sorted())
    }

    /// One file per Sitzung, 19 000 at state scale: loaded on all cores, each with its own loader,
    /// whose findings and locations are then taken over in file order, as a serial load records them.
    static func loadSitzungen(_ files: ProjectFiles, _ loader: inout DatasetLoader) -> [Sitzung] {
        let pfade = files.list(sitzungsordner).filter(istSitzungsdatei)
        guard !pfade.isEmpty, loader.schemaVorab("sitzung") else {
            return pfade.compactMap { pfad in loader.load(Sitzung.self, from: pfad, schema: "sitzung").map { $0.mitDatei(pfad) } }
        }
        let vorlage = loader
        let geladen = Parallel.map(pfade) { pfad -> (Sitzung?, DatasetLoader) in
            var einzeln = vorlage.fuerEineDatei()
            return (einzeln.load(Sitzung.self, from: pfad, schema: "sitzung")?.mitDatei(pfad), einzeln)
        }
        var sitzungen: [Sitzung] = []
        sitzungen.reserveCapacity(geladen.count)
        for (sitzung, einzeln) in geladen {
            loader.uebernehmen(einzeln)
            if let sitzung { sitzungen.append(sitzung) }
        }
        return sitzungen
    }

    /// One Sitzung file on its own, read (links kept inside data/), checked against its schema and decoded
    /// as `load` does it; nil with the findings when it has errors (`kim serve`'s quick path).
    public static func sitzung(_ files: ProjectFiles, _ pfad: String) -> (Sitzung?, [Diagnostic]) {
        var loader = DatasetLoader(files: files)
        let sitzung = loader.load(Sitzung.self, from: pfad, schema: "sitzung")?.mitDatei(pfad)
        return (loader.diagnostics.hasErrors ? nil : sitzung, loader.diagnostics)
    }

    /// `data/fassungen/N/` holds the datasets as they were when Fassung N was adopted.
    static func loadArchive(_ files: ProjectFiles, _ loader: inout DatasetLoader) -> [Int: Datenstand] {
        var archiv: [Int: Datenstand] = [:]
        let ordner = Set(files.list("data/fassungen").compactMap { pfad -> String? in
            let teile = pfad.split(separator: "/")
            return teile.count >= 4 ? String(teile[2]) : nil
        })
        for name in ordner.sorted() {
            let basis = "data/fassungen/\(name)"
            guard let nummer = Int(name), nummer > 0 else {
                loader.diagnostics.append(.error(basis, nil, "der Ordner muss nach der Nummer der Fassung heißen, gefunden: \"\(name)\"",
                                                 hint: "z. B. data/fassungen/1/"))
                continue
            }
            let demografie = loader.load(Demografie.self, from: "\(basis)/demografie.json", schema: "demografie")
            let gremien = loader.load(Gremien.self, from: "\(basis)/gremien.json", schema: "gremien")
            let programm = loader.load(Programm.self, from: "\(basis)/programm.json", schema: "programm")
            let angebote = loader.load(Angebote.self, from: "\(basis)/angebote.json", schema: "angebote")
            let meilensteine = loader.load(Meilensteinplan.self, from: "\(basis)/meilensteine.json", schema: "meilensteine")
            if let demografie, let gremien, let programm, let angebote, let meilensteine {
                archiv[nummer] = Datenstand(demografie: demografie, gremien: gremien, programm: programm, angebote: angebote, meilensteinplan: meilensteine)
            }
        }
        return archiv
    }

    /// `nichtGeladen` gets the names of templates that exist but have an error of their own.
    static func loadTemplates(_ files: ProjectFiles, into diagnostics: inout [Diagnostic], nichtGeladen: inout Set<String>) -> [String: Vorlage] {
        var vorlagen: [String: Vorlage] = [:]
        for path in files.list("templates") where path.hasSuffix(".md") || path.hasSuffix(".html") {
            let relative = path.dropFirst("templates/".count)
            let name = String(relative[..<(relative.lastIndex(of: ".") ?? relative.endIndex)])
            nichtGeladen.insert(name)
            let bytes: [UInt8]
            do {
                bytes = try files.read(path)
            } catch {
                diagnostics.append(.error(path, nil, (error as? ProjectFiles.Refused)?.reason ?? "die Vorlage ist nicht lesbar"))
                continue
            }
            guard var text = String(validating: bytes, as: UTF8.self) else {
                diagnostics.append(.error(path, ersterFehler(in: bytes) { _ in false }, "die Vorlage ist kein gültiges UTF-8", hint: "die Datei als UTF-8 speichern"))
                continue
            }
            if let nul = ersterFehler(in: bytes, { $0 == "\0" }) {
                // cmark would show it as �, an HTML template would write it into the page.
                diagnostics.append(.error(path, nul, "die Vorlage enthält ein NUL-Zeichen", hint: "das Zeichen entfernen"))
                continue
            }
            if let zeichen = ersterFehler(in: bytes, JSONParser.unzulaessig) {
                // Noncharacters would make feed.xml and the OParl files ill-formed; C1 controls are not allowed in HTML.
                let scalar = text.unicodeScalars.first(where: JSONParser.unzulaessig) ?? "\u{FFFF}"
                diagnostics.append(.error(path, zeichen, "die Vorlage enthält ein " + JSONParser.beschreibung(scalar).replacingOccurrences(of: " in einem Text", with: ""),
                                          hint: "das Zeichen entfernen"))
                continue
            }
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            // Foundation's replacingOccurrences scans every template on every build; most have no CR at all.
            if bytes.contains(UInt8(ascii: "\r")) { text = text.replacingOccurrences(of: "\r\n", with: "\n") }
            if let existing = vorlagen[name] {
                diagnostics.append(.error(path, nil, "eine Vorlage namens \"\(name)\" gibt es schon: \(existing.datei)", hint: "eine der beiden umbenennen"))
                continue
            }
            vorlagen[name] = Vorlage(name: name, datei: path, text: text)
            nichtGeladen.remove(name)
        }
        // Not-file entries (a FIFO named like a chapter) are reported by the listing; they are not missing either.
        for befund in files.problems("templates") where befund.file.hasSuffix(".md") || befund.file.hasSuffix(".html") {
            let relative = befund.file.dropFirst("templates/".count)
            nichtGeladen.insert(String(relative[..<(relative.lastIndex(of: ".") ?? relative.endIndex)]))
        }
        return vorlagen
    }

    /// Line and column of the first scalar `ungueltig` rejects or of the first byte that is not UTF-8.
    static func ersterFehler(in bytes: [UInt8], _ ungueltig: (Unicode.Scalar) -> Bool) -> SourceLocation? {
        var zeile = 1, spalte = 1
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if ungueltig(scalar) { return SourceLocation(line: zeile, column: spalte) }
                if scalar == "\n" { zeile += 1; spalte = 1 } else { spalte += 1 }
            case .emptyInput:
                return nil
            case .error:
                return SourceLocation(line: zeile, column: spalte)
            }
        }
    }

    static func loadAssets(_ files: ProjectFiles, into diagnostics: inout [Diagnostic]) -> [String: [UInt8]] {
        var assets: [String: [UInt8]] = [:]
        for path in files.list("assets") {
            let bytes: [UInt8]
            do {
                bytes = try files.read(path)
            } catch {
                diagnostics.append(.error(path, nil, (error as? ProjectFiles.Refused)?.reason ?? "die Datei ist nicht lesbar"))
                continue
            }
            assets[path] = bytes
        }
        return assets
    }
}

extension Sitzung {
    func mitDatei(_ pfad: String) -> Sitzung {
        var sitzung = self
        sitzung.datei = pfad
        return sitzung
    }
}
