import Foundation
import KimPipeline
@testable import KimWrite
import Testing

/// The everyday rebuild: an unchanged project leaves site/ as it is, a change rewrites only the
/// files whose bytes changed and hard-links the rest from the previous build.
@Suite("Inkrementelles Schreiben")
struct InkrementellesSchreibenTests {
    /// Inode and modification time (ns) of every file below `ordner`.
    static func kennungen(_ ordner: URL) throws -> [String: Dateikennung] {
        try #require(Dateistand.erfassen(ordner)).dateien
    }

    static func geaendert(_ vorher: [String: Dateikennung], _ nachher: [String: Dateikennung]) -> Set<String> {
        Set(nachher.keys.filter { vorher[$0] != nachher[$0] })
    }

    @Test("ein unveränderter Stand: nichts geschrieben, jede Datei behält Inode und mtime")
    func unveraendert() throws {
        let ordner = try Fixtures.temporaererOrdner()
        defer { try? FileManager.default.removeItem(at: ordner) }
        let ziel = ordner.appendingPathComponent("site")
        let schreiber = AtomicFolderWriter(ziel: ziel, bestandsliste: ordner.appendingPathComponent("build/liste"))
        let dateien = ["index.html": Array("start".utf8), "a/b/c.json": Array("{}".utf8), "a/d.html": Array("d".utf8)]
        let erster = try schreiber.schreiben(dateien)
        #expect(erster.ohneBestand == .init(unveraendert: false, geschrieben: 3, verknuepft: 0))
        // The list now describes the folder, and the unchanged rebuild names the same list.
        #expect(erster.bestand != nil && erster.bestand == schreiber.bestand())
        let vorher = try Self.kennungen(ziel)
        #expect(try schreiber.schreiben(dateien) == .init(unveraendert: true, bestand: erster.bestand))
        #expect(try Self.kennungen(ziel) == vorher)
    }

    @Test("eine geänderte Datei: nur sie neu, die anderen als harte Verknüpfung; entfernte Dateien sind weg")
    func eineAenderung() throws {
        let ordner = try Fixtures.temporaererOrdner()
        defer { try? FileManager.default.removeItem(at: ordner) }
        let ziel = ordner.appendingPathComponent("site")
        let schreiber = AtomicFolderWriter(ziel: ziel, bestandsliste: ordner.appendingPathComponent("build/liste"))
        try schreiber.schreiben(["index.html": Array("start".utf8), "a/c.json": Array("{}".utf8), "alt.html": Array("weg".utf8)])
        let vorher = try Self.kennungen(ziel)
        let bericht = try schreiber.schreiben(["index.html": Array("start".utf8), "a/c.json": Array("{\"x\":1}".utf8)])
        #expect(bericht.ohneBestand == .init(unveraendert: false, geschrieben: 1, verknuepft: 1))
        let nachher = try Self.kennungen(ziel)
        #expect(Set(nachher.keys) == ["index.html", "a/c.json"])
        #expect(nachher["index.html"] == vorher["index.html"])
        #expect(nachher["a/c.json"]?.inode != vorher["a/c.json"]?.inode)
        #expect(try String(contentsOf: ziel.appendingPathComponent("a/c.json"), encoding: .utf8) == "{\"x\":1}")
        // The previous tree is gone, so the link count is back to one.
        var zustand = stat()
        #expect(lstat(ziel.appendingPathComponent("index.html").path, &zustand) == 0 && zustand.st_nlink == 1)
    }

    @Test("von Hand geändert oder hinzugefügt: der nächste Build stellt den Stand wieder her")
    func vonHandGeaendert() throws {
        let ordner = try Fixtures.temporaererOrdner()
        defer { try? FileManager.default.removeItem(at: ordner) }
        let ziel = ordner.appendingPathComponent("site")
        let schreiber = AtomicFolderWriter(ziel: ziel, bestandsliste: ordner.appendingPathComponent("build/liste"))
        let dateien = ["index.html": Array("start".utf8), "b.html": Array("bbbb".utf8)]
        try schreiber.schreiben(dateien)
        // Same size, in place: only the mtime tells.
        try Data("xxxx".utf8).write(to: ziel.appendingPathComponent("b.html"))
        #expect(schreiber.bestand() == nil)
        #expect(try schreiber.schreiben(dateien).ohneBestand == .init(unveraendert: false, geschrieben: 1, verknuepft: 1))
        #expect(try String(contentsOf: ziel.appendingPathComponent("b.html"), encoding: .utf8) == "bbbb")
        FileManager.default.createFile(atPath: ziel.appendingPathComponent("fremd.html").path, contents: Data("f".utf8))
        #expect(schreiber.bestand() == nil)
        #expect(try schreiber.schreiben(dateien).ohneBestand == .init(unveraendert: false, geschrieben: 0, verknuepft: 2))
        #expect(try Set(Self.kennungen(ziel).keys) == ["index.html", "b.html"])
    }

    @Test("der Suchindex (nachgelagert) bleibt, solange die Seiten gleich bleiben, und geht mit ihnen, wenn sie sich ändern")
    func nachgelagert() throws {
        let ordner = try Fixtures.temporaererOrdner()
        defer { try? FileManager.default.removeItem(at: ordner) }
        let ziel = ordner.appendingPathComponent("site")
        let schreiber = AtomicFolderWriter(ziel: ziel, bestandsliste: ordner.appendingPathComponent("build/liste"), nachgelagert: ["pagefind"])
        let dateien = ["index.html": Array("start".utf8), "a/b.html": Array("b".utf8)]
        try schreiber.schreiben(dateien)
        let index = ziel.appendingPathComponent("pagefind/fragment/1.pf")
        try FileManager.default.createDirectory(at: index.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("index".utf8).write(to: index)
        #expect(schreiber.bestand() != nil)
        #expect(try schreiber.schreiben(dateien).unveraendert)
        #expect(FileManager.default.fileExists(atPath: index.path))
        // Anything else that is not kim's still counts.
        try Data("f".utf8).write(to: ziel.appendingPathComponent("a/fremd.html"))
        #expect(schreiber.bestand() == nil)
        #expect(try schreiber.schreiben(dateien).ohneBestand == .init(unveraendert: false, geschrieben: 0, verknuepft: 2))
        #expect(!FileManager.default.fileExists(atPath: index.path))
        #expect(try Set(Self.kennungen(ziel).keys) == ["index.html", "a/b.html"])
    }

    @Test("die Bestandsliste liest zurück, was sie schreibt (Leerzeichen und Umlaute im Pfad, Zeiten vor 1970), und nichts anderes")
    func listeGelesen() throws {
        let ordner = try Fixtures.temporaererOrdner()
        defer { try? FileManager.default.removeItem(at: ordner) }
        let datei = ordner.appendingPathComponent("liste")
        let liste = Bestandsliste(ziel: "/x/site", eintraege: [
            "a b/Übersicht.html": .init(pruefsumme: Pruefsumme(erste: 0xffff_ffff_ffff_ffff, zweite: 0), kennung: .init(inode: 42, groesse: 0, sekunden: -5, nanosekunden: 999_999_999)),
            "index.html": .init(pruefsumme: Pruefsumme(Array("x".utf8)), kennung: .init(inode: UInt64.max, groesse: Int64.max, sekunden: 1_700_000_000, nanosekunden: 0)),
        ])
        let summe = try liste.speichern(datei)
        let gelesen = try #require(Bestandsliste.laden(datei, ziel: "/x/site"))
        #expect(gelesen.eintraege == liste.eintraege)
        #expect(gelesen.summe == summe)
        #expect(Bestandsliste.laden(datei, ziel: "/x/sit") == nil)
        let text = try String(contentsOf: datei, encoding: .utf8)
        for kaputt in [text.replacingOccurrences(of: " 42 ", with: " 4x2 "), text.replacingOccurrences(of: " 42 ", with: " 42  "),
                       text.replacingOccurrences(of: "\(UInt64.max)", with: "18446744073709551616"), text + "ohne Tabulator\n"] {
            #expect(kaputt != text)
            try Data(kaputt.utf8).write(to: datei)
            #expect(Bestandsliste.laden(datei, ziel: "/x/site") == nil, "\(kaputt)")
        }
    }

    @Test("die Ordner, die Dateien brauchen: jeder Elternordner, einmal")
    func ordnerDerDateien() {
        #expect(Dateistand.benoetigteOrdner(["index.html", "a/b/c.json", "a/d.html", "oparl/x y/ä.json"]) == ["a", "a/b", "oparl", "oparl/x y"])
        #expect(Dateistand.benoetigteOrdner([String]()).isEmpty)
    }

    @Test("eine veraltete Bestandsliste (kim nach dem Tausch, vor dem Speichern der Liste beendet) führt nie zu falschen Dateien")
    func veralteteListe() throws {
        let ordner = try Fixtures.temporaererOrdner()
        defer { try? FileManager.default.removeItem(at: ordner) }
        let ziel = ordner.appendingPathComponent("site")
        let liste = ordner.appendingPathComponent("build/liste")
        let schreiber = AtomicFolderWriter(ziel: ziel, bestandsliste: liste)
        let erste = ["a.html": Array("eins".utf8), "b.html": Array("bleibt".utf8)]
        let zweite = ["a.html": Array("zwei".utf8), "b.html": Array("bleibt".utf8)]
        try schreiber.schreiben(erste)
        let alteListe = try Data(contentsOf: liste)
        try schreiber.schreiben(zweite)
        // As if the second build had been killed right after the swap: site/ is new, the list old.
        try alteListe.write(to: liste)
        // Back to the first content: the list claims a.html holds "eins", but its inode is another.
        let bericht = try schreiber.schreiben(erste)
        #expect(!bericht.unveraendert)
        #expect(try String(contentsOf: ziel.appendingPathComponent("a.html"), encoding: .utf8) == "eins")
        #expect(try String(contentsOf: ziel.appendingPathComponent("b.html"), encoding: .utf8) == "bleibt")
        #expect(bericht.verknuepft == 1, "b.html ist wirklich unverändert und darf verknüpft werden")
    }

    @Test("eine Bestandsliste für einen anderen Ordner oder eine kaputte wird nicht benutzt")
    func fremdeListe() throws {
        let ordner = try Fixtures.temporaererOrdner()
        defer { try? FileManager.default.removeItem(at: ordner) }
        let liste = ordner.appendingPathComponent("build/liste")
        let dateien = ["index.html": Array("start".utf8)]
        try AtomicFolderWriter(ziel: ordner.appendingPathComponent("site"), bestandsliste: liste).schreiben(dateien)
        let anderes = AtomicFolderWriter(ziel: ordner.appendingPathComponent("anders"), bestandsliste: liste)
        #expect(try anderes.schreiben(dateien).geschrieben == 1)
        try Data("kim-bestandsliste 1\tunsinn".utf8).write(to: liste)
        #expect(try anderes.schreiben(dateien).geschrieben == 1)
    }

    @Test("kim build: unverändert bleibt jede Datei unberührt; eine geänderte Sitzung schreibt nur die Dateien neu, deren Bytes sich ändern")
    func buildEineSitzung() throws {
        let projekt = try Fixtures.projektKopie(nach: Fixtures.temporaererOrdner().appendingPathComponent("projekt"))
        defer { try? FileManager.default.removeItem(at: projekt.deletingLastPathComponent()) }
        let site = projekt.appendingPathComponent("site")
        #expect(try Build(Build.Optionen(projekt: projekt)).ausfuehren().geschrieben)
        let erste = try Self.kennungen(site)
        let ersteBytes = try #require(try AbbruchTests.schnappschuss(site))
        #expect(try Build(Build.Optionen(projekt: projekt)).ausfuehren().geschrieben)
        #expect(try Self.kennungen(site) == erste, "ein unveränderter Build hat Dateien angefasst")

        let sitzung = projekt.appendingPathComponent("data/sitzungen/facharbeitskreis-2021-1.json")
        let text = try String(contentsOf: sitzung, encoding: .utf8)
        try text.replacingOccurrences(of: "\"ort\": \"Videokonferenz\"", with: "\"ort\": \"Rathaus, Raum 101\"").write(to: sitzung, atomically: true, encoding: .utf8)
        #expect(try Build(Build.Optionen(projekt: projekt)).ausfuehren().geschrieben)
        let zweite = try Self.kennungen(site)
        let zweiteBytes = try #require(try AbbruchTests.schnappschuss(site))
        let neuGeschrieben = Self.geaendert(erste, zweite)
        let inhaltGeaendert = Set(zweiteBytes.keys.filter { ersteBytes[$0] != zweiteBytes[$0] })
        #expect(neuGeschrieben == inhaltGeaendert)
        #expect(inhaltGeaendert.contains("sitzungen/facharbeitskreis-2021-1.html"))
        #expect(inhaltGeaendert.count < zweiteBytes.count / 4, "\(inhaltGeaendert.count) von \(zweiteBytes.count) Dateien neu")
    }
}

extension AtomicFolderWriter.Bericht {
    /// The counts alone: the list's hash differs from build to build (it holds inodes and times).
    var ohneBestand: Self {
        var bericht = self
        bericht.bestand = nil
        return bericht
    }
}
