// libFuzzer target over the load stage: JSONParser, SchemaValidator with the real
// schema, then the whole pipeline in memory on the reference project with one data
// file replaced by the input. Built and run by scripts/fuzz.sh (`make fuzz`).
//
// The input stands for the data file whose schema its "$schema" names
// ("../schemas/gremien.schema.json" → data/gremien.json), else data/demografie.json.
// Besides "no crash, no hang, no leak", it checks what must hold for any input:
//  - every position points into the file (line and column ≥ 1, line ≤ lines + 1);
//  - what the schema accepts, kim's model reads ("passen zum Schema, aber nicht zum
//    Modell" would mean schema and model disagree);
//  - the pipeline produces a site exactly when it reports no error.
import Foundation
import KimLoad
import KimModel
import KimPipeline
import KimVorgaben

/// The reference project; scripts/fuzz.sh sets `KIM_PROJEKT` to the repository.
let projekt = URL(fileURLWithPath: ProcessInfo.processInfo.environment["KIM_PROJEKT"] ?? FileManager.default.currentDirectoryPath)

struct Referenz: @unchecked Sendable {
    var dateien: [String: [UInt8]] = [:]
    /// Schema name → its schema and the data file of the project that uses it.
    var schemas: [String: (schema: JSONNode, datei: String)] = [:]

    init() {
        let files = ProjectFiles.disk(projekt).ueberlagert(Vorgaben.dateien)
        for ordner in ["data", "schemas", "templates", "assets"] {
            for pfad in files.list(ordner) { dateien[pfad] = try? files.read(pfad) }
        }
        for pfad in dateien.keys.sorted() where pfad.hasPrefix("data/") && pfad.hasSuffix(".json") {
            guard let bytes = dateien[pfad], let (dokument, _) = try? JSONParser.parse(bytes),
                  case .string(let verweis)? = dokument["$schema"]?.value,
                  let name = verweis.split(separator: "/").last.map({ String($0.dropLast(".schema.json".count)) }),
                  schemas[name] == nil,
                  let schemaBytes = dateien["schemas/\(name).schema.json"], let (schema, _) = try? JSONParser.parse(schemaBytes) else { continue }
            schemas[name] = (schema, pfad)
        }
        guard schemas["demografie"] != nil else { fatalError("kein kim-Projekt unter \(projekt.path); KIM_PROJEKT setzen") }
    }
}

let referenz = Referenz()

func zeilen(_ bytes: [UInt8]) -> Int {
    bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
}

func pruefeOrt(_ ort: SourceLocation?, _ anzahl: Int, _ was: @autoclosure () -> String) {
    guard let ort else { return }
    if ort.line < 1 || ort.column < 1 || ort.line > anzahl + 1 {
        fatalError("Ort außerhalb der Datei (\(anzahl + 1) Zeilen): \(was())")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let anzahl = zeilen(bytes)

    // 1. The parser alone: a value or a positioned failure, never a crash.
    let dokument: JSONNode
    do {
        let (node, warnungen) = try JSONParser.parse(bytes)
        for warnung in warnungen { pruefeOrt(warnung.location, anzahl, warnung.message) }
        dokument = node
    } catch {
        pruefeOrt(error.location, anzahl, error.message)
        return 0
    }

    // 2. The schema check with the real schema.
    var name = "demografie"
    if case .string(let verweis)? = dokument["$schema"]?.value,
       let genannt = verweis.split(separator: "/").last.map({ String($0.dropLast(".schema.json".count)) }),
       referenz.schemas[genannt] != nil {
        name = genannt
    }
    guard let (schema, datei) = referenz.schemas[name] else { return 0 }
    let befunde = SchemaValidator(schema: schema, file: datei).validate(dokument)
    for befund in befunde { pruefeOrt(befund.location, anzahl, befund.formatted) }
    if befunde.hasErrors { return 0 }

    // 3. The whole pipeline, in memory, with this file replaced.
    var dateien = referenz.dateien
    dateien[datei] = bytes
    let (ausgabe, diagnostics) = Build(Build.Optionen(projekt: projekt)).pruefen(files: .memory(dateien))
    for diagnostic in diagnostics where diagnostic.file == datei { pruefeOrt(diagnostic.location, anzahl, diagnostic.formatted) }
    if let uneins = diagnostics.first(where: { $0.message.contains("aber nicht zum Modell") }) {
        fatalError("Schema und Modell sind uneins: \(uneins.formatted)")
    }
    if (ausgabe == nil) != diagnostics.hasErrors {
        fatalError("Ausgabe \(ausgabe == nil ? "fehlt" : "da") bei diesen Befunden: \(diagnostics.map(\.formatted))")
    }
    return 0
}
