/// Writes a workbook as an OpenDocument spreadsheet (.ods), the native format of LibreOffice:
/// text, numbers (float) and dates (date-value, shown TT.MM.JJJJ) as typed cells, the heading
/// bold, drop-down lists as content validations that refer to the sheet holding the values.
public enum ODSSchreiber {
    public static func schreiben(_ mappe: Arbeitsmappe) throws -> [UInt8] {
        try Zip.packen([
            ("mimetype", Array(medientyp.utf8)),
            ("META-INF/manifest.xml", Array(manifest.utf8)),
            ("styles.xml", Array(vorlagen.utf8)),
            ("content.xml", Array(inhalt(mappe).utf8)),
        ], gespeichert: ["mimetype"])
    }

    private static let medientyp = "application/vnd.oasis.opendocument.spreadsheet"
    private static let kopfzeile = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
    private static let namensraeume = #"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2""#

    private static let manifest = kopfzeile
        + #"<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">"#
        + #"<manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="\#(medientyp)"/>"#
        + #"<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>"#
        + #"<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>"#
        + "</manifest:manifest>"

    private static let vorlagen = kopfzeile + #"<office:document-styles \#(namensraeume)><office:styles>"#
        + #"<style:default-style style:family="table-cell"><style:text-properties fo:font-size="11pt"/></style:default-style>"#
        + "</office:styles></office:document-styles>"

    private static func inhalt(_ mappe: Arbeitsmappe) -> String {
        var xml = kopfzeile + #"<office:document-content \#(namensraeume)><office:automatic-styles>"#
        xml += #"<number:date-style style:name="N1"><number:day number:style="long"/><number:text>.</number:text><number:month number:style="long"/><number:text>.</number:text><number:year number:style="long"/></number:date-style>"#
        xml += #"<number:text-style style:name="N2"><number:text-content/></number:text-style>"#
        xml += #"<style:style style:name="datum" style:family="table-cell" style:data-style-name="N1"/>"#
        xml += #"<style:style style:name="text" style:family="table-cell" style:data-style-name="N2"/>"#
        xml += #"<style:style style:name="kopf" style:family="table-cell"><style:text-properties fo:font-weight="bold"/></style:style>"#
        for (blattindex, blatt) in mappe.blaetter.enumerated() {
            for spalte in 0..<blatt.spaltenzahl {
                // A character of the 11 pt font is about 0.22 cm wide.
                let breite = (blatt.breiten[spalte] ?? 14) * 0.22
                xml += #"<style:style style:name="b\#(blattindex)s\#(spalte)" style:family="table-column"><style:table-column-properties style:column-width="\#(Zahlentext.json((breite * 100).rounded() / 100))cm"/></style:style>"#
            }
        }
        xml += "</office:automatic-styles><office:body><office:spreadsheet>"
        let pruefungen = mappe.blaetter.enumerated().flatMap { blattindex, blatt in
            blatt.auswahl.sorted { $0.key < $1.key }.map { (name: "a\(blattindex)s\($0.key)", auswahl: $0.value) }
        }
        if !pruefungen.isEmpty {
            xml += "<table:content-validations>"
            for pruefung in pruefungen {
                let auswahl = pruefung.auswahl
                let spalte = Zellbezug.spaltenname(auswahl.spalte)
                let blattname = "'" + auswahl.blatt.replacingOccurrences(of: "'", with: "''") + "'"
                let bereich = "[$\(blattname).$\(spalte)$2:.$\(spalte)$\(max(2, auswahl.bisZeile))]"
                xml += #"<table:content-validation table:name="\#(pruefung.name)" table:condition="\#(XMLText.attribut("of:cell-content-is-in-list(\(bereich))"))" table:allow-empty-cell="true" table:display-list="unsorted">"#
                xml += #"<table:error-message table:display="\#(auswahl.streng)" table:message-type="stop" table:title="Nicht in der Liste"><text:p>Bitte einen Wert aus der Liste wählen.</text:p></table:error-message>"#
                xml += "</table:content-validation>"
            }
            xml += "</table:content-validations>"
        }
        for (blattindex, blatt) in mappe.blaetter.enumerated() {
            xml += tabelle(blatt, index: blattindex)
        }
        return xml + "</office:spreadsheet></office:body></office:document-content>"
    }

    private static func tabelle(_ blatt: Blatt, index blattindex: Int) -> String {
        var xml = #"<table:table table:name="\#(XMLText.attribut(blatt.name))">"#
        let spalten = blatt.spaltenzahl
        for spalte in 0..<spalten {
            let format = blatt.formate[spalte].map { $0 == .datum ? #" table:default-cell-style-name="datum""# : $0 == .text ? #" table:default-cell-style-name="text""# : "" } ?? ""
            xml += #"<table:table-column table:style-name="b\#(blattindex)s\#(spalte)"\#(format)/>"#
        }
        for (zeilenindex, zeile) in blatt.zeilen.enumerated() {
            xml += "<table:table-row>"
            for spalte in 0..<spalten {
                let pruefung = zeilenindex > 0 && blatt.auswahl[spalte] != nil ? #" table:content-validation-name="a\#(blattindex)s\#(spalte)""# : ""
                xml += zelle(spalte < zeile.count ? zeile[spalte] : .leer, kopf: zeilenindex == 0, pruefung: pruefung)
            }
            xml += "</table:table-row>"
        }
        // Rows for new entries, so their choice cells offer the drop-down too.
        if !blatt.auswahl.isEmpty {
            xml += #"<table:table-row table:number-rows-repeated="500">"#
            for spalte in 0..<spalten {
                let pruefung = blatt.auswahl[spalte] != nil ? #" table:content-validation-name="a\#(blattindex)s\#(spalte)""# : ""
                xml += "<table:table-cell\(pruefung)/>"
            }
            xml += "</table:table-row>"
        }
        return xml + "</table:table>"
    }

    private static func zelle(_ zelle: Zelle, kopf: Bool, pruefung: String) -> String {
        switch zelle {
        case .leer:
            return "<table:table-cell\(pruefung)/>"
        case .text(let text):
            let stil = kopf ? #" table:style-name="kopf""# : ""
            return #"<table:table-cell office:value-type="string"\#(stil)\#(pruefung)>\#(absaetze(text))</table:table-cell>"#
        case .zahl(let zahl):
            let text = Zahlentext.json(zahl)
            return #"<table:table-cell office:value-type="float" office:value="\#(text)"\#(pruefung)><text:p>\#(text)</text:p></table:table-cell>"#
        case .datum(let datum):
            let anzeige = "\(zweistellig(datum.tag)).\(zweistellig(datum.monat)).\(datum.jahr)"
            return #"<table:table-cell office:value-type="date" office:date-value="\#(datum.iso)" table:style-name="datum"\#(pruefung)><text:p>\#(anzeige)</text:p></table:table-cell>"#
        case .wahrheitswert(let wert):
            return #"<table:table-cell office:value-type="boolean" office:boolean-value="\#(wert)"\#(pruefung)><text:p>\#(wert ? "WAHR" : "FALSCH")</text:p></table:table-cell>"#
        }
    }

    /// A cell's text as paragraphs: one per line; runs of spaces, leading spaces and tabs as
    /// the elements ODF keeps them with (a plain run of spaces collapses to one when read).
    static func absaetze(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { zeile in
            var xml = "<text:p>"
            var leerzeichen = 0
            func leerzeichenSchreiben(amAnfang: Bool) {
                guard leerzeichen > 0 else { return }
                if leerzeichen == 1, !amAnfang { xml += " " } else { xml += #"<text:s text:c="\#(leerzeichen)"/>"# }
                leerzeichen = 0
            }
            var anfang = true
            for zeichen in zeile {
                if zeichen == " " { leerzeichen += 1; continue }
                leerzeichenSchreiben(amAnfang: anfang)
                anfang = false
                xml += zeichen == "\t" ? "<text:tab/>" : XMLText.text(String(zeichen))
            }
            leerzeichenSchreiben(amAnfang: true)
            return xml + "</text:p>"
        }.joined()
    }

    private static func zweistellig(_ zahl: Int) -> String { zahl < 10 ? "0\(zahl)" : "\(zahl)" }
}
