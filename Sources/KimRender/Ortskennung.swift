import KimModel

/// The id of an OParl Location from the `ort` text of a Sitzung. A slug alone is not enough:
/// "Rathaus, Raum 1" and "Rathaus – Raum 1" reduce to the same slug but are different texts.
/// So the id is a short, readable slug prefix plus a hash of the whole normalised text: the same
/// place (up to spaces) always gets the same id, in every build and whatever other places exist,
/// and two different places get different ids. The prefix is bounded, so a long `ort` still
/// makes a short file name.
enum Ortskennung {
    /// How many characters of the slug the id keeps in front of the hash.
    static let praefixLaenge = 40

    static func von(_ ort: String) -> String {
        let text = normalisiert(ort)
        var praefix = String(Escape.slug(text).prefix(praefixLaenge))
        while praefix.hasSuffix("-") { praefix.removeLast() }
        return praefix + "-" + hash(text)
    }

    /// Leading, trailing and repeated white space do not make another place.
    static func normalisiert(_ ort: String) -> String {
        ort.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// 16 hex digits of FNV-1a over the text: stable across runs and machines.
    static func hash(_ text: String) -> String {
        FNV1a(text).hex16
    }
}
