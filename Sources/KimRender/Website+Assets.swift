import KimModel

extension Website {
    /// Assets that only the print documents use (the PDF and the briefings get them from
    /// `build/cache/`, see `PDFErzeugung`).
    static let nurFuerDenDruck: Set<String> = ["assets/druck.css", "assets/briefing.css"]

    /// The assets a reader of the site needs: all of them but the print stylesheets, unless a
    /// template of the site names one. (`fonts/README.md` stays: kim.css points to it for the
    /// fonts' origin and licence.)
    /// Every file kept out is one file less to write on every build (issue 17).
    static func assetsDerWebsite(_ projekt: Projekt) -> [String: [UInt8]] {
        let seitenvorlagen = projekt.vorlagen.values.filter { !$0.name.hasPrefix("druck/") }
        return projekt.assets.filter { pfad, _ in
            guard nurFuerDenDruck.contains(pfad) else { return true }
            let name = pfad.split(separator: "/").last.map(String.init) ?? pfad
            return seitenvorlagen.contains { $0.text.enthaeltBytes(name) }
        }
    }
}
