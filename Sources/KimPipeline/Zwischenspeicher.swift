import KimLoad
import KimRender

/// What `kim serve` keeps from one rebuild to the next, so an edit costs what it affects:
/// the loaded data files (Ladespeicher) and the pages the edit could not change (Renderspeicher).
public struct Zwischenspeicher: Sendable {
    public let laden = Ladespeicher()
    public let darstellen = Renderspeicher()

    public init() {}
}
