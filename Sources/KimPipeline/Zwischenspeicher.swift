import KimLoad
import KimRender

/// What `kim serve` keeps from one rebuild to the next, so an edit costs what it affects:
/// the loaded data files (Ladespeicher), the pages the edit could not change (Renderspeicher), and
/// what an edited Sitzung's page is made from on its own (Sitzungsvorschau).
public struct Zwischenspeicher: Sendable {
    public let laden = Ladespeicher()
    public let darstellen = Renderspeicher()
    public let sitzungen = Sitzungsvorschau()

    public init() {}
}
