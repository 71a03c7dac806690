import Foundation
import KimMarkdown
import KimRender

/// Chapters and text pages (`templates/**/*.md`): a text editor with a preview. The preview is
/// a submit button (works without scripts); placeholders are checked by the same checks as
/// `kim check`, and an unknown one is reported with its line before anything is written.
struct Textformular {
    let bearbeitung: Bearbeitung

    func seite(text: String, version: String, meldung: String?, fehler: [String], vorschau: String?, status: Int) -> Werkbankantwort {
        let relativ = bearbeitung.relativ
        let id = "inhalt-text"
        var html = "<p><a href=\"/_kim/\">Alle Dateien</a></p>\n<h1>\(Escape.html((relativ as NSString).lastPathComponent))</h1>\n"
        html += "<p class=\"hinweis\">Datei <code>\(Escape.html(relativ))</code>: Markdown mit Platzhaltern in doppelten geschweiften Klammern.</p>\n"
        html += Bearbeitung.fehlerliste(fehler.map { (id, $0) }, ohneOrt: [])
        if let meldung { html += "<div class=\"erfolg\" role=\"status\"><p>\(Escape.html(meldung))</p></div>\n" }
        html += "<form method=\"post\" action=\"\(Escape.html(Werkbankpfade.bearbeiten(relativ)))\" novalidate>\n"
        html += "<input type=\"hidden\" name=\"_token\" value=\"\(bearbeitung.werkbank.token)\">\n<input type=\"hidden\" name=\"_version\" value=\"\(Escape.html(version))\">\n"
        html += "<div class=\"feld\(fehler.isEmpty ? "" : " feld-fehler")\">\n<label for=\"\(id)\">Text</label>\n"
        html += "<div class=\"hinweis\" id=\"\(id)-hinweis\">Überschriften mit #, Absätze durch eine Leerzeile, Listen mit -. Platzhalter wie in den übrigen Kapiteln.</div>\n"
        for (nummer, meldung) in fehler.enumerated() {
            html += "<p class=\"fehlermeldung\" id=\"\(id)-fehler\(nummer)\"><span class=\"unsichtbar\">Fehler: </span>\(Escape.html(meldung))</p>\n"
        }
        let beschrieben = (["\(id)-hinweis"] + fehler.indices.map { "\(id)-fehler\($0)" }).joined(separator: " ")
        html += "<textarea class=\"markdown\" id=\"\(id)\" name=\"inhalt\" aria-describedby=\"\(beschrieben)\"\(fehler.isEmpty ? "" : " aria-invalid=\"true\"")>\n\(Escape.html(text))</textarea>\n</div>\n"
        html += "<div class=\"aktionen\"><button type=\"submit\">Speichern</button><button type=\"submit\" class=\"zweitrangig\" name=\"_vorschau\" value=\"1\">Vorschau</button></div>\n</form>\n"
        if let vorschau {
            html += "<h2>Vorschau (ohne Platzhalter)</h2>\n<div class=\"vorschau\">\(vorschau)</div>\n"
        }
        html += bearbeitung.rueckgaengigFormular(version: version)
        return bearbeitung.seite(titel: relativ, status: status, inhalt: html, fehler: !fehler.isEmpty)
    }

    func speichern(_ daten: Formulardaten, bytes: [UInt8], version: String) -> Werkbankantwort {
        guard var text = daten["inhalt"] else { return .text(422, "Das Formular enthält keinen Text (inhalt).\n") }
        // Browsers send line breaks of a text box as CR LF; the chapters are written with LF.
        if !bytes.contains(0x0D) { text = text.replacingOccurrences(of: "\r\n", with: "\n") }
        guard daten["_version"] == version else {
            return bearbeitung.veraltet(daten, aktuell: .init(.objekt([("inhalt", .init(.text(String(decoding: bytes, as: UTF8.self))))])), zeiger: "")
        }
        if daten["_vorschau"] != nil {
            return seite(text: text, version: version, meldung: nil, fehler: [], vorschau: Markdown.html(text), status: 200)
        }
        let neu = Array(text.utf8)
        let fehler = bearbeitung.pruefen(neu).filter { $0.severity == .error }.map { befund in
            befund.file == bearbeitung.relativ
                ? (befund.location.map { "Zeile \($0.line), Spalte \($0.column): " } ?? "") + befund.message + (befund.hint.map { " (\($0))" } ?? "")
                : befund.formatted
        }
        if !fehler.isEmpty { return seite(text: text, version: version, meldung: nil, fehler: fehler, vorschau: nil, status: 422) }
        if neu == bytes { return .weiter(Werkbankpfade.bearbeiten(bearbeitung.relativ)) }
        do {
            try bearbeitung.werkbank.ablage.schreiben(neu, nach: bearbeitung.echt, relativ: bearbeitung.relativ, vorher: bytes)
        } catch {
            return .text(500, "Nicht gespeichert: \(error.grund)\n")
        }
        return .weiter(Werkbankpfade.bearbeiten(bearbeitung.relativ) + "?gespeichert=1")
    }
}
