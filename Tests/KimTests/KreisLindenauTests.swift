import Foundation
import KimModel
import KimPipeline
import Testing

/// The second reference project, a Kreis, builds without a trace of Oberhausen; and `Sources/`
/// names no table, Gremium or indicator of Oberhausen.
@Suite("Kreis Lindenau und keine Oberhausen-Struktur im Code")
struct KreisLindenauTests {
    static let projekt = Fixtures.referenzprojekt.appendingPathComponent("beispiele/kreis-lindenau")

    @Test("beispiele/kreis-lindenau prüft ohne Fehler und baut ohne Oberhausen; das Strukturbild ist Abbildung 3")
    func bautOhneOberhausen() throws {
        let ausgabe = try Fixtures.temporaererOrdner().appendingPathComponent("site")
        let build = Build(Build.Optionen(projekt: Self.projekt, ausgabe: ausgabe))
        let befunde = build.allesPruefen()
        #expect(!befunde.hasErrors, "\(befunde.map(\.formatted))")
        let ergebnis = try build.ausfuehren()
        #expect(ergebnis.geschrieben)

        let site = try InitTests.inhalt(ausgabe)
        #expect(site.count > 50)
        for (pfad, bytes) in site {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains("Oberhausen"), "\(pfad) nennt Oberhausen")
            #expect(!text.contains("lenkungskreis"), "\(pfad) nennt das Gremium lenkungskreis")
            #expect(!text.contains("facharbeitskreis"), "\(pfad) nennt das Gremium facharbeitskreis")
            #expect(!text.contains("Abbildung 4"), "\(pfad) nennt eine Abbildung 4")
        }
        let steuerung = Fixtures.text(site["handlungskonzept/3-steuerung.html"].map(Array.init))
        #expect(steuerung.contains("Abbildung 3: KIM-Gesamtstruktur"))
    }

    static let verboten = ["Oberhausen", "lenkungskreis", "imKontextFlucht", "\"gesamt\"", "\"kinder\"", "\"senioren\""]

    /// Every line under Sources/ that names one of `verboten`, as "path:line: string", and the files read.
    static func fundstellen() throws -> (funde: [String], gelesen: Set<String>) {
        let wurzel = Fixtures.referenzprojekt.appendingPathComponent("Sources").path
        var funde: [String] = []
        var gelesen: Set<String> = []
        let aufzaehlung = try #require(FileManager.default.enumerator(atPath: wurzel))
        for case let pfad as String in aufzaehlung {
            var ordner: ObjCBool = false
            guard FileManager.default.fileExists(atPath: wurzel + "/" + pfad, isDirectory: &ordner), !ordner.boolValue else { continue }
            let daten = try #require(FileManager.default.contents(atPath: wurzel + "/" + pfad), "Sources/\(pfad) ist nicht lesbar")
            gelesen.insert("Sources/" + pfad)
            let text = String(decoding: daten, as: UTF8.self)
            for (nummer, zeile) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for wort in verboten where zeile.contains(wort) {
                    funde.append("Sources/\(pfad):\(nummer + 1): \(wort)")
                }
            }
        }
        return (funde.sorted(), gelesen)
    }

    @Test("Sources/ nennt weder Oberhausen noch seine Tabellen-, Gremien- oder Indikator-Kennungen")
    func keineOberhausenStrukturImCode() throws {
        let (funde, gelesen) = try Self.fundstellen()
        #expect(funde.isEmpty, "\(funde.joined(separator: "\n"))")
        // A scan that read nothing finds nothing: it must have read the code and the built-in templates.
        #expect(gelesen.count > 200, "nur \(gelesen.count) Dateien unter Sources/ gelesen")
        for datei in ["Sources/KimPipeline/Build.swift", "Sources/KimRender/Website.swift", "Sources/KimVorgaben/Vorgaben/templates/layout.html"] {
            #expect(gelesen.contains(datei), "\(datei) nicht durchsucht")
        }
    }
}
