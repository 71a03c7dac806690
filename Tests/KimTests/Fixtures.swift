import Foundation
import KimLoad
import KimModel
import KimPipeline
import KimVorgaben
import Testing

/// Paths and helpers shared by the tests.
enum Fixtures {
    /// The repository root, which is also the reference project (Oberhausen).
    static let referenzprojekt: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The reference project's files, read once into memory, so a test can change one file without touching the disk.
    static func referenzDateien() throws -> [String: [UInt8]] {
        try projektDateien(referenzprojekt)
    }

    /// A project's files (data, texts, own schemas and assets), read into memory.
    static func projektDateien(_ projekt: URL) throws -> [String: [UInt8]] {
        var dateien: [String: [UInt8]] = [:]
        let files = ProjectFiles.disk(projekt)
        for ordner in projektordner {
            for pfad in files.list(ordner) {
                dateien[pfad] = try files.read(pfad)
            }
        }
        return dateien
    }

    /// What a project may hold of its own; the reference keeps only data and its own texts,
    /// the rest comes from kim's built-in defaults (`Sources/KimVorgaben/Vorgaben/`).
    static let projektordner = ["data", "templates", "schemas", "assets"]

    /// A copy of the reference project's sources in `ziel` (a fresh temporary folder by default).
    static func projektKopie(nach ziel: URL? = nil) throws -> URL {
        let ziel = try ziel ?? temporaererOrdner()
        try FileManager.default.createDirectory(at: ziel, withIntermediateDirectories: true)
        for ordner in projektordner where FileManager.default.fileExists(atPath: referenzprojekt.appendingPathComponent(ordner).path) {
            try FileManager.default.copyItem(at: referenzprojekt.appendingPathComponent(ordner), to: ziel.appendingPathComponent(ordner))
        }
        return ziel
    }

    /// The project's own copy of a built-in file (written from the default when the project has
    /// none yet), as an author does who overrides a template.
    @discardableResult
    static func eigeneKopie(_ projekt: URL, _ pfad: String) throws -> URL {
        let datei = projekt.appendingPathComponent(pfad)
        if !FileManager.default.fileExists(atPath: datei.path) {
            let eingebaut = try #require(Vorgaben.dateien[pfad], "\(pfad) ist keine eingebaute Datei")
            try FileManager.default.createDirectory(at: datei.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(eingebaut).write(to: datei)
        }
        return datei
    }

    static func pruefen(_ dateien: [String: [UInt8]], stichtag: Datum? = nil) -> (ausgabe: [String: [UInt8]]?, diagnostics: [Diagnostic]) {
        let build = Build(Build.Optionen(projekt: referenzprojekt, stichtag: stichtag))
        let (ausgabe, diagnostics) = build.pruefen(files: .memory(dateien))
        return (ausgabe?.dateien, diagnostics)
    }

    static func text(_ bytes: [UInt8]?) -> String {
        bytes.map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    static func temporaererOrdner() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kim-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

extension Dictionary where Key == String, Value == [UInt8] {
    /// Replaces `alt` by `neu` in one file; fails the caller loudly when `alt` is not there.
    mutating func ersetzen(in pfad: String, _ alt: String, durch neu: String) throws {
        let text = String(decoding: self[pfad] ?? [], as: UTF8.self)
        guard text.contains(alt) else { throw FixtureError(description: "\(alt) steht nicht in \(pfad)") }
        self[pfad] = Array(text.replacingOccurrences(of: alt, with: neu).utf8)
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
}

extension Fixtures {
    /// The official test suites (`../shared/testsuites/` beside the repository, or `$KIM_TESTSUITES`).
    /// A missing folder fails the test that needs it: a suite that silently does not run proves nothing.
    static let testsuiten: URL = ProcessInfo.processInfo.environment["KIM_TESTSUITES"].map { URL(fileURLWithPath: $0) }
        ?? referenzprojekt.deletingLastPathComponent().appendingPathComponent("shared/testsuites")
}
