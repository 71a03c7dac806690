import Foundation
import KimLoad
import KimModel
import KimPipeline
import KimRender
import KimVorgaben
import Testing

/// Issue 28, point 6: a project template that prints data raw (`{{{ }}}`, `{{& }}`) gets a warning at the
/// tag; kim's own HTML values printed raw where kim's built-in template prints them do not.
@Suite("Rohe Ausgabe in Projektvorlagen")
struct RohausgabeTests {
    @Test("{{{ }}} und {{& }} auf Daten in einer Textseite: je eine Warnung an Zeile und Spalte, mit dem Tag")
    func datenRoh() throws {
        var dateien = try Fixtures.referenzDateien()
        let pfad = "templates/texte/impressum.md"
        try dateien.ersetzen(in: pfad, "in {{kommune.name}} mit", durch: "in {{{ kommune.name }}} und {{&kommune.bezeichnung}} mit")
        // A copy of kim's own chapter page keeps {{{inhalt}}}, the chapter as kim rendered it: no warning.
        let kapitelseite = "templates/seiten/kapitel.html"
        dateien[kapitelseite] = try #require(Vorgaben.dateien[kapitelseite])
        #expect(Fixtures.text(dateien[kapitelseite]).contains("{{{inhalt}}}"))

        let befunde = try Build(Build.Optionen(projekt: Fixtures.referenzprojekt)).allesPruefen(files: .memory(dateien))
        let roh = befunde.filter { $0.message.contains("ungeschützt") }
        #expect(roh.count == 2, "\(roh.map(\.formatted))")
        let zeilen = Fixtures.text(dateien[pfad]).split(separator: "\n", omittingEmptySubsequences: false)
        let index = try #require(zeilen.firstIndex { $0.contains("{{{ kommune.name }}}") })
        let zeile = index + 1
        // Columns count characters, as an editor shows them ("ö" is one).
        func spalte(_ tag: String) throws -> Int {
            let text = zeilen[index]
            return text.distance(from: text.startIndex, to: try #require(text.range(of: tag)).lowerBound) + 1
        }
        let dreifach = try #require(roh.first { $0.message.hasPrefix("{{{ kommune.name }}}") }, "\(roh.map(\.formatted))")
        #expect(dreifach.severity == .warning && dreifach.file == pfad)
        #expect(dreifach.location == SourceLocation(line: zeile, column: try spalte("{{{")), "\(dreifach.formatted)")
        #expect(dreifach.hint?.contains("{{kommune.name}}") == true)
        let und = try #require(roh.first { $0.message.hasPrefix("{{&kommune.bezeichnung}}") }, "\(roh.map(\.formatted))")
        #expect(und.location == SourceLocation(line: zeile, column: try spalte("{{&")), "\(und.formatted)")
        #expect(!befunde.contains { $0.file == kapitelseite }, "\(befunde.map(\.formatted))")
        #expect(!befunde.hasErrors, "\(befunde.map(\.formatted))")
    }

    @Test("kims eigene Vorlage an anderer Stelle: der gleiche Name in einem neuen Abschnitt ist Daten und wird gewarnt")
    func andereStelle() {
        let eingebaut = ["templates/seiten/x.html": Array("<main>{{{inhalt}}}</main>".utf8)]
        let vorlagen = ["seiten/x": Vorlage(name: "seiten/x", datei: "templates/seiten/x.html",
                                           text: "<main>{{{inhalt}}}</main>\n{{#angebote}}{{{inhalt}}}{{/angebote}}")]
        let befunde = Rohausgabe.pruefen(vorlagen, eigen: { _ in true }, eingebaut: eingebaut)
        #expect(befunde.map(\.location) == [SourceLocation(line: 2, column: 14)], "\(befunde.map(\.formatted))")
        // kim's built-in templates themselves are not the project's: nothing to warn.
        #expect(Rohausgabe.pruefen(vorlagen, eigen: { _ in false }, eingebaut: eingebaut).isEmpty)
    }

    @Test("das Referenzprojekt und Kreis Lindenau drucken keine Daten roh")
    func referenzen() {
        for ordner in [Fixtures.referenzprojekt, Fixtures.referenzprojekt.appendingPathComponent("beispiele/kreis-lindenau")] {
            let eigene = ProjectFiles.disk(ordner)
            let (projekt, _) = ProjectLoader.load(eigene.ueberlagert(Vorgaben.dateien))
            #expect(projekt != nil, "\(ordner.path)")
            let vorlagen = projekt?.vorlagen ?? [:]
            #expect(vorlagen.values.contains { eigene.exists($0.datei) }, "\(ordner.path) hat eigene Vorlagen")
            #expect(Rohausgabe.pruefen(vorlagen, eigen: { eigene.exists($0) }, eingebaut: Vorgaben.dateien).isEmpty, "\(ordner.path)")
        }
    }
}
