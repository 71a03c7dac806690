import KimModel

/// A problem found in a spreadsheet, at the cell (or row, or sheet) it concerns.
public struct Befund: Sendable, Equatable {
    public var herkunft: Herkunft?
    public var meldung: String
    public var hinweis: String?
    public var schwere: Diagnostic.Severity

    public init(_ herkunft: Herkunft?, _ meldung: String, hinweis: String? = nil, schwere: Diagnostic.Severity = .error) {
        self.herkunft = herkunft
        self.meldung = meldung
        self.hinweis = hinweis
        self.schwere = schwere
    }

    /// As the command line prints it: `anlage1.xlsx:Angebote!C7: Fehler: …`; a CSV has one
    /// sheet, so its cells are named without it: `anlage1.csv:C7`.
    public func diagnostic(datei: String, csv: Bool) -> Diagnostic {
        Diagnostic(schwere, file: Self.ort(herkunft, datei: datei, csv: csv), at: nil, meldung, hint: hinweis)
    }

    public static func ort(_ herkunft: Herkunft?, datei: String, csv: Bool) -> String {
        guard let herkunft else { return datei }
        let blatt = csv ? "" : (herkunft.blatt.contains(where: { $0 == " " || $0 == "!" || $0 == "'" })
            ? "'" + herkunft.blatt.replacingOccurrences(of: "'", with: "''") + "'!" : herkunft.blatt + "!")
        guard let zeile = herkunft.zeile else { return csv ? datei : "\(datei):\(herkunft.blatt)" }
        return "\(datei):\(blatt)\(Zellbezug.name(spalte: herkunft.spalte ?? 0, zeile: zeile))"
    }
}
