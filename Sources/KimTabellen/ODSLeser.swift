import KimModel

/// Reads an OpenDocument spreadsheet (.ods): every table with its cells typed by
/// `office:value-type`; repeated rows and cells are expanded, comments (annotations) skipped.
public enum ODSLeser {
    public struct Fehler: Error, Sendable, Equatable {
        public var meldung: String
    }

    public static func lesen(_ bytes: [UInt8]) throws(Fehler) -> Arbeitsmappe {
        let teile: [String: [UInt8]]
        do { teile = try Zip.entpacken(bytes) } catch { throw Fehler(meldung: error.meldung) }
        guard let inhalt = teile["content.xml"] else { throw Fehler(meldung: "die Datei ist keine ods-Tabelle (content.xml fehlt)") }
        let mappe: Arbeitsmappe
        do {
            mappe = try tabellen(inhalt)
        } catch {
            throw Fehler(meldung: error.meldung)
        }
        guard !mappe.blaetter.isEmpty else { throw Fehler(meldung: "die Datei enthält kein Tabellenblatt") }
        return mappe
    }

    private struct Zellzustand {
        var typ = ""
        var wert = ""
        var datum = ""
        var wahrheit = ""
        var wiederholt = 1
        var absaetze: [String] = []
    }

    private static func tabellen(_ bytes: [UInt8]) throws(XMLLeser.Fehler) -> Arbeitsmappe {
        var blaetter: [Blatt] = []
        var name = "", sammlung = Zellensammlung()
        var zeile = 0, spalte = 0, zeilenWiederholung = 1
        var zeilenzellen: [(Int, Zelle, Int)] = []
        var zelle: Zellzustand?
        var anmerkung = 0, imAbsatz = 0, voll = false
        /// Text counts only inside a paragraph of a cell (not the whitespace between elements).
        func anhaengen(_ text: String) {
            guard anmerkung == 0, imAbsatz > 0, var offen = zelle, !offen.absaetze.isEmpty else { return }
            offen.absaetze[offen.absaetze.count - 1] += text
            zelle = offen
        }
        try XMLLeser.lesen(bytes, teil: "content.xml", .init(anfang: { element, attribute in
            if anmerkung > 0 || element == "annotation" {
                if element == "annotation" { anmerkung += 1 }
                return
            }
            switch element {
            case "table":
                name = attribute["name"] ?? "Tabelle\(blaetter.count + 1)"
                sammlung = Zellensammlung(); zeile = 0
            case "table-row":
                spalte = 0; zeilenzellen = []
                zeilenWiederholung = attribute["number-rows-repeated"].flatMap(Int.init).map { max(1, $0) } ?? 1
            case "table-cell", "covered-table-cell":
                zelle = Zellzustand(typ: attribute["value-type"] ?? "", wert: attribute["value"] ?? "", datum: attribute["date-value"] ?? "",
                                    wahrheit: attribute["boolean-value"] ?? "",
                                    wiederholt: attribute["number-columns-repeated"].flatMap(Int.init).map { max(1, $0) } ?? 1)
            case "p", "h":
                zelle?.absaetze.append("")
                imAbsatz += 1
            case "s":
                let anzahl = attribute["c"].flatMap(Int.init).map { min(max(1, $0), 1000) } ?? 1
                anhaengen(String(repeating: " ", count: anzahl))
            case "tab":
                anhaengen("\t")
            case "line-break":
                anhaengen("\n")
            default: break
            }
        }, ende: { element in
            if anmerkung > 0 {
                if element == "annotation" { anmerkung -= 1 }
                return
            }
            switch element {
            case "p", "h":
                imAbsatz -= 1
            case "table-cell", "covered-table-cell":
                if let fertig = zelle { zeilenzellen.append((spalte, wert(fertig), fertig.wiederholt)); spalte += fertig.wiederholt }
                zelle = nil
            case "table-row":
                // A row repeated a million times is LibreOffice's way to say "empty to the end".
                let belegt = zeilenzellen.contains { !$0.1.istLeer }
                for wiederholung in 0..<(belegt ? min(zeilenWiederholung, Zellensammlung.hoechstensZeilen) : 0) where !sammlung.uebervoll {
                    for (anfang, inhalt, anzahl) in zeilenzellen where !inhalt.istLeer && !sammlung.uebervoll {
                        for versatz in 0..<min(anzahl, Zellensammlung.hoechstensSpalten) {
                            sammlung.setzen(inhalt, zeile: zeile + wiederholung, spalte: anfang + versatz)
                        }
                    }
                }
                zeile += zeilenWiederholung
            case "table":
                if sammlung.uebervoll { voll = true }
                blaetter.append(Blatt(name: name, zeilen: sammlung.zeilen))
            default: break
            }
        }, text: { text in anhaengen(text) }))
        guard !voll else { throw XMLLeser.Fehler(meldung: Zellensammlung.zuVieleZellen) }

        return Arbeitsmappe(blaetter: blaetter)
    }

    private static func wert(_ zelle: Zellzustand) -> Zelle {
        switch zelle.typ {
        case "float", "percentage", "currency":
            return Double(zelle.wert).map(Zelle.zahl) ?? .text(zelle.absaetze.joined(separator: "\n"))
        case "date":
            return Datum(iso: String(zelle.datum.prefix(10))).map(Zelle.datum) ?? .text(zelle.absaetze.joined(separator: "\n"))
        case "boolean":
            return .wahrheitswert(zelle.wahrheit == "true")
        case "":
            return zelle.absaetze.isEmpty ? .leer : .text(zelle.absaetze.joined(separator: "\n"))
        default:
            return .text(zelle.absaetze.joined(separator: "\n"))
        }
    }
}
