import KimModel

/// What loading one data file gave, kept in the Gedaechtnis (`dateien`): valid as long as the file and
/// its schema have the same bytes, so an edit of one Sitzung parses, checks and decodes that one file.
public struct Ladeergebnis: @unchecked Sendable {
    var bytes: [UInt8]
    var schemaBytes: [UInt8]
    /// nil when the file had errors; the findings say which.
    var wert: Any?
    var diagnostics: [Diagnostic]
    var quellkarte: SourceMap

    func gilt(fuer bytes: [UInt8], schema schemaBytes: [UInt8]) -> Bool {
        self.bytes == bytes && self.schemaBytes == schemaBytes
    }
}
