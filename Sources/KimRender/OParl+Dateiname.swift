import KimModel

extension OParlExport {
    /// Longest file name part taken from free text as it is; file systems allow 255 bytes per name.
    static let hoechstensZeichen = 80

    /// A file name part from free text (a Sitzung's `ort`, a TOP number): its slug, and beyond
    /// `hoechstensZeichen` the slug's start plus a hash of the whole text, so a long but valid `ort`
    /// still gives a short, stable and distinct name ("Fehler 36" was ENAMETOOLONG).
    static func dateiname(_ text: String) -> String {
        let slug = Escape.slug(text)
        guard slug.utf8.count > hoechstensZeichen || slug.isEmpty else { return slug }
        // FNV-1a over the text's bytes: stable from run to run, unlike Swift's Hasher.
        var wert: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            wert ^= UInt64(byte)
            wert = wert &* 0x0000_0100_0000_01B3
        }
        let hash = String(wert, radix: 16)
        var anfang = String(slug.prefix(hoechstensZeichen - 20))
        while anfang.hasSuffix("-") { anfang.removeLast() }
        return anfang.isEmpty ? hash : "\(anfang)-\(hash)"
    }
}
