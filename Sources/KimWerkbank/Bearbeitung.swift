import Foundation
import KimLoad
import KimModel
import KimPipeline
import KimRender
import KimTabellen
import KimVorgaben

/// One file on the workbench: its form (GET), a save (POST) checked like `kim check` before a
/// byte is written, and undo. JSON files get forms from their schema, Markdown a text editor.
struct Bearbeitung {
    let werkbank: Werkbank
    let relativ: String
    let echt: String

    var projekt: URL { werkbank.projekt }
    var istText: Bool { relativ.hasSuffix(".md") }
    private var dateien: ProjectFiles { ProjectFiles.disk(projekt).ueberlagert(Vorgaben.dateien) }

    /// The schema of a data file, as the loader picks it: by folder and name.
    static func schemaname(_ relativ: String) -> String? {
        if ProjectLoader.istSitzungsdatei(relativ) { return "sitzung" }
        let teile = relativ.split(separator: "/")
        let name = teile.last.map { String($0.dropLast(".json".count)) }
        if teile.count == 2 || (teile.count == 4 && teile[1] == "fassungen") { return name }
        return nil
    }

    func schema() -> Feldschema? {
        guard let name = Self.schemaname(relativ), let bytes = try? dateien.read("schemas/\(name).schema.json"),
              let (wurzel, _) = try? JSONParser.parse(bytes) else { return nil }
        return Feldschema(wurzel, wurzel: wurzel)
    }

    private func verweise(_ schema: Feldschema) -> [Verweisziel]? {
        Verweisquelle.ziele(schema) { datei in
            guard let bytes = try? dateien.read(datei), let (knoten, _) = try? JSONParser.parse(bytes) else { return nil }
            return JSONWert(knoten)
        }
    }

    // MARK: GET

    func formular(zeiger: String, gespeichert: Bool) -> Werkbankantwort {
        guard let bytes = werkbank.ablage.lesen(echt) else { return .text(404, "Nicht lesbar: \(relativ)\n") }
        if istText {
            return Textformular(bearbeitung: self).seite(text: String(decoding: bytes, as: UTF8.self), version: Ablage.version(bytes),
                                                       meldung: gespeichert ? "Gespeichert." : nil, fehler: [], vorschau: nil, status: 200)
        }
        guard let schema = schema() else { return .text(404, "Für \(relativ) gibt es kein Schema, also kein Formular.\n") }
        let dokument: JSONWert
        do {
            dokument = JSONWert(try JSONParser.parse(bytes).0)
        } catch {
            return seite(titel: relativ, status: 422, inhalt: "<h1>\(Escape.html(relativ))</h1><div class=\"fehlerliste\" tabindex=\"-1\"><h2>Die Datei ist kein gültiges JSON</h2><p>Zeile \(error.location.line), Spalte \(error.location.column): \(Escape.html(error.message))</p><p>Bitte im Editor beheben; danach zeigt die Werkbank das Formular.</p></div>")
        }
        guard let teile = Zeiger.teile(zeiger), schema.unter(teile) != nil else { return .text(404, "Keinen Eintrag an »\(zeiger)« in \(relativ).\n") }
        if teile.last != "-", dokument.wert(teile[...]) == nil { return .text(404, "Keinen Eintrag an »\(zeiger)« in \(relativ).\n") }
        let hinweis = werkbank.hinweis.abholen()
        return formularseite(schema, dokument: dokument, zeiger: zeiger, version: Ablage.version(bytes), fehler: [:], allgemein: hinweis.map { [$0] } ?? [],
                             meldung: gespeichert ? "Gespeichert. Die Vorschau zeigt die Änderung, sobald sie neu gebaut ist." : nil, status: 200)
    }

    func formularseite(_ schema: Feldschema, dokument: JSONWert, zeiger: String, version: String, fehler roheFehler: [String: String],
                       allgemein: [String], meldung: String?, status: Int) -> Werkbankantwort {
        let teile = Zeiger.teile(zeiger) ?? []
        let bereich = schema.unter(teile) ?? schema
        let wert = teile.last == "-" ? nil : dokument.wert(teile[...])
        // First pass only to learn where each pointer has its control, so every message finds a place.
        var probe = Formular(datei: relativ, fehler: [:], verweise: verweise)
        probe.feld(bereich, zeiger: zeiger, wert: wert, name: teile.last ?? "", tiefe: 0)
        var fehler: [String: String] = [:]
        var ohneOrt = allgemein
        for (ort, meldung) in roheFehler.sorted(by: { $0.key < $1.key }) {
            if let feld = Fehlerortung.feld(ort, orte: probe.orte), feld != zeiger || ort == zeiger {
                fehler[feld] = fehler[feld].map { $0 + " " + meldung } ?? meldung
            } else {
                ohneOrt.append(meldung)
            }
        }
        var form = Formular(datei: relativ, fehler: fehler, verweise: verweise)
        form.feld(bereich, zeiger: zeiger, wert: wert, name: teile.last ?? "", tiefe: 0)

        var html = "<p><a href=\"/_kim/\">Alle Dateien</a>"
        if !teile.isEmpty { html += " · <a href=\"\(Werkbankpfade.bearbeiten(relativ))\">ganze Datei</a>" }
        html += "</p>\n<h1>\(Escape.html(bereich.titel ?? relativ))"
        if let name = wert.flatMap(Formular.kurzname), !teile.isEmpty { html += ": \(Escape.html(name))" }
        html += "</h1>\n<p class=\"hinweis\">Datei <code>\(Escape.html(relativ))</code>\(teile.isEmpty ? "" : ", Eintrag <code>\(Escape.html(zeiger))</code>")</p>\n"
        if let text = bereich.beschreibung { html += "<p class=\"hinweis\">\(Escape.html(text))</p>\n" }
        html += Self.fehlerliste(fehler.sorted { $0.key < $1.key }.compactMap { ort, meldung in form.orte[ort].map { ($0, meldung) } }, ohneOrt: ohneOrt)
        if let meldung { html += "<div class=\"erfolg\" role=\"status\"><p>\(Escape.html(meldung))</p></div>\n" }
        let ziel = Werkbankpfade.bearbeiten(relativ, zeiger: zeiger)
        html += "<form method=\"post\" action=\"\(Escape.html(ziel))\" novalidate>\n"
        html += "<input type=\"hidden\" name=\"_token\" value=\"\(werkbank.token)\">\n<input type=\"hidden\" name=\"_version\" value=\"\(Escape.html(version))\">\n"
        // Enter in a field submits with the first button of the form: that must be "Speichern", not "… hinzufügen".
        html += "<button type=\"submit\" class=\"unsichtbar\" tabindex=\"-1\" aria-hidden=\"true\">Speichern</button>\n"
        html += form.html
        html += "<div class=\"aktionen\"><button type=\"submit\">Speichern</button></div>\n</form>\n"
        html += rueckgaengigFormular(version: version)
        return seite(titel: bereich.titel ?? relativ, status: status, inhalt: html, fehler: !fehler.isEmpty || !ohneOrt.isEmpty)
    }

    /// GOV.UK's error summary: a heading, then every message as a link to its field.
    static func fehlerliste(_ amFeld: [(id: String, meldung: String)], ohneOrt: [String]) -> String {
        guard !amFeld.isEmpty || !ohneOrt.isEmpty else { return "" }
        var html = "<div class=\"fehlerliste\" role=\"alert\" aria-labelledby=\"fehlerliste-titel\" tabindex=\"-1\">\n<h2 id=\"fehlerliste-titel\">Es gibt ein Problem – nichts wurde gespeichert</h2>\n<ul>\n"
        for (id, meldung) in amFeld { html += "<li><a href=\"#\(id)\">\(Escape.html(meldung))</a></li>\n" }
        for meldung in ohneOrt { html += "<li>\(Escape.html(meldung))</li>\n" }
        return html + "</ul>\n</div>\n"
    }

    func rueckgaengigFormular(version: String) -> String {
        guard !werkbank.ablage.verlauf(relativ).isEmpty else { return "" }
        return """
        <form method="post" action="\(Escape.html(Werkbankpfade.rueckgaengig(relativ)))" class="rueckgaengig">
        <input type="hidden" name="_token" value="\(werkbank.token)"><input type="hidden" name="_version" value="\(Escape.html(version))">
        <button type="submit" class="zweitrangig">Letztes Speichern rückgängig machen</button>
        </form>

        """
    }

    func seite(titel: String, status: Int, inhalt: String, fehler: Bool = false) -> Werkbankantwort {
        .html(status, Seitenrahmen.seite(titel: titel, inhalt: inhalt, fehler: fehler))
    }

    // MARK: POST

    func speichern(_ daten: Formulardaten, zeiger: String) -> Werkbankantwort {
        guard let bytes = werkbank.ablage.lesen(echt) else { return .text(404, "Nicht lesbar: \(relativ)\n") }
        let version = Ablage.version(bytes)
        if istText { return Textformular(bearbeitung: self).speichern(daten, bytes: bytes, version: version) }
        guard let schema = schema(), let (knoten, _) = try? JSONParser.parse(bytes) else {
            return .text(422, "\(relativ) lässt sich nicht als Formular bearbeiten (kein Schema oder kein gültiges JSON).\n")
        }
        let alt = JSONWert(knoten)
        guard let teile = Zeiger.teile(zeiger), let bereich = schema.unter(teile) else { return .text(404, "Keinen Eintrag an »\(zeiger)«.\n") }
        guard daten["_version"] == version else { return veraltet(daten, aktuell: alt, zeiger: zeiger) }

        var auswertung = Formularauswertung(daten)
        let neuer = auswertung.wert(bereich, zeiger: zeiger, alt: teile.last == "-" ? nil : alt.wert(teile[...]))
        var dokument = alt.ersetzt(teile[...], durch: neuer ?? JSONWert(.objekt([])))
        if let liste = daten["_hinzufuegen"], let listenteile = Zeiger.teile(liste) {
            // Without scripts a new row comes from the server: the form again, one empty item more, nothing written.
            dokument = dokument.ersetzt(listenteile[...] + ["-"], durch: JSONWert(.objekt([])))
            return formularseite(schema, dokument: dokument, zeiger: zeiger, version: version, fehler: [:], allgemein: [], meldung: nil, status: 200)
        }
        if let eintrag = daten["_hoch"], var eintragsteile = Zeiger.teile(eintrag), let index = eintragsteile.popLast().flatMap({ Int($0) }), index > 0,
           case .liste(var elemente)? = dokument.wert(eintragsteile[...])?.inhalt, elemente.indices.contains(index) {
            // "Nach oben" saves the form with the item one place up (checked like any save).
            elemente.swapAt(index - 1, index)
            dokument = dokument.ersetzt(eintragsteile[...], durch: JSONWert(.liste(elemente)))
        }
        let entfernen = daten.alle("_entfernen")
        if !entfernen.isEmpty, daten["_bestaetigt"] == nil {
            return rueckfrage(daten, entfernen: entfernen, alt: alt, zeiger: zeiger)
        }
        guard let neueBytes = Minimaldiff.anwenden(alt: bytes, altWert: alt, neu: dokument), let (neuerKnoten, _) = try? JSONParser.parse(neueBytes) else {
            return .text(500, "Die Änderung ließ sich nicht in die Datei schreiben; nichts wurde gespeichert.\n")
        }
        // The errors the form itself found, then those of every check `kim check` runs, on the project with this file as it would be.
        var fehler = auswertung.fehler
        var allgemein: [String] = []
        let ortung = Fehlerortung(neuerKnoten)
        let anzeigeZeiger = Self.anzeigeZeiger(zeiger, dokument: dokument)
        for befund in pruefen(neueBytes) where befund.severity == .error {
            let text = befund.message + (befund.hint.map { " (\($0))" } ?? "")
            if befund.file == relativ {
                var ort = ortung.zeiger(befund)
                let text = Self.mitTitel(text, zeiger: ort, schema: schema)
                if let (von, nach) = anzeigeZeiger, ort.hasPrefix(von) { ort = nach + ort.dropFirst(von.count) }
                if fehler[ort] == nil { fehler[ort] = text }
            } else {
                allgemein.append(befund.formatted)
            }
        }
        // Findings outside the scope of this form are named in the summary.
        let ausserhalb = fehler.filter { !$0.key.hasPrefix(zeiger) }
        for (ort, meldung) in ausserhalb {
            fehler[ort] = nil
            allgemein.append("\(relativ) an \(ort.isEmpty ? "/" : ort): \(meldung)")
        }
        if !fehler.isEmpty || !allgemein.isEmpty {
            return formularseite(schema, dokument: dokument, zeiger: zeiger, version: version, fehler: fehler, allgemein: allgemein, meldung: nil, status: 422)
        }
        if neueBytes == bytes { return .weiter(Werkbankpfade.bearbeiten(relativ, zeiger: zeiger)) }
        do {
            try werkbank.ablage.schreiben(neueBytes, nach: echt, relativ: relativ, vorher: bytes)
        } catch {
            return .text(500, "Nicht gespeichert: \(error.grund)\n")
        }
        werkbank.gespeichert(relativ, nachricht: Self.nachricht(relativ, alt: alt, neu: dokument, schema: schema))
        let ziel = anzeigeZeiger?.0 ?? zeiger
        return .weiter(Werkbankpfade.bearbeiten(relativ, zeiger: ziel) + (ziel.isEmpty ? "?" : "&") + "gespeichert=1")
    }

    /// Deleting asks first: the items named, the whole form again as hidden fields, one button to confirm.
    func rueckfrage(_ daten: Formulardaten, entfernen: [String], alt: JSONWert, zeiger: String) -> Werkbankantwort {
        var html = "<h1>Wirklich entfernen?</h1>\n<p>Beim Speichern werden diese Einträge aus <code>\(Escape.html(relativ))</code> entfernt:</p>\n<ul>\n"
        for eintrag in entfernen {
            let name = Zeiger.teile(eintrag).flatMap { alt.wert($0[...]) }.flatMap(Formular.kurzname) ?? eintrag
            html += "<li>\(Escape.html(name)) (<code>\(Escape.html(eintrag))</code>)</li>\n"
        }
        html += "</ul>\n<form method=\"post\" action=\"\(Escape.html(Werkbankpfade.bearbeiten(relativ, zeiger: zeiger)))\">\n"
        for (name, wert) in daten.felder {
            html += "<input type=\"hidden\" name=\"\(Escape.html(name))\" value=\"\(Escape.html(wert))\">\n"
        }
        html += "<input type=\"hidden\" name=\"_bestaetigt\" value=\"1\">\n<div class=\"aktionen\"><button type=\"submit\">Ja, entfernen und speichern</button>"
        html += "<a class=\"knopf\" href=\"\(Escape.html(Werkbankpfade.bearbeiten(relativ, zeiger: zeiger)))\">Nein, zurück zum Formular</a></div>\n</form>\n"
        return seite(titel: "Wirklich entfernen?", status: 200, inhalt: html)
    }

    /// A commit message a person can read: the file and the labels of the changed fields.
    static func nachricht(_ relativ: String, alt: JSONWert, neu: JSONWert, schema: Feldschema) -> String {
        var geaendert: [String] = []
        func vergleichen(_ a: JSONWert?, _ b: JSONWert?, _ teile: [String]) {
            if let a, let b, Minimaldiff.gleich(a, b) { return }
            switch (a?.inhalt, b?.inhalt) {
            case (.objekt(let x)?, .objekt(let y)?):
                var schluessel: [String] = []
                for name in x.map(\.0) + y.map(\.0) where !schluessel.contains(name) { schluessel.append(name) }
                for name in schluessel {
                    vergleichen(x.last { $0.0 == name }?.1, y.last { $0.0 == name }?.1, teile + [name])
                }
            case (.liste(let x)?, .liste(let y)?) where x.count == y.count:
                for index in x.indices { vergleichen(x[index], y[index], teile + [String(index)]) }
            default:
                // "Tagesordnungspunkt 2: Titel": each list item by its title and number, then the field.
                var teilnamen: [String] = []
                for (index, teil) in teile.enumerated() {
                    let titel = schema.unter(Array(teile[...index]))?.titel ?? teil
                    if let nummer = Int(teil) { teilnamen.append("\(titel) \(nummer + 1)") } else if index == teile.count - 1 { teilnamen.append(titel) }
                }
                geaendert.append(teilnamen.joined(separator: ": "))
            }
        }
        vergleichen(alt, neu, [])
        let liste = geaendert.prefix(8).joined(separator: ", ") + (geaendert.count > 8 ? " …" : "")
        return "Werkbank: \(relativ) – \(liste.isEmpty ? "gespeichert" : liste)"
    }

    /// The checks name a field by its key ("\"datum\" muss …"); at the form it is named by its label.
    static func mitTitel(_ text: String, zeiger: String, schema: Feldschema) -> String {
        guard let teile = Zeiger.teile(zeiger), let schluessel = teile.last, text.hasPrefix("\"\(schluessel)\""),
              let titel = schema.unter(teile)?.titel else { return text }
        return "„\(titel)“" + text.dropFirst(schluessel.count + 2)
    }

    /// For a new item (`/liste/-`): the pointer it got in the new document, and the one the form uses.
    static func anzeigeZeiger(_ zeiger: String, dokument: JSONWert) -> (String, String)? {
        guard var teile = Zeiger.teile(zeiger), teile.last == "-" else { return nil }
        teile.removeLast()
        let anzahl = dokument.wert(teile[...])?.listenelemente.count ?? 1
        return (Zeiger.text(teile + [String(anzahl - 1)]), zeiger)
    }

    /// Every check of `kim check`, on the project with this file's bytes replaced in memory.
    func pruefen(_ neueBytes: [UInt8]) -> [Diagnostic] {
        let disk = ProjectFiles.disk(projekt)
        let pfad = relativ
        let ueberlagert = ProjectFiles(
            read: { $0 == pfad ? neueBytes : try disk.read($0) },
            list: { ordner in
                var liste = disk.list(ordner)
                if pfad.hasPrefix(ordner + "/"), !liste.contains(pfad) { liste.append(pfad); liste.sort() }
                return liste
            },
            exists: { $0 == pfad || disk.exists($0) },
            problems: disk.problems)
        return Build(Build.Optionen(projekt: projekt)).allesPruefen(files: ueberlagert)
    }

    /// 409: the file changed since the form was made. Shows what is on disk now and what the form
    /// sent, field by field, and writes nothing.
    func veraltet(_ daten: Formulardaten, aktuell: JSONWert, zeiger: String) -> Werkbankantwort {
        var zeilen = ""
        for (name, wert) in daten.felder where !name.hasPrefix("_") {
            let jetzt = Zeiger.teile(name).flatMap { aktuell.wert($0[...]) }
            let text = jetzt?.alsText ?? jetzt.map { Minimaldiff.geschrieben($0, einzug: 0) } ?? "–"
            guard text != wert else { continue }
            zeilen += "<tr><th scope=\"row\"><code>\(Escape.html(name))</code></th><td>\(Escape.html(text))</td><td>\(Escape.html(wert))</td></tr>\n"
        }
        let html = """
        <h1>Nicht gespeichert: die Datei wurde inzwischen geändert</h1>
        <div class="fehlerliste" role="alert" tabindex="-1"><h2>Es gibt ein Problem – nichts wurde gespeichert</h2>
        <p><code>\(Escape.html(relativ))</code> hat sich geändert, seit dieses Formular geöffnet wurde (in einem Editor oder einem anderen Tab). Gespeichert wurde nichts, überschrieben auch nicht.</p></div>
        <h2>Die beiden Fassungen</h2>
        \(zeilen.isEmpty ? "<p>Die Felder des Formulars stimmen mit der Datei überein.</p>" : "<table><thead><tr><th scope=\"col\">Feld</th><th scope=\"col\">jetzt in der Datei</th><th scope=\"col\">Ihre Eingabe</th></tr></thead><tbody>\n\(zeilen)</tbody></table>")
        <p><a class="knopf" href="\(Escape.html(Werkbankpfade.bearbeiten(relativ, zeiger: zeiger)))">Formular mit dem aktuellen Stand öffnen</a></p>
        """
        return seite(titel: "Nicht gespeichert", status: 409, inhalt: html, fehler: true)
    }

    /// Puts the newest kept version back (the current one is not kept: undo goes one step back each time).
    func rueckgaengig(_ daten: Formulardaten) -> Werkbankantwort {
        guard let bytes = werkbank.ablage.lesen(echt) else { return .text(404, "Nicht lesbar: \(relativ)\n") }
        guard daten["_version"] == Ablage.version(bytes) else { return veraltet(daten, aktuell: JSONWert(.objekt([])), zeiger: "") }
        guard let letzte = werkbank.ablage.verlauf(relativ).last, let vorher = try? Data(contentsOf: letzte) else {
            return .text(404, "Es gibt keine frühere Fassung von \(relativ).\n")
        }
        do {
            try werkbank.ablage.schreiben(Array(vorher), nach: echt, relativ: relativ, vorher: nil)
            try? FileManager.default.removeItem(at: letzte)
        } catch {
            return .text(500, "Nicht zurückgesetzt: \(error.grund)\n")
        }
        return .weiter(Werkbankpfade.bearbeiten(relativ) + "?gespeichert=1")
    }
}
