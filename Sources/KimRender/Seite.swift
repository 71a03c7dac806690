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

    /// "../" for pages one folder deep, so links work from any host path and from the file system.
    var wurzel: String {
        String(repeating: "../", count: pfad.split(separator: "/").count - 1)
    }
}

/// The rendered site: file contents by path relative to the output folder.
public struct Ausgabe: Sendable {
    public var dateien: [String: [UInt8]] = [:]

    public init() {}

    mutating func schreiben(_ pfad: String, _ text: String) {
        dateien[pfad] = Array(text.utf8)
    }
}
