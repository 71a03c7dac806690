import Foundation

/// The built-in defaults kim carries in its binary: page, partial, print and briefing
/// templates, the schemas, the assets (stylesheets, fonts, favicon) and the workbench's own
/// stylesheet and script (`werkbank/`, served only by `kim serve`), keyed by their
/// project-relative path (`templates/layout.html`, `schemas/kommune.schema.json`,
/// `assets/kim.css`). A project file of the same path overrides the built-in one.
public enum Vorgaben {
    /// Every built-in file, decoded once.
    public static let dateien: [String: [UInt8]] = Dictionary(
        Eingebettet.base64.map { ($0.pfad, Array(Data(base64Encoded: $0.inhalt) ?? Data())) },
        uniquingKeysWith: { erste, _ in erste }
    )

    /// The paths below `ordner/`, sorted.
    public static func liste(_ ordner: String) -> [String] {
        dateien.keys.filter { $0.hasPrefix(ordner + "/") }.sorted()
    }
}
