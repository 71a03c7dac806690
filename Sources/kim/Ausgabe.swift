import ArgumentParser
import Foundation
import KimModel
import KimPipeline

enum Ausgabe {
    static let fehlerkanal: @Sendable (String) -> Void = { zeile in
        FileHandle.standardError.write(Data((zeile + "\n").utf8))
    }

    static func melden(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            fehlerkanal(diagnostic.formatted)
        }
        fehlerkanal(diagnostics.isEmpty ? "Keine Fehler gefunden." : diagnostics.summary)
    }
}
