import FlyingFox
import Foundation
import KimPipeline
@testable import KimServe
@testable import KimWerkbank
import Testing

/// The workbench as the preview server serves it: only on loopback, the Host checked before the
/// body is read, a bounded body, the way in from every preview page, and nothing of it in the build.
@Suite("Werkbank im Vorschauserver", .serialized)
struct WerkbankServerTests {
    static func anfrage(_ methode: HTTPMethod, _ pfad: String, host: String, rumpf: [UInt8] = [], kopf: [HTTPHeader: String] = [:]) -> HTTPRequest {
        var kopfzeilen = kopf
        kopfzeilen[HTTPHeader("Host")] = host
        kopfzeilen[.contentLength] = String(rumpf.count)
        return HTTPRequest(method: methode, version: .http11, path: pfad, query: [], headers: kopfzeilen, body: Data(rumpf))
    }

    @Test("über den Server: fremder Host 403, zu großes Formular 413, mit allem gespeichert; nichts davon ohne Loopback")
    func ueberDenServer() async throws {
        let projekt = try Fixtures.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt) }
        let port: UInt16 = 18_001
        let server = Vorschauserver(projekt: projekt, port: port)
        let werkbank = try #require(server.werkbank)
        #expect(Vorschauserver(projekt: projekt, port: port, host: "0.0.0.0").werkbank == nil, "die Werkbank gibt es nur auf Loopback")

        let datei = projekt.appendingPathComponent(WerkbankTests.sitzung)
        let vorher = try Data(contentsOf: datei)
        let pfad = Werkbankpfade.bearbeiten(WerkbankTests.sitzung)
        let formular = await Vorschauserver.werkbankAntwort(Self.anfrage(.GET, pfad, host: "127.0.0.1:\(port)"), werkbank, port: port, host: "127.0.0.1")
        #expect(formular.statusCode.code == 200)
        let html = String(decoding: try await formular.bodyData, as: UTF8.self)
        let version = try WerkbankTests.version(html)
        let token = try #require(html.firstMatch(of: /name="_token" value="([0-9a-f]{64})"/)).1
        let rumpf = Formulardaten([("_token", String(token)), ("_version", version), ("/ort", "Ratssaal")]).rumpf

        let fremd = await Vorschauserver.werkbankAntwort(Self.anfrage(.POST, pfad, host: "boese.example", rumpf: rumpf), werkbank, port: port, host: "127.0.0.1")
        #expect(fremd.statusCode.code == 403)
        let gross = Array(repeating: UInt8(ascii: "a"), count: Werkbank.hoechsteRumpfgroesse + 1)
        let zuGross = await Vorschauserver.werkbankAntwort(Self.anfrage(.POST, pfad, host: "127.0.0.1:\(port)", rumpf: gross), werkbank, port: port, host: "127.0.0.1")
        #expect(zuGross.statusCode.code == 413)
        let fremderOrigin = await Vorschauserver.werkbankAntwort(Self.anfrage(.POST, pfad, host: "127.0.0.1:\(port)", rumpf: rumpf, kopf: [HTTPHeader("Origin"): "http://localhost:9999"]),
                                                                 werkbank, port: port, host: "127.0.0.1")
        #expect(fremderOrigin.statusCode.code == 403)
        #expect(try Data(contentsOf: datei) == vorher)

        let gut = await Vorschauserver.werkbankAntwort(Self.anfrage(.POST, pfad, host: "localhost:\(port)", rumpf: rumpf, kopf: [HTTPHeader("Origin"): "http://localhost:\(port)"]),
                                                       werkbank, port: port, host: "127.0.0.1")
        #expect(gut.statusCode.code == 303)
        #expect(try String(contentsOf: datei, encoding: .utf8).contains("\"ort\": \"Ratssaal\""))
    }

    @Test("jede Vorschauseite führt zur Werkbank; die Website selbst enthält nichts von ihr")
    func nichtInDerWebsite() throws {
        let seite = Livereload.einfuegen(in: Array("<html><body><p>x</p></body></html>".utf8), seite: "sitzungen/lenkungskreis-2021-1.html")
        #expect(String(decoding: seite, as: UTF8.self).contains("<a href=\"/_kim/?seite=sitzungen/lenkungskreis-2021-1.html\">Diese Seite bearbeiten"))
        let (ausgabe, befunde) = Build(Build.Optionen(projekt: Fixtures.referenzprojekt)).pruefen()
        let dateien = try #require(ausgabe?.dateien, "\(befunde.map(\.formatted))")
        #expect(!dateien.isEmpty)
        for (pfad, bytes) in dateien {
            #expect(!String(decoding: bytes, as: UTF8.self).contains("/_kim/"), "\(pfad) verweist auf die Werkbank")
        }
    }
}
