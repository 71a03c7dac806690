import Foundation
import KimVorgaben
import Testing

/// Write no file that no reader of the site needs (issue 17), and keep every OParl object at its id.
@Suite("Keine Datei ohne Leser")
struct WenigerDateienTests {
    @Test("die Druck-Stylesheets stehen nicht auf der Website; die Schriften, ihre Lizenz und ihr README schon")
    func nurWasSeitenBrauchen() throws {
        let ausgabe = try #require(Fixtures.pruefen(try Fixtures.referenzDateien()).ausgabe)
        #expect(ausgabe["assets/druck.css"] == nil)
        #expect(ausgabe["assets/briefing.css"] == nil)
        #expect(ausgabe["assets/fonts/README.md"] != nil)
        #expect(ausgabe["assets/kim.css"] != nil)
        #expect(ausgabe["assets/fonts/LICENSE-OpenSans.txt"] != nil)
        #expect(ausgabe["assets/fonts/OpenSans-Regular.ttf"] != nil)
        // Nothing on the site links what was left out.
        let texte = ausgabe.filter { $0.key.hasSuffix(".html") || $0.key.hasSuffix(".css") }.values.map { Fixtures.text($0) }
        #expect(!texte.contains { $0.contains("druck.css") || $0.contains("briefing.css") })
    }

    @Test("nennt eine Seitenvorlage das Druck-Stylesheet, steht es auf der Website")
    func vonEinerSeiteVerlinkt() throws {
        var dateien = try Fixtures.referenzDateien()
        let layout = "templates/layout.html"
        let text = try #require(Vorgaben.dateien[layout].map { String(decoding: $0, as: UTF8.self) })
        dateien[layout] = Array(text.replacingOccurrences(of: "</head>", with: "<link rel=\"stylesheet\" media=\"print\" href=\"{{wurzel}}assets/druck.css\">\n</head>").utf8)
        let ausgabe = try #require(Fixtures.pruefen(dateien).ausgabe)
        #expect(ausgabe["assets/druck.css"] != nil)
        #expect(ausgabe["assets/briefing.css"] == nil)
    }

    @Test("jedes OParl-Objekt liegt unter seiner id")
    func oparlErreichbar() throws {
        let ausgabe = try #require(Fixtures.pruefen(try Fixtures.referenzDateien()).ausgabe)
        var ids: Set<String> = []
        for (pfad, bytes) in ausgabe where pfad.hasPrefix("oparl/") {
            let json = try JSONSerialization.jsonObject(with: Data(bytes))
            Self.sammeln(json, in: &ids)
        }
        #expect(ids.count > 50)
        for id in ids {
            guard let bereich = id.range(of: "/oparl/") else { Issue.record("id ohne /oparl/: \(id)"); continue }
            let pfad = "oparl/" + id[bereich.upperBound...]
            #expect(ausgabe[pfad] != nil, "\(id) liegt nicht unter \(pfad)")
        }
    }

    /// Every `id` of an object with a `type` (embedded objects included).
    static func sammeln(_ wert: Any, in ids: inout Set<String>) {
        if let objekt = wert as? [String: Any] {
            if let id = objekt["id"] as? String, objekt["type"] is String { ids.insert(id) }
            for kind in objekt.values { sammeln(kind, in: &ids) }
        } else if let liste = wert as? [Any] {
            for kind in liste { sammeln(kind, in: &ids) }
        }
    }
}
