import Foundation
import KimModel

/// What a print document (the Handlungskonzept's PDF, the Sachstandsbericht) may make WeasyPrint
/// load: exactly the assets (kim's own and the project's `assets/`), fragment links and `data:` URLs
/// up to `datenGrenze` characters. Everything else – `file:` anywhere, `http(s):` to any host,
/// another scheme, an absolute path, a relative path that leaves `assets/` – is an error here,
/// at its template or stylesheet, line and column, so `kim check` refuses what the driver
/// (`WeasyPrintTreiber` in KimPipeline) would refuse in `kim build`.
public enum Druckverweise {
    /// The longest `data:` URL a print document may hold (1 MiB of text).
    public static let datenGrenze = 1_048_576

    /// Findings for a rendered print document: its references (against `basis`, the folder below
    /// the cache its relative URLs resolve against: "" or "assets") and those of every stylesheet
    /// and SVG in the assets. Located at the first template that holds the reference's text.
    public static func pruefen(html: String, basis: String, projekt: Projekt, vorlage: String) -> [Diagnostic] {
        let assets = Set(projekt.assets.keys)
        var befunde: [Diagnostic] = []
        // Where a reference of the rendered document may have been written: the print templates, the
        // other templates (partials, chapters), then the stylesheets and SVGs it may inline.
        var quellen = projekt.vorlagen.values.sorted { ($0.name.hasPrefix("druck/") ? 0 : 1, $0.datei) < ($1.name.hasPrefix("druck/") ? 0 : 1, $1.datei) }
            .map { (datei: $0.datei, text: $0.text) }
        for (pfad, bytes) in projekt.assets.sorted(by: { $0.key < $1.key }) {
            let endung = pfad.split(separator: ".").last?.lowercased()
            guard endung == "css" || endung == "svg" else { continue }
            let text = String(decoding: bytes, as: UTF8.self)
            quellen.append((pfad, text))
            let ordner = pfad.split(separator: "/").dropLast().joined(separator: "/")
            let funde = endung == "css" ? Self.stilverweise(text, bereich: text.startIndex..<text.endIndex) : Self.markupverweise(text)
            for fund in funde {
                guard let grund = Self.grund(fund, basis: ordner, assets: assets) else { continue }
                befunde.append(.error(pfad, Self.ort(fund.stelle, in: text), Self.meldung(fund.url, grund), hint: Self.hinweis))
            }
        }
        var gesehen: [String: Int] = [:]
        for fund in Self.markupverweise(html) {
            guard let grund = Self.grund(fund, basis: basis, assets: assets) else { continue }
            // The reference as the template wrote it: its n-th occurrence in the sources for its n-th in the document.
            let n = gesehen[fund.roh, default: 0]
            gesehen[fund.roh] = n + 1
            if !fund.roh.isEmpty, let (datei, text, stelle) = Self.vorkommen(fund.roh, nummer: n, in: quellen) {
                befunde.append(.error(datei, Self.ort(stelle, in: text), Self.meldung(fund.url, grund), hint: Self.hinweis))
            } else {
                befunde.append(.error(vorlage, nil, Self.meldung(fund.url, grund) + " (der Verweis entsteht beim Einsetzen der Daten)", hint: Self.hinweis))
            }
        }
        var doppelt = Set<Diagnostic>()
        return befunde.filter { doppelt.insert($0).inserted }
    }

    /// The n-th occurrence (from 0) of `text` in the sources, or the last one when there are fewer.
    static func vorkommen(_ gesucht: String, nummer: Int, in quellen: [(datei: String, text: String)]) -> (String, String, String.Index)? {
        var letztes: (String, String, String.Index)?
        var uebrig = nummer
        for quelle in quellen {
            var ab = quelle.text.startIndex
            while let treffer = quelle.text[ab...].range(of: gesucht) {
                letztes = (quelle.datei, quelle.text, treffer.lowerBound)
                if uebrig == 0 { return letztes }
                uebrig -= 1
                ab = treffer.upperBound
            }
        }
        return letztes
    }

    static let hinweis = "Bilder, Schriften und Stylesheets des Drucks in assets/ ablegen und relativ verweisen, z. B. assets/logo.png"

    static func meldung(_ url: String, _ grund: String) -> String {
        let gezeigt = url.count > 120 ? String(url.prefix(120)) + "…" : url
        return "das Druckdokument darf »\(gezeigt)« nicht laden: \(grund)"
    }

    /// One reference: the URL as WeasyPrint sees it (entities and escapes decoded), its text as written,
    /// where it stands, and whether it names a resource that must exist (`src`, a stylesheet link).
    struct Fund {
        var url: String
        var roh: String
        var stelle: String.Index
        var mussDateiSein: Bool
        /// A reference refused whatever it says (`<base>`, `xml:base`: they move every other one).
        var verboten: String? = nil
    }

    /// Why the reference is refused, nil when WeasyPrint may load it.
    static func grund(_ fund: Fund, basis: String, assets: Set<String>) -> String? {
        if let verboten = fund.verboten { return verboten }
        // Python's URL parser drops tabs and line breaks anywhere in a URL.
        let url = String(fund.url.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" })
            .trimmingCharacters(in: .whitespaces)
        if url.isEmpty { return nil }
        if url.hasPrefix("#") { return fund.mussDateiSein ? "ein Verweis nur auf eine Stelle ist hier keine Datei" : nil }
        if let schema = url.firstMatch(of: /^([A-Za-z][A-Za-z0-9+.\-]*):/)?.1.lowercased() {
            guard schema == "data" else {
                return schema == "file" ? "Dateien außerhalb von assets/ liest der Druck nicht"
                    : schema.hasPrefix("http") ? "der Druck lädt nichts von anderen Rechnern" : "Verweise der Art »\(schema):« lädt der Druck nicht"
            }
            return url.unicodeScalars.count > datenGrenze ? "data:-Verweise dürfen höchstens \(datenGrenze) Zeichen lang sein" : nil
        }
        if url.hasPrefix("//") { return "der Druck lädt nichts von anderen Rechnern" }
        if url.hasPrefix("/") { return "Dateien außerhalb von assets/ liest der Druck nicht" }
        var pfad = Substring(url)
        if let ende = pfad.firstIndex(where: { $0 == "?" || $0 == "#" }) { pfad = pfad[..<ende] }
        let entschluesselt = String(pfad).removingPercentEncoding ?? String(pfad)
        var teile = basis.split(separator: "/").map(String.init)
        for teil in entschluesselt.split(separator: "/", omittingEmptySubsequences: false).map(String.init) {
            switch teil {
            case ".", "": continue
            case "..":
                guard !teile.isEmpty else { return "der Pfad führt aus dem Projekt hinaus" }
                teile.removeLast()
            default: teile.append(teil)
            }
        }
        let ziel = teile.joined(separator: "/")
        return assets.contains(ziel) ? nil : "\(ziel) ist keine Datei in assets/"
    }

    /// 1-based line and column of a position.
    static func ort(_ stelle: String.Index, in text: String) -> SourceLocation {
        let zeichen = text.unicodeScalars
        var zeile = 1
        var anfang = zeichen.startIndex
        var i = zeichen.startIndex
        while i < stelle {
            if zeichen[i] == "\n" {
                zeile += 1
                anfang = zeichen.index(after: i)
            }
            i = zeichen.index(after: i)
        }
        return SourceLocation(line: zeile, column: text[anfang..<stelle].count + 1)
    }
}
