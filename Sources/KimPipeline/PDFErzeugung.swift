import Foundation
import KimDerive
import KimLoad
import KimModel
import KimRender

/// Turns the print document into a tagged PDF/UA file with WeasyPrint, and keeps the
/// result in `build/cache/` keyed by its input, so an unchanged Handlungskonzept is
/// not rendered again.
public struct PDFErzeugung {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static let installationshinweis = """
        WeasyPrint fehlt; kim braucht es für das PDF des Handlungskonzepts. \
        Installieren mit: sudo apt-get install weasyprint (Debian/Ubuntu) oder pip install weasyprint. \
        Ohne PDF bauen: kim build --no-pdf
        """

    let projekt: URL

    public init(projekt: URL) {
        self.projekt = projekt
    }

    public static func dateiname(fassung: Int) -> String { "downloads/handlungskonzept-fassung-\(fassung).pdf" }

    static func weasyprint() -> URL? {
        let pfade = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        return pfade.map { URL(fileURLWithPath: String($0)).appendingPathComponent("weasyprint") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// The PDF bytes for a print document; from the cache when the document and the assets are unchanged.
    /// `assets` are the project's assets over the built-in ones (`assets/druck.css` …): WeasyPrint reads
    /// them from `build/cache/assets/`, the document's links resolve against `basis` below `build/cache/`.
    public func pdf(_ html: String, name: String, assets: [String: [UInt8]], basis: String = "") throws -> [UInt8] {
        var schluessel = Fingerabdruck()
        schluessel.hinzufuegen(Array(html.utf8))
        for pfad in assets.keys.sorted() {
            schluessel.hinzufuegen(Array(pfad.utf8))
            schluessel.hinzufuegen(assets[pfad] ?? [])
        }
        let cache = projekt.appendingPathComponent("build/cache")
        let ziel = cache.appendingPathComponent("\(name)-\(schluessel.hex).pdf")
        if let vorhanden = try? Data(contentsOf: ziel) { return Array(vorhanden) }

        guard let weasyprint = Self.weasyprint(), let python = WeasyPrintTreiber.python(fuer: weasyprint) else {
            throw Failure(description: Self.installationshinweis)
        }
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        try Self.ablegen(assets, in: cache)
        Self.aufraeumen(cache)
        // The process id tells a later run whether the files are left over from a killed one; the
        // UUID keeps two documents of one process (parallel tests, a preview) apart.
        let kennung = "tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"
        let eingabe = cache.appendingPathComponent("\(name).html.\(kennung)")
        let zwischen = cache.appendingPathComponent("\(name).pdf.\(kennung)")
        defer {
            try? FileManager.default.removeItem(at: eingabe)
            try? FileManager.default.removeItem(at: zwischen)
        }
        try Data(html.utf8).write(to: eingabe)
        let prozess = Process()
        // -I: Python ignores PYTHON* variables, the user's site-packages and the working folder, so
        // only kim's driver and the installed WeasyPrint run.
        let argumente = ["-I", "-c", WeasyPrintTreiber.programm, eingabe.path, zwischen.path, cache.appendingPathComponent(basis).path + "/",
                         cache.path, String(Druckverweise.datenGrenze)] + assets.keys.sorted()
        if let setpriv = Self.setpriv {
            // WeasyPrint dies with kim, even when kim is killed with SIGKILL and cannot stop it: the kernel sends
            // it SIGKILL when its parent ends (PR_SET_PDEATHSIG, set by util-linux's setpriv before the exec).
            prozess.executableURL = setpriv
            prozess.arguments = ["--pdeathsig", "KILL", "--", python.path] + argumente
        } else {
            prozess.executableURL = python
            prozess.arguments = argumente
        }
        let fehler = Pipe()
        prozess.standardError = fehler
        prozess.standardOutput = FileHandle.nullDevice
        // WeasyPrint takes the PDF's dates from the document's dcterms metadata; the font subsetter
        // (fontTools) stamps each embedded subset with the time of the run unless SOURCE_DATE_EPOCH
        // is set. Set to the document's own date, the same input gives the same bytes.
        var umgebung = ProcessInfo.processInfo.environment
        umgebung["SOURCE_DATE_EPOCH"] = String(Self.quelldatum(html))
        prozess.environment = umgebung
        try prozess.run()
        let meldung = fehler.fileHandleForReading.readDataToEndOfFile()
        prozess.waitUntilExit()
        if prozess.terminationStatus == WeasyPrintTreiber.verweigertCode {
            let urls = String(decoding: meldung, as: UTF8.self).split(separator: "\n")
                .compactMap { $0.hasPrefix("verweigert\t") ? String($0.dropFirst("verweigert\t".count)) : nil }
            throw Failure(description: "das Druckdokument verweist auf Dateien außerhalb von assets/ oder auf andere Rechner; "
                + "WeasyPrint darf sie nicht lesen: " + urls.map { "»\($0)«" }.joined(separator: ", "))
        }
        guard prozess.terminationStatus == 0, let ergebnis = try? Data(contentsOf: zwischen) else {
            throw Failure(description: "WeasyPrint ist fehlgeschlagen: \(String(decoding: meldung, as: UTF8.self).prefix(2000))")
        }
        // Into the cache under its key; a failure here only costs the next run a WeasyPrint call.
        try? Data(ergebnis).write(to: ziel, options: .atomic)
        return Array(ergebnis)
    }

    /// util-linux's `setpriv` (Debian: always installed, package util-linux).
    static let setpriv: URL? = ["/usr/bin/setpriv", "/bin/setpriv"].map(URL.init(fileURLWithPath:))
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }

    /// Removes the temporary files of runs that were killed (their process no longer exists).
    public static func aufraeumen(_ cache: URL) {
        guard let eintraege = try? FileManager.default.contentsOfDirectory(atPath: cache.path) else { return }
        for eintrag in eintraege {
            guard let bereich = eintrag.range(of: ".tmp-", options: .backwards),
                  let pid = eintrag[bereich.upperBound...].split(separator: "-").first.flatMap({ Int32($0) }) else { continue }
            if kill(pid, 0) != 0, errno == ESRCH {
                try? FileManager.default.removeItem(at: cache.appendingPathComponent(eintrag))
            }
        }
    }
}

extension PDFErzeugung {
    /// Writes the assets below `ordner`, leaving files that already hold the same bytes.
    static func ablegen(_ assets: [String: [UInt8]], in ordner: URL) throws {
        for (pfad, bytes) in assets {
            let datei = ordner.appendingPathComponent(pfad)
            if let vorhanden = try? Data(contentsOf: datei), Array(vorhanden) == bytes { continue }
            try FileManager.default.createDirectory(at: datei.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: datei, options: .atomic)
        }
    }

    /// SOURCE_DATE_EPOCH for a document: its `dcterms.modified` date; 1980-01-01 (the ZIP epoch) when it has none.
    static func quelldatum(_ html: String) -> Int {
        let treffer = html.firstMatch(of: /<meta name="dcterms.modified" content="(\d{4}-\d{2}-\d{2})"/)
        guard let datum = treffer.flatMap({ Datum(iso: String($0.1)) }) else { return 315_532_800 }
        return sekundenSeit1970(datum)
    }

    /// Seconds from 1970-01-01 to the start of the day (UTC), for SOURCE_DATE_EPOCH.
    static func sekundenSeit1970(_ datum: Datum) -> Int {
        // Days from civil date (Howard Hinnant's algorithm), exact for the Gregorian calendar.
        let jahr = datum.monat <= 2 ? datum.jahr - 1 : datum.jahr
        let aera = (jahr >= 0 ? jahr : jahr - 399) / 400
        let jahrDerAera = jahr - aera * 400
        let monat = datum.monat > 2 ? datum.monat - 3 : datum.monat + 9
        let tagDesJahres = (153 * monat + 2) / 5 + datum.tag - 1
        let tagDerAera = jahrDerAera * 365 + jahrDerAera / 4 - jahrDerAera / 100 + tagDesJahres
        return (aera * 146_097 + tagDerAera - 719_468) * 86_400
    }
}

/// The cache key of a PDF: FNV-1a over its inputs, each followed by its length.
struct Fingerabdruck {
    private var fnv = FNV1a()

    mutating func hinzufuegen(_ bytes: [UInt8]) {
        fnv.hinzufuegen(bytes)
        fnv.mischen(UInt64(bytes.count))
    }

    var hex: String { fnv.hex }
}
