import Foundation
import KimLoad
import KimModel
import KimTabellen
import KimVorgaben

/// `kim export` and `kim import`: a data file (Anlage 1, Anlage 2, the population tables) as a
/// spreadsheet and back. An import runs the checks of `kim check` on the produced file in
/// memory and writes only when none fails; it is the one command that writes into `data/`.
public struct Tabellenaustausch {
    public let projekt: URL

    public init(projekt: URL) {
        self.projekt = projekt
    }

    /// The project over kim's built-in defaults, where the schemas of the lists live.
    private var dateien: ProjectFiles { ProjectFiles.disk(projekt).ueberlagert(Vorgaben.dateien) }

    public struct Fehler: Error, Sendable {
        public var diagnostics: [Diagnostic]
    }

    // MARK: export

    /// The spreadsheet's bytes; for a CSV only the main list.
    public func exportieren(_ datensatz: Tabellenplan.Datensatz, format: Tabellenformat) throws(Fehler) -> [UInt8] {
        let schema = try lesen("schemas/\(datensatz.schema).schema.json")
        let daten = try lesen(datensatz.datei)
        // No cell a spreadsheet program could run as a formula, in any format (import takes the guard off).
        let mappe = Tabellenexport(plan: datensatz.plan, schema: schema, daten: daten, fremd: fremdlisten()).arbeitsmappe().geschuetzt
        do {
            switch format {
            case .xlsx: return try XLSXSchreiber.schreiben(mappe)
            case .ods: return try ODSSchreiber.schreiben(mappe)
            case .csv: return try CSVDatei.schreiben(mappe.blaetter[0])
            }
        } catch {
            throw Fehler(diagnostics: [.error(datensatz.datei, nil, "die Tabelle konnte nicht geschrieben werden: \(error)")])
        }
    }

    // MARK: import

    public struct Ergebnis: Sendable {
        /// Located findings, all of them; nothing is written while one is an error.
        public var diagnostics: [Diagnostic]
        /// "Angebote: 1 neu (…), 2 geändert (…)", one line per list.
        public var aenderungen: [String]
        /// The file's content would be the same as now.
        public var unveraendert: Bool
        /// The file exists and `ersetzen` was not given.
        public var vorhanden: Bool
        public var geschrieben: Bool
        /// Where the previous version was kept.
        public var sicherung: String?
        /// Why the file could not be written (full disk, no permission), in German.
        public var schreibfehler: String? = nil
    }

    /// Reads `datei` (named as the user typed it, for messages), checks, and writes
    /// `data/<name>.json` when everything is right and the file is new or `ersetzen` is given.
    public func importieren(_ datensatz: Tabellenplan.Datensatz, aus datei: URL, anzeigename: String, ersetzen: Bool) -> Ergebnis {
        var ergebnis = Ergebnis(diagnostics: [], aenderungen: [], unveraendert: false, vorhanden: false, geschrieben: false, sicherung: nil)
        guard let format = Tabellenformat(dateiname: datei.lastPathComponent) else {
            ergebnis.diagnostics = [.error(anzeigename, nil, "unbekanntes Format", hint: "eine .xlsx-, .ods- oder .csv-Datei angeben")]
            return ergebnis
        }
        let schema: JSONNode
        do { schema = try lesen("schemas/\(datensatz.schema).schema.json") } catch { ergebnis.diagnostics = error.diagnostics; return ergebnis }
        let plan = datensatz.plan
        let mappe: Arbeitsmappe, deutsch: Bool
        do {
            (mappe, deutsch) = try Self.arbeitsmappe(datei, format: format, plan: plan)
        } catch {
            ergebnis.diagnostics = [.error(anzeigename, nil, error.meldung)]
            return ergebnis
        }
        let vorhanden = dateien.exists(datensatz.datei)
        var bisherFehler: [Diagnostic] = []
        let bisher: JSONNode?
        do { bisher = vorhanden ? try lesen(datensatz.datei) : nil } catch { bisher = nil; bisherFehler = error.diagnostics }

        let (wert, befunde) = Tabellenimport(plan: plan, schema: schema, bisher: bisher, fremd: fremdlisten()).json(mappe, deutsch: deutsch)
        let text = Array(JSONSchreiber(einzeilig: plan.einzeilig).text(wert).utf8)
        var gefunden = befunde
        let ortung = Ortung(wert, text: text)
        let (pruefung, andere) = pruefen(datensatz, text: text)
        let ueberschrift = { (blatt: String, spalte: Int) -> String? in
            guard case .text(let titel)? = mappe.blatt(blatt)?.zeilen.first.flatMap({ spalte < $0.count ? $0[spalte] : nil }) else { return nil }
            return titel
        }
        for diagnostic in pruefung {
            if let befund = ortung.befund(diagnostic, bekannt: gefunden, ueberschrift: ueberschrift) { gefunden.append(befund) }
        }
        let reihenfolge = mappe.blaetter.map(\.name)
        gefunden.sort { links, rechts in
            func rang(_ befund: Befund) -> (Int, Int, Int) {
                (befund.herkunft.flatMap { reihenfolge.firstIndex(of: $0.blatt) } ?? -1, befund.herkunft?.zeile ?? -1, befund.herkunft?.spalte ?? -1)
            }
            return rang(links) < rang(rechts)
        }
        ergebnis.diagnostics = gefunden.map { $0.diagnostic(datei: anzeigename, csv: format == .csv) } + andere
        if bisher == nil, vorhanden { ergebnis.diagnostics += bisherFehler }
        guard !ergebnis.diagnostics.hasErrors else { return ergebnis }

        ergebnis.aenderungen = Aenderungen.zeilen(bisher: bisher, neu: wert, plan: plan)
        ergebnis.vorhanden = vorhanden
        let ziel = projekt.appendingPathComponent(datensatz.datei)
        let alt = try? dateien.read(datensatz.datei)
        if alt == text {
            ergebnis.unveraendert = true
            return ergebnis
        }
        guard !vorhanden || ersetzen else { return ergebnis }
        do {
            if let alt {
                let sicherung = datensatz.datei + ".bak"
                try Data(alt).write(to: projekt.appendingPathComponent(sicherung), options: .atomic)
                ergebnis.sicherung = sicherung
            }
            try Data(text).write(to: ziel, options: .atomic)
            ergebnis.geschrieben = true
        } catch {
            // The content is fine, the machine is not: the caller exits with 3.
            ergebnis.schreibfehler = "\(datensatz.datei) konnte nicht geschrieben werden: \(Systemfehler.beschreibung(error))"
        }
        return ergebnis
    }

    static func arbeitsmappe(_ datei: URL, format: Tabellenformat, plan: Tabellenplan) throws(Lesefehler) -> (Arbeitsmappe, Bool) {
        let bytes: [UInt8]
        do {
            let attribute = try FileManager.default.attributesOfItem(atPath: datei.path)
            if let groesse = attribute[.size] as? Int, groesse > ProjectFiles.maximumFileSize {
                throw Lesefehler(meldung: "die Datei ist größer als \(ProjectFiles.maximumFileSize / 1024 / 1024) MB")
            }
            bytes = Array(try Data(contentsOf: datei))
        } catch let fehler as Lesefehler {
            throw fehler
        } catch {
            throw Lesefehler(meldung: "die Datei fehlt oder ist nicht lesbar")
        }
        do {
            switch format {
            case .xlsx: return (try XLSXLeser.lesen(bytes).entschuetzt, true)
            case .ods: return (try ODSLeser.lesen(bytes).entschuetzt, true)
            case .csv:
                let (blatt, deutsch) = try CSVDatei.lesen(bytes, blatt: plan.hauptliste.blatt)
                return (Arbeitsmappe(blaetter: [blatt]).entschuetzt, deutsch)
            }
        } catch let fehler as XLSXLeser.Fehler {
            throw Lesefehler(meldung: fehler.meldung)
        } catch let fehler as ODSLeser.Fehler {
            throw Lesefehler(meldung: fehler.meldung)
        } catch let fehler as CSVDatei.Fehler {
            throw Lesefehler(meldung: fehler.meldung)
        } catch {
            throw Lesefehler(meldung: "die Datei ist nicht lesbar")
        }
    }

    public struct Lesefehler: Error, Sendable {
        public var meldung: String
    }

    /// The checks of `kim check` with the produced file in place of the current one. Returns the
    /// findings about that file, and those about other files that the current project does not
    /// have (a Beschluss that refers to a removed Meilenstein).
    private func pruefen(_ datensatz: Tabellenplan.Datensatz, text: [UInt8]) -> ([Diagnostic], [Diagnostic]) {
        let platte = dateien
        let ueberlagert = ProjectFiles(
            read: { pfad in pfad == datensatz.datei ? text : try platte.read(pfad) },
            list: platte.list,
            exists: { pfad in pfad == datensatz.datei || platte.exists(pfad) },
            problems: platte.problems
        )
        let build = Build(Build.Optionen(projekt: projekt))
        let (_, nachher) = build.pruefen(files: ueberlagert)
        let eigene = nachher.filter { $0.file == datensatz.datei }
        let andere = nachher.filter { $0.file != datensatz.datei }
        guard !andere.isEmpty else { return (eigene, []) }
        let (_, vorher) = build.pruefen(files: platte)
        let bekannt = Set(vorher.map(\.formatted))
        return (eigene, andere.filter { !bekannt.contains($0.formatted) })
    }

    private func lesen(_ pfad: String) throws(Fehler) -> JSONNode {
        let bytes: [UInt8]
        do { bytes = try dateien.read(pfad) } catch { throw Fehler(diagnostics: [.error(pfad, nil, "die Datei fehlt oder ist nicht lesbar")]) }
        do {
            return try JSONParser.parse(bytes).0
        } catch {
            throw Fehler(diagnostics: [.error(pfad, error.location, error.message, hint: error.hint)])
        }
    }

    /// Sozialräume (data/kommune.json) and Gremien (data/gremien.json), which sheets name;
    /// empty when a file cannot be read (then `kim check` reports it).
    private func fremdlisten() -> Fremdlisten {
        func eintraege(_ pfad: String, liste: String, id: String) -> [Bezugsliste.Eintrag] {
            guard let knoten = try? lesen(pfad), case .array(let elemente)? = knoten[liste]?.value else { return [] }
            return elemente.compactMap { element in
                guard case .string(let kennung)? = element[id]?.value else { return nil }
                if case .string(let name)? = element["name"]?.value { return Bezugsliste.Eintrag(id: kennung, name: name) }
                return Bezugsliste.Eintrag(id: kennung, name: "")
            }
        }
        return Fremdlisten(sozialraeume: eintraege("data/kommune.json", liste: "sozialraeume", id: "nummer"),
                           gremien: eintraege("data/gremien.json", liste: "gremien", id: "id"))
    }
}
