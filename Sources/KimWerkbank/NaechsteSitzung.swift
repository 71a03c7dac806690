import Foundation
import KimLoad
import KimModel
import KimPipeline
import KimRender
import KimTabellen
import KimVorgaben

/// `/_kim/neu/data/sitzungen`: "Nächste Sitzung" of a Gremium, started from its previous one as
/// `kim new sitzung` does it (the same code), then opened in its form.
struct NaechsteSitzung {
    let werkbank: Werkbank

    static let pfad = Werkbankpfade.neuPraefix + ProjectLoader.sitzungsordner

    func gremien() -> [Verweisziel] {
        let dateien = ProjectFiles.disk(werkbank.projekt).ueberlagert(Vorgaben.dateien)
        guard let bytes = try? dateien.read("data/gremien.json"), let (knoten, _) = try? JSONParser.parse(bytes) else { return [] }
        return JSONWert(knoten).wert(["gremien"][...])?.listenelemente.compactMap { element in
            element.wert(["id"][...])?.alsText.map { Verweisziel(id: $0, name: Formular.kurzname(element) ?? $0) }
        } ?? []
    }

    func seite(gremium: String?, datum: String, fehler: [String: String], status: Int) -> Werkbankantwort {
        var html = "<p><a href=\"/_kim/\">Alle Dateien</a></p>\n<h1>Nächste Sitzung</h1>\n"
        html += "<p>Legt die nächste Sitzung eines Gremiums an: Nummer, Ort, Zeiten und Teilnahme aus seiner vorigen Sitzung, die Tagesordnung zum Ausfüllen. Danach öffnet sich ihr Formular.</p>\n"
        html += Bearbeitung.fehlerliste(fehler.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, ohneOrt: [])
        html += "<form method=\"post\" action=\"\(Self.pfad)\" novalidate>\n<input type=\"hidden\" name=\"_token\" value=\"\(werkbank.token)\">\n"
        html += "<div class=\"feld\(fehler["gremium"] == nil ? "" : " feld-fehler")\"><label for=\"gremium\">Gremium</label>\n"
        if let meldung = fehler["gremium"] { html += "<p class=\"fehlermeldung\" id=\"gremium-fehler\"><span class=\"unsichtbar\">Fehler: </span>\(Escape.html(meldung))</p>\n" }
        html += "<select id=\"gremium\" name=\"gremium\"\(fehler["gremium"] == nil ? "" : " aria-describedby=\"gremium-fehler\" aria-invalid=\"true\"")>\n"
        for eintrag in gremien() {
            html += "<option value=\"\(Escape.html(eintrag.id))\"\(eintrag.id == gremium ? " selected" : "")>\(Escape.html(eintrag.name))</option>\n"
        }
        html += "</select></div>\n"
        html += "<div class=\"feld\(fehler["datum"] == nil ? "" : " feld-fehler")\"><label for=\"datum\">Datum der Sitzung</label>\n"
        if let meldung = fehler["datum"] { html += "<p class=\"fehlermeldung\" id=\"datum-fehler\"><span class=\"unsichtbar\">Fehler: </span>\(Escape.html(meldung))</p>\n" }
        html += "<input type=\"date\" id=\"datum\" name=\"datum\" value=\"\(Escape.html(datum))\"\(fehler["datum"] == nil ? "" : " aria-describedby=\"datum-fehler\" aria-invalid=\"true\"")></div>\n"
        html += "<div class=\"aktionen\"><button type=\"submit\">Sitzung anlegen</button></div>\n</form>\n"
        return .html(status, Seitenrahmen.seite(titel: "Nächste Sitzung", inhalt: html, fehler: !fehler.isEmpty))
    }

    func anlegen(_ daten: Formulardaten) -> Werkbankantwort {
        let gremium = daten["gremium"] ?? ""
        let text = daten["datum"] ?? ""
        guard let datum = Datum(iso: text) else {
            return seite(gremium: gremium, datum: text, fehler: ["datum": "Bitte ein gültiges Datum angeben, z. B. 2021-03-10."], status: 422)
        }
        do {
            let pfad = try NeueSitzung(projekt: werkbank.projekt, gremium: gremium, datum: datum).anlegen()
            return .weiter(Werkbankpfade.bearbeiten(pfad))
        } catch {
            return seite(gremium: gremium, datum: text, fehler: ["gremium": String(describing: error)], status: 422)
        }
    }
}
