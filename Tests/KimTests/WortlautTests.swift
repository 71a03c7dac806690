import Foundation
import KimLoad
import KimModel
import KimPipeline
import Testing

/// Wording from the Kommune, never from Oberhausen: the reference, the Kreis Lindenau and a fresh `kim init`
/// project each build with every internal link leading to a page, counts in the right number, the Kommune's
/// own word for its Sozialräume and its unit, and no name said twice.
@Suite("Wortlaut aus der Kommune: drei Projekte, Links und Wörter")
struct WortlautTests {
    /// The pages a project builds, from its files read into memory (so an earlier build's site/ plays no part).
    static func site(_ projekt: URL) throws -> [String: String] {
        var dateien: [String: [UInt8]] = [:]
        let files = ProjectFiles.disk(projekt)
        for ordner in Fixtures.projektordner {
            for pfad in files.list(ordner) { dateien[pfad] = try files.read(pfad) }
        }
        let (ausgabe, diagnostics) = Build(Build.Optionen(projekt: projekt)).pruefen(files: .memory(dateien))
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.formatted))")
        return try #require(ausgabe).dateien.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    static func neuesProjekt() throws -> URL {
        let ordner = try Fixtures.temporaererOrdner()
        _ = try Projektgeruest(projekt: ordner, art: .kreis, name: "Kreis Wesel", stand: InitTests.stand()).anlegen()
        return ordner
    }

    /// Every href and src of an HTML page that stays on the site and names no file of the output, as "page → target".
    /// The PDF and the search index are made after the build (`kim pdf`, `make search`) and are left out.
    static func toteLinks(_ site: [String: String]) -> [String] {
        var tot: [String] = []
        for (pfad, text) in site where pfad.hasSuffix(".html") {
            let ordner = pfad.split(separator: "/").dropLast().map(String.init)
            for treffer in text.matches(of: /(?:href|src)="([^"#?]*)[^"]*"/) {
                let ziel = String(treffer.1)
                if ziel.isEmpty || ziel.contains(":") || ziel.hasSuffix(".pdf") || ziel.contains("pagefind/") { continue }
                var teile = ordner
                for teil in ziel.split(separator: "/", omittingEmptySubsequences: false) {
                    if teil == ".." { _ = teile.popLast() } else if teil != "." { teile.append(String(teil)) }
                }
                var aufgeloest = teile.joined(separator: "/")
                if aufgeloest.hasSuffix("/") || aufgeloest.isEmpty { aufgeloest += "index.html" }
                if site[aufgeloest] == nil { tot.append("\(pfad) → \(ziel)") }
            }
        }
        return tot.sorted()
    }

    /// The visible text of a page, tags removed, whitespace collapsed.
    static func text(_ html: String) -> String {
        html.replacing(/<[^>]+>/, with: " ").replacing(/\s+/, with: " ")
    }

    /// `eigenerText`: pages whose words are the Kommune's own (its chapters), left out of the word checks.
    static func pruefen(_ site: [String: String], kommune: String, stadtOderGemeinde: String?, name: String,
                        eigenerText: (String) -> Bool = { _ in false }) throws {
        // Checked for once: the pattern itself must find what it is for.
        #expect(try Regex("Wesel[^.;:]{0,12} de[rs] [A-ZÄÖÜ][a-zäöüß]+ Wesel").firstMatch(in: "im Kreis Wesel des Kreises Wesel") != nil)
        #expect(site.count > 50)
        let tot = toteLinks(site)
        #expect(tot.isEmpty, "\(kommune): \(tot.count) tote Links, z. B. \(tot.prefix(5))")
        for (pfad, html) in site where pfad.hasSuffix(".html") && !eigenerText(pfad) {
            let text = text(html)
            for falsch in ["1 Angebote ", "1 Beschlüsse", "1 Trägern", " 1 Angeboten", "Bereich Fachdienst", "Bereich FD", "Bereich [Bitte", "Bereich Bereich"] {
                #expect(!text.contains(falsch), "\(kommune): \(pfad) sagt „\(falsch)“")
            }
            // A name said twice in one phrase: "im Kreis Wesel des Kreises Wesel".
            let doppelt = try? Regex("\(name)[^.;:]{0,12} de[rs] [A-ZÄÖÜ][a-zäöüß]+ \(name)")
            #expect(doppelt.flatMap { text.firstMatch(of: $0) } == nil, "\(kommune): \(pfad) nennt den Namen doppelt")
            if let stadtOderGemeinde {
                #expect(!text.contains("Sozialraum"), "\(kommune): \(pfad) sagt „Sozialraum“ statt „\(stadtOderGemeinde)“")
            }
        }
    }

    @Test("die Referenz: jeder Link führt zu einer Seite, Numerus stimmt, „Bereich 2-6“ nur einmal")
    func referenz() throws {
        let site = try Self.site(Fixtures.referenzprojekt)
        try Self.pruefen(site, kommune: "Oberhausen", stadtOderGemeinde: nil, name: "Oberhausen")
        #expect(site["index.html", default: ""].contains("Kommunales Integrationszentrum (Bereich 2-6)"))
        #expect(site["index.html", default: ""].contains("href=\"glossar.html\""))
    }

    @Test("Kreis Lindenau: „Stadt/Gemeinde“ statt „Sozialraum“, „Fachdienst 51.3“ ohne „Bereich“, keine toten Links")
    func kreisLindenau() throws {
        let site = try Self.site(KreisLindenauTests.projekt)
        // The chapters are the Kommune's own text, and the open-data page names the files' columns (sozialraum_nummer); the words kim makes are checked.
        try Self.pruefen(site, kommune: "Lindenau", stadtOderGemeinde: "Stadt/Gemeinde", name: "Lindenau") { pfad in
            pfad.hasPrefix("handlungskonzept/") || pfad.hasPrefix("fassung/") || pfad == "offene-daten.html"
        }
        let raum = site["anlage-1/sozialraum/2.html", default: ""]
        #expect(raum.contains("<h1>Hilfe in der Stadt/Gemeinde Brückenfeld</h1>"))
        #expect(raum.contains("Andere Städte und Gemeinden"))
        #expect(site["index.html", default: ""].contains("(Fachdienst 51.3)"))
    }

    @Test("ein neues Projekt von kim init: kein Link auf ein fehlendes Glossar, keine toten Links, kein „1 Angebote“")
    func neuesProjekt() throws {
        let site = try Self.site(Self.neuesProjekt())
        #expect(site["glossar.html"] == nil)
        try Self.pruefen(site, kommune: "Kreis Wesel", stadtOderGemeinde: nil, name: "Wesel")
        #expect(!site.values.contains { $0.contains("glossar.html") })
        #expect(site["anlage-1/index.html", default: ""].contains("1 Angebot von 1 Träger"))
    }
}
