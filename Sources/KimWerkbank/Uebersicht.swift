import Foundation
import KimLoad
import KimRender

/// `/_kim/`: every file the workbench edits, Sitzungen by folder, then data, chapters and texts.
struct Uebersicht {
    let projekt: URL
    let ablage: Ablage

    func dateien() -> [String] {
        let disk = ProjectFiles.disk(projekt)
        let daten = disk.list("data").filter { $0.hasSuffix(".json") && Bearbeitung.schemaname($0) != nil }
        let texte = disk.list("templates").filter { $0.hasSuffix(".md") }
        return daten + texte
    }

    func seite(seite: String?) -> Werkbankantwort {
        let alle = dateien()
        var html = "<h1>Werkbank</h1>\n<p>Hier lässt sich alles bearbeiten, was die Website zeigt: jede Datei hat ein Formular. Gespeichert wird erst nach den Prüfungen von <code>kim check</code>.</p>\n"
        if let seite, let passend = passend(seite, alle) {
            html += "<p>Zur Seite <code>\(Escape.html(seite))</code>: <a href=\"\(Werkbankpfade.bearbeiten(passend))\">\(Escape.html(passend)) bearbeiten</a></p>\n"
        }
        html += "<ul>\n<li><a href=\"\(NaechsteSitzung.pfad)\">Nächste Sitzung anlegen</a></li>\n<li><a href=\"\(Befundliste.pfad)\">Befunde von kim check, mit Verweisen auf die Felder</a></li>\n<li><a href=\"\(Veroeffentlichen.pfad)\">Veröffentlichen</a></li>\n<li><a href=\"\(Briefingseite.pfad)\">Sachstandsbericht zu einem Stichtag</a></li>\n</ul>\n"
        let gruppen: [(String, (String) -> Bool)] = [
            ("Sitzungen", { ProjectLoader.istSitzungsdatei($0) }),
            ("Daten", { $0.hasPrefix("data/") && !ProjectLoader.istSitzungsdatei($0) && !$0.hasPrefix("data/fassungen/") }),
            ("Kapitel und Texte", { $0.hasPrefix("templates/") && !$0.hasPrefix("templates/fassungen/") }),
            ("Frühere Fassungen", { $0.hasPrefix("data/fassungen/") || $0.hasPrefix("templates/fassungen/") }),
        ]
        let bezeichnung = Dateibezeichnung(projekt: projekt)
        for (titel, gehoert) in gruppen {
            var liste = alle.filter(gehoert)
            guard !liste.isEmpty else { continue }
            if titel == "Sitzungen" { liste = bezeichnung.sitzungenNeuesteZuerst(liste) }
            html += "<h2>\(Escape.html(titel))</h2>\n<ul class=\"dateien\">\n"
            for datei in liste {
                let pfad = "<code>\(Escape.html(datei))</code>"
                let text = bezeichnung.name(datei).map { "\(Escape.html($0))</a> <span class=\"pfad\">\(pfad)</span>" } ?? "\(pfad)</a>"
                html += "<li><a href=\"\(Werkbankpfade.bearbeiten(datei))\">\(text)</li>\n"
            }
            html += "</ul>\n"
        }
        return .html(200, Seitenrahmen.seite(titel: "Übersicht", inhalt: html))
    }

    /// The file a preview page most likely shows: a Sitzung's page by its id, else a file named like the page.
    func passend(_ seite: String, _ alle: [String]) -> String? {
        let name = ((seite as NSString).lastPathComponent as NSString).deletingPathExtension
        guard !name.isEmpty else { return nil }
        return alle.first { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension == name }
    }
}
