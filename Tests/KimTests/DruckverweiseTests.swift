import Foundation
import KimModel
import KimPipeline
@testable import KimRender
import Testing

/// The printer reads only the project (issue 28.1): WeasyPrint gets kim's assets and the project's
/// `assets/`, nothing else of the machine and nothing of the network, and `kim check` names every
/// reference it would refuse at its template or stylesheet, line and column.
@Suite("Druck liest nur das Projekt", .serialized)
struct DruckverweiseTests {
    /// A TCP socket listening on a free port of 127.0.0.1; `angefragt` tells whether anyone connected.
    final class Lauscher {
        let socket: Int32
        let port: UInt16

        init() throws {
            let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            try #require(socket >= 0)
            var adresse = sockaddr_in()
            adresse.sin_family = sa_family_t(AF_INET)
            adresse.sin_addr.s_addr = inet_addr("127.0.0.1")
            adresse.sin_port = 0
            let gebunden = withUnsafePointer(to: &adresse) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            try #require(gebunden == 0 && listen(socket, 8) == 0)
            var laenge = socklen_t(MemoryLayout<sockaddr_in>.size)
            _ = withUnsafeMutablePointer(to: &adresse) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &laenge) }
            }
            _ = fcntl(socket, F_SETFL, fcntl(socket, F_GETFL) | O_NONBLOCK)
            self.socket = socket
            port = UInt16(bigEndian: adresse.sin_port)
        }

        /// Whether a connection is waiting (accept without blocking).
        var angefragt: Bool {
            let verbindung = accept(socket, nil, nil)
            if verbindung >= 0 { close(verbindung); return true }
            return false
        }

        deinit { close(socket) }
    }

    /// A file outside every project, with a marker that must never show up in a PDF.
    static func geheimnis() throws -> (datei: URL, marke: String) {
        let marke = "GEHEIM-\(UUID().uuidString)"
        let datei = try Fixtures.temporaererOrdner().appendingPathComponent("geheim.txt")
        try Data("\(marke)\n".utf8).write(to: datei)
        return (datei, marke)
    }

    static func dokument(_ kopf: String, _ rumpf: String = "") -> String {
        """
        <!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Probe</title>
        <link rel="stylesheet" href="assets/druck.css">\(kopf)</head><body><h1>Probe</h1><p>Text.</p>\(rumpf)</body></html>
        """
    }

    /// What kim hands WeasyPrint in a build: the built-in assets.
    static var assets: [String: [UInt8]] {
        get throws {
            let build = Build(Build.Optionen(projekt: Fixtures.referenzprojekt))
            return try #require(build.auswerten().0).assets
        }
    }

    @Test("WeasyPrint selbst verweigert file: außerhalb der Assets und http: – auch ohne kim check",
          arguments: ["anhang", "import", "bild", "netz"])
    func treiberVerweigert(_ art: String) throws {
        let (datei, marke) = try Self.geheimnis()
        let lauscher = try Lauscher()
        let html = switch art {
        case "anhang": Self.dokument("<link rel=\"attachment\" href=\"\(datei.absoluteString)\">")
        case "import": Self.dokument("<style>@import url(\(datei.absoluteString));</style>")
        case "bild": Self.dokument("", "<img src=\"\(datei.absoluteString)\" alt=\"x\">")
        default: Self.dokument("", "<img src=\"http://127.0.0.1:\(lauscher.port)/bild.png\" alt=\"x\">")
        }
        let projekt = try Fixtures.temporaererOrdner()
        defer { try? FileManager.default.removeItem(at: projekt) }
        var pdf: [UInt8]?
        #expect {
            pdf = try PDFErzeugung(projekt: projekt).pdf(html, name: "probe", assets: try Self.assets)
        } throws: { fehler in
            let text = "\(fehler)"
            return text.contains("WeasyPrint darf sie nicht lesen") && (text.contains(datei.path) || text.contains("127.0.0.1:\(lauscher.port)"))
        }
        #expect(pdf?.count == nil, "ein PDF wurde geschrieben")
        #expect(!lauscher.angefragt, "der Druck hat 127.0.0.1:\(lauscher.port) angefragt")
        // Nothing went into the cache either, where a later run would pick it up.
        let cache = (try? FileManager.default.contentsOfDirectory(atPath: projekt.appendingPathComponent("build/cache").path)) ?? []
        #expect(!cache.contains { $0.hasSuffix(".pdf") }, "\(cache)")
        for name in cache where name.hasSuffix(".pdf") {
            let bytes = try Data(contentsOf: projekt.appendingPathComponent("build/cache/\(name)"))
            #expect(bytes.range(of: Data(marke.utf8)) == nil)
        }
    }

    @Test("ein Anhang, selbst auf ein erlaubtes Asset, kommt nicht ins PDF; Schriften aus den Assets schon")
    func keineAnhaenge() throws {
        let projekt = try Fixtures.temporaererOrdner()
        defer { try? FileManager.default.removeItem(at: projekt) }
        let html = Self.dokument("<link rel=\"attachment\" href=\"assets/druck.css\">", "<p><a rel=\"attachment\" href=\"assets/druck.css\">Anhang</a></p>")
        let pdf = Data(try PDFErzeugung(projekt: projekt).pdf(html, name: "probe", assets: try Self.assets))
        #expect(pdf.starts(with: Data("%PDF".utf8)))
        #expect(pdf.range(of: Data("/EmbeddedFile".utf8)) == nil, "das PDF trägt einen Anhang")
        #expect(pdf.range(of: Data("/FileAttachment".utf8)) == nil, "das PDF trägt einen Dateianhang als Anmerkung")
        let datei = projekt.appendingPathComponent("probe.pdf")
        try pdf.write(to: datei)
        let schriften = try PDFTests.werkzeug("pdffonts", [datei.path])
        #expect(schriften.contains("Open-Sans"), "die Schrift aus assets/fonts fehlt: \(schriften)")
    }

    /// The reference project with its own print template and stylesheet, as an attacker would write them.
    static func projektMitVerweisen(port: UInt16, geheim: URL) throws -> URL {
        let projekt = try Fixtures.projektKopie()
        let vorlage = try Fixtures.eigeneKopie(projekt, "templates/druck/handlungskonzept.html")
        var text = try String(contentsOf: vorlage, encoding: .utf8)
        let stil = "<link rel=\"stylesheet\" href=\"assets/druck.css\">"
        try #require(text.contains(stil))
        text = text.replacingOccurrences(of: stil, with: stil + "\n<link rel=\"attachment\" href=\"\(geheim.absoluteString)\">\n<link rel=\"stylesheet\" href=\"assets/eigen.css\">")
        text = text.replacingOccurrences(of: "</body>", with: "<img src=\"\(geheim.absoluteString)\" alt=\"\">\n<img src=\"http://127.0.0.1:\(port)/a.png\" alt=\"\">\n</body>")
        try Data(text.utf8).write(to: vorlage)
        let css = projekt.appendingPathComponent("assets/eigen.css")
        try FileManager.default.createDirectory(at: css.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("p { color: black; }\n@import url(\(geheim.absoluteString));\n".utf8).write(to: css)
        return projekt
    }

    @Test("kim check nennt jeden verweigerten Verweis mit Vorlage bzw. Stylesheet, Zeile und Spalte; kim build ebenso, ohne Anfrage und ohne PDF")
    func checkUndBuild() throws {
        let (geheim, marke) = try Self.geheimnis()
        let lauscher = try Lauscher()
        let projekt = try Self.projektMitVerweisen(port: lauscher.port, geheim: geheim)
        defer { try? FileManager.default.removeItem(at: projekt) }
        let vorlage = try String(contentsOf: projekt.appendingPathComponent("templates/druck/handlungskonzept.html"), encoding: .utf8)
        let zeilen = vorlage.components(separatedBy: "\n")
        func ort(_ text: String) throws -> String {
            let nummer = try #require(zeilen.firstIndex { $0.contains(text) })
            let spalte = zeilen[nummer].distance(from: zeilen[nummer].startIndex, to: try #require(zeilen[nummer].range(of: text)).lowerBound) + 1
            return "templates/druck/handlungskonzept.html:\(nummer + 1):\(spalte): Fehler: das Druckdokument darf »\(text)« nicht laden"
        }
        let erwartet = [
            try ort(geheim.absoluteString),
            try ort("http://127.0.0.1:\(lauscher.port)/a.png"),
            "assets/eigen.css:2:13: Fehler: das Druckdokument darf »\(geheim.absoluteString)« nicht laden",
        ]
        let check = try KommandozeileTests.kim(["check", "--project", projekt.path])
        #expect(check.status == 1)
        for meldung in erwartet {
            #expect(check.ausgabe.contains(meldung), "fehlt: \(meldung)\n\(check.ausgabe)")
        }
        let build = try KommandozeileTests.kim(["build", "--project", projekt.path])
        #expect(build.status == 1)
        for meldung in erwartet {
            #expect(build.ausgabe.contains(meldung), "fehlt: \(meldung)\n\(build.ausgabe)")
        }
        #expect(!FileManager.default.fileExists(atPath: projekt.appendingPathComponent("site").path))
        #expect(!lauscher.angefragt, "der Build hat 127.0.0.1:\(lauscher.port) angefragt")
        let pdfs = FileManager.default.enumerator(atPath: projekt.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".pdf") } ?? []
        for pdf in pdfs {
            #expect(try Data(contentsOf: projekt.appendingPathComponent(pdf)).range(of: Data(marke.utf8)) == nil, "\(pdf)")
        }
    }

    @Test("ein Bild in einem Kapitel lädt nichts aus dem Netz: es bleibt seine Beschreibung, kein <img>")
    func bildImKapitel() throws {
        let kopie = try Fixtures.projektKopie()
        defer { try? FileManager.default.removeItem(at: kopie) }
        let ordner = kopie.appendingPathComponent("templates/kapitel")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: ordner.path).filter { $0.hasSuffix(".md") }.sorted().first)
        let datei = ordner.appendingPathComponent(name)
        let text = try String(contentsOf: datei, encoding: .utf8)
        try Data(("![Karte](http://127.0.0.1:9/karte.png)\n\n" + text).utf8).write(to: datei)
        let (projekt, auswertung, _) = Build(Build.Optionen(projekt: kopie)).auswerten()
        let (html, befunde) = Druckfassung.html(try #require(projekt), try #require(auswertung), fassung: 2)
        #expect(!befunde.hasErrors, "\(befunde.map(\.formatted))")
        let dokument = try #require(html)
        #expect(dokument.contains("Karte"))
        #expect(!dokument.contains("127.0.0.1:9"))
    }

    /// The rules of `Druckverweise.grund`: a reference, the folder its document lies in, and the reason it is refused (nil: allowed).
    static let regelfaelle: [(String, String, String?)] = [
        ("assets/druck.css", "", nil),
        ("fonts/OpenSans-Bold.ttf", "assets", nil),
        ("../assets/druck.css", "assets", nil),
        ("data:image/png;base64,AAAA", "", nil),
        ("FILE:///etc/passwd", "", "Dateien außerhalb"),
        ("fi\tle:///etc/passwd", "", "Dateien außerhalb"),
        ("https://beispiel.de/a.png", "", "anderen Rechnern"),
        ("//beispiel.de/a.png", "", "anderen Rechnern"),
        ("/etc/passwd", "", "Dateien außerhalb"),
        ("../../../../etc/passwd", "", "aus dem Projekt hinaus"),
        ("assets/%2e%2e/%2e%2e/geheim", "", "aus dem Projekt hinaus"),
        ("assets/fehlt.png", "", "keine Datei in assets/"),
        ("ftp://beispiel.de/x", "", "»ftp:«"),
        ]

    @Test("was der Druck lesen darf und was nicht", arguments: regelfaelle)
    func regeln(_ url: String, _ basis: String, _ grund: String?) throws {
        let assets: Set<String> = ["assets/druck.css", "assets/fonts/OpenSans-Bold.ttf"]
        let ergebnis = Druckverweise.grund(.init(url: url, roh: url, stelle: url.startIndex, mussDateiSein: true), basis: basis, assets: assets)
        if let grund {
            #expect(ergebnis?.contains(grund) == true, "\(url): \(ergebnis ?? "erlaubt")")
        } else {
            #expect(ergebnis == nil, "\(url): \(ergebnis ?? "")")
        }
    }

    /// The same rules hold twice, in Swift for `kim check` and in the driver's Python for WeasyPrint;
    /// this keeps them from drifting apart: what the check allows, the driver loads; what it refuses, the driver refuses.
    @Test("kim check und der Druck urteilen gleich über jeden Verweis der Regeln", arguments: regelfaelle.filter { $0.1.isEmpty })
    func checkUndTreiberEinig(_ url: String, _ basis: String, _ grund: String?) throws {
        let projekt = try Fixtures.temporaererOrdner()
        defer { try? FileManager.default.removeItem(at: projekt) }
        let html = Self.dokument("", "<img src=\"\(url.replacingOccurrences(of: "\"", with: "&quot;"))\" alt=\"x\">")
        var verweigert = false
        do {
            _ = try PDFErzeugung(projekt: projekt).pdf(html, name: "probe", assets: try Self.assets)
        } catch {
            verweigert = "\(error)".contains("WeasyPrint darf sie nicht lesen")
            #expect(verweigert, "\(url): ein anderer Fehler als eine Verweigerung: \(error)")
        }
        #expect(verweigert == (grund != nil), "\(url): kim check \(grund == nil ? "erlaubt" : "verweigert"), der Treiber \(verweigert ? "verweigert" : "lädt")")
    }

    @Test("Zeichenzitate und CSS-Escapes verstecken keinen Verweis")
    func verstecktes() throws {
        let html = #"<img src="file&#58;///etc/passwd"><img src="&#x66;ile:///x"><p style="background: url('\66 ile:///y')"></p><base href="assets/">"#
        let urls = Druckverweise.markupverweise(html).map(\.url)
        #expect(urls.contains("file:///etc/passwd"))
        #expect(urls.contains("file:///x"))
        #expect(urls.contains("file:///y"))
        #expect(Druckverweise.markupverweise(html).contains { $0.verboten != nil }, "<base> ist verboten")
        let stil = "/* url(file:///kommentar) */ @import 'http://a/b.css';"
        #expect(Druckverweise.stilverweise(stil, bereich: stil.startIndex..<stil.endIndex).map(\.url) == ["http://a/b.css"])
    }
}
