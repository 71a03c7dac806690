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
        let hash = FNV1a(text).hex
        var anfang = String(slug.prefix(hoechstensZeichen - 20))
        while anfang.hasSuffix("-") { anfang.removeLast() }
        return anfang.isEmpty ? hash : "\(anfang)-\(hash)"
    }
}
