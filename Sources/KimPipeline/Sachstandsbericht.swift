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
        let (geladen, _, diagnostics) = build.auswerten()
        guard let geladen else { return ([], diagnostics) }
        let (html, _, befunde) = Self.dokument(geladen, stichtag: stichtag, seit: seit)
        guard let html, !befunde.hasErrors else { return ([], diagnostics + befunde) }
        try FileManager.default.createDirectory(at: ordner, withIntermediateDirectories: true)
        // The fonts beside the HTML, so its relative font URLs work in the browser and in WeasyPrint.
        let schriften = ordner.appendingPathComponent("fonts")
        try FileManager.default.createDirectory(at: schriften, withIntermediateDirectories: true)
        for (pfad, bytes) in geladen.assets where pfad.hasPrefix("assets/fonts/") && pfad.hasSuffix(".ttf") {
            try Data(bytes).write(to: schriften.appendingPathComponent(String(pfad.dropFirst("assets/fonts/".count))), options: .atomic)
        }
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

    /// The report's HTML for a loaded project, without writing anything; nil with the reason when it cannot be made.
    public static func dokument(_ geladen: Projekt, stichtag: Datum, seit: Datum?) -> (html: String?, sachstand: Sachstand?, diagnostics: [Diagnostic]) {
        guard let daten = geladen.berichtsdaten else {
            return (nil, nil, [.error("data/berichte.json", nil, "die Datei fehlt; der Sachstandsbericht braucht sie",
                                      hint: "Empfänger, Leitgremium und Ansprechperson eintragen, siehe docs/sachstandsbericht.md")])
        }
        // True as of its date: the Fassung, data and Sitzungen of that day, nothing later.
        guard let stand = Stichtagsstand(geladen, stichtag: stichtag),
              let auswertung = Derive.auswerten(stand.projekt, stichtag: stichtag, fassung: stand.fassung.nummer) else {
            let erste = geladen.handlungskonzept.fassungen.map(\.datum).min()
            return (nil, nil, [.error("data/handlungskonzept.json", nil,
                                      "zum \(Format.datum(stichtag)) war noch keine Fassung des Handlungskonzepts beschlossen",
                                      hint: erste.map { "einen Stand ab dem \(Format.datum($0)) wählen" } ?? "eine Fassung eintragen")])
        }
        // The previous report: --since, else the latest report in data/berichte.json before this one.
        let vorher = seit ?? geladen.berichte.map(\.stichtag).filter { $0 < stichtag }.max()
        let sachstand = Sachstand(stand, berichtsdaten: daten, seit: vorher)
        let (html, befunde) = Briefing.html(stand.projekt, auswertung, sachstand)
        // A milestone marked for the Verwaltungsvorstand but without a proposal would leave the box silent about it.
        let plan = geladen.archiv[stand.fassung.nummer] == nil ? "data/meilensteine.json" : "data/fassungen/\(stand.fassung.nummer)/meilensteine.json"
        let hinweise = sachstand.ohneBeschlussvorschlag.map { eintrag in
            Diagnostic.warning(plan, geladen.quellkarte.location(plan, "/meilensteine/\(eintrag.index)/entscheidungVerwaltungsvorstand"),
                               "Meilenstein „\(eintrag.meilenstein.titel)“ braucht eine Entscheidung des Verwaltungsvorstands, data/berichte.json hat zum \(Format.datum(stichtag)) keinen Beschlussvorschlag dazu",
                               hint: "unter \"entscheidungen\" einen Eintrag mit \"meilensteine\": [\"\(eintrag.meilenstein.id)\"] ergänzen")
        }
        return (html, sachstand, befunde + hinweise)
    }
}
