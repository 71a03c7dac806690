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
        // Asked of the value itself: a plain `as` would go through NSError and give Foundation's English sentence.
        if let eigener = (fehler as Any) as? CustomStringConvertible { return eigener.description }
        return Systemfehler.beschreibung(fehler)
    }

    static func melden(_ alle: [Diagnostic]) {
        let diagnostics = alle.eindeutig
        for diagnostic in diagnostics {
            fehlerkanal(diagnostic.formatted)
        }
        fehlerkanal(diagnostics.isEmpty ? "Keine Fehler gefunden." : diagnostics.summary)
    }
}
