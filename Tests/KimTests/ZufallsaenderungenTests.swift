import Foundation
import KimLoad
import KimModel
import KimPipeline
import KimTabellen
@testable import KimWerkbank
import Testing

/// Random sequences of the edits an author makes (add, change, delete a Sitzung or an Angebot, rename a
/// Gremium, edit a chapter, now and then a mistake), each followed by a build into the same output folder
/// as `kim build` does it again and again. After every edit the folder and the findings must be those of a
/// build from scratch of the same state in a fresh folder; after a mistake, both builds report the same
/// findings and the folder keeps the last good state. The edits accumulate on one copy of the project, so
/// each build starts from what the builds before it left behind.
///
/// The sequence comes from a seeded generator: a failure names the seed, the edits and the first file that
/// differs, and `KIM_ZUFALLSSAAT=<seed> swift test --filter ZufallsaenderungenTests` replays it.
/// `KIM_ZUFALLSSCHRITTE=<n>` sets the number of edits per project (default 200 on each, as issue 29 asks).
@Suite("Zufällige Änderungen: jeder Build wie von Grund auf")
struct ZufallsaenderungenTests {
    typealias Hilfe = UnveraenderteEingabenTests

    static let saat: UInt64 = ProcessInfo.processInfo.environment["KIM_ZUFALLSSAAT"].flatMap { UInt64($0) } ?? 29_2026
    /// Edits per project: at least 200 on the reference and on Kreis Lindenau (issue 29).
    static func schritte(_ projekt: String) -> Int {
        ProcessInfo.processInfo.environment["KIM_ZUFALLSSCHRITTE"].flatMap { Int($0) } ?? 200
    }

    @Test("zufällige Änderungen, nach jeder ein Build in denselben Ordner: Bytes und Befunde wie von Grund auf",
          arguments: Hilfe.projekte)
    func zufallsfolge(_ name: String) throws {
        let projekt = try Hilfe.kopie(name)
        defer { try? FileManager.default.removeItem(at: projekt.deletingLastPathComponent()) }
        // Each project its own sequence from the one seed.
        let saat = Self.saat &+ UInt64(Hilfe.projekte.firstIndex(of: name) ?? 0)
        var autor = Autor(projekt: projekt, zufall: Zufall(saat: saat))
        let beginn = ContinuousClock.now

        let erster = try Hilfe.bauen(projekt)
        #expect(erster.geschrieben, "\(erster.diagnostics.map(\.formatted))")
        var gueltig = try AbbruchTests.schnappschuss(Hilfe.site(projekt))
        var folge: [String] = []
        var bearbeitungen = 0, fehlerhafte = 0
        // After an edit that makes the project invalid, the next step takes it back, so the sequence goes on
        // from a good state; the build after that must bring the folder back from the failed build's record.
        var zuletzt: Autor.Ruecknahme?, zurueckzunehmen = false

        while bearbeitungen < Self.schritte(name) || zurueckzunehmen {
            let ruecknahme: Bool
            if zurueckzunehmen, let letzte = zuletzt {
                try autor.zuruecknehmen(letzte)
                folge.append("zurückgenommen: \(letzte.beschreibung)")
                ruecknahme = true
            } else {
                let neu = try autor.bearbeiten()
                folge.append(neu.beschreibung)
                zuletzt = neu
                bearbeitungen += 1
                ruecknahme = false
            }
            let fall = {
                "Saat \(saat) (\(name)), Schritt \(folge.count); Folge der Änderungen:\n"
                    + folge.enumerated().map { "  \($0.offset + 1). \($0.element)" }.joined(separator: "\n")
                    + "\nNachspielen: KIM_ZUFALLSSAAT=\(Self.saat) swift test --filter ZufallsaenderungenTests"
            }

            let inkrementell = try Hilfe.bauen(projekt)
            let ausgabe = try AbbruchTests.schnappschuss(Hilfe.site(projekt))
            // The build from scratch: the same stages with nothing kept from before, in memory (writing
            // a fresh folder adds the same bytes on disk, which the check below confirms now and then).
            let (frisch, befunde) = Build(Build.Optionen(projekt: projekt)).pruefen()
            let soll = frisch?.dateien
            if folge.count % 10 == 1 {
                let ordner = try Hilfe.vonGrundAufMitBefunden(projekt)
                if ordner.befunde != befunde || Self.ersterUnterschied(ordner.dateien, soll) != nil {
                    Issue.record("Ein Build von Grund auf in einen neuen Ordner ist nicht der im Speicher: \(Self.ersterUnterschied(ordner.dateien, soll) ?? Self.ersterUnterschied(ordner.befunde, befunde) ?? "")\n\(fall())")
                    return
                }
            }
            if let unterschied = Self.ersterUnterschied(inkrementell.diagnostics, befunde) {
                Issue.record("Die Befunde des Builds in denselben Ordner weichen von denen eines Builds von Grund auf ab: \(unterschied)\n\(fall())")
                return
            }
            if let neu = soll {
                #expect(inkrementell.geschrieben, "\(fall())")
                if let unterschied = Self.ersterUnterschied(ausgabe, neu) {
                    Issue.record("site/ nach dem Build in denselben Ordner ist nicht, was ein Build von Grund auf schreibt: \(unterschied)\n\(fall())")
                    return
                }
                gueltig = neu
                zurueckzunehmen = false
            } else {
                // Both failed: nothing written, the folder holds the last good build.
                #expect(!inkrementell.geschrieben && inkrementell.diagnostics.hasErrors, "\(fall())")
                if let unterschied = Self.ersterUnterschied(ausgabe, gueltig) {
                    Issue.record("Ein fehlgeschlagener Build hat site/ verändert: \(unterschied)\n\(fall())")
                    return
                }
                if ruecknahme {
                    Issue.record("Die Rücknahme einer Änderung baut nicht: \(befunde.filter { $0.severity == .error }.map(\.formatted))\n\(fall())")
                    return
                }
                fehlerhafte += 1
                zurueckzunehmen = true
            }
        }
        let dauer = ContinuousClock.now - beginn
        // The sequence must have exercised both sides; a generator that makes only good or only bad edits proves little.
        #expect(fehlerhafte >= bearbeitungen / 40 && fehlerhafte <= bearbeitungen / 3, "\(fehlerhafte) fehlerhafte von \(bearbeitungen) Änderungen, Saat \(saat)")
        print("Zufällige Änderungen \(name): \(bearbeitungen) Änderungen, \(fehlerhafte) davon fehlerhaft und zurückgenommen, \(folge.count) Builds in denselben Ordner, Saat \(saat), \(dauer)")
    }

    /// The first path whose bytes differ, with both sizes, or nil when the folders are equal.
    static func ersterUnterschied(_ ist: [String: [UInt8]]?, _ soll: [String: [UInt8]]?) -> String? {
        guard let ist, let soll else {
            return ist == nil && soll == nil ? nil : "ein Ordner fehlt (in denselben Ordner: \(ist == nil ? "keiner" : "\(ist?.count ?? 0) Dateien"), von Grund auf: \(soll == nil ? "keiner" : "\(soll?.count ?? 0) Dateien"))"
        }
        for pfad in Set(ist.keys).union(soll.keys).sorted() where ist[pfad] != soll[pfad] {
            switch (ist[pfad], soll[pfad]) {
            case (nil, _): return "erste abweichende Datei \(pfad): fehlt im Build in denselben Ordner"
            case (_, nil): return "erste abweichende Datei \(pfad): gibt es nur im Build in denselben Ordner"
            case (let a?, let b?):
                let stelle = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
                let zeile = a.prefix(stelle).filter { $0 == UInt8(ascii: "\n") }.count + 1
                return "erste abweichende Datei \(pfad) (Zeile \(zeile); in denselben Ordner \(a.count) Bytes, von Grund auf \(b.count) Bytes)\n"
                    + "  in denselben Ordner: \(Self.ausschnitt(a, stelle))\n  von Grund auf:       \(Self.ausschnitt(b, stelle))"
            }
        }
        return nil
    }

    static func ersterUnterschied(_ ist: [Diagnostic], _ soll: [Diagnostic]) -> String? {
        guard ist != soll else { return nil }
        for (a, b) in zip(ist, soll) where a != b { return "in denselben Ordner »\(a.formatted)«, von Grund auf »\(b.formatted)«" }
        return "in denselben Ordner \(ist.count) Befunde, von Grund auf \(soll.count): "
            + (ist.count > soll.count ? ist : soll).dropFirst(min(ist.count, soll.count)).map(\.formatted).joined(separator: "; ")
    }

    static func ausschnitt(_ bytes: [UInt8], _ stelle: Int) -> String {
        let von = max(0, stelle - 60), bis = min(bytes.count, stelle + 60)
        return String(decoding: bytes[von..<bis], as: UTF8.self).replacingOccurrences(of: "\n", with: "⏎")
    }
}

/// A reproducible source of random numbers (SplitMix64): the same seed gives the same sequence of edits.
struct Zufall: RandomNumberGenerator {
    private var zustand: UInt64

    init(saat: UInt64) { zustand = saat }

    mutating func next() -> UInt64 {
        zustand &+= 0x9E37_79B9_7F4A_7C15
        var z = zustand
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
