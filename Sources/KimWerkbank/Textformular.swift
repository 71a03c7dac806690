import Foundation
import KimLoad
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
        html += platzhalterliste()
        html += "<div class=\"aktionen\"><button type=\"submit\">Speichern</button><button type=\"submit\" class=\"zweitrangig\" name=\"_vorschau\" value=\"1\">Vorschau</button></div>\n</form>\n"
        // Filled as you type by werkbank.js (checked like a save, nothing written).
        html += "<div id=\"live-befunde\" aria-live=\"polite\"></div>\n<div id=\"live-vorschau\" class=\"vorschau\" hidden></div>\n"
        if let vorschau {
            html += "<h2>Vorschau (ohne Platzhalter)</h2>\n<div class=\"vorschau\">\(vorschau)</div>\n"
        }
        html += bearbeitung.rueckgaengigFormular(version: version)
        return bearbeitung.seite(titel: relativ, status: status, inhalt: html, fehler: !fehler.isEmpty)
    }

    /// The placeholders the project's chapters and texts already use (so each is one the checks know),
    /// to copy or, with the script, to insert at the cursor.
    func platzhalterliste() -> String {
        let disk = ProjectFiles.disk(bearbeitung.projekt)
        var namen = Set<String>()
        for datei in disk.list("templates") where datei.hasSuffix(".md") {
            guard let bytes = try? disk.read(datei) else { continue }
            for treffer in String(decoding: bytes, as: UTF8.self).matches(of: /\{\{([a-zA-Z0-9_.]+)\}\}/) { namen.insert(String(treffer.1)) }
        }
        guard !namen.isEmpty else { return "" }
        var html = "<details class=\"platzhalter\"><summary>Platzhalter einfügen (\(namen.count))</summary>\n<ul>\n"
        for name in namen.sorted() {
            html += "<li><button type=\"button\" class=\"zweitrangig einfuegen\" data-text=\"{{\(Escape.html(name))}}\">{{\(Escape.html(name))}}</button></li>\n"
        }
        return html + "</ul>\n</details>\n"
    }

    /// For the script: the text checked like a save and shown as HTML, nothing written.
    func pruefenLive(_ daten: Formulardaten) -> Werkbankantwort {
        let text = (daten["inhalt"] ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        let fehler = bearbeitung.pruefen(Array(text.utf8)).filter { $0.severity == .error && $0.file == bearbeitung.relativ }.map { befund in
            (befund.location.map { "Zeile \($0.line), Spalte \($0.column): " } ?? "") + befund.message + (befund.hint.map { " (\($0))" } ?? "")
        }
        var html = fehler.isEmpty ? "" : "<div class=\"fehlerliste\"><h2>Beim Speichern würde gemeldet</h2><ul>" + fehler.map { "<li>\(Escape.html($0))</li>" }.joined() + "</ul></div>"
        html += "\u{0}" + Markdown.html(text)
        return Werkbankantwort(status: 200, kopf: ["Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store"], rumpf: Array(html.utf8))
    }

    func speichern(_ daten: Formulardaten, bytes: [UInt8], version: String) -> Werkbankantwort {
        guard var text = daten["inhalt"] else { return .text(422, "Das Formular enthält keinen Text (inhalt).\n") }
        // Browsers send line breaks of a text box as CR LF; the chapters are written with LF.
        if !bytes.contains(0x0D) { text = text.replacingOccurrences(of: "\r\n", with: "\n") }
        guard daten["_version"] == version else {
            return bearbeitung.veraltet(daten, aktuell: .init(.objekt([("inhalt", .init(.text(String(decoding: bytes, as: UTF8.self))))])), zeiger: "")
        }
        if daten["_live"] != nil { return pruefenLive(daten) }
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
        bearbeitung.werkbank.gespeichert(bearbeitung.relativ, nachricht: "Werkbank: \(bearbeitung.relativ) – Text geändert")
        return .weiter(Werkbankpfade.bearbeiten(bearbeitung.relativ) + "?gespeichert=1")
    }
}
