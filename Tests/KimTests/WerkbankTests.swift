import Foundation
import KimLoad
import KimPipeline
import KimVorgaben
@testable import KimWerkbank
import Testing

/// The workbench of `kim serve` (KimWerkbank): forms from every schema, a one-field edit as a
/// one-line diff, checks before writing, and nothing written without the session's token, from
/// another Origin or Host, outside data/ and templates/, or over a file changed meanwhile.
@Suite("Werkbank", .serialized)
struct WerkbankTests {
    static let port: UInt16 = 18_000
    static let host = ["Host": "127.0.0.1:\(port)"]

    static func werkbank(_ projekt: URL) -> Werkbank {
        Werkbank(projekt: projekt, port: port, token: "geheim")
    }

    static func holen(_ werkbank: Werkbank, _ pfad: String, abfrage: [String: String] = [:]) async -> Werkbankantwort {
        await werkbank.bearbeiten(Werkbankanfrage(methode: "GET", pfad: pfad, abfrage: abfrage, kopf: host))
    }

    static func senden(_ werkbank: Werkbank, _ pfad: String, _ felder: [(String, String)], abfrage: [String: String] = [:],
                       kopf: [String: String] = host) async -> Werkbankantwort {
        await werkbank.bearbeiten(Werkbankanfrage(methode: "POST", pfad: pfad, abfrage: abfrage, kopf: kopf,
                                                  rumpf: Formulardaten(felder.map { (name: $0.0, wert: $0.1) }).rumpf))
    }

    static func text(_ antwort: Werkbankantwort) -> String { String(decoding: antwort.rumpf, as: UTF8.self) }

    /// The `_version` the form carries.
    static func version(_ html: String) throws -> String {
        try #require(html.firstMatch(of: /name="_version" value="([^"]+)"/)).1.description
    }

    static func zeilen(_ datei: URL) throws -> [String] {
        try String(contentsOf: datei, encoding: .utf8).components(separatedBy: "\n")
    }

    static let sitzung = "data/sitzungen/lenkungskreis-2021-1.json"

    @Test("die Übersicht nennt Dateien, wie die KI sie kennt: Sitzungen mit Gremium, Nummer und Datum, neueste zuerst; Daten mit dem Titel ihres Schemas")
    func uebersichtMitNamen() async throws {
        let werkbank = Self.werkbank(Fixtures.referenzprojekt)
        let html = Self.text(await Self.holen(werkbank, "/_kim/"))
        let erste = try #require(html.range(of: "Lenkungskreis Kommunales Integrationsmanagement, 1. Sitzung am 10.03.2021"))
        let dritte = try #require(html.range(of: "Lenkungskreis Kommunales Integrationsmanagement, 3. Sitzung am 17.11.2021"))
        #expect(dritte.lowerBound < erste.lowerBound, "neueste Sitzung zuerst")
        #expect(html.contains("<span class=\"pfad\"><code>\(Self.sitzung)</code></span>"))
        let angebote = try #require(Bearbeitung.schemaname("data/angebote.json"))
        let bytes = Array(try Data(contentsOf: Fixtures.referenzprojekt.appendingPathComponent("Sources/KimVorgaben/Vorgaben/schemas/\(angebote).schema.json")))
        let schema = try #require(try JSONParser.parse(bytes).0["title"])
        guard case .string(let titel) = schema.value else { Issue.record("Schema ohne Titel"); return }
        #expect(html.contains(">\(titel)</a> <span class=\"pfad\"><code>data/angebote.json</code>"))
    }

    @Test("Verweise werden zur Auswahl aus dem, was es gibt: Gremium einer Sitzung, Sozialräume eines Angebots (auch Kreis Lindenau)")
    func verweiseZurAuswahl() async throws {
        let lindenau = Fixtures.referenzprojekt.appendingPathComponent("beispiele/kreis-lindenau")
        for projekt in [Fixtures.referenzprojekt, lindenau] {
            let werkbank = Self.werkbank(projekt)
            let kommune = try JSONSerialization.jsonObject(with: Data(contentsOf: projekt.appendingPathComponent("data/kommune.json"))) as? [String: Any]
            let nummern = try #require(kommune?["sozialraeume"] as? [[String: Any]]).compactMap { $0["nummer"] as? String }
            #expect(!nummern.isEmpty)
            let angebot = Self.text(await Self.holen(werkbank, Werkbankpfade.bearbeiten("data/angebote.json"), abfrage: ["zeiger": "/angebote/0"]))
            for nummer in nummern {
                #expect(angebot.contains("type=\"checkbox\" id=\"f.angebote.0.sozialraeume-") && angebot.contains("name=\"/angebote/0/sozialraeume\" value=\"\(nummer)\""),
                        "\(projekt.lastPathComponent): Sozialraum \(nummer) fehlt in der Auswahl")
            }
            let gremien = try JSONSerialization.jsonObject(with: Data(contentsOf: projekt.appendingPathComponent("data/gremien.json"))) as? [String: Any]
            let ids = try #require(gremien?["gremien"] as? [[String: Any]]).compactMap { $0["id"] as? String }
            let sitzungsdatei = try #require(try FileManager.default.contentsOfDirectory(atPath: projekt.appendingPathComponent("data/sitzungen").path).filter { $0.hasSuffix(".json") }.sorted().first)
            let sitzung = Self.text(await Self.holen(werkbank, Werkbankpfade.bearbeiten("data/sitzungen/\(sitzungsdatei)")))
            let auswahl = try #require(sitzung.firstMatch(of: /<select id="f.gremium" name="\/gremium"[^>]*>(.*?)<\/select>/.dotMatchesNewlines())).1
            #expect(auswahl.matches(of: /<option value="[^"]+"/).count == ids.count, "\(projekt.lastPathComponent): \(auswahl)")
            for id in ids { #expect(auswahl.contains("<option value=\"\(id)\""), "\(id)") }
        }
    }

    @Test("Veröffentlichen baut im Hintergrund und zeigt jeden fertigen Schritt; ein zweiter Klick startet keinen zweiten Bau")
    func veroeffentlichenMitFortschritt() async throws {
        let projekt = try Fixtures.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt) }
        try? FileManager.default.removeItem(at: projekt.appendingPathComponent("site"))
        let werkbank = Self.werkbank(projekt)
        let start = await Self.senden(werkbank, Veroeffentlichen.pfad, [("_token", "geheim")])
        #expect(start.status == 303 && start.kopf["Location"] == Veroeffentlichen.pfad)
        #expect(await Self.senden(werkbank, Veroeffentlichen.pfad, [("_token", "geheim")]).status == 303)
        var seite = ""
        for _ in 0..<1500 {
            seite = Self.text(await Self.holen(werkbank, Veroeffentlichen.pfad))
            guard seite.contains("http-equiv=\"refresh\"") else { break }
            #expect(seite.contains("werden gebaut"))
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(seite.contains("Veröffentlicht: site/ enthält jetzt"), "\(seite)")
        #expect(seite.contains("<ol class=\"schritte\">") && seite.contains("Schreiben"), "die Schritte des Baus stehen auf der Seite")
        #expect(!seite.contains("http-equiv=\"refresh\""))
        #expect(FileManager.default.fileExists(atPath: projekt.appendingPathComponent("site/index.html").path))
    }

    @Test("ein Sachstandsbericht zu einem gewählten Stichtag wird erstellt und lässt sich öffnen; ein unmögliches Datum steht am Feld; nur Berichtsdateien werden ausgeliefert")
    func briefingZumStichtag() async throws {
        let projekt = try Fixtures.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt) }
        let werkbank = Self.werkbank(projekt)
        let falsch = await Self.senden(werkbank, Briefingseite.pfad, [("_token", "geheim"), ("datum", "2021-02-30")])
        #expect(falsch.status == 422 && Self.text(falsch).contains("id=\"datum-fehler\""))
        let antwort = await Self.senden(werkbank, Briefingseite.pfad, [("_token", "geheim"), ("datum", "2021-10-01")])
        #expect(antwort.status == 200)
        let link = "\(Briefingseite.dateiPraefix)sachstandsbericht-2021-10-01.html"
        #expect(Self.text(antwort).contains("href=\"\(link)\""), "\(Self.text(antwort))")
        let bericht = await Self.holen(werkbank, link)
        #expect(bericht.status == 200 && Self.text(bericht).contains("01.10.2021"))
        #expect(await Self.holen(werkbank, "\(Briefingseite.dateiPraefix)..%2Fsite.vermerk").status == 404)
        #expect(!FileManager.default.fileExists(atPath: projekt.appendingPathComponent("site/sachstandsbericht-2021-10-01.html").path))
    }

    @Test("die Befunde von kim check führen zum Feld, das sie betreffen")
    func befundeMitVerweis() async throws {
        let werkbank = Self.werkbank(Fixtures.referenzprojekt)
        let html = Self.text(await Self.holen(werkbank, Befundliste.pfad))
        // The reference has a warning about data/angebote.json (offers without contact details).
        #expect(html.contains("href=\"\(Werkbankpfade.bearbeiten("data/angebote.json"))"), "\(html.prefix(2000))")
    }

    @Test("jedes Schema hat ein Formular: jede Datendatei der Referenz und von Kreis Lindenau, jedes Feld ein Steuerelement mit JSON Pointer, Hinweise ohne JSON-Syntax")
    func jedesSchemaEinFormular() async throws {
        var abgedeckt = Set<String>()
        let lindenau = Fixtures.referenzprojekt.appendingPathComponent("beispiele/kreis-lindenau")
        for projekt in [Fixtures.referenzprojekt, lindenau] {
            let werkbank = Self.werkbank(projekt)
            let uebersicht = Self.text(await Self.holen(werkbank, "/_kim/"))
            for datei in Uebersicht(projekt: projekt, ablage: Ablage(projekt: projekt)).dateien() where datei.hasPrefix("data/") {
                #expect(uebersicht.contains(Werkbankpfade.bearbeiten(datei)), "\(datei) fehlt in der Übersicht")
                let antwort = await Self.holen(werkbank, Werkbankpfade.bearbeiten(datei))
                #expect(antwort.status == 200, "\(datei): \(antwort.status)")
                let html = Self.text(antwort)
                #expect(html.contains("<form method=\"post\""), "\(datei)")
                #expect(html.contains("name=\"_token\" value=\"geheim\""), "\(datei)")
                // Every control is named by a JSON Pointer (or is the workbench's own, "_…").
                for name in html.matches(of: /<(?:input|select|textarea)[^>]* name="([^"]*)"/).map({ String($0.1) }) {
                    #expect(name.hasPrefix("/") || name.hasPrefix("_"), "\(datei): Steuerelement »\(name)«")
                }
                // Every scalar at the top of the file has its control.
                let (knoten, _) = try JSONParser.parse(Array(try Data(contentsOf: projekt.appendingPathComponent(datei))))
                if case .object(let eintraege) = knoten.value {
                    for eintrag in eintraege where eintrag.key != "$schema" {
                        #expect(html.contains("name=\"/\(eintrag.key)") || html.contains("value=\"/\(eintrag.key)\""), "\(datei): kein Feld für »\(eintrag.key)«")
                    }
                }
                // Hints speak of the form, not of the file's syntax (Formularhinweis).
                for hinweis in html.matches(of: /class="hinweis"[^>]*>([^<]*)</).map({ String($0.1) }) {
                    #expect(hinweis.firstMatch(of: /Anführungszeichen|&quot;|\btrue\b|\bfalse\b|\{ … \}/) == nil, "\(datei): Hinweis in Dateisyntax: \(hinweis)")
                }
                if let schema = Bearbeitung.schemaname(datei) { abgedeckt.insert(schema) }
            }
        }
        let schemas = Set(Vorgaben.liste("schemas").map { ($0 as NSString).lastPathComponent.replacingOccurrences(of: ".schema.json", with: "") })
        #expect(schemas.subtracting(abgedeckt).isEmpty, "ohne Formular: \(schemas.subtracting(abgedeckt).sorted())")
    }

    @Test("Hinweise sprechen vom Formular: ankreuzen statt true/false, Werte ohne Anführungszeichen, Sätze in „…“, keine Liste in JSON")
    func hinweiseFuerDasFormular() {
        #expect(Formularhinweis.text("Freiwillig: true, wenn X gilt. Sonst weglassen oder false (ohne Anführungszeichen).", ankreuzfeld: true) == "Ankreuzen, wenn X gilt.")
        #expect(Formularhinweis.text("true, wenn X; false, wenn Y.", ankreuzfeld: true) == "Ankreuzen, wenn X; nicht ankreuzen, wenn Y.")
        #expect(Formularhinweis.text("Postleitzahl als Text in Anführungszeichen, z. B. \"46045\".", ankreuzfeld: false) == "Postleitzahl, z. B. 46045.")
        #expect(Formularhinweis.text("Anzahl als ganze Zahl ohne Tausenderpunkt und ohne Anführungszeichen, z. B. 11973.", ankreuzfeld: false)
                == "Anzahl als ganze Zahl ohne Tausenderpunkt, z. B. 11973.")
        #expect(Formularhinweis.text("Der Wortlaut, z. B. \"Der Rat beschließt …\".", ankreuzfeld: false) == "Der Wortlaut, z. B. „Der Rat beschließt …“.")
        #expect(Formularhinweis.text("Die Nummern, z. B. [\"74\", \"75\"].", ankreuzfeld: false) == "Die Nummern.")
        #expect(Formularhinweis.text("Alle Angebote, je eines als Objekt { … }.", ankreuzfeld: false) == "Alle Angebote, je eines in einem eigenen Abschnitt.")
        #expect(Formularhinweis.text("Name; nur veröffentlicht, wenn \"einwilligung\" true ist.", ankreuzfeld: false)
                == "Name; nur veröffentlicht, wenn „einwilligung“ angekreuzt ist.")
        // Only a checkbox is ticked: a text field's "true, wenn" is its own wording.
        #expect(Formularhinweis.text("true, wenn X.", ankreuzfeld: false) == "true, wenn X.")
    }

    @Test("ein geändertes Feld ist eine geänderte Zeile; die übrigen Bytes bleiben, der Stand davor lässt sich zurückholen")
    func einFeldEineZeile() async throws {
        let projekt = try Fixtures.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt) }
        let werkbank = Self.werkbank(projekt)
        let datei = projekt.appendingPathComponent(Self.sitzung)
        let vorher = try Self.zeilen(datei)
        let original = try Data(contentsOf: datei)
        let pfad = Werkbankpfade.bearbeiten(Self.sitzung)
        let version = try Self.version(Self.text(await Self.holen(werkbank, pfad)))

        let antwort = await Self.senden(werkbank, pfad, [("_token", "geheim"), ("_version", version), ("/ort", "Rathaus Sterkrade"),
                                                          ("/tagesordnung/0/titel", "Begrüßung und Formalien")])
        #expect(antwort.status == 303, "\(Self.text(antwort))")
        let nachher = try Self.zeilen(datei)
        #expect(nachher.count == vorher.count)
        let geaendert = zip(vorher, nachher).filter { $0 != $1 }
        #expect(geaendert.count == 2, "\(geaendert)")
        #expect(geaendert.first?.1 == "  \"ort\": \"Rathaus Sterkrade\",")
        #expect(geaendert.last?.1.hasSuffix("\"titel\": \"Begrüßung und Formalien\",") == true)

        // Undo brings back the bytes from before.
        let neueVersion = try Self.version(Self.text(await Self.holen(werkbank, pfad)))
        let zurueck = await Self.senden(werkbank, Werkbankpfade.rueckgaengig(Self.sitzung), [("_token", "geheim"), ("_version", neueVersion)])
        #expect(zurueck.status == 303)
        #expect(try Data(contentsOf: datei) == original)
    }

    @Test("ein neues Feld und ein neuer Eintrag werden im Stil der Nachbarn eingefügt, sonst bleibt alles")
    func einfuegenImStil() async throws {
        let projekt = try Fixtures.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt) }
        let werkbank = Self.werkbank(projekt)
        let datei = projekt.appendingPathComponent(Self.sitzung)
        let vorher = try String(contentsOf: datei, encoding: .utf8)
        let pfad = Werkbankpfade.bearbeiten(Self.sitzung)
        let html = Self.text(await Self.holen(werkbank, pfad))
        let version = try Self.version(html)
        let teilnahme = html.matches(of: /name="_angezeigt" value="\/teilnahme\/([0-9]+)"/).count
        #expect(teilnahme > 0)
        let antwort = await Self.senden(werkbank, pfad, [("_token", "geheim"), ("_version", version),
                                                          ("_angezeigt", "/teilnahme"),
                                                          ] + (0..<teilnahme).map { ("_angezeigt", "/teilnahme/\($0)") } + [
                                                          ("/teilnahme/\(teilnahme)/organisation", "Jobcenter"),
                                                          ("_angezeigt", "/teilnahme/\(teilnahme)/anwesend"),
                                                          ("/teilnahme/\(teilnahme)/anwesend", "true")])
        #expect(antwort.status == 303, "\(Self.text(antwort))")
        let nachher = try String(contentsOf: datei, encoding: .utf8)
        #expect(nachher.contains("    },\n    {\n      \"organisation\": \"Jobcenter\",\n      \"anwesend\": true\n    }\n  ],"), "\(nachher)")
        // Only lines were added.
        let alt = vorher.components(separatedBy: "\n"), neu = nachher.components(separatedBy: "\n")
        #expect(neu.count == alt.count + 4)
        #expect(Set(alt).isSubset(of: Set(neu + ["    }"])))
    }

    @Test("ein unmögliches Datum: 422, die Meldung am Feld und in der Fehlerliste, nichts geschrieben")
    func unmoeglichesDatum() async throws {
        let projekt = try Fixtures.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt) }
        let werkbank = Self.werkbank(projekt)
        let datei = projekt.appendingPathComponent(Self.sitzung)
        let vorher = try Data(contentsOf: datei)
        let pfad = Werkbankpfade.bearbeiten(Self.sitzung)
        let version = try Self.version(Self.text(await Self.holen(werkbank, pfad)))
        let antwort = await Self.senden(werkbank, pfad, [("_token", "geheim"), ("_version", version), ("/datum", "2021-02-30")])
        #expect(antwort.status == 422)
        let html = Self.text(antwort)
        #expect(html.contains("<title>Fehler: "))
        #expect(html.contains("<a href=\"#f.datum\">"), "die Fehlerliste verweist auf das Feld")
        #expect(html.contains("id=\"f.datum-fehler\""))
        #expect(html.contains("aria-describedby=\"f.datum-hinweis f.datum-fehler\" aria-invalid=\"true\" value=\"2021-02-30\""), "das Feld zeigt die Eingabe und ist mit der Meldung verbunden")
        #expect(try Data(contentsOf: datei) == vorher)
        // A required field left empty, at its field too.
        let leer = await Self.senden(werkbank, pfad, [("_token", "geheim"), ("_version", version), ("/ort", "  ")])
        #expect(leer.status == 422)
        #expect(Self.text(leer).contains("id=\"f.ort-fehler\""))
        #expect(try Data(contentsOf: datei) == vorher)
    }

    @Test("ein veraltetes Formular (_version) wird mit 409 abgelehnt und zeigt beide Fassungen")
    func veraltet() async throws {
        let projekt = try Fixtures.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt) }
        let werkbank = Self.werkbank(projekt)
        let datei = projekt.appendingPathComponent(Self.sitzung)
        let pfad = Werkbankpfade.bearbeiten(Self.sitzung)
        let version = try Self.version(Self.text(await Self.holen(werkbank, pfad)))
        // Someone edits the file in an editor meanwhile.
        let anderswo = try String(contentsOf: datei, encoding: .utf8).replacingOccurrences(of: "\"Videokonferenz\"", with: "\"Ratssaal\"")
        try anderswo.write(to: datei, atomically: true, encoding: .utf8)
        let antwort = await Self.senden(werkbank, pfad, [("_token", "geheim"), ("_version", version), ("/ort", "Rathaus Sterkrade")])
        #expect(antwort.status == 409)
        let html = Self.text(antwort)
        #expect(html.contains("Ratssaal") && html.contains("Rathaus Sterkrade"), "beide Fassungen")
        #expect(try String(contentsOf: datei, encoding: .utf8) == anderswo)
    }

    @Test("ohne Token, aus fremdem Origin oder Host, außerhalb von data/ und templates/, mit .. oder über einen Verweis hinaus: abgelehnt, nichts geändert")
    func nurVonHier() async throws {
        let projekt = try Fixtures.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt) }
        let werkbank = Self.werkbank(projekt)
        let datei = projekt.appendingPathComponent(Self.sitzung)
        let vorher = try Data(contentsOf: datei)
        let pfad = Werkbankpfade.bearbeiten(Self.sitzung)
        let version = try Self.version(Self.text(await Self.holen(werkbank, pfad)))
        let gut: [(String, String)] = [("_token", "geheim"), ("_version", version), ("/ort", "Anderswo")]

        #expect(await Self.senden(werkbank, pfad, [("_version", version), ("/ort", "Anderswo")]).status == 403)
        #expect(await Self.senden(werkbank, pfad, [("_token", "falsch!"), ("_version", version), ("/ort", "Anderswo")]).status == 403)
        #expect(await Self.senden(werkbank, pfad, gut, kopf: Self.host.merging(["Origin": "http://boese.example"]) { $1 }).status == 403)
        #expect(await Self.senden(werkbank, pfad, gut, kopf: Self.host.merging(["Origin": "http://127.0.0.1:1"]) { $1 }).status == 403)
        #expect(await Self.senden(werkbank, pfad, gut, kopf: Self.host.merging(["Sec-Fetch-Site": "cross-site"]) { $1 }).status == 403)
        #expect(await Self.senden(werkbank, pfad, gut, kopf: ["Host": "boese.example:\(Self.port)"]).status == 403)
        #expect(await Self.senden(werkbank, pfad, gut, kopf: [:]).status == 403)
        #expect(try Data(contentsOf: datei) == vorher)

        // Paths: outside the two folders, "..", hidden parts, other file types, a link out of data/.
        let draussen = projekt.deletingLastPathComponent().appendingPathComponent("werkbank-draussen-\(UUID().uuidString).json")
        try Data("{}".utf8).write(to: draussen)
        defer { try? FileManager.default.removeItem(at: draussen) }
        try FileManager.default.createSymbolicLink(at: projekt.appendingPathComponent("data/verweis.json"), withDestinationURL: draussen)
        try Data("x".utf8).write(to: projekt.appendingPathComponent("data/notiz.txt"))
        for (boeser, erwartet) in [("data/../../etc/passwd", 403), ("data/sitzungen/../../kommune.json", 403), ("schemas/sitzung.schema.json", 403),
                                   ("site/index.html", 403), ("data/.versteckt.json", 403), ("data/notiz.txt", 403), ("data/verweis.json", 403),
                                   ("data/gibt-es-nicht.json", 404), ("/etc/passwd", 403), ("data//kommune.json", 403)] {
            let antwort = await Self.senden(werkbank, Werkbankpfade.bearbeitenPraefix + boeser, gut)
            #expect(antwort.status == erwartet, "\(boeser): \(antwort.status)")
            #expect(await Self.holen(werkbank, Werkbankpfade.bearbeitenPraefix + boeser).status == erwartet, "GET \(boeser)")
        }
        #expect(try Data(contentsOf: draussen) == Data("{}".utf8))
        #expect(try Data(contentsOf: datei) == vorher)
        #expect(await Self.senden(werkbank, pfad, gut).status == 303, "mit allem, was dazugehört, wird gespeichert")
    }

    @Test("ein Kapitel: Text geändert, geprüft, geschrieben; ein unbekannter Platzhalter wird gemeldet und nicht geschrieben")
    func kapitel() async throws {
        let projekt = try Fixtures.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt) }
        let werkbank = Self.werkbank(projekt)
        let kapitel = try #require(FileManager.default.contentsOfDirectory(atPath: projekt.appendingPathComponent("templates/kapitel").path).sorted().first)
        let relativ = "templates/kapitel/" + kapitel
        let datei = projekt.appendingPathComponent(relativ)
        let text = try String(contentsOf: datei, encoding: .utf8)
        let pfad = Werkbankpfade.bearbeiten(relativ)
        let version = try Self.version(Self.text(await Self.holen(werkbank, pfad)))
        let falsch = await Self.senden(werkbank, pfad, [("_token", "geheim"), ("_version", version), ("inhalt", text + "\r\nMit {{gibt.es.nicht}}.\r\n")])
        #expect(falsch.status == 422)
        #expect(Self.text(falsch).contains("gibt.es.nicht"))
        #expect(try String(contentsOf: datei, encoding: .utf8) == text)
        let gut = await Self.senden(werkbank, pfad, [("_token", "geheim"), ("_version", version), ("inhalt", text.replacingOccurrences(of: "\n", with: "\r\n") + "Ein neuer Satz.\r\n")])
        #expect(gut.status == 303)
        #expect(try String(contentsOf: datei, encoding: .utf8) == text + "Ein neuer Satz.\n")
    }

    static func git(_ projekt: URL, _ argumente: [String]) throws -> String {
        let prozess = Process()
        prozess.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        prozess.arguments = ["git", "-C", projekt.path] + argumente
        let rohr = Pipe()
        prozess.standardOutput = rohr
        prozess.standardError = rohr
        try prozess.run()
        let daten = rohr.fileHandleForReading.readDataToEndOfFile()
        prozess.waitUntilExit()
        return String(decoding: daten, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("mit --commit wird jedes Speichern ein Commit dieser einen Datei mit lesbarer Nachricht")
    func commit() async throws {
        let projekt = try Fixtures.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt) }
        _ = try Self.git(projekt, ["init", "-q"])
        _ = try Self.git(projekt, ["config", "user.name", "Werkbanktest"])
        _ = try Self.git(projekt, ["config", "user.email", "werkbank@example.invalid"])
        _ = try Self.git(projekt, ["add", "-A"])
        _ = try Self.git(projekt, ["commit", "-q", "-m", "Anfang"])
        try Data("{}".utf8).write(to: projekt.appendingPathComponent("data/unversioniert.json"))
        let werkbank = Werkbank(projekt: projekt, port: Self.port, token: "geheim", commits: true)
        let pfad = Werkbankpfade.bearbeiten(Self.sitzung)
        let version = try Self.version(Self.text(await Self.holen(werkbank, pfad)))
        let antwort = await Self.senden(werkbank, pfad, [("_token", "geheim"), ("_version", version), ("/ort", "Ratssaal"), ("/tagesordnung/1/titel", "Neu")])
        #expect(antwort.status == 303)
        #expect(try Self.git(projekt, ["log", "-1", "--format=%s"]) == "Werkbank: \(Self.sitzung) – Ort, Tagesordnungspunkt 2: Titel")
        #expect(try Self.git(projekt, ["show", "--name-only", "--format=", "HEAD"]) == Self.sitzung, "nur die gespeicherte Datei")
        #expect(try Self.git(projekt, ["status", "--porcelain", "--", "data"]) == "?? data/unversioniert.json")
    }
}
