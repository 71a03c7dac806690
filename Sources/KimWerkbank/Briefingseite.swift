import Foundation
import KimModel
import KimPipeline
import KimRender

/// `/_kim/briefing`: the Sachstandsbericht for a chosen date (as `kim briefing --as-of`), written
/// to `build/briefings/` and opened from here. Internal: it never goes to `site/`.
struct Briefingseite {
    let werkbank: Werkbank
    static let pfad = "/_kim/briefing"
    static let dateiPraefix = "/_kim/briefing/"

    func seite(datum: String = "", fehler: [String] = [], dateien: [URL] = [], status: Int = 200) -> Werkbankantwort {
        var html = "<p><a href=\"/_kim/\">Alle Dateien</a></p>\n<h1>Sachstandsbericht</h1>\n"
        html += "<p>Der Bericht für den Verwaltungsvorstand zu einem Stichtag, mit nicht öffentlichen Punkten; er bleibt intern (<code>build/briefings/</code>), nie auf der Website.</p>\n"
        html += Bearbeitung.fehlerliste(fehler.isEmpty ? [] : [("datum", fehler[0])], ohneOrt: Array(fehler.dropFirst()))
        if !dateien.isEmpty {
            html += "<div class=\"erfolg\" role=\"status\"><p>Erstellt: " + dateien.map { datei in
                "<a href=\"\(Self.dateiPraefix)\(Escape.html(datei.lastPathComponent))\">\(Escape.html(datei.lastPathComponent))</a>"
            }.joined(separator: ", ") + "</p></div>\n"
        }
        html += "<form method=\"post\" action=\"\(Self.pfad)\" novalidate>\n<input type=\"hidden\" name=\"_token\" value=\"\(werkbank.token)\">\n"
        html += "<div class=\"feld\(fehler.isEmpty ? "" : " feld-fehler")\"><label for=\"datum\">Stichtag</label>\n"
        if let erster = fehler.first { html += "<p class=\"fehlermeldung\" id=\"datum-fehler\"><span class=\"unsichtbar\">Fehler: </span>\(Escape.html(erster))</p>\n" }
        html += "<input type=\"date\" id=\"datum\" name=\"datum\" value=\"\(Escape.html(Datum(iso: datum) == nil ? "" : datum))\"\(fehler.isEmpty ? "" : " aria-describedby=\"datum-fehler\" aria-invalid=\"true\"")></div>\n"
        html += "<div class=\"aktionen\"><button type=\"submit\">Bericht erstellen</button></div>\n</form>\n"
        return .html(status, Seitenrahmen.seite(titel: "Sachstandsbericht", inhalt: html, fehler: !fehler.isEmpty))
    }

    func erstellen(_ daten: Formulardaten) -> Werkbankantwort {
        let text = daten["datum"] ?? ""
        guard let stichtag = Datum(iso: text) else {
            return seite(datum: text, fehler: ["Bitte einen gültigen Stichtag angeben, z. B. 2021-10-01."], status: 422)
        }
        do {
            let (dateien, befunde) = try Sachstandsbericht(projekt: werkbank.projekt, stichtag: stichtag).erstellen(pdf: false)
            guard !dateien.isEmpty else {
                return seite(datum: text, fehler: ["Der Bericht ließ sich nicht erstellen."] + befunde.filter { $0.severity == .error }.map(\.formatted), status: 422)
            }
            return seite(datum: text, dateien: dateien)
        } catch {
            return seite(datum: text, fehler: ["Der Bericht ließ sich nicht schreiben: \(Systemfehler.beschreibung(error))"], status: 500)
        }
    }

    /// A written report, by its file name only (no folders, nothing but the reports' own names).
    func datei(_ name: String) -> Werkbankantwort {
        guard name.wholeMatch(of: /sachstandsbericht-[0-9]{4}-[0-9]{2}-[0-9]{2}\.html/) != nil,
              let bytes = FileManager.default.contents(atPath: werkbank.projekt.appendingPathComponent("build/briefings/" + name).path) else {
            return .text(404, "Nicht gefunden: \(name)\n")
        }
        return Werkbankantwort(status: 200, kopf: ["Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store"], rumpf: Array(bytes))
    }
}
