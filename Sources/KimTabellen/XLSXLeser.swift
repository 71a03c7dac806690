import KimModel

/// Reads an Office Open XML spreadsheet (.xlsx, as Excel and LibreOffice write it): every sheet
/// with its cells typed as the file types them; a number in a date format is a date.
public enum XLSXLeser {
    public struct Fehler: Error, Sendable {
        public var meldung: String
    }

    public static func lesen(_ bytes: [UInt8]) throws(Fehler) -> Arbeitsmappe {
        let teile: [String: [UInt8]]
        do { teile = try Zip.entpacken(bytes) } catch { throw Fehler(meldung: error.meldung) }
        do {
            guard let mappe = teile["xl/workbook.xml"] else { throw Fehler(meldung: "die Datei ist keine xlsx-Arbeitsmappe (xl/workbook.xml fehlt)") }
            let ziele = try beziehungen(teile["xl/_rels/workbook.xml.rels"] ?? [])
            let texte = try gemeinsameTexte(teile["xl/sharedStrings.xml"])
            let datumsstile = try datumsstile(teile["xl/styles.xml"])
            var blaetter: [Blatt] = []
            for (name, beziehung) in try blattliste(mappe) {
                guard let ziel = ziele[beziehung] else { continue }
                let pfad = ziel.hasPrefix("/") ? String(ziel.dropFirst()) : "xl/" + ziel
                guard let inhalt = teile[pfad] else { throw Fehler(meldung: "das Blatt »\(name)« fehlt in der Datei (\(pfad))") }
                blaetter.append(Blatt(name: name, zeilen: try zellen(inhalt, teil: pfad, texte: texte, datumsstile: datumsstile)))
            }
            guard !blaetter.isEmpty else { throw Fehler(meldung: "die Arbeitsmappe enthält kein Tabellenblatt") }
            return Arbeitsmappe(blaetter: blaetter)
        } catch let fehler as XMLLeser.Fehler {
            throw Fehler(meldung: fehler.meldung)
        } catch let fehler as Fehler {
            throw fehler
        } catch {
            throw Fehler(meldung: "die Datei ist nicht lesbar")
        }
    }

    /// Sheet names with their relationship ids, in workbook order.
    private static func blattliste(_ bytes: [UInt8]) throws -> [(String, String)] {
        var blaetter: [(String, String)] = []
        try XMLLeser.lesen(bytes, teil: "xl/workbook.xml", .init(anfang: { name, attribute in
            if name == "sheet", let blatt = attribute["name"], let id = attribute["id"] { blaetter.append((blatt, id)) }
        }, ende: { _ in }))
        return blaetter
    }

    private static func beziehungen(_ bytes: [UInt8]) throws -> [String: String] {
        var ziele: [String: String] = [:]
        try XMLLeser.lesen(bytes, teil: "xl/_rels/workbook.xml.rels", .init(anfang: { name, attribute in
            if name == "Relationship", let id = attribute["Id"], let ziel = attribute["Target"] { ziele[id] = ziel }
        }, ende: { _ in }))
        return ziele
    }

    /// The shared string table; phonetic runs (`rPh`) are not part of the text.
    private static func gemeinsameTexte(_ bytes: [UInt8]?) throws -> [String] {
        guard let bytes else { return [] }
        var texte: [String] = []
        var aktuell = "", imText = false, phonetisch = 0
        try XMLLeser.lesen(bytes, teil: "xl/sharedStrings.xml", .init(anfang: { name, _ in
            switch name {
            case "si": aktuell = ""
            case "t": imText = true
            case "rPh": phonetisch += 1
            default: break
            }
        }, ende: { name in
            switch name {
            case "si": texte.append(XMLText.excelEntschluesselt(aktuell))
            case "t": imText = false
            case "rPh": phonetisch -= 1
            default: break
            }
        }, text: { text in if imText, phonetisch == 0 { aktuell += text } }))
        return texte
    }

    /// Indices of the cell formats (cellXfs) that show a number as a date.
    private static func datumsstile(_ bytes: [UInt8]?) throws -> Set<Int> {
        guard let bytes else { return [] }
        var eigene: [Int: String] = [:]
        var formate: [Int] = []
        var inZellformaten = false
        try XMLLeser.lesen(bytes, teil: "xl/styles.xml", .init(anfang: { name, attribute in
            switch name {
            case "numFmt":
                if let id = attribute["numFmtId"].flatMap(Int.init), let code = attribute["formatCode"] { eigene[id] = code }
            case "cellXfs": inZellformaten = true
            case "xf" where inZellformaten: formate.append(attribute["numFmtId"].flatMap(Int.init) ?? 0)
            default: break
            }
        }, ende: { name in if name == "cellXfs" { inZellformaten = false } }))
        var stile: Set<Int> = []
        for (index, id) in formate.enumerated() where istDatumsformat(id, eigene[id]) { stile.insert(index) }
        return stile
    }

    /// Built-in date formats 14–17 and 22 (Excel's list), or a custom code with day or year
    /// letters outside quoted text and brackets ("DD.MM.YYYY", "[$-407]dd/mm/yy"); the file
    /// keeps format codes in English whatever the user's language.
    static func istDatumsformat(_ id: Int, _ code: String?) -> Bool {
        if (14...17).contains(id) || id == 22 { return true }
        guard let code else { return false }
        var ohneText = "", inAnfuehrung = false, inKlammer = false
        for zeichen in code {
            switch zeichen {
            case "\"": inAnfuehrung.toggle()
            case "[" where !inAnfuehrung: inKlammer = true
            case "]" where !inAnfuehrung: inKlammer = false
            default: if !inAnfuehrung, !inKlammer { ohneText.append(zeichen) }
            }
        }
        return ohneText.lowercased().contains { $0 == "d" || $0 == "y" }
    }

    private static func zellen(_ bytes: [UInt8], teil: String, texte: [String], datumsstile: Set<Int>) throws -> [[Zelle]] {
        var sammlung = Zellensammlung()
        var zeile = -1, spalte = -1
        var typ = "n", stil = 0, wert = "", inlineText = "", imWert = false, imText = false, phonetisch = 0
        try XMLLeser.lesen(bytes, teil: teil, .init(anfang: { name, attribute in
            switch name {
            case "row":
                zeile = attribute["r"].flatMap(Int.init).map { $0 - 1 } ?? zeile + 1
                spalte = -1
            case "c":
                if let bezug = attribute["r"].flatMap(Zellbezug.lesen) { spalte = bezug.spalte } else { spalte += 1 }
                typ = attribute["t"] ?? "n"
                stil = attribute["s"].flatMap(Int.init) ?? 0
                wert = ""; inlineText = ""
            case "v": imWert = true
            case "t": imText = true
            case "rPh": phonetisch += 1
            default: break
            }
        }, ende: { name in
            switch name {
            case "v": imWert = false
            case "t": imText = false
            case "rPh": phonetisch -= 1
            case "c":
                let zelle: Zelle
                switch typ {
                case "s": zelle = Int(wert).flatMap { $0 >= 0 && $0 < texte.count ? .text(texte[$0]) : nil } ?? .leer
                case "inlineStr": zelle = .text(XMLText.excelEntschluesselt(inlineText))
                case "str": zelle = .text(XMLText.excelEntschluesselt(wert))
                case "b": zelle = .wahrheitswert(wert == "1" || wert == "true")
                case "d": zelle = Datum(iso: String(wert.prefix(10))).map(Zelle.datum) ?? .text(wert)
                case "e": zelle = .text(wert)
                default:
                    if let zahl = Double(wert) {
                        zelle = datumsstile.contains(stil) ? (Seriendatum.datum(zahl).map(Zelle.datum) ?? .zahl(zahl)) : .zahl(zahl)
                    } else {
                        zelle = .leer
                    }
                }
                if zeile >= 0, spalte >= 0 { sammlung.setzen(zelle, zeile: zeile, spalte: spalte) }
            default: break
            }
        }, text: { text in
            if imWert { wert += text } else if imText, phonetisch == 0 { inlineText += text }
        }))
        guard !sammlung.uebervoll else { throw Fehler(meldung: Zellensammlung.zuVieleZellen) }
        return sammlung.zeilen
    }
}
