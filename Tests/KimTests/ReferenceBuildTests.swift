import Foundation
import KimLoad
import KimPipeline
import Testing

@Suite("Die Website des Referenzprojekts", .serialized)
struct ReferenceBuildTests {
    static func baue() throws -> (ordner: URL, dateien: [String: [UInt8]]) {
        let ziel = try Fixtures.temporaererOrdner().appendingPathComponent("site")
        let ergebnis = try Build(Build.Optionen(projekt: Fixtures.referenzprojekt, ausgabe: ziel)).ausfuehren()
        #expect(ergebnis.geschrieben, "\(ergebnis.diagnostics.map(\.formatted))")
        // The seed names no contact details for the Angebote: that one warning is expected.
        #expect(ergebnis.diagnostics.map(\.severity) == [.warning], "\(ergebnis.diagnostics.map(\.formatted))")
        var dateien: [String: [UInt8]] = [:]
        let files = ProjectFiles.disk(ziel.deletingLastPathComponent())
        for pfad in files.list("site") {
            dateien[String(pfad.dropFirst("site/".count))] = try files.read(pfad)
        }
        return (ziel, dateien)
    }

    @Test("der Build gleicht dem eingecheckten site/ Byte für Byte")
    func gleichDemEingechecktenStand() throws {
        let (_, neu) = try Self.baue()
        var eingecheckt: [String: [UInt8]] = [:]
        let files = ProjectFiles.disk(Fixtures.referenzprojekt)
        // PDFs stay out of git (WeasyPrint output is checked in PDFTests), and so does the search
        // index Pagefind adds after kim build (make search).
        for pfad in files.list("site") where !pfad.hasSuffix(".pdf") && !pfad.hasPrefix("site/pagefind/") {
            eingecheckt[String(pfad.dropFirst("site/".count))] = try files.read(pfad)
        }
        #expect(Set(neu.keys) == Set(eingecheckt.keys), "site/ ist veraltet: make site ausführen und einchecken")
        for (pfad, inhalt) in neu {
            let gleich = eingecheckt[pfad].map { $0 == inhalt } ?? false
            #expect(gleich, "\(pfad) weicht ab: make site ausführen und einchecken")
        }
    }

    @Test func zweiBuildsSindIdentisch() throws {
        let (_, erster) = try Self.baue()
        let (_, zweiter) = try Self.baue()
        let gleich = erster == zweiter
        #expect(gleich)
    }

    @Test("jede Seite: lang=de, ein h1, CSP, nichts von fremden Hosts")
    func jedeSeite() throws {
        let (_, dateien) = try Self.baue()
        let seiten = dateien.filter { $0.key.hasSuffix(".html") }
        #expect(seiten.count >= 12)
        for (pfad, bytes) in seiten {
            let html = String(decoding: bytes, as: UTF8.self)
            // German, but for the summaries in other languages (sprachen/CODE.html), which say which.
            if pfad.hasPrefix("sprachen/") {
                let code = String(pfad.dropFirst("sprachen/".count).dropLast(".html".count).split(separator: "-").first ?? "")
                #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"\(code)\""), "\(pfad)")
            } else {
                #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"de\">"), "\(pfad)")
            }
            #expect(html.components(separatedBy: "<h1").count == 2, "\(pfad): genau ein h1")
            #expect(html.contains("Content-Security-Policy"), "\(pfad)")
            #expect(html.contains("<a class=\"skip-link\" href=\"#inhalt\""), "\(pfad)")
            #expect(html.contains("<main id=\"inhalt\""), "\(pfad)")
            for treffer in html.matches(of: /(?:src|href)="([^"]*)"/) {
                let ziel = String(treffer.1)
                if ziel.hasPrefix("https://") || ziel.hasPrefix("http://") || ziel.hasPrefix("//") {
                    // Links to other hosts are fine for navigation, never as a resource.
                    #expect(!html.contains("src=\"\(ziel)\""), "\(pfad) lädt \(ziel)")
                    #expect(!html.contains("<link rel=\"stylesheet\" href=\"\(ziel)\""), "\(pfad) lädt \(ziel)")
                }
            }
        }
        for (pfad, bytes) in dateien where pfad.hasSuffix(".css") {
            let css = String(decoding: bytes, as: UTF8.self)
            #expect(!css.contains("@import"), "\(pfad)")
            for treffer in css.matches(of: /url\(\s*['"]?([^'")]*)/) {
                #expect(!treffer.1.contains("//"), "\(pfad) lädt \(treffer.1)")
            }
        }
    }

    @Test("keine kaputten internen Links oder Anker")
    func linksUndAnker() throws {
        let (_, dateien) = try Self.baue()
        var ids: [String: Set<String>] = [:]
        for (pfad, bytes) in dateien where pfad.hasSuffix(".html") {
            let html = String(decoding: bytes, as: UTF8.self)
            ids[pfad] = Set(html.matches(of: /\sid="([^"]+)"/).map { String($0.1) })
        }
        var geprueft = 0
        for (pfad, bytes) in dateien where pfad.hasSuffix(".html") {
            let html = String(decoding: bytes, as: UTF8.self)
            let ordner = (pfad as NSString).deletingLastPathComponent
            for treffer in html.matches(of: /(?:href|src)="([^"]*)"/) {
                let ziel = String(treffer.1)
                if ziel.contains("://") || ziel.hasPrefix("mailto:") || ziel.hasPrefix("tel:") { continue }
                // The PDF is made by WeasyPrint in `kim build`, not in this in-memory build; PDFTests covers it.
                if ziel.hasSuffix(".pdf") { continue }
                let teile = ziel.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let datei = String(teile[0])
                let anker = teile.count > 1 ? String(teile[1]) : nil
                let aufgeloest = datei.isEmpty ? pfad : Self.aufloesen(datei, in: ordner)
                #expect(dateien[aufgeloest] != nil, "\(pfad): Link auf fehlende Datei \(ziel)")
                if let anker {
                    #expect(ids[aufgeloest]?.contains(anker) == true, "\(pfad): Anker #\(anker) fehlt in \(aufgeloest)")
                }
                geprueft += 1
            }
        }
        #expect(geprueft > 100)
    }

    /// "../zahlen.html" from "handlungskonzept" → "zahlen.html"
    static func aufloesen(_ relativ: String, in ordner: String) -> String {
        var teile = ordner.split(separator: "/").map(String.init)
        for teil in relativ.split(separator: "/") {
            if teil == ".." { _ = teile.popLast() } else if teil != "." { teile.append(String(teil)) }
        }
        return teile.joined(separator: "/")
    }

    @Test("jede Zahl aus Abb. 1–3 und die 5.344 stehen auf der Website")
    func zahlenAufDerWebsite() throws {
        let (_, dateien) = try Self.baue()
        let zahlen = Fixtures.text(dateien["zahlen.html"])
        for (_, zeilen) in DemografieTests.abbildungen {
            for (_, insgesamt, mit, anteil) in zeilen {
                #expect(zahlen.contains(">\(insgesamt)<"))
                #expect(zahlen.contains(">\(mit)<"))
                #expect(zahlen.contains(">\(anteil)&nbsp;%<"))
            }
        }
        #expect(zahlen.contains("5.344 Personen"))
        let kapitel = Fixtures.text(dateien["handlungskonzept/2-ausgangslage.html"])
        for satz in [
            "In Oberhausen lebten zum Stichtag 31.12.2019 insgesamt 212.199 Personen.",
            "In Osterfeld leben zahlenmäßig die meisten Menschen mit Einwanderungsgeschichte.",
            "Anteilig sind sie allerdings im Sozialraum Oberhausen Mitte / Styrum mit 44,1 Prozent am stärksten vertreten (siehe Abb. 1).",
            "Der geringste Anteil lebt in Sterkrade-Nord (17,9 Prozent).",
            "Allerdings leben hier nicht nur anteilig (70,8 Prozent), sondern auch zahlenmäßig die meisten Kinder mit Einwanderungsgeschichte.",
            "dass sowohl zahlenmäßig als auch anteilig die meisten Senior*innen mit Einwanderungsgeschichte im Sozialraum Osterfeld leben.",
            "umfasste zum Stichtag 31.12.2020 in Oberhausen 5.344 Personen.",
        ] {
            #expect(kapitel.contains(satz), "fehlt: \(satz)")
        }
    }
}
