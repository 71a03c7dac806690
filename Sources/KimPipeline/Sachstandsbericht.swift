import Foundation
import KimDerive
import KimModel
import KimRender

/// `kim briefing`: the Sachstandsbericht as HTML and PDF in `build/briefings/`.
/// Internal: it may use non-public items and never goes into `site/`.
public struct Sachstandsbericht {
    public let projekt: URL
    public let stichtag: Datum
    public let seit: Datum?

    public init(projekt: URL, stichtag: Datum, seit: Datum? = nil) {
        self.projekt = projekt
        self.stichtag = stichtag
        self.seit = seit
    }

    public var ordner: URL { projekt.appendingPathComponent("build/briefings") }

    /// Writes both files; returns their paths, or the findings that prevented it.
    public func erstellen(pdf: Bool = true) throws -> (dateien: [URL], diagnostics: [Diagnostic]) {
        let build = Build(Build.Optionen(projekt: projekt, stichtag: stichtag, intern: true))
        let (geladen, auswertung, diagnostics) = build.auswerten()
        guard let geladen, let auswertung else { return ([], diagnostics) }
        // The previous report: --since, else the latest report in data/berichte.json before this one.
        let vorher = seit ?? geladen.berichte.map(\.stichtag).filter { $0 < stichtag }.max()
        let sachstand = Sachstand(geladen, stichtag: stichtag, seit: vorher)
        let (html, befunde) = Briefing.html(geladen, auswertung, sachstand)
        guard let html, !befunde.hasErrors else { return ([], diagnostics + befunde) }
        try FileManager.default.createDirectory(at: ordner, withIntermediateDirectories: true)
        let name = "sachstandsbericht-\(stichtag.iso)"
        let htmlDatei = ordner.appendingPathComponent("\(name).html")
        try Data(html.utf8).write(to: htmlDatei, options: .atomic)
        var dateien = [htmlDatei]
        if pdf {
            let bytes = try PDFErzeugung(projekt: projekt).pdf(html, name: name, assets: geladen.assets, basis: "assets")
            let pdfDatei = ordner.appendingPathComponent("\(name).pdf")
            try Data(bytes).write(to: pdfDatei, options: .atomic)
            dateien.append(pdfDatei)
        }
        return (dateien, diagnostics + befunde)
    }
}
