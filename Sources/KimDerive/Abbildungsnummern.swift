import KimModel

/// Figure numbers follow the order in which the chapters of a Fassung place their figures
/// (`::: abbildung ID`, `::: strukturbild`), as a printed document numbers them; figures no
/// chapter shows (only on the Zahlen or Gremien page) follow in data order.
public struct Abbildungsnummern: Sendable, Equatable {
    /// The structure chart's key beside the table ids.
    public static let strukturbild = "::strukturbild"

    public private(set) var nummern: [String: Int] = [:]

    public init(_ fassung: Fassung, vorlagen: [String: Vorlage], tabellen: [String]) {
        for kapitel in fassung.kapitel {
            // On the bytes, and only lines that begin with ":::" are split into words: splitting every line of
            // every chapter by Characters was a twentieth of a short build.
            for zeile in (vorlagen[kapitel.vorlage]?.text ?? "").utf8.split(separator: UInt8(ascii: "\n"))
            where zeile.drop(while: { $0 == UInt8(ascii: " ") }).starts(with: ":::".utf8) {
                let teile = Substring(zeile).split(separator: " ", omittingEmptySubsequences: true)
                guard teile.first == ":::" else { continue }
                if teile.count == 3, teile[1] == "abbildung" { vergeben(String(teile[2])) }
                if teile.count == 2, teile[1] == "strukturbild" { vergeben(Self.strukturbild) }
            }
        }
        tabellen.forEach { vergeben($0) }
        vergeben(Self.strukturbild)
    }

    private mutating func vergeben(_ schluessel: String) {
        if nummern[schluessel] == nil { nummern[schluessel] = nummern.count + 1 }
    }

    public func tabelle(_ id: String) -> Int { nummern[id] ?? 0 }
    public var strukturbild: Int { nummern[Self.strukturbild] ?? 0 }
}
