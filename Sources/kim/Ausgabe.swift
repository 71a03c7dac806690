import ArgumentParser
import Foundation
import KimModel
import KimPipeline
import KimWrite

enum Ausgabe {
    static let fehlerkanal: @Sendable (String) -> Void = { zeile in
        FileHandle.standardError.write(Data((Terminaltext.sicher(zeile, zeilen: true) + "\n").utf8))
    }

    /// An error for the terminal: kim's own in its German words, a system error by its cause, never Foundation's English.
    static func text(_ fehler: any Error) -> String {
        if fehler is CocoaError || fehler is POSIXError { return Systemfehler.beschreibung(fehler) }
        // Every Swift error converts to a description; kim's own errors give their German sentence that way.
        return (fehler as CustomStringConvertible).description
    }

    static func melden(_ alle: [Diagnostic]) {
        let diagnostics = alle.eindeutig
        for diagnostic in diagnostics {
            fehlerkanal(diagnostic.formatted)
        }
        fehlerkanal(diagnostics.isEmpty ? "Keine Fehler gefunden." : diagnostics.summary)
    }
}
