import Foundation
@testable import KimWrite
import Testing

/// The output of the build before the last, kept in build/ and brought up to date in place: a
/// rebuild touches only the files that changed in the last two builds, and whatever the kept
/// folder holds, the output folder ends with exactly the new files.
@Suite("Vorrat: der vorige Stand in build/")
struct VorratTests {
    struct Umgebung {
        let ordner: URL
        var ziel: URL { ordner.appendingPathComponent("site") }
        var vorrat: URL { ordner.appendingPathComponent("build/site.vorige") }
        var schreiber: AtomicFolderWriter {
            AtomicFolderWriter(ziel: ziel, bestandsliste: ordner.appendingPathComponent("build/site.bestandsliste"), vorrat: vorrat)
        }
    }

    static func umgebung() throws -> Umgebung { Umgebung(ordner: try Fixtures.temporaererOrdner()) }

    static func text(_ inhalt: String) -> [UInt8] { Array(inhalt.utf8) }

    /// The status-change time of every file: a link or an unlink changes it, leaving a file alone does not.
    static func ctimes(_ ordner: URL) throws -> [String: Int64] {
        var zeiten: [String: Int64] = [:]
        for pfad in try #require(Dateistand.erfassen(ordner)).dateien.keys {
            var zustand = stat()
            #expect(lstat(ordner.appendingPathComponent(pfad).path, &zustand) == 0)
            zeiten[pfad] = Int64(zustand.st_ctim.tv_sec) * 1_000_000_000 + Int64(zustand.st_ctim.tv_nsec)
        }
        return zeiten
    }

    static let erste: [String: [UInt8]] = ["index.html": text("start"), "a/b.html": text("b1"), "a/c.html": text("c"), "alt.html": text("weg")]
    static let zweite = erste.merging(["a/b.html": text("b2")]) { _, neu in neu }

    /// Two builds, the second with one file changed: afterwards the kept folder holds the first.
    static func zweiBuilds(_ umgebung: Umgebung) throws {
        try umgebung.schreiber.schreiben(erste)
        try umgebung.schreiber.schreiben(zweite)
    }

    @Test("nach dem Tausch liegt der vorige Stand in build/; der nächste Build lässt unveränderte Dateien unberührt")
    func nurWasSichAendert() throws {
        let umgebung = try Self.umgebung()
        defer { try? FileManager.default.removeItem(at: umgebung.ordner) }
        let schreiber = umgebung.schreiber
        try Self.zweiBuilds(umgebung)
        let zweite = Self.zweite
        #expect(try AbbruchTests.schnappschuss(umgebung.vorrat) == Self.erste, "der vorige Stand")
        var dritte = zweite
        dritte["alt.html"] = nil
        dritte["neu/d.html"] = Self.text("d")
        // Any build after it needs the folder's times to move on (file systems with coarse time stamps).
        Thread.sleep(forTimeInterval: 0.02)
        let vorher = try Self.ctimes(umgebung.ziel)
        let bericht = try schreiber.schreiben(dritte)
        #expect(bericht.ohneBestand == .init(unveraendert: false, geschrieben: 1, verknuepft: 3))
        #expect(try AbbruchTests.schnappschuss(umgebung.ziel) == dritte)
        #expect(try AbbruchTests.schnappschuss(umgebung.vorrat) == zweite)
        let nachher = try Self.ctimes(umgebung.ziel)
        // Unchanged in the last two builds: neither linked nor unlinked. b.html changed in the last build
        // and was linked into the kept folder; d.html is new.
        #expect(nachher["index.html"] == vorher["index.html"] && nachher["a/c.html"] == vorher["a/c.html"])
        #expect(nachher["a/b.html"] != vorher["a/b.html"])
    }

    @Test("was im Vorrat von Hand geändert, ersetzt oder hinzugefügt wurde, gelangt nie in die Ausgabe",
          arguments: ["ersetzt", "fremd", "verknüpfung", "ordner statt datei"])
    func vorratVonHand(_ art: String) throws {
        let umgebung = try Self.umgebung()
        defer { try? FileManager.default.removeItem(at: umgebung.ordner) }
        let schreiber = umgebung.schreiber
        try Self.zweiBuilds(umgebung)
        let zweite = Self.zweite
        let vorrat = umgebung.vorrat
        switch art {
        case "ersetzt":
            // A new inode with other bytes where the list knows the file (index.html is the same inode in both folders).
            try FileManager.default.removeItem(at: vorrat.appendingPathComponent("index.html"))
            try Data("von Hand".utf8).write(to: vorrat.appendingPathComponent("index.html"))
        case "fremd":
            try Data("fremd".utf8).write(to: vorrat.appendingPathComponent("fremd.html"))
        case "verknüpfung":
            try FileManager.default.createSymbolicLink(atPath: vorrat.appendingPathComponent("link.html").path, withDestinationPath: "/etc/passwd")
        default:
            try FileManager.default.removeItem(at: vorrat.appendingPathComponent("a/c.html"))
            try FileManager.default.createDirectory(at: vorrat.appendingPathComponent("a/c.html/x"), withIntermediateDirectories: true)
        }
        var dritte = zweite
        dritte["a/b.html"] = Self.text("b3")
        try schreiber.schreiben(dritte)
        #expect(try AbbruchTests.schnappschuss(umgebung.ziel) == dritte)
        #expect(try #require(Dateistand.erfassen(umgebung.ziel)).sonstige == 0)
    }

    @Test("eine Datei wird zum Ordner und zurück")
    func dateiUndOrdner() throws {
        let umgebung = try Self.umgebung()
        defer { try? FileManager.default.removeItem(at: umgebung.ordner) }
        let schreiber = umgebung.schreiber
        let staende: [[String: [UInt8]]] = [["x": Self.text("datei"), "y.html": Self.text("y")],
                                            ["x/innen.html": Self.text("innen"), "y.html": Self.text("y")],
                                            ["x": Self.text("wieder"), "y.html": Self.text("y")],
                                            ["x/innen.html": Self.text("innen"), "y.html": Self.text("y2")]]
        for stand in staende {
            try schreiber.schreiben(stand)
            #expect(try AbbruchTests.schnappschuss(umgebung.ziel) == stand)
        }
    }

    @Test("ohne Bestandsliste oder auf einem anderen Dateisystem: kein Vorrat, der vorige Stand wird gelöscht")
    func ohneVorrat() throws {
        let umgebung = try Self.umgebung()
        defer { try? FileManager.default.removeItem(at: umgebung.ordner) }
        let schreiber = AtomicFolderWriter(ziel: umgebung.ziel, vorrat: umgebung.vorrat)
        try schreiber.schreiben(Self.erste)
        try schreiber.schreiben(["index.html": Self.text("neu")])
        #expect(try AbbruchTests.schnappschuss(umgebung.ziel) == ["index.html": Self.text("neu")])
        #expect(!FileManager.default.fileExists(atPath: umgebung.vorrat.path))
        // /dev/shm is a RAM disk: a kept folder there cannot be renamed onto a folder on the disk.
        let anderes = URL(fileURLWithPath: "/dev/shm/kim-vorrat-\(getpid())")
        if Vorrat.gleichesGeraet(URL(fileURLWithPath: "/dev/shm"), umgebung.ordner) == false {
            defer { try? FileManager.default.removeItem(at: anderes) }
            let getrennt = AtomicFolderWriter(ziel: umgebung.ziel, bestandsliste: umgebung.ordner.appendingPathComponent("build/liste"),
                                              vorrat: anderes.appendingPathComponent("site.vorige"))
            try getrennt.schreiben(Self.erste)
            try getrennt.schreiben(["index.html": Self.text("anders")])
            #expect(try AbbruchTests.schnappschuss(umgebung.ziel) == ["index.html": Self.text("anders")])
            #expect(!FileManager.default.fileExists(atPath: anderes.appendingPathComponent("site.vorige").path))
        }
    }
}
