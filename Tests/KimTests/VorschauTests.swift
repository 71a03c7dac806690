import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import KimModel
import KimPipeline
@testable import KimServe
import Testing

@Suite("kim serve", .serialized)
struct VorschauTests {
    static func holen(_ url: URL) async throws -> String {
        do {
            let (daten, _) = try await URLSession.shared.data(from: url)
            return String(decoding: daten, as: UTF8.self)
        } catch let fehler as URLError where fehler.code == .timedOut || fehler.code == .networkConnectionLost {
            // A slow answer under load counts as "not yet"; `warten` asks again.
            return ""
        }
    }

    /// Polls until `bedingung` holds, at most about thirty seconds.
    static func warten(_ bedingung: () async throws -> Bool) async throws -> Bool {
        for _ in 0..<300 {
            if try await bedingung() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    @Test("eine Änderung erscheint ohne Neustart, eine kaputte behält die letzte gute Seite und zeigt den Fehler")
    func liveNeubau() async throws {
        let projekt = try SitzungTests.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt) }
        let port = UInt16.random(in: 20000...40000)
        let server = Vorschauserver(projekt: projekt, port: port)
        let (http, beobachtung) = try await server.starten()
        let lauf = Task { try await http.run() }
        defer { beobachtung.cancel(); lauf.cancel() }
        try await http.waitUntilListening(timeout: 60)
        let basis = try #require(URL(string: "http://127.0.0.1:\(port)/"))

        // On a loaded machine the first answer can take a while; wait for it rather than fail.
        #expect(try await Self.warten { try await Self.holen(basis.appendingPathComponent("index.html")).contains("Stadt Oberhausen") })
        let start = try await Self.holen(basis.appendingPathComponent("index.html"))
        #expect(start.contains("/__kim/live.js"))
        #expect(!FileManager.default.fileExists(atPath: projekt.appendingPathComponent("site").path), "die Vorschau schreibt nicht nach site/")

        let kommune = projekt.appendingPathComponent("data/kommune.json")
        let original = try String(contentsOf: kommune, encoding: .utf8)
        try original.replacingOccurrences(of: "\"bezeichnung\": \"Stadt Oberhausen\"", with: "\"bezeichnung\": \"Stadt Oberhausen Vorschau\"")
            .write(to: kommune, atomically: true, encoding: .utf8)
        #expect(try await Self.warten { try await Self.holen(basis.appendingPathComponent("index.html")).contains("Stadt Oberhausen Vorschau") })

        let vorlage = try Fixtures.eigeneKopie(projekt, "templates/seiten/zahlen.html")
        let zahlen = try String(contentsOf: vorlage, encoding: .utf8)
        try zahlen.replacingOccurrences(of: "<h1>Zahlen</h1>", with: "<h1>Zahlen und Daten</h1>").write(to: vorlage, atomically: true, encoding: .utf8)
        #expect(try await Self.warten { try await Self.holen(basis.appendingPathComponent("zahlen.html")).contains("Zahlen und Daten") })

        try "{ \"stand\": ".write(to: kommune, atomically: true, encoding: .utf8)
        #expect(try await Self.warten { try await Self.holen(basis.appendingPathComponent("__kim/status")).contains("data/kommune.json") })
        let nachFehler = try await Self.holen(basis.appendingPathComponent("index.html"))
        #expect(nachFehler.contains("Stadt Oberhausen Vorschau"), "die letzte gute Seite bleibt")
        let skript = try await Self.holen(basis.appendingPathComponent("__kim/live.js"))
        #expect(skript.contains("kim-fehler"))
        await http.stop(timeout: 1)
    }
}

@Suite("kim serve: nur neu darstellen, was eine Änderung betrifft")
struct InkrementellTests {
    static func ersetzen(_ datei: URL, _ alt: String, _ neu: String) throws {
        let text = try String(contentsOf: datei, encoding: .utf8)
        #expect(text.contains(alt), "\(datei.lastPathComponent) enthält \(alt) nicht")
        try text.replacingOccurrences(of: alt, with: neu).write(to: datei, atomically: true, encoding: .utf8)
    }

    /// The preview's pages and findings must be exactly those of a build from scratch.
    static func wieNeu(_ vorschau: Vorschau, _ projekt: URL) async throws {
        let (voll, befunde) = Build(Build.Optionen(projekt: projekt)).pruefen()
        let dateien = try #require(voll).dateien
        let vorschauDateien = await vorschau.dateien
        #expect(Set(vorschauDateien.keys) == Set(dateien.keys))
        for (pfad, inhalt) in dateien where vorschauDateien[pfad] != inhalt {
            Issue.record("\(pfad) weicht vom vollständigen Bau ab")
        }
        #expect(await vorschau.befunde == befunde)
    }

    @Test("nach einer Sitzung werden die Kapitel übernommen, nach Daten der Kapitel neu dargestellt – gleich wie ein ganzer Bau")
    func teilweiseNeu() async throws {
        let projekt = try SitzungTests.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt) }
        let vorschau = Vorschau(projekt: projekt)
        #expect(await vorschau.neuBauen().hasErrors == false)
        #expect(vorschau.gedaechtnis.handlungskonzept.treffer == 0)
        let geladen = vorschau.gedaechtnis.dateien.neu
        #expect(geladen > 10)

        let sitzung = projekt.appendingPathComponent("data/sitzungen/facharbeitskreis-2021-1.json")
        try Self.ersetzen(sitzung, "Der Facharbeitskreis entsendet eine Vertretung", "Der Facharbeitskreis entsendet künftig eine Vertretung")
        #expect(await vorschau.neuBauen().hasErrors == false)
        #expect(vorschau.gedaechtnis.handlungskonzept.treffer == 1, "die Kapitel hängen nicht an den Sitzungen")
        #expect(vorschau.gedaechtnis.dateien.neu == geladen + 1, "nur die geänderte Datei wird neu gelesen")
        let seite = String(decoding: await vorschau.datei("sitzungen/facharbeitskreis-2021-1.html") ?? [], as: UTF8.self)
        #expect(seite.contains("entsendet künftig eine Vertretung"))
        try await Self.wieNeu(vorschau, projekt)

        try Self.ersetzen(projekt.appendingPathComponent("data/kommune.json"), "\"bezeichnung\": \"Stadt Oberhausen\"", "\"bezeichnung\": \"Stadt Oberhausen (neu)\"")
        #expect(await vorschau.neuBauen().hasErrors == false)
        #expect(vorschau.gedaechtnis.handlungskonzept.treffer == 1, "Daten der Kapitel: neu darstellen")
        let kapitel = String(decoding: await vorschau.datei("handlungskonzept/index.html") ?? [], as: UTF8.self)
        #expect(kapitel.contains("Stadt Oberhausen (neu)"))
        try await Self.wieNeu(vorschau, projekt)

        try Self.ersetzen(Fixtures.eigeneKopie(projekt, "templates/seiten/sitzung.html"), "{{/sitzung}}", "{{/sitzung}}\n<!-- geändert -->")
        #expect(await vorschau.neuBauen().hasErrors == false)
        #expect(vorschau.gedaechtnis.handlungskonzept.treffer == 2, "die Vorlage der Sitzungsseiten betrifft die Kapitel nicht")
        try await Self.wieNeu(vorschau, projekt)

        try Self.ersetzen(Fixtures.eigeneKopie(projekt, "templates/seiten/kapitel.html"), "</article>", "</article>\n<!-- geändert -->")
        #expect(await vorschau.neuBauen().hasErrors == false)
        #expect(vorschau.gedaechtnis.handlungskonzept.treffer == 2, "eine Vorlage der Kapitel: neu darstellen")
        try await Self.wieNeu(vorschau, projekt)

        // A partial the chapters include through another template.
        try Self.ersetzen(Fixtures.eigeneKopie(projekt, "templates/partials/fussnoten.html"), "</ol>", "</ol>\n<!-- Teilvorlage -->")
        #expect(await vorschau.neuBauen().hasErrors == false)
        #expect(vorschau.gedaechtnis.handlungskonzept.treffer == 2, "eine Teilvorlage der Kapitel: neu darstellen")
        let mitTeilvorlage = String(decoding: await vorschau.datei("handlungskonzept/1-einleitung.html") ?? [], as: UTF8.self)
        #expect(mitTeilvorlage.contains("<!-- Teilvorlage -->"))
        try await Self.wieNeu(vorschau, projekt)
    }
}

@Suite("kim serve: eine geänderte Sitzung vorab, mit den Bytes des ganzen Baus")
struct SitzungVorabTests {
    static let datei = "data/sitzungen/lenkungskreis-2021-1.json"
    static let seite = "sitzungen/lenkungskreis-2021-1.html"

    static func vollerBau(_ projekt: URL, intern: Bool = false) throws -> [String: [UInt8]] {
        try #require(Build(Build.Optionen(projekt: projekt, intern: intern)).pruefen().0).dateien
    }

    @Test("öffentlich und intern: die Seite der Sitzung sofort, gleich dem ganzen Bau; der Bau danach gleich wie neu", arguments: [false, true])
    func gleichWieGanzerBau(intern: Bool) async throws {
        let projekt = try SitzungTests.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt) }
        let vorschau = Vorschau(projekt: projekt, intern: intern)
        #expect(await vorschau.sitzungenVorab([Self.datei]) == nil, "vor dem ersten Bau gibt es keine Grundlage")
        #expect(await vorschau.neuBauen().hasErrors == false)
        let vorher = await vorschau.datei("gremien/lenkungskreis.html")

        // A public and a non-public TOP of the same Sitzung.
        let url = projekt.appendingPathComponent(Self.datei)
        try InkrementellTests.ersetzen(url, "gefördert mit einer fachbezogenen Pauschale", "gefördert mit einer neuen Pauschale")
        try InkrementellTests.ersetzen(url, "\"ort\": \"", "\"ort\": \"Saal 2, ")
        let version = await vorschau.version
        #expect(await vorschau.sitzungenVorab([Self.datei]) != nil)
        #expect(await vorschau.version == version + 1, "offene Seiten laden neu")
        let vorab = try #require(await vorschau.datei(Self.seite))
        #expect(vorab == (try Self.vollerBau(projekt, intern: intern))[Self.seite])
        let text = String(decoding: vorab, as: UTF8.self)
        #expect(text.contains("einer neuen Pauschale") == intern, "nicht öffentliche TOPs nur intern")
        #expect(await vorschau.datei("gremien/lenkungskreis.html") == vorher, "die übrigen Seiten bis zum Bau wie zuvor")

        #expect(await vorschau.neuBauen().hasErrors == false)
        let (voll, befunde) = Build(Build.Optionen(projekt: projekt, intern: intern)).pruefen()
        #expect(await vorschau.dateien == voll?.dateien)
        #expect(await vorschau.befunde == befunde)
    }

    @Test("was der ganze Bau ablehnen würde, nimmt den schnellen Weg nicht; andere Dateien auch nicht")
    func nurFehlerfrei() async throws {
        let projekt = try SitzungTests.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt) }
        let vorschau = Vorschau(projekt: projekt)
        #expect(await vorschau.neuBauen().hasErrors == false)
        let url = projekt.appendingPathComponent(Self.datei)
        let original = try Data(contentsOf: url)
        let vorher = await vorschau.datei(Self.seite)
        let fehler: [(String, String, String)] = [
            ("\"gremium\": \"lenkungskreis\"", "\"gremium\": \"gibt-es-nicht\"", "unbekanntes Gremium"),
            ("\"id\": \"lk-2021-1-b1\"", "\"id\": \"fak-2021-1-b1\"", "Beschluss-Kennung einer anderen Sitzung"),
            ("\"ende\": \"", "\"ende\": \"0", "Schema: Uhrzeit"),
            ("\"nummer\": \"5\"", "\"nummer\": \"1\"", "doppelte TOP-Nummer"),
        ]
        for (alt, neu, warum) in fehler {
            try original.write(to: url)
            try InkrementellTests.ersetzen(url, alt, neu)
            #expect(await vorschau.sitzungenVorab([Self.datei]) == nil, "\(warum)")
            #expect(await vorschau.datei(Self.seite) == vorher, "\(warum)")
            #expect(await vorschau.neuBauen().hasErrors, "der ganze Bau lehnt ab: \(warum)")
        }
        try original.write(to: url)
        #expect(await vorschau.neuBauen().hasErrors == false)
        for andere in ["data/kommune.json", "templates/seiten/sitzung.html", "data/sitzungen", "data/sitzungen/x/y.json"] {
            #expect(await vorschau.sitzungenVorab([andere]) == nil, "\(andere)")
        }
        #expect(await vorschau.sitzungenVorab([Self.datei, "data/meilensteine.json"]) == nil, "zusammen mit anderen Daten: ganzer Bau")
    }

    @Test("findet der Bau danach anderswo einen Fehler, verschwindet auch die vorab gezeigte Seite")
    func zuruecknehmen() async throws {
        let projekt = try SitzungTests.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt) }
        let vorschau = Vorschau(projekt: projekt)
        #expect(await vorschau.neuBauen().hasErrors == false)
        let gut = await vorschau.dateien
        try InkrementellTests.ersetzen(projekt.appendingPathComponent(Self.datei), "\"ort\": \"", "\"ort\": \"Saal 2, ")
        try "{ \"stand\": ".write(to: projekt.appendingPathComponent("data/kommune.json"), atomically: true, encoding: .utf8)
        #expect(await vorschau.sitzungenVorab([Self.datei]) != nil)
        #expect(await vorschau.dateien != gut)
        #expect(await vorschau.neuBauen().hasErrors)
        #expect(await vorschau.dateien == gut, "die letzte fehlerfreie Fassung, ganz")
    }
}

@Suite("kim serve: Änderungen nacheinander")
struct AenderungenTests {
    @Test("nach einer Änderung anderer Daten keine Seite vorab, bis ein Bau ohne Fehler sie enthält")
    func grundlageVeraltet() async throws {
        let projekt = try SitzungTests.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt) }
        let vorschau = Vorschau(projekt: projekt)
        let gebaut = Zaehler()
        await vorschau.bauenSolangeAusstehend { _, _ in gebaut.eins() }
        #expect(gebaut.stand == 0, "ohne Änderung kein Bau")
        #expect(await vorschau.neuBauen().hasErrors == false)

        let sitzung = projekt.appendingPathComponent(SitzungVorabTests.datei)
        try InkrementellTests.ersetzen(sitzung, "\"ort\": \"", "\"ort\": \"Saal 2, ")
        #expect(await vorschau.aenderung([SitzungVorabTests.datei]) != nil)

        let kommune = projekt.appendingPathComponent("data/kommune.json")
        let gut = try Data(contentsOf: kommune)
        try InkrementellTests.ersetzen(kommune, "\"bezeichnung\": \"Stadt Oberhausen\"", "\"bezeichnung\": \"Stadt Oberhausen (neu)\"")
        #expect(await vorschau.aenderung(["data/kommune.json"]) == nil)
        try InkrementellTests.ersetzen(sitzung, "\"ort\": \"Saal 2, ", "\"ort\": \"Saal 3, ")
        #expect(await vorschau.aenderung([SitzungVorabTests.datei]) == nil, "die Grundlage kennt die neue Kommune noch nicht")

        await vorschau.bauenSolangeAusstehend { _, _ in gebaut.eins() }
        #expect(gebaut.stand == 1)
        #expect(await vorschau.aenderung([SitzungVorabTests.datei]) != nil, "nach dem Bau wieder vorab")
        let (voll, _) = Build(Build.Optionen(projekt: projekt)).pruefen()
        #expect(await vorschau.datei(SitzungVorabTests.seite) == voll?.dateien[SitzungVorabTests.seite])

        // A build with an error keeps the basis out of date.
        try "{ \"stand\": ".write(to: kommune, atomically: true, encoding: .utf8)
        #expect(await vorschau.aenderung(["data/kommune.json"]) == nil)
        await vorschau.bauenSolangeAusstehend { _, _ in gebaut.eins() }
        #expect(await vorschau.aenderung([SitzungVorabTests.datei]) == nil, "der letzte Bau hatte Fehler")
        try gut.write(to: kommune)
        #expect(await vorschau.aenderung(["data/kommune.json"]) == nil)
        await vorschau.bauenSolangeAusstehend { _, _ in gebaut.eins() }
        #expect(gebaut.stand == 3)
        #expect(await vorschau.aenderung([SitzungVorabTests.datei]) != nil)
    }
}

/// Counts calls from a @Sendable callback.
final class Zaehler: @unchecked Sendable {
    private let sperre = NSLock()
    private var wert = 0
    var stand: Int { sperre.withLock { wert } }
    func eins() { sperre.withLock { wert += 1 } }
}

@Suite("kim serve: Änderungen bemerken")
struct AenderungenBemerkenTests {
    static func warten(_ melder: Aenderungsmelder, bis erwartet: Set<String>) async throws -> Set<String> {
        var gesehen = Set<String>()
        for _ in 0..<200 where !erwartet.isSubset(of: gesehen) {
            gesehen.formUnion(try #require(melder.lesen()))
            try await Task.sleep(for: .milliseconds(10))
        }
        return gesehen
    }

    @Test("inotify meldet geschriebene, umbenannte und gelöschte Dateien, neue Ordner mit ihrem Inhalt, keine versteckten")
    func inotify() async throws {
        let projekt = FileManager.default.temporaryDirectory.appendingPathComponent("kim-melder-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: projekt) }
        try FileManager.default.createDirectory(at: projekt.appendingPathComponent("data/sitzungen"), withIntermediateDirectories: true)
        let melder = try #require(Aenderungsmelder(projekt: projekt.path, ordner: Beobachter.ordner))
        #expect(melder.lesen() == [])

        try Data("{}".utf8).write(to: projekt.appendingPathComponent("data/sitzungen/a.json"))
        try Data("x".utf8).write(to: projekt.appendingPathComponent("data/sitzungen/.a.json.swp"))
        #expect(try await Self.warten(melder, bis: ["data/sitzungen/a.json"]) == ["data/sitzungen/a.json"])

        // Saved by renaming a new file over the old one, as many editors do.
        try Data("{ }".utf8).write(to: projekt.appendingPathComponent("data/sitzungen/a.json"), options: .atomic)
        #expect(try await Self.warten(melder, bis: ["data/sitzungen/a.json"]).contains("data/sitzungen/a.json"))

        // A top folder that did not exist when watching began, and a file in it written later.
        try FileManager.default.createDirectory(at: projekt.appendingPathComponent("templates/seiten"), withIntermediateDirectories: true)
        _ = try await Self.warten(melder, bis: ["templates"])
        try Data("<p></p>".utf8).write(to: projekt.appendingPathComponent("templates/seiten/sitzung.html"))
        #expect(try await Self.warten(melder, bis: ["templates/seiten/sitzung.html"]).contains("templates/seiten/sitzung.html"))

        try FileManager.default.removeItem(at: projekt.appendingPathComponent("data/sitzungen/a.json"))
        #expect(try await Self.warten(melder, bis: ["data/sitzungen/a.json"]).contains("data/sitzungen/a.json"))

        // Outside the watched folders nothing counts.
        try Data("x".utf8).write(to: projekt.appendingPathComponent("notiz.txt"))
        try await Task.sleep(for: .milliseconds(50))
        #expect(melder.lesen() == [])
    }

    @Test("ohne inotify: der Fingerabdruck findet geänderte, neue und entfernte Dateien, keine versteckten")
    func fingerabdruck() throws {
        let projekt = FileManager.default.temporaryDirectory.appendingPathComponent("kim-beobachter-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: projekt) }
        try FileManager.default.createDirectory(at: projekt.appendingPathComponent("data/sitzungen"), withIntermediateDirectories: true)
        let a = projekt.appendingPathComponent("data/sitzungen/a.json")
        try Data("{}".utf8).write(to: a)
        let beobachter = Beobachter(projekt: projekt)
        let vorher = beobachter.fingerabdruck()
        #expect(Set(vorher.keys) == ["data/sitzungen/a.json"])
        try Data("{ }".utf8).write(to: a, options: .atomic)
        try Data("{}".utf8).write(to: projekt.appendingPathComponent("data/kommune.json"))
        try Data("x".utf8).write(to: projekt.appendingPathComponent("data/.kommune.json.swp"))
        #expect(beobachter.geaendert(von: vorher, zu: beobachter.fingerabdruck()) == ["data/sitzungen/a.json", "data/kommune.json"])
        let mitte = beobachter.fingerabdruck()
        try FileManager.default.removeItem(at: a)
        #expect(beobachter.geaendert(von: mitte, zu: beobachter.fingerabdruck()) == ["data/sitzungen/a.json"])
    }
}
