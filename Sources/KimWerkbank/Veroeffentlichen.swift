import Foundation
import KimModel
import KimPipeline
import KimRender

/// `/_kim/veroeffentlichen`: says in words what the next `kim build` changes in `site/`, then
/// builds the site and the PDF. Non-public items never reach `site/`; the page says so.
struct Veroeffentlichen {
    let werkbank: Werkbank
    static let pfad = "/_kim/veroeffentlichen"

    /// Output folders whose pages are named by what they show; every other page is a "Seite".
    static let benennung: [String: (String, String)] = ["sitzungen": ("Sitzung", "Sitzungen")]

    /// "1 neue Sitzung, 2 geänderte Seiten, 1 Seite entfällt", or nil when the build changes nothing.
    func aenderungen() -> (text: String?, fehler: [Diagnostic]) {
        let (ausgabe, befunde) = Build(Build.Optionen(projekt: werkbank.projekt)).pruefen()
        guard let ausgabe else { return (nil, befunde.filter { $0.severity == .error }) }
        let site = werkbank.projekt.appendingPathComponent("site")
        var neu: [String: Int] = [:], geaendert: [String: Int] = [:]
        var seiten = Set<String>()
        for (pfad, bytes) in ausgabe.dateien where pfad.hasSuffix(".html") {
            seiten.insert(pfad)
            let art = Self.benennung[String(pfad.split(separator: "/").first ?? "")] == nil ? "" : String(pfad.split(separator: "/").first ?? "")
            guard let vorher = FileManager.default.contents(atPath: site.appendingPathComponent(pfad).path) else { neu[art, default: 0] += 1; continue }
            if Array(vorher) != bytes { geaendert[art, default: 0] += 1 }
        }
        let bisher = (FileManager.default.enumerator(atPath: site.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".html") && !$0.hasPrefix("pagefind") }
        let entfallen = Set(bisher).subtracting(seiten).subtracting(ausgabe.behalten).count
        var teile: [String] = []
        for (art, (einzahl, mehrzahl)) in Self.benennung.sorted(by: { $0.key < $1.key }) {
            if let anzahl = neu[art] { teile.append("\(anzahl) \(anzahl == 1 ? "neue \(einzahl)" : "neue \(mehrzahl)")") }
            if let anzahl = geaendert[art] { teile.append("\(anzahl) \(anzahl == 1 ? "geänderte \(einzahl)" : "geänderte \(mehrzahl)")") }
        }
        if let anzahl = neu[""] { teile.append("\(anzahl) \(anzahl == 1 ? "Seite" : "Seiten") neu") }
        if let anzahl = geaendert[""] { teile.append("\(anzahl) \(anzahl == 1 ? "Seite" : "Seiten") geändert") }
        if entfallen > 0 { teile.append("\(entfallen) \(entfallen == 1 ? "Seite entfällt" : "Seiten entfallen")") }
        return (teile.isEmpty ? nil : teile.joined(separator: ", "), [])
    }

    func seite() -> Werkbankantwort {
        var html = "<p><a href=\"/_kim/\">Alle Dateien</a></p>\n<h1>Veröffentlichen</h1>\n"
        switch werkbank.fortschritt.aktuell {
        case .laeuft(let schritte):
            html += "<div role=\"status\"><p><strong>Die Website und das PDF werden gebaut …</strong> Diese Seite lädt sich neu, bis der Bau fertig ist.</p>\n"
            html += Self.schrittliste(schritte) + "</div>\n"
            return .html(200, Seitenrahmen.seite(titel: "Veröffentlichen", inhalt: html, nachladen: 1))
        case .fertig(let schritte, let meldung, let erfolg):
            html += "<div class=\"\(erfolg ? "erfolg" : "fehlerliste")\" role=\"status\"><p>\(Escape.html(meldung))</p>\n" + Self.schrittliste(schritte) + "</div>\n"
        case .ruht:
            break
        }
        let (text, fehler) = aenderungen()
        if !fehler.isEmpty {
            html += Bearbeitung.fehlerliste([], ohneOrt: fehler.map(\.formatted))
            html += "<p>Erst wenn diese Fehler behoben sind, lässt sich veröffentlichen. <a href=\"\(Befundliste.pfad)\">Alle Befunde mit Verweisen auf ihre Felder</a></p>\n"
            return .html(422, Seitenrahmen.seite(titel: "Veröffentlichen", inhalt: html, fehler: true))
        }
        html += "<p>Der nächste Bau ändert auf der Website: <strong>\(Escape.html(text ?? "nichts – site/ ist auf dem Stand"))</strong>.</p>\n"
        html += "<p>Nicht öffentliche Sitzungen und Tagesordnungspunkte bleiben intern: Sie stehen in keiner Datei der Website.</p>\n"
        html += "<form method=\"post\" action=\"\(Self.pfad)\">\n<input type=\"hidden\" name=\"_token\" value=\"\(werkbank.token)\">\n"
        html += "<div class=\"aktionen\"><button type=\"submit\">Website und PDF bauen</button></div>\n</form>\n"
        html += "<p>Das dauert einige Sekunden; diese Seite zeigt dabei jeden fertigen Schritt.</p>\n"
        return .html(200, Seitenrahmen.seite(titel: "Veröffentlichen", inhalt: html))
    }

    static func schrittliste(_ schritte: [String]) -> String {
        guard !schritte.isEmpty else { return "" }
        return "<ol class=\"schritte\">\n" + schritte.map { "<li>\(Escape.html($0))</li>\n" }.joined() + "</ol>\n"
    }

    /// Starts the build on its own thread and shows its steps; a click while one runs starts none.
    func ausfuehren(_ daten: Formulardaten) -> Werkbankantwort {
        let projekt = werkbank.projekt
        _ = werkbank.fortschritt.starten { schritt in
            do {
                let ergebnis = try Build(Build.Optionen(projekt: projekt, pdf: true), protokoll: schritt).ausfuehren()
                let fehler = ergebnis.diagnostics.filter { $0.severity == .error }
                guard fehler.isEmpty else {
                    return ("Nicht veröffentlicht: " + fehler.map(\.formatted).joined(separator: " · "), false)
                }
                return ("Veröffentlicht: site/ enthält jetzt \(ergebnis.dateien) \(ergebnis.dateien == 1 ? "Datei" : "Dateien").", true)
            } catch {
                return ("Nicht veröffentlicht: " + Systemfehler.beschreibung(error), false)
            }
        }
        return .weiter(Self.pfad)
    }
}
