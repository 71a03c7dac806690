import ArgumentParser
import Foundation
import KimModel
import KimPipeline

struct ProjektOptionen: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Projektordner (Standard: aktueller Ordner).", valueName: "ordner"))
    // Optional rather than defaulting to ".": argument-parser would append an English "(default: .)" to the help.
    var project: String?

    var url: URL { URL(fileURLWithPath: project ?? ".", isDirectory: true).standardizedFileURL }

    func validate() throws {
        var istOrdner: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.appendingPathComponent("data").path, isDirectory: &istOrdner), istOrdner.boolValue else {
            throw ValidationError("\(url.path) ist kein kim-Projekt: der Ordner data/ fehlt. Im Projektordner aufrufen oder --project angeben.")
        }
    }
}

struct Stichtag: ExpressibleByArgument {
    let datum: Datum
    init?(argument: String) {
        guard let datum = Datum(iso: argument) else { return nil }
        self.datum = datum
    }
}
