import Foundation
import KimModel

/// Reads one data file: bytes → positioned JSON → schema check → typed value.
struct DatasetLoader {
    let files: ProjectFiles
    var diagnostics: [Diagnostic] = []
    var sourceMap = SourceMap()
    private var schemaCache: [String: JSONNode] = [:]
    /// Schemas already reported as faulty: their findings once, not once per data file.
    private var fehlerhafteSchemas: Set<String> = []
    /// Results of earlier loads of the same project (`kim serve`); nil for a one-off build.
    let gedaechtnis: Merkliste<String, Ladeergebnis>?
    /// Whether a file, as just read, already passed its schema without a finding in the last build
    /// (same bytes, same schema, same kim): then it is not checked again. Arguments: the file's path
    /// and its schema's path.
    let ohneBefund: ProjectLoader.OhneBefund?

    init(files: ProjectFiles, gedaechtnis: Merkliste<String, Ladeergebnis>? = nil, ohneBefund: ProjectLoader.OhneBefund? = nil) {
        self.files = files
        self.gedaechtnis = gedaechtnis
        self.ohneBefund = ohneBefund
    }

    /// Returns nil when the file is missing or has errors; the reasons are in `diagnostics`.
    mutating func load<Value: Decodable>(_ type: Value.Type, from path: String, schema schemaName: String) -> Value? {
        guard let gedaechtnis, let bytes = try? files.read(path), let schemaBytes = try? files.read("schemas/\(schemaName).schema.json") else {
            return frisch(type, from: path, schema: schemaName)
        }
        if let eintrag = gedaechtnis.holen(path, gueltig: { $0.gilt(fuer: bytes, schema: schemaBytes) }) {
            diagnostics += eintrag.diagnostics
            sourceMap.uebernehmen(eintrag.quellkarte)
            return eintrag.wert as? Value
        }
        var einzeln = fuerEineDatei()
        let wert = einzeln.frisch(type, from: path, schema: schemaName)
        gedaechtnis.merken(path, Ladeergebnis(bytes: bytes, schemaBytes: schemaBytes, wert: wert,
                                              diagnostics: einzeln.diagnostics, quellkarte: einzeln.sourceMap))
        schemaCache = einzeln.schemaCache
        uebernehmen(einzeln)
        return wert
    }

    /// Reads, parses, checks and decodes one file, without looking at earlier loads.
    private mutating func frisch<Value: Decodable>(_ type: Value.Type, from path: String, schema schemaName: String) -> Value? {
        guard let (document, bytes) = parseMitBytes(path) else { return nil }
        let schemaPfad = "schemas/\(schemaName).schema.json"
        // File and schema as they were when both passed without a finding: neither check would find anything,
        // so the schema is only read (for the record of inputs), not parsed and checked.
        if let ohneBefund, schemaCache[schemaName] != nil || (try? files.read(schemaPfad)) != nil, ohneBefund(path, schemaPfad) {
            record(bytes, file: path)
            return decode(type, path: path, bytes: bytes, document: document)
        }
        guard let schema = schema(named: schemaName) else { return nil }
        let tiefe = path.split(separator: "/").count - 1
        let expectedReference = String(repeating: "../", count: tiefe) + "schemas/\(schemaName).schema.json"
        if let reference = document["$schema"] {
            if case .string(let text) = reference.value, text != expectedReference {
                diagnostics.append(.warning(path, reference.location, "\"$schema\" verweist auf \"\(text)\"",
                                            hint: "\"\(expectedReference)\" eintragen, dann prüft der Editor beim Tippen"))
            }
        } else {
            diagnostics.append(.warning(path, document.location, "\"$schema\" fehlt",
                                        hint: "\"$schema\": \"\(expectedReference)\" eintragen, dann prüft der Editor beim Tippen"))
        }
        let findings = SchemaValidator(schema: schema, file: path).validate(document)
        diagnostics += Self.begrenzt(findings, datei: path)
        guard !findings.hasErrors else { return nil }
        record(bytes, file: path)
        return decode(type, path: path, bytes: bytes, document: document)
    }

    mutating func parse(_ path: String) -> JSONNode? {
        parseMitBytes(path)?.0
    }

    /// The parsed document and the bytes it came from, so decoding does not read the file again.
    mutating func parseMitBytes(_ path: String) -> (JSONNode, [UInt8])? {
        let bytes: [UInt8]
        do {
            bytes = try files.read(path)
        } catch is ProjectFiles.TooLarge {
            diagnostics.append(.error(path, nil, "die Datei ist größer als \(ProjectFiles.maximumFileSize / 1024 / 1024) MB", hint: "Daten auf mehrere Dateien verteilen"))
            return nil
        } catch let abgelehnt as ProjectFiles.Refused {
            diagnostics.append(.error(path, nil, abgelehnt.reason))
            return nil
        } catch {
            diagnostics.append(.error(path, nil, "die Datei fehlt oder ist nicht lesbar"))
            return nil
        }
        do {
            let (node, warnings) = try JSONParser.parse(bytes)
            diagnostics += Self.begrenzt(warnings.map { .error(path, $0.location, $0.message, hint: $0.hint) }, datei: path)
            return warnings.isEmpty ? (node, bytes) : nil
        } catch {
            diagnostics.append(.error(path, error.location, error.message, hint: error.hint))
            return nil
        }
    }

    /// Registers the file's locations, made from its bytes only when a check asks (see SourceMap).
    private mutating func record(_ bytes: [UInt8], file: String) {
        sourceMap.record(file: file) {
            var tabelle: [String: SourceLocation] = [:]
            if let (dokument, _) = try? JSONParser.parse(bytes) { Self.orte(dokument, pointer: "", in: &tabelle) }
            return tabelle
        }
    }

    static func orte(_ node: JSONNode, pointer: String, in tabelle: inout [String: SourceLocation]) {
        tabelle[pointer] = node.location
        switch node.value {
        case .array(let items):
            for (index, item) in items.enumerated() { orte(item, pointer: "\(pointer)/\(index)", in: &tabelle) }
        case .object(let members):
            for member in members { orte(member.value, pointer: "\(pointer)/\(member.key)", in: &tabelle) }
        default:
            break
        }
    }

    /// A loader for one more file on another thread: the same files and schemas, nothing recorded yet.
    /// Its findings and locations go back with `uebernehmen`, in file order.
    func fuerEineDatei() -> DatasetLoader {
        var einzeln = DatasetLoader(files: files, gedaechtnis: gedaechtnis, ohneBefund: ohneBefund)
        einzeln.schemaCache = schemaCache
        einzeln.fehlerhafteSchemas = fehlerhafteSchemas
        return einzeln
    }

    mutating func uebernehmen(_ einzeln: DatasetLoader) {
        diagnostics += einzeln.diagnostics
        sourceMap.uebernehmen(einzeln.sourceMap)
    }

    /// Loads a schema ahead of the files that use it, so loaders for parallel files share it.
    /// False, with nothing recorded, when it has faults: then the files load one after another and
    /// report them as they always did.
    mutating func schemaVorab(_ name: String) -> Bool {
        var probe = self
        guard probe.schema(named: name) != nil, probe.diagnostics.count == diagnostics.count else { return false }
        self = probe
        return true
    }

    private mutating func schema(named name: String) -> JSONNode? {
        if let cached = schemaCache[name] { return cached }
        guard !fehlerhafteSchemas.contains(name) else { return nil }
        let path = "schemas/\(name).schema.json"
        guard let schema = parse(path) else {
            fehlerhafteSchemas.insert(name)
            return nil
        }
        let befunde = SchemaPruefung.pruefen(schema, datei: path)
        diagnostics += befunde
        guard !befunde.hasErrors else {
            fehlerhafteSchemas.insert(name)
            return nil
        }
        schemaCache[name] = schema
        return schema
    }

    private mutating func decode<Value: Decodable>(_ type: Value.Type, path: String, bytes: [UInt8], document: JSONNode) -> Value? {
        do {
            // From the parsed document, not from the bytes: a second parse was a fifth of loading.
            return try Value(from: JSONNodeDecoder(document))
        } catch let error as DecodingError {
            // The schema accepted what the model cannot read: the two disagree, which is a bug in kim.
            diagnostics.append(.error(path, document.location, "Daten passen zum Schema, aber nicht zum Modell von kim: \(Self.describe(error))",
                                      hint: "bitte als Fehler in kim melden"))
            return nil
        } catch {
            diagnostics.append(.error(path, nil, "die Datei ist nicht lesbar: \(error)"))
            return nil
        }
    }

    /// At most this many findings of one kind per file, then a note how many more there are:
    /// a file with 700 000 faulty rows must not print 700 000 lines.
    static let hoechstens = 100

    static func begrenzt(_ befunde: [Diagnostic], datei: String) -> [Diagnostic] {
        guard befunde.count > hoechstens else { return befunde }
        let sortiert = befunde.sorted()
        let rest = sortiert.dropFirst(hoechstens)
        return Array(sortiert.prefix(hoechstens)) + [Diagnostic(rest.contains { $0.severity == .error } ? .error : .warning, file: datei, at: nil,
                                                                "\(rest.count) weitere Befunde in dieser Datei nicht gezeigt",
                                                                hint: "zuerst die gezeigten beheben, dann erneut prüfen")]
    }

    static func describe(_ error: DecodingError) -> String {
        let context: DecodingError.Context
        switch error {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c), .dataCorrupted(let c): context = c
        @unknown default: return "\(error)"
        }
        let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        return "\(path): \(context.debugDescription)"
    }
}
