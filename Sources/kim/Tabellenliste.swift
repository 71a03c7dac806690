import ArgumentParser
import KimTabellen

/// The lists that travel as spreadsheets: `angebote` (Anlage 1), `meilensteine` (Anlage 2),
/// `demografie` (the population tables).
extension Tabellenplan.Datensatz: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
