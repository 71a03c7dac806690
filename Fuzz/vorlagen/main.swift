// libFuzzer target over the template engine (KimMustache) as a project template uses it: the
// input is a template, rendered with nested lists and objects, itself as a partial, within
// small limits. Built and run by scripts/fuzz.sh (make fuzz).
//
// What must hold for any input:
//  - a template parses, or its syntax error lies inside the text (line and column);
//  - rendering ends: within the step limit, with at most the output limit, and a
//    rendering a limit stopped names a line and column inside the text (or 0 for none);
//  - the same template, rendered twice, gives the same bytes (no hidden state).
import KimMustache

let grenzen = TemplateLimits(maximumSteps: 200_000, maximumOutputBytes: 1 << 20, maximumDuration: .seconds(5))
let eintrag: [String: Any] = ["name": "<b>&\"'", "wert": "1", "ja": true, "leer": [Any]()]
let kontext: [String: Any] = [
    "liste": Array(repeating: eintrag, count: 8), "objekt": eintrag, "text": "Text {{nicht}} <i>", "ja": true, "nein": false,
    "zahlen": (1...5).map { String($0) }, "tief": ["a": ["b": ["c": ["liste": Array(repeating: eintrag, count: 3)]]]],
]

@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let zeilen = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).count
    let vorlage: Template
    do {
        vorlage = try Template(text)
    } catch {
        guard error.line >= 1, error.line <= zeilen, error.column >= 1 else {
            fatalError("Syntaxfehler außerhalb des Texts: \(error) in \(text.debugDescription)")
        }
        return 0
    }
    var bibliothek = TemplateLibrary()
    bibliothek.register(vorlage, named: "selbst")
    bibliothek.register(vorlage, named: "teil")
    let erstes = bibliothek.renderChecked(vorlage, kontext, limits: grenzen)
    // The limit holds after every write (a long last piece and a partial's indentation once carried it past).
    guard erstes.output.count <= grenzen.maximumOutputBytes else {
        fatalError("\(erstes.output.count) Bytes Ausgabe trotz Grenze: \(text.debugDescription)")
    }
    if let abbruch = erstes.stopped {
        guard abbruch.line >= 0, abbruch.line <= zeilen, abbruch.partial == nil || ["selbst", "teil"].contains(abbruch.partial ?? "") else {
            fatalError("Abbruch an unmöglicher Stelle: \(abbruch) in \(text.debugDescription)")
        }
    }
    let zweites = bibliothek.renderChecked(vorlage, kontext, limits: grenzen)
    // Only the time limit depends on the machine; without it both renderings are the same.
    func langsam(_ abbruch: TemplateLimitError?) -> Bool {
        if case .tooSlow? = abbruch?.kind { return true }
        return false
    }
    if !langsam(erstes.stopped), !langsam(zweites.stopped), erstes.output != zweites.output || erstes.stopped != zweites.stopped {
        fatalError("zwei Darstellungen weichen ab: \(text.debugDescription)")
    }
    return 0
}
