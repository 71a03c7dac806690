/// Writes a workbook as an Office Open XML spreadsheet (.xlsx): text as inline strings, numbers
/// as numbers, dates as date serials with the format TT.MM.JJJJ, the first row bold and frozen,
/// drop-down lists as data validations that refer to the sheet holding the values.
public enum XLSXSchreiber {
    /// Style indices in styles.xml's cellXfs.
    private enum Stil: Int {
        case standard = 0, datum = 1, kopf = 2, text = 3
    }

    public static func schreiben(_ mappe: Arbeitsmappe) throws -> [UInt8] {
        var teile: [(pfad: String, inhalt: [UInt8])] = [
            ("[Content_Types].xml", Array(inhaltstypen(mappe).utf8)),
            ("_rels/.rels", Array(paketbeziehungen.utf8)),
            ("xl/workbook.xml", Array(arbeitsmappe(mappe).utf8)),
            ("xl/_rels/workbook.xml.rels", Array(mappenbeziehungen(mappe).utf8)),
            ("xl/styles.xml", Array(stile.utf8)),
        ]
        for (index, blatt) in mappe.blaetter.enumerated() {
            teile.append(("xl/worksheets/sheet\(index + 1).xml", Array(tabellenblatt(blatt).utf8)))
        }
        return try Zip.packen(teile)
    }

    private static let kopfzeile = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    private static let haupt = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let beziehung = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    private static func inhaltstypen(_ mappe: Arbeitsmappe) -> String {
        var xml = kopfzeile + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        xml += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        xml += #"<Default Extension="xml" ContentType="application/xml"/>"#
        xml += #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        xml += #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        for index in mappe.blaetter.indices {
            xml += #"<Override PartName="/xl/worksheets/sheet\#(index + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        return xml + "</Types>"
    }

    private static let paketbeziehungen = kopfzeile
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="\#(beziehung)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#

    private static func arbeitsmappe(_ mappe: Arbeitsmappe) -> String {
        var xml = kopfzeile + #"<workbook xmlns="\#(haupt)" xmlns:r="\#(beziehung)"><sheets>"#
        for (index, blatt) in mappe.blaetter.enumerated() {
            xml += #"<sheet name="\#(XMLText.attribut(blatt.name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }
        return xml + "</sheets></workbook>"
    }

    private static func mappenbeziehungen(_ mappe: Arbeitsmappe) -> String {
        var xml = kopfzeile + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for index in mappe.blaetter.indices {
            xml += #"<Relationship Id="rId\#(index + 1)" Type="\#(beziehung)/worksheet" Target="worksheets/sheet\#(index + 1).xml"/>"#
        }
        xml += #"<Relationship Id="rId\#(mappe.blaetter.count + 1)" Type="\#(beziehung)/styles" Target="styles.xml"/>"#
        return xml + "</Relationships>"
    }

    private static let stile = kopfzeile + #"<styleSheet xmlns="\#(haupt)">"#
        + #"<numFmts count="1"><numFmt numFmtId="164" formatCode="DD.MM.YYYY"/></numFmts>"#
        + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>"#
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#

    private static func tabellenblatt(_ blatt: Blatt) -> String {
        var xml = kopfzeile + #"<worksheet xmlns="\#(haupt)" xmlns:r="\#(beziehung)">"#
        xml += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
        let spalten = blatt.spaltenzahl
        if spalten > 0 {
            xml += "<cols>"
            for spalte in 0..<spalten {
                let stil = spaltenstil(blatt.formate[spalte])
                xml += #"<col min="\#(spalte + 1)" max="\#(spalte + 1)" width="\#(blatt.breiten[spalte] ?? 14)" customWidth="1" style="\#(stil.rawValue)"/>"#
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        for (zeilenindex, zeile) in blatt.zeilen.enumerated() {
            xml += #"<row r="\#(zeilenindex + 1)">"#
            for (spalte, zelle) in zeile.enumerated() {
                xml += self.zelle(zelle, name: Zellbezug.name(spalte: spalte, zeile: zeilenindex), kopf: zeilenindex == 0)
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        if !blatt.auswahl.isEmpty {
            xml += #"<dataValidations count="\#(blatt.auswahl.count)">"#
            for (spalte, auswahl) in blatt.auswahl.sorted(by: { $0.key < $1.key }) {
                // The rows there are and 500 more for new entries.
                let bereich = "\(Zellbezug.spaltenname(spalte))2:\(Zellbezug.spaltenname(spalte))\(blatt.zeilen.count + 500)"
                let quelle = "'\(auswahl.blatt.replacingOccurrences(of: "'", with: "''"))'!$\(Zellbezug.spaltenname(auswahl.spalte))$2:$\(Zellbezug.spaltenname(auswahl.spalte))$\(max(2, auswahl.bisZeile))"
                let meldung = auswahl.streng ? #" showErrorMessage="1" errorTitle="Nicht in der Liste" error="Bitte einen Wert aus der Liste wählen.""# : #" showErrorMessage="0""#
                xml += #"<dataValidation type="list" allowBlank="1"\#(meldung) sqref="\#(bereich)"><formula1>\#(XMLText.text(quelle))</formula1></dataValidation>"#
            }
            xml += "</dataValidations>"
        }
        return xml + "</worksheet>"
    }

    private static func spaltenstil(_ format: Spaltenformat?) -> Stil {
        switch format {
        case .text?: return .text
        case .datum?: return .datum
        case .zahl?, nil: return .standard
        }
    }

    private static func zelle(_ zelle: Zelle, name: String, kopf: Bool) -> String {
        switch zelle {
        case .leer:
            return ""
        case .text(let text):
            let stil = kopf ? Stil.kopf : Stil.text
            return #"<c r="\#(name)" s="\#(stil.rawValue)" t="inlineStr"><is><t xml:space="preserve">\#(XMLText.excelText(text))</t></is></c>"#
        case .zahl(let zahl):
            return #"<c r="\#(name)"><v>\#(Zahlentext.json(zahl))</v></c>"#
        case .datum(let datum):
            return #"<c r="\#(name)" s="\#(Stil.datum.rawValue)"><v>\#(Seriendatum.zahl(datum))</v></c>"#
        case .wahrheitswert(let wert):
            return #"<c r="\#(name)" t="b"><v>\#(wert ? 1 : 0)</v></c>"#
        }
    }
}
