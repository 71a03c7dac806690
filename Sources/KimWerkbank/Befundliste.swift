import Foundation
import KimLoad
import KimModel
import KimPipeline
import KimRender
import KimTabellen

/// `/_kim/befunde`: the findings of `kim check`, each linked to the form field it concerns.
struct Befundliste {
    let werkbank: Werkbank
    static let pfad = "/_kim/befunde"

    func seite() -> Werkbankantwort {
        let befunde = Build(Build.Optionen(projekt: werkbank.projekt)).allesPruefen()
        var dokumente: [String: (JSONNode, Fehlerortung)] = [:]
        var html = "<p><a href=\"/_kim/\">Alle Dateien</a></p>\n<h1>Befunde</h1>\n"
        guard !befunde.isEmpty else {
            return .html(200, Seitenrahmen.seite(titel: "Befunde", inhalt: html + "<p>Keine Fehler, keine Warnungen.</p>\n"))
        }
        html += "<p>\(befunde.filter { $0.severity == .error }.count) Fehler, \(befunde.filter { $0.severity == .warning }.count) \(befunde.filter { $0.severity == .warning }.count == 1 ? "Warnung" : "Warnungen"). Jeder Befund führt zu seinem Feld.</p>\n<ul>\n"
        for befund in befunde {
            var ziel: String?
            if befund.file.hasPrefix("templates/"), befund.file.hasSuffix(".md") {
                ziel = Werkbankpfade.bearbeiten(befund.file)
            } else if befund.file.hasPrefix("data/"), befund.file.hasSuffix(".json") {
                if dokumente[befund.file] == nil, let bytes = FileManager.default.contents(atPath: werkbank.projekt.appendingPathComponent(befund.file).path),
                   let (knoten, _) = try? JSONParser.parse(Array(bytes)) {
                    dokumente[befund.file] = (knoten, Fehlerortung(knoten))
                }
                if let (knoten, ortung) = dokumente[befund.file] {
                    let zeiger = ortung.zeiger(befund)
                    let bereich = Self.bereich(zeiger, JSONWert(knoten))
                    ziel = Werkbankpfade.bearbeiten(befund.file, zeiger: bereich) + "#" + Zeiger.kennung(zeiger)
                }
            }
            let text = Escape.html(befund.formatted)
            html += "<li>" + (ziel.map { "<a href=\"\(Escape.html($0))\">\(text)</a>" } ?? text) + "</li>\n"
        }
        html += "</ul>\n"
        return .html(200, Seitenrahmen.seite(titel: "Befunde", inhalt: html))
    }

    /// The form a pointer's field is on: the item form of the first long list on its way, else the file's.
    static func bereich(_ zeiger: String, _ dokument: JSONWert) -> String {
        let teile = Zeiger.teile(zeiger) ?? []
        for laenge in 0..<teile.count where Formular.alsVerweise(dokument.wert(teile[..<laenge]), tiefe: 1) {
            return Zeiger.text(Array(teile[...laenge]))
        }
        return ""
    }
}
