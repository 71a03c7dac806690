/// One page of the site before the layout wraps it.
struct Seite {
    /// Output path relative to the site root, "handlungskonzept/2-ausgangslage.html"
    var pfad: String
    var titel: String
    /// Short description for search engines and link previews.
    var beschreibung: String
    /// The main content as HTML, made by the project's templates.
    var inhalt: String
    /// The section of the main navigation this page belongs to.
    var bereich: String
    var brotkrumen: [(titel: String, pfad: String)]
    /// The project file the page comes from when it is one of the author's own (`templates/texte/x.md`);
    /// nil for the pages kim builds from the data. Named when two pages would share a path.
    var quelle: String? = nil
    /// The page this one repeats (a chapter of the current Fassung under fassung/N/), for `<link rel="canonical">`.
    var kanonisch: String? = nil
    /// Whether the site search indexes the page (not copies, earlier Fassungen or the search page itself).
    var suchbar = true
    /// Language of the page (BCP 47) and its writing direction.
    var sprache = "de"
    var rechtsNachLinks = false
    /// The same content in other languages, for `<link rel="alternate" hreflang>`: (language, path from the root).
    var alternativen: [(sprache: String, pfad: String)] = []
    /// A script of the site's own for this page only (the search), path from the site root.
    var skript: String? = nil
    /// The output folder already holds this page as this build would lay it out (see
    /// `Website.Optionen.vorhandeneSitzungsseiten`): it is neither rendered nor laid out, the writer keeps it.
    var vorhanden = false

    /// "../" for pages one folder deep, so links work from any host path and from the file system.
    var wurzel: String {
        String(repeating: "../", count: pfad.split(separator: "/").count - 1)
    }
}

/// The rendered site: file contents by path relative to the output folder.
public struct Ausgabe: Sendable {
    public var dateien: [String: [UInt8]] = [:]
    /// Files the output folder already holds with the bytes this build would write: kept, not written.
    public var behalten: Set<String> = []
    /// How the groups of pages that read no Sitzung were made, for the next build's Buildvermerk.
    public var gruppen: [Seitengruppe: Seitengruppenvermerk] = [:]

    public init() {}

    /// How many files the folder holds after the build.
    public var anzahl: Int { dateien.count + behalten.count }

    mutating func schreiben(_ pfad: String, _ text: String) {
        dateien[pfad] = Array(text.utf8)
    }
}
