import FlyingFox
import Foundation
import KimModel
import KimWerkbank

/// `kim serve`: serves the in-memory build on loopback, rebuilds on every edit and
/// reloads open pages. The live-reload script is added to pages only here, never to `site/`.
public struct Vorschauserver {
    public let vorschau: Vorschau
    public let beobachter: Beobachter
    public let port: UInt16
    public let host: String
    public let protokoll: @Sendable (String) -> Void
    public var grenzen = Anfragegrenzen()
    /// The forms at `/_kim/…` (see KimWerkbank); nil when the preview listens beyond loopback.
    public let werkbank: Werkbank?

    public init(projekt: URL, port: UInt16, host: String = "127.0.0.1", vorschau: Vorschau? = nil, commits: Bool = false,
                protokoll: @escaping @Sendable (String) -> Void = { _ in }) {
        self.vorschau = vorschau ?? Vorschau(projekt: projekt)
        self.beobachter = Beobachter(projekt: projekt)
        self.port = port
        self.host = host
        self.protokoll = protokoll
        werkbank = Self.werkbankErlaubt(host: host) ? Werkbank(projekt: projekt, port: port, commits: commits) : nil
    }

    /// Starts serving and watching; returns the server so the caller can stop it.
    public func starten() async throws -> (server: HTTPServer, beobachtung: Task<Void, Never>) {
        let befunde = await vorschau.neuBauen()
        melden(befunde)
        // A long handler timeout: the first request for the PDF runs WeasyPrint, which takes seconds.
        // FlyingFox listens on a private Unix socket; the port belongs to the Pfoertner, which bounds each request.
        let pfoertner = try Pfoertner.oeffnen(host: host, port: port, grenzen: grenzen)
        let server = HTTPServer(config: HTTPServer.Configuration(address: .unix(path: pfoertner.ziel), timeout: 300, logger: .disabled))
        let vorschau = self.vorschau
        let (port, host, werkbank) = (self.port, self.host, self.werkbank)
        await server.appendRoute("*") { anfrage in
            if let werkbank, anfrage.path == "/_kim" || anfrage.path.hasPrefix("/_kim/") {
                return await Self.werkbankAntwort(anfrage, werkbank, port: port, host: host)
            }
            return await Self.bearbeiten(anfrage, vorschau: vorschau, port: port, host: host)
        }
        let beobachtung = Task { [beobachter, protokoll] in
            await withTaskCancellationHandler { await Self.beobachten(beobachter, vorschau, protokoll) } onCancel: { pfoertner.beenden() }
        }
        return (server, beobachtung)
    }

    func melden(_ befunde: [Diagnostic]) { Self.melden(befunde, protokoll) }

    static func millisekunden(_ dauer: Duration) -> Int64 {
        dauer.components.seconds * 1000 + dauer.components.attoseconds / 1_000_000_000_000_000
    }

    static func melden(_ befunde: [Diagnostic], _ protokoll: @Sendable (String) -> Void) {
        for befund in befunde { protokoll(befund.formatted) }
        if befunde.hasErrors { protokoll("\(befunde.summary) – die letzte fehlerfreie Fassung bleibt sichtbar.") }
    }

    /// Every request: its body drained (the preview takes none), its Host checked, then the route.
    static func bearbeiten(_ anfrage: HTTPRequest, vorschau: Vorschau, port: UInt16, host: String) async -> HTTPResponse {
        if await Anfragepruefung.hatRumpf(anfrage) {
            // Read to its end or to EOF, whichever comes first: an aborted upload must neither stay in the
            // connection (as the start of a "next request") nor be waited for.
            await Anfragepruefung.verwerfen(anfrage.bodySequence)
            return text(.methodNotAllowed, "Die Vorschau nimmt nur GET-Anfragen ohne Inhalt an.\n", schliessen: true)
        }
        guard Anfragepruefung.erlaubterHost(anfrage.headers[HTTPHeader("Host")], port: port, host: host) else {
            // DNS rebinding: a page of another site that resolves its name to 127.0.0.1 must not read the preview.
            return text(.forbidden, "Die Vorschau antwortet nur unter http://127.0.0.1:\(port)/, http://localhost:\(port)/ oder http://[::1]:\(port)/.\n", schliessen: true)
        }
        guard anfrage.method == .GET || anfrage.method == .HEAD else {
            return text(.methodNotAllowed, "Die Vorschau nimmt nur GET-Anfragen an.\n", schliessen: false)
        }
        switch anfrage.path {
        case "/__kim/status":
            let fehler = await vorschau.befunde.filter { $0.severity == .error }.map(\.formatted)
            let inhalt: [String: Any] = ["version": await vorschau.version, "fehler": fehler]
            let daten = (try? JSONSerialization.data(withJSONObject: inhalt, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "application/json; charset=utf-8", .init("Cache-Control"): "no-store"], body: daten)
        case "/__kim/live.js":
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .init("Cache-Control"): "no-store"], body: Data(Livereload.skript.utf8))
        default:
            return await antwort(auf: anfrage.path, aus: vorschau)
        }
    }

    static func text(_ status: HTTPStatusCode, _ inhalt: String, schliessen: Bool) -> HTTPResponse {
        var kopf: [HTTPHeader: String] = [.contentType: "text/plain; charset=utf-8"]
        if schliessen { kopf[.connection] = "close" }
        return HTTPResponse(statusCode: status, headers: HTTPHeaders(kopf), body: Data(inhalt.utf8))
    }

    static func antwort(auf pfad: String, aus vorschau: Vorschau) async -> HTTPResponse {
        var relativ = String((pfad.removingPercentEncoding ?? pfad).drop { $0 == "/" })
        if relativ.isEmpty || relativ.hasSuffix("/") { relativ += "index.html" }
        guard !relativ.split(separator: "/").contains(".."), var inhalt = await vorschau.datei(relativ) ?? vorschau.pdf(relativ) else {
            return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain; charset=utf-8"], body: Data("Nicht gefunden: /\(relativ)\n".utf8))
        }
        if relativ.hasSuffix(".html") {
            inhalt = Livereload.einfuegen(in: inhalt, seite: relativ)
        }
        return HTTPResponse(statusCode: .ok, headers: [.contentType: Self.medientyp(relativ), .init("Cache-Control"): "no-store"], body: Data(inhalt))
    }

    static func medientyp(_ pfad: String) -> String {
        switch (pfad as NSString).pathExtension {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json; charset=utf-8"
        case "xml": return "application/xml; charset=utf-8"
        case "csv": return "text/csv; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "ttf": return "font/ttf"
        case "pdf": return "application/pdf"
        default: return "application/octet-stream"
        }
    }
}

/// A few lines of script, served from the same origin so the pages' Content-Security-Policy
/// allows them: poll the build version, reload on change, show errors over the page.
enum Livereload {
    static let einschub = Array("<script src=\"/__kim/live.js\" defer></script>\n".utf8)

    /// The script, and on a page the way to the workbench's form for what it shows.
    static func einfuegen(in html: [UInt8], seite: String? = nil) -> [UInt8] {
        let ende = Array("</body>".utf8)
        var einschub = einschub
        if let seite {
            let ziel = "/_kim/?seite=" + (seite.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "/-._"))) ?? "")
            einschub = Array("<p class=\"kim-werkbank\"><a href=\"\(ziel)\">Diese Seite bearbeiten (kim-Werkbank)</a></p>\n".utf8) + einschub
        }
        guard let position = html.lastRange(of: ende) else { return html + einschub }
        var ergebnis = html
        ergebnis.insert(contentsOf: einschub, at: position.lowerBound)
        return ergebnis
    }

    static let skript = """
    (function () {
      var version = null;
      function overlay(fehler) {
        var alt = document.getElementById("kim-fehler");
        if (alt) alt.remove();
        if (!fehler.length) return;
        var box = document.createElement("div");
        box.id = "kim-fehler";
        box.setAttribute("role", "alert");
        var s = box.style;
        s.position = "fixed"; s.left = "0"; s.right = "0"; s.bottom = "0"; s.maxHeight = "50vh"; s.overflow = "auto";
        s.background = "#fff4c2"; s.color = "#1b2733"; s.borderTop = "4px solid #9c4317"; s.padding = "1rem";
        s.font = "14px/1.5 monospace"; s.zIndex = "9999"; s.whiteSpace = "pre-wrap";
        var titel = document.createElement("strong");
        titel.textContent = "kim: Die letzte Änderung hat Fehler. Angezeigt wird die letzte fehlerfreie Fassung.\\n";
        box.appendChild(titel);
        box.appendChild(document.createTextNode(fehler.join("\\n")));
        document.body.appendChild(box);
      }
      function pruefen() {
        fetch("/__kim/status", { cache: "no-store" }).then(function (antwort) { return antwort.json(); }).then(function (stand) {
          if (version !== null && stand.version !== version && !stand.fehler.length) { location.reload(); return; }
          version = stand.version;
          overlay(stand.fehler);
        }).catch(function () {}).then(function () { setTimeout(pruefen, 500); });
      }
      pruefen();
    })();
    """
}

extension Array where Element == UInt8 {
    func lastRange(of muster: [UInt8]) -> Range<Int>? {
        guard muster.count <= count else { return nil }
        for start in stride(from: count - muster.count, through: 0, by: -1) where self[start..<start + muster.count].elementsEqual(muster) {
            return start..<start + muster.count
        }
        return nil
    }
}
