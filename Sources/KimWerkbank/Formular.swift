import KimModel
import KimRender
import KimTabellen

/// The form of a data file, or of one item of it, generated from its schema: labels and hints
/// from the schema's titles and descriptions, selects from enums and references, date inputs,
/// checkboxes, repeatable groups for lists. Every control is named with the JSON Pointer of its
/// value in the file. Works without scripts: adding an item is a submit button.
struct Formular {
    /// A list with more items than this is shown as links, one form per item (`?zeiger=`).
    static let hoechstensEingebettet = 20

    static func alsVerweise(_ wert: JSONWert?, tiefe: Int) -> Bool {
        tiefe > 0 && (wert?.listenelemente.count ?? 0) > hoechstensEingebettet
    }

    let datei: String
    /// Messages by the pointer of the field (or group) they are shown at.
    let fehler: [String: String]
    /// The ids a reference field may take (`x-kim-verweis` in the schema), with their names.
    let verweise: (Feldschema) -> [Verweisziel]?
    /// Every pointer that got a control or a group, with its HTML id: errors are shown there.
    private(set) var orte: [String: String] = [:]
    private(set) var html = ""

    init(datei: String, fehler: [String: String], verweise: @escaping (Feldschema) -> [Verweisziel]?) {
        self.datei = datei
        self.fehler = fehler
        self.verweise = verweise
    }

    mutating func feld(_ schema: Feldschema, zeiger: String, wert: JSONWert?, name: String, tiefe: Int) {
        let id = Zeiger.kennung(zeiger)
        let verweise = self.verweise
        orte[zeiger] = id
        let titel = schema.titel ?? name
        switch schema.art {
        case .objekt:
            if tiefe == 0 {
                fehlermeldung(zeiger, id)
                eigenschaften(schema, zeiger: zeiger, wert: wert, tiefe: tiefe)
                return
            }
            gruppe(id: id, titel: titel, schema: schema, zeiger: zeiger) { form in
                form.eigenschaften(schema, zeiger: zeiger, wert: wert, tiefe: tiefe)
            }
        case .objektliste:
            gruppe(id: id, titel: titel, schema: schema, zeiger: zeiger) { form in
                form.html += "<input type=\"hidden\" name=\"_angezeigt\" value=\"\(Escape.html(zeiger))\">\n"
                form.liste(schema, zeiger: zeiger, wert: wert, titel: titel, tiefe: tiefe)
            }
        case .werteliste(let art) where verweise(schema) != nil || { if case .wahl = art { true } else { false } }():
            let ziele: [Verweisziel] = verweise(schema) ?? { if case .wahl(let moeglich) = art { moeglich.map { Verweisziel(id: $0, name: $0) } } else { [] } }()
            let gewaehlt = (wert?.listenelemente ?? []).compactMap(\.alsText)
            let alle = ziele + gewaehlt.filter { id in !ziele.contains { $0.id == id } }.map { Verweisziel(id: $0, name: $0) }
            gruppe(id: id, titel: titel, schema: schema, zeiger: zeiger) { form in
                form.html += "<input type=\"hidden\" name=\"_angezeigt\" value=\"\(Escape.html(zeiger))\">\n<div class=\"auswahl\">\n"
                for (nummer, option) in alle.enumerated() {
                    let optionId = "\(id)-\(nummer)"
                    form.html += "<div class=\"ankreuzen\"><input type=\"checkbox\" id=\"\(optionId)\" name=\"\(Escape.html(zeiger))\" value=\"\(Escape.html(option.id))\"\(gewaehlt.contains(option.id) ? " checked" : "")>"
                    form.html += "<label for=\"\(optionId)\">\(Escape.html(option.name == option.id ? option.id : "\(option.name) (\(option.id))"))</label></div>\n"
                }
                form.html += "</div>\n"
            }
        case .werteliste(let art):
            let zeilen = (wert?.listenelemente ?? []).compactMap(\.alsText).joined(separator: "\n")
            let hinweis = "Je Zeile ein Eintrag." + (art == .datum ? " Daten als JJJJ-MM-TT." : "")
            steuerelement(id: id, titel: titel, schema: schema, zeiger: zeiger, zusatz: hinweis) { beschrieben in
                "<textarea id=\"\(id)\" name=\"\(Escape.html(zeiger))\" rows=\"\(max(3, min(12, zeilen.split(separator: "\n").count + 1)))\"\(beschrieben)>\n\(Escape.html(zeilen))</textarea>"
            }
        case .wert(.wahrheitswert):
            let an = wert?.alsText == "true"
            let hinweis = schema.hinweis.map { "<div class=\"hinweis\" id=\"\(id)-hinweis\">\(Escape.html($0))</div>" } ?? ""
            html += "<div class=\"feld ankreuzen\(fehler[zeiger] == nil ? "" : " feld-fehler")\">"
            html += "<input type=\"hidden\" name=\"_angezeigt\" value=\"\(Escape.html(zeiger))\">"
            html += "<input type=\"checkbox\" id=\"\(id)\" name=\"\(Escape.html(zeiger))\" value=\"true\"\(an ? " checked" : "")\(beschreibung(id, zeiger, hatHinweis: schema.hinweis != nil))>"
            html += "<label for=\"\(id)\">\(Escape.html(titel))</label>\(hinweis)"
            if let meldung = fehler[zeiger] { html += meldungHTML(id, meldung) }
            html += "</div>\n"
        case .wert(let art):
            let text = wert?.alsText ?? ""
            let optionen: [String]? = {
                if case .wahl(let moeglich) = art { return moeglich }
                return verweise(schema)?.map(\.id)
            }()
            steuerelement(id: id, titel: titel, schema: schema, zeiger: zeiger, zusatz: nil) { beschrieben in
                let benannt = "id=\"\(id)\" name=\"\(Escape.html(zeiger))\"\(beschrieben)"
                if let optionen {
                    let namen = verweise(schema)
                    var auswahl = "<select \(benannt)>\n<option value=\"\">– bitte wählen –</option>\n"
                    for option in optionen + (text.isEmpty || optionen.contains(text) ? [] : [text]) {
                        let anzeige = namen?.first { $0.id == option }.map { "\($0.name) (\($0.id))" } ?? option
                        auswahl += "<option value=\"\(Escape.html(option))\"\(option == text ? " selected" : "")>\(Escape.html(anzeige))</option>\n"
                    }
                    return auswahl + "</select>"
                }
                switch art {
                case .datum:
                    // What the date input cannot hold (an impossible date typed elsewhere) is shown as typed, as text.
                    let art = text.isEmpty || Datum(iso: text) != nil ? "date" : "text"
                    return "<input type=\"\(art)\" \(benannt) value=\"\(Escape.html(text))\">"
                case .ganzzahl, .zahl:
                    return "<input type=\"text\" inputmode=\"\(art == .ganzzahl ? "numeric" : "decimal")\" class=\"kurz\" \(benannt) value=\"\(Escape.html(text))\">"
                default:
                    if text.count > 70 || text.contains("\n") {
                        return "<textarea \(benannt) rows=\"\(min(12, text.count / 60 + 2))\">\n\(Escape.html(text))</textarea>"
                    }
                    return "<input type=\"text\" \(benannt) value=\"\(Escape.html(text))\">"
                }
            }
        case .json:
            let text = wert.map { Minimaldiff.geschrieben($0, einzug: 0) } ?? ""
            steuerelement(id: id, titel: titel, schema: schema, zeiger: zeiger, zusatz: "Als JSON geschrieben.") { beschrieben in
                "<textarea class=\"json\" id=\"\(id)\" name=\"\(Escape.html(zeiger))\" rows=\"\(min(20, text.split(separator: "\n").count + 2))\"\(beschrieben)>\n\(Escape.html(text))</textarea>"
            }
        }
    }

    private mutating func eigenschaften(_ schema: Feldschema, zeiger: String, wert: JSONWert?, tiefe: Int) {
        for (name, teil) in schema.eigenschaften {
            feld(teil, zeiger: Zeiger.anhaengen(zeiger, name), wert: wert?.wert([name][...]), name: name, tiefe: tiefe + 1)
        }
    }

    private mutating func liste(_ schema: Feldschema, zeiger: String, wert: JSONWert?, titel: String, tiefe: Int) {
        let elemente = wert?.listenelemente ?? []
        let elementtitel = schema.elemente?.titel ?? titel
        if Self.alsVerweise(wert, tiefe: tiefe) {
            html += "<ol class=\"verweisliste\">\n"
            for (index, element) in elemente.enumerated() {
                let unter = Zeiger.anhaengen(zeiger, String(index))
                html += "<li><a href=\"\(Werkbankpfade.bearbeiten(datei, zeiger: unter))\">\(Escape.html(Self.kurzname(element) ?? "\(elementtitel) \(index + 1)"))</a></li>\n"
            }
            html += "</ol>\n<p><a href=\"\(Werkbankpfade.bearbeiten(datei, zeiger: zeiger + "/-"))\">Neuer Eintrag: \(Escape.html(elementtitel))</a></p>\n"
            return
        }
        for (index, element) in elemente.enumerated() {
            let unter = Zeiger.anhaengen(zeiger, String(index))
            let id = Zeiger.kennung(unter)
            orte[unter] = id
            html += "<fieldset class=\"eintrag\" id=\"\(id)\">\n<legend>\(Escape.html(elementtitel)) \(index + 1)"
            if let name = Self.kurzname(element) { html += ": \(Escape.html(name))" }
            html += "</legend>\n<input type=\"hidden\" name=\"_angezeigt\" value=\"\(Escape.html(unter))\">\n"
            fehlermeldung(unter, id)
            if let elemente = schema.elemente {
                feld(elemente, zeiger: unter, wert: element, name: "", tiefe: 0)
            }
            if index > 0 {
                html += "<button type=\"submit\" class=\"zweitrangig\" name=\"_hoch\" value=\"\(Escape.html(unter))\">\(Escape.html(elementtitel)) \(index + 1) nach oben (speichert)</button>\n"
            }
            html += "<div class=\"ankreuzen entfernen\"><input type=\"checkbox\" id=\"\(id)-entfernen\" name=\"_entfernen\" value=\"\(Escape.html(unter))\">"
            html += "<label for=\"\(id)-entfernen\">\(Escape.html(elementtitel)) \(index + 1) beim Speichern entfernen</label></div>\n"
            html += "</fieldset>\n"
        }
        html += "<button type=\"submit\" class=\"zweitrangig\" name=\"_hinzufuegen\" value=\"\(Escape.html(zeiger))\">\(Escape.html(elementtitel)) hinzufügen</button>\n"
    }

    /// What names an item in a legend or link: its first short text (a name, a title, an organisation).
    static func kurzname(_ element: JSONWert) -> String? {
        guard case .objekt(let felder) = element.inhalt else { return element.alsText }
        for bevorzugt in ["name", "titel", "bezeichnung", "organisation", "text", "id"] {
            if case .text(let text)? = felder.first(where: { $0.0 == bevorzugt })?.1.inhalt, !text.isEmpty {
                return text.count > 60 ? String(text.prefix(60)) + "…" : text
            }
        }
        return nil
    }

    private mutating func gruppe(id: String, titel: String, schema: Feldschema, zeiger: String, inhalt: (inout Formular) -> Void) {
        html += "<fieldset class=\"gruppe\(fehler[zeiger] == nil ? "" : " feld-fehler")\" id=\"\(id)\">\n<legend>\(Escape.html(titel))</legend>\n"
        if let text = schema.hinweis { html += "<div class=\"hinweis\">\(Escape.html(text))</div>\n" }
        fehlermeldung(zeiger, id)
        inhalt(&self)
        html += "</fieldset>\n"
    }

    private mutating func steuerelement(id: String, titel: String, schema: Feldschema, zeiger: String, zusatz: String?, element: (String) -> String) {
        let hinweis = [schema.hinweis, zusatz].compactMap { $0 }.joined(separator: " ")
        html += "<div class=\"feld\(fehler[zeiger] == nil ? "" : " feld-fehler")\">\n<label for=\"\(id)\">\(Escape.html(titel))</label>\n"
        if !hinweis.isEmpty { html += "<div class=\"hinweis\" id=\"\(id)-hinweis\">\(Escape.html(hinweis))</div>\n" }
        if let meldung = fehler[zeiger] { html += meldungHTML(id, meldung) }
        html += element(beschreibung(id, zeiger, hatHinweis: !hinweis.isEmpty)) + "\n</div>\n"
    }

    /// `aria-describedby` for the hint and the message, `aria-invalid` with a message.
    private func beschreibung(_ id: String, _ zeiger: String, hatHinweis: Bool) -> String {
        let teile = (hatHinweis ? ["\(id)-hinweis"] : []) + (fehler[zeiger] == nil ? [] : ["\(id)-fehler"])
        guard !teile.isEmpty else { return "" }
        return " aria-describedby=\"\(teile.joined(separator: " "))\"" + (fehler[zeiger] == nil ? "" : " aria-invalid=\"true\"")
    }

    private mutating func fehlermeldung(_ zeiger: String, _ id: String) {
        if let meldung = fehler[zeiger] { html += meldungHTML(id, meldung) }
    }

    private func meldungHTML(_ id: String, _ meldung: String) -> String {
        "<p class=\"fehlermeldung\" id=\"\(id)-fehler\"><span class=\"unsichtbar\">Fehler: </span>\(Escape.html(meldung))</p>\n"
    }
}
