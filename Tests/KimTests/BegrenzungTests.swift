import Foundation
import KimMarkdown
import KimModel
@testable import KimMustache
import Testing

/// Bounded rendering (issue 28.2): a template cannot run for ever or fill the memory, Markdown
/// cannot nest deeper than the PDF renderer can set, and each limit is a German error at its place,
/// the same in `kim check` and `kim build`.
@Suite("Begrenzte Darstellung", .serialized)
struct BegrenzungTests {
    /// Sections over one list, `tiefe` deep.
    static func schleife(_ tiefe: Int, name: String = "liste") -> String {
        "Anfang " + String(repeating: "{{#\(name)}}", count: tiefe) + "x" + String(repeating: "{{/\(name)}}", count: tiefe)
    }

    @Test("20 verschachtelte Schleifen über eine Liste von 10: nach einer Million Schritten Schluss, am äußersten Abschnitt")
    func zwanzigSchleifen() throws {
        let vorlage = try Template(Self.schleife(20))
        // The step limit, not the clock, must end it: the clock is only the last resort on a loaded machine.
        let (ausgabe, abbruch) = TemplateLibrary().renderChecked(vorlage, ["liste": Array(repeating: "a", count: 10)])
        let fehler = try #require(abbruch)
        // The data hold 12 values (the dictionary, the list, its ten texts): the million and 25 steps for each.
        #expect(fehler.kind == .tooManySteps(TemplateLimits().maximumSteps + 12 * TemplateLimits().stepsPerContextValue))
        #expect(fehler.partial == nil)
        #expect(fehler.line == 1 && fehler.column == 8, "\(fehler)")
        #expect(ausgabe.count < 1_000_000)
    }

    @Test("eine lange Liste einmal durchlaufen: mehr als eine Million Schritte, aber im Verhältnis zu den Daten, kein Abbruch (Anlage 2 landesweit); dieselbe Liste in sich selbst wiederholt: Abbruch")
    func langeListe() throws {
        let liste: [[String: Any]] = (0..<100_000).map { ["id": "m\($0)", "titel": "Meilenstein \($0)", "status": "erledigt"] }
        let einmal = try Template("{{#liste}}<li id=\"{{id}}\">{{titel}} ({{status}})</li>\n{{/liste}}")
        let (ausgabe, abbruch) = TemplateLibrary().renderChecked(einmal, ["liste": liste])
        #expect(abbruch == nil, "\(String(describing: abbruch))")
        #expect(ausgabe.count > 3_000_000)
        // 2 000 of them in themselves: four million steps, stopped at the million and 25 per value (2 + 4 × 2 000).
        let zweimal = try Template("{{#liste}}{{#liste}}{{id}}{{/liste}}{{/liste}}")
        let (_, quadratisch) = TemplateLibrary().renderChecked(zweimal, ["liste": Array(liste.prefix(2_000))])
        #expect(quadratisch?.kind == .tooManySteps(TemplateLimits().maximumSteps + (2 + 4 * 2_000) * TemplateLimits().stepsPerContextValue))
    }

    @Test("eine flache Schleife bleibt unter den Grenzen")
    func flacheSchleife() throws {
        let vorlage = try Template(Self.schleife(2))
        let (ausgabe, abbruch) = TemplateLibrary().renderChecked(vorlage, ["liste": Array(repeating: "a", count: 100)])
        #expect(abbruch == nil)
        #expect(ausgabe.count == "Anfang ".utf8.count + 10_000)
    }

    @Test("zu viel Ausgabe stoppt, auch in einer Teilvorlage, am Abschnitt der Teilvorlage")
    func ausgabeGrenze() throws {
        var bibliothek = TemplateLibrary()
        bibliothek.register(try Template("Kopf\n{{#liste}}{{text}}{{/liste}}"), named: "teil")
        let grenzen = TemplateLimits(maximumSteps: 10_000_000, maximumOutputBytes: 1 << 20)
        let (ausgabe, abbruch) = bibliothek.renderChecked(try Template("{{> teil}}"), ["liste": Array(repeating: 0, count: 1000), "text": String(repeating: "y", count: 10_000)], limits: grenzen)
        let fehler = try #require(abbruch)
        #expect(fehler.kind == .outputTooLarge(1 << 20))
        #expect(fehler.partial == "teil" && fehler.line == 2 && fehler.column == 1, "\(fehler)")
        #expect(ausgabe.count <= 1 << 20, "\(ausgabe.count) Bytes gehalten")
    }

    @Test("die Ausgabegrenze gilt nach jedem Schreiben: auch das letzte Stück und die Einrückung einer Teilvorlage tragen nicht darüber (von make fuzz gefunden)")
    func grenzeNachJedemStueck() throws {
        let grenzen = TemplateLimits(maximumOutputBytes: 1_000)
        let (ausgabe, abbruch) = TemplateLibrary().renderChecked(try Template(String(repeating: "x", count: 5_000)), [:], limits: grenzen)
        #expect(abbruch?.kind == .outputTooLarge(1_000))
        #expect(ausgabe.count == 1_000)
        var bibliothek = TemplateLibrary()
        bibliothek.register(try Template(String(repeating: "a\n", count: 400)), named: "zeilen")
        let (eingerueckt, zweiter) = bibliothek.renderChecked(try Template("        {{> zeilen}}\n"), [:], limits: grenzen)
        #expect(zweiter?.kind == .outputTooLarge(1_000))
        #expect(eingerueckt.count <= 1_000, "\(eingerueckt.count) Bytes gehalten")
    }

    /// A copy of the reference project whose first chapter starts with `vorspann`.
    static func projektMitKapitelanfang(_ vorspann: String) throws -> (projekt: URL, kapitel: String) {
        let projekt = try Fixtures.projektKopie()
        let ordner = projekt.appendingPathComponent("templates/kapitel")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: ordner.path).filter { $0.hasSuffix(".md") }.sorted().first)
        let datei = ordner.appendingPathComponent(name)
        try Data((vorspann + (try String(contentsOf: datei, encoding: .utf8))).utf8).write(to: datei)
        return (projekt, "templates/kapitel/\(name)")
    }

    @Test("kim check und kim build: die 20-fache Schleife in einem Kapitel ist nach Sekunden ein Fehler mit Zeile und Spalte")
    func schleifeImKapitel() throws {
        let (projekt, kapitel) = try Self.projektMitKapitelanfang(Self.schleife(20, name: "gremien.lenkungskreis.mitglieder") + "\n\n")
        defer { try? FileManager.default.removeItem(at: projekt) }
        // The million, and 25 steps for each value of the chapter's data.
        let erwartet = "\(kapitel):1:8: Fehler: die Vorlage bricht ab: mehr als 1."
        for befehl in ["check", "build"] {
            let start = ContinuousClock.now
            let lauf = try KommandozeileTests.kim([befehl, "--project", projekt.path])
            #expect(ContinuousClock.now - start < .seconds(60), "\(befehl) dauerte zu lange")
            #expect(lauf.status == 1, "\(befehl): \(lauf.ausgabe)")
            #expect(lauf.ausgabe.components(separatedBy: erwartet).count == 2, "\(befehl), genau einmal: \(erwartet)\n\(lauf.ausgabe)")
            #expect(lauf.ausgabe.contains(" Schritte für eine Seite, hier verschachtelte Abschnitte vervielfachen sich"), "\(befehl): \(lauf.ausgabe)")
        }
        #expect(!FileManager.default.fileExists(atPath: projekt.appendingPathComponent("site").path))
    }

    @Test("150 verschachtelte Zitate und eine Liste mit 1 000 Ebenen: Fehler an beiden Stellen, in check wie in build")
    func tiefesKapitel() throws {
        let liste = (0..<1000).map { String(repeating: "  ", count: $0) + "- Punkt" }.joined(separator: "\n")
        let (projekt, kapitel) = try Self.projektMitKapitelanfang("Vorweg.\n\n" + String(repeating: "> ", count: 150) + "tief\n\n" + liste + "\n\n")
        defer { try? FileManager.default.removeItem(at: projekt) }
        let meldung = "Fehler: Zitate und Listen sind tiefer als 32 Ebenen verschachtelt"
        let erwartet = ["\(kapitel):3:65: \(meldung)", "\(kapitel):\(5 + 32):65: \(meldung)"]
        for befehl in ["check", "build"] {
            let lauf = try KommandozeileTests.kim([befehl, "--project", projekt.path])
            #expect(lauf.status == 1, "\(befehl): \(lauf.ausgabe)")
            for zeile in erwartet {
                #expect(lauf.ausgabe.components(separatedBy: zeile).count == 2, "\(befehl), genau einmal: \(zeile)\n\(lauf.ausgabe)")
            }
            #expect(!lauf.ausgabe.contains("Traceback"))
        }
        #expect(!FileManager.default.fileExists(atPath: projekt.appendingPathComponent("site").path))
    }
}
