import Foundation
@testable import KimRender
import KimModel
import Testing

@Suite("Auf dem Telefon: Zeitleiste, Legende, Strukturbild")
struct TelefonTests {
    static func site() throws -> [String: String] {
        let (ausgabe, diagnostics) = Fixtures.pruefen(try Fixtures.referenzDateien())
        #expect(!diagnostics.hasErrors, "\(diagnostics.prefix(5).map(\.formatted))")
        return try #require(ausgabe).mapValues { String(decoding: $0, as: UTF8.self) }
    }

    @Test("die Zeitleiste gibt es breit und schmal, die Legende zeigt jede Farbe der Balken")
    func zeitleiste() throws {
        let seite = try #require(try Self.site()["anlage-2/index.html"])
        #expect(seite.contains("class=\"zeitleiste zeitleiste--breit\""))
        #expect(seite.contains("class=\"zeitleiste zeitleiste--schmal\""))
        // The narrow drawing fits a phone: at most 360 units wide.
        let schmal = try #require(seite.firstMatch(of: #/zeitleiste--schmal" role="img" aria-labelledby="[^"]*" viewBox="0 0 (\d+) /#))
        #expect(try #require(Int(schmal.1)) <= 360)
        let farben = Set(seite.matches(of: #/zeitleiste__balken--([a-z]+)"/#).map { String($0.1) })
        let legende = Set(seite.matches(of: #/legende__farbe zeitleiste__farbe--([a-z]+)"/#).map { String($0.1) })
        #expect(!farben.isEmpty)
        #expect(farben.isSubset(of: legende), "ohne Legende: \(farben.subtracting(legende))")
    }

    @Test("die Zeitleiste sagt die Wahrheit: ganze Titel, geplant und tatsächlich, nichts durch Text, eindeutige Links")
    func zeitleisteEhrlich() throws {
        let seite = try #require(try Self.site()["anlage-2/index.html"])
        #expect(!seite.contains("…"), "ein Titel ist gekürzt")
        for art in ["breit", "schmal"] {
            let svg = try #require(seite.firstMatch(of: try Regex("<svg class=\"zeitleiste zeitleiste--\(art)\"[\\s\\S]*?</svg>")).map { String(seite[$0.range]) })
            // Every word of every title is in the drawing: the longest title whole, not cut.
            let woerter = svg.matches(of: #/<text class="zeitleiste__(?:titel|spaet)"[^>]*>([^<]*)</text>/#).map { String($0.1) }.joined(separator: " ")
            #expect(woerter.contains("Erste Fortschreibung des lokalen Handlungskonzepts (inkl. Anlagen 1 und 2) beschlossen"), "\(art)")
            // m14 was finished on 30.08.2022, planned for 31.12.2021: both visible, in words and as bar and outline.
            #expect(woerter.contains("erledigt am 30.08.2022, geplant bis 31.12.2021"), "\(art)")
            let plaene = svg.matches(of: #/<rect class="zeitleiste__plan" x="(\d+)" y="(\d+)" width="(\d+)"/#)
            let balken = svg.matches(of: #/<rect class="zeitleiste__balken[^"]*" x="(\d+)" y="(\d+)" width="(\d+)"/#)
            #expect(plaene.count == 18 && balken.count == 18)
            #expect(zip(plaene, balken).contains { plan, ist in (Int(ist.3) ?? 0) > (Int(plan.3) ?? 0) }, "kein Balken ragt über seinen Plan")
            // The as-of line runs only beside the bars: no segment crosses the baseline band of a title line.
            let zeilen = svg.matches(of: #/<text class="zeitleiste__(?:titel|spaet)" x="\d+" y="(\d+)"/#).compactMap { Int($0.1) }
            let linien = svg.matches(of: #/<line class="zeitleiste__stichtag" x1="\d+" y1="(\d+)" x2="\d+" y2="(\d+)"/#).compactMap { m in Int(m.1).flatMap { a in Int(m.2).map { (a, $0) } } }
            #expect(!linien.isEmpty)
            if art == "schmal" {
                for (von, bis) in linien {
                    #expect(!zeilen.contains { ($0 - 11)...($0 + 3) ~= von || ($0 - 11)...($0 + 3) ~= bis || (von < $0 - 11 && bis > $0 + 3) }, "Linie \(von)–\(bis) kreuzt Text")
                }
            }
        }
        // The table stacks on a phone, and a row's links each say where they lead.
        #expect(seite.contains("<table class=\"datentabelle datentabelle--stapel\">"))
        #expect(seite.contains("<td data-label=\"Zeitraum\">"))
        for zeile in seite.matches(of: #/<tr id="[^"]+">[\s\S]*?</tr>/#) {
            let texte = String(seite[zeile.range]).matches(of: #/<a href="[^"]+">([^<]+)</a>/#).map { String($0.1) }
            #expect(texte.count == Set(texte).count, "\(texte)")
            #expect(!texte.contains { $0.hasPrefix("Beschluss vom") })
        }
    }

    @Test("die Kästen des Strukturbilds führen zu den Gremien, von jeder Tiefe aus")
    func strukturbild() throws {
        let site = try Self.site()
        for (pfad, wurzel) in [("gremien.html", ""), ("handlungskonzept/3-projektaufbauorganisation.html", "../"),
                               ("fassung/2/3-projektaufbauorganisation.html", "../../")] {
            let seite = try #require(site[pfad], "\(pfad) fehlt")
            let ziele = seite.matches(of: #/<a class="strukturbild__verweis" href="([^"]+)"/#).map { String($0.1) }
            #expect(ziele.contains("\(wurzel)gremien/lenkungskreis.html"), "\(pfad): \(ziele)")
            for ziel in ziele {
                let datei = String(ziel.dropFirst(wurzel.count))
                #expect(site[datei] != nil, "\(pfad): \(ziel) führt ins Leere")
            }
        }
    }

    @Test("ein langer Name steht in zwei Zeilen, am Leerzeichen nahe der Mitte")
    func umbruch() {
        #expect(Abbildungen.zeilen("Facharbeitskreis Integration") == ["Facharbeitskreis", "Integration"])
        #expect(Abbildungen.zeilen("Lenkungskreis KIM") == ["Lenkungskreis KIM"])
        #expect(Abbildungen.zeilen("Projektgruppe Case Management Konzept") == ["Projektgruppe Case", "Management Konzept"])
        #expect(Abbildungen.zeilen("Bürgermeisterkonferenz") == ["Bürgermeisterkonferenz"], "ein Wort bleibt ganz")
    }

    @Test("ein Kasten ist so breit wie sein Name in Open Sans Bold, mit Rand: nie knapper, kaum weiter")
    func kastenPasst() {
        // Widths at 15 units as Chromium measured them with the site's own font (getComputedTextLength).
        let gemessen: [(String, Double)] = [("AG Ankommen", 107.8), ("AG Case-Management", 159.2), ("Steuerungsgruppe", 133.4),
                                            ("Bürgermeisterkonferenz", 187.6), ("Facharbeitskreis", 119.2), ("Integrationsrat", 105.0)]
        for (name, breite) in gemessen {
            let geschaetzt = Double(Abbildungen.textbreite(name))
            #expect(geschaetzt >= breite && geschaetzt <= breite * 1.15, "\(name): \(geschaetzt) für gemessene \(breite)")
            #expect(Double(Abbildungen.kastenbreite([name])) >= breite + 20, "\(name)")
        }
    }

    @Test("eine Ebene mit mehr Gremien, als nebeneinander passen, geht in die nächste Reihe: kein Kasten überlappt, keiner ragt hinaus")
    func vieleGremienJeEbene() throws {
        let gremien = try (1...7).map { nummer -> Gremium in
            let json = #"{"id": "ag-\#(nummer)", "name": "Arbeitsgruppe \#(nummer)", "kurzname": "AG Gesundheit und Pflege \#(nummer)", "art": "Arbeitsgruppe", "#
                + #""beschreibung": "", "aufgaben": [], "arbeitsweise": [], "mitglieder": [], "vertretungen": [], "strukturebene": 2}"#
            return try JSONDecoder().decode(Gremium.self, from: Data(json.utf8))
        }
        let bild = Abbildungen.strukturbild(gremien, nummer: 3, verweise: "")
        let breite = try #require(Int(bild["breite"] as? String ?? ""))
        let kaesten = try #require(bild["kaesten"] as? [Kontext]).map { kasten in
            (x: Int(kasten["x"] as? String ?? "") ?? -1, y: Int(kasten["y"] as? String ?? "") ?? -1, b: Int(kasten["breite"] as? String ?? "") ?? -1)
        }
        #expect(kaesten.count == 7)
        #expect(Set(kaesten.map(\.y)).count > 1, "mehrere Reihen")
        for (i, a) in kaesten.enumerated() {
            #expect(a.x >= 0 && a.x + a.b <= breite, "Kasten \(i) ragt hinaus")
            for b in kaesten[(i + 1)...] where a.y == b.y {
                #expect(a.x + a.b <= b.x || b.x + b.b <= a.x, "Kästen überlappen")
            }
        }
        #expect(bild["nummer"] as? String == "3")
    }

    @Test("Linien aus einer zweiten Reihe laufen durch die Lücken der Reihe davor, nie hinter einem Kasten")
    func linienDurchLuecken() throws {
        func gremium(_ id: String, _ kurzname: String, ebene: Int, nach: String?) throws -> Gremium {
            let vertretungen = nach.map { #"[{"gremium": "\#($0)", "anzahl": 1}]"# } ?? "[]"
            let json = #"{"id": "\#(id)", "name": "\#(kurzname)", "kurzname": "\#(kurzname)", "art": "Arbeitsgruppe", "beschreibung": "", "#
                + #""aufgaben": [], "arbeitsweise": [], "mitglieder": [], "vertretungen": \#(vertretungen), "strukturebene": \#(ebene)}"#
            return try JSONDecoder().decode(Gremium.self, from: Data(json.utf8))
        }
        // Two Gremien above (the second in a row of its own), seven below in three rows, each sending to one above.
        let gremien = try [gremium("lk", "Lenkungskreis", ebene: 1, nach: nil), gremium("rat", "Integrationsrat der Stadt", ebene: 1, nach: "lk"),
                           gremium("weiterer", "Beirat für Teilhabe und Vielfalt", ebene: 1, nach: "lk")]
            + (1...7).map { try gremium("ag-\($0)", "AG Gesundheit und Pflege \($0)", ebene: 2, nach: $0 % 2 == 0 ? "lk" : "weiterer") }
        let bild = Abbildungen.strukturbild(gremien, nummer: 3, verweise: "")
        let zahl = { (kontext: Kontext, schluessel: String) in Double(kontext[schluessel] as? String ?? "") ?? .nan }
        let kaesten = try #require(bild["kaesten"] as? [Kontext]).map { k in
            (x: zahl(k, "x"), y: zahl(k, "y"), b: zahl(k, "breite"), h: zahl(k, "hoehe"))
        }
        let linien = try #require(bild["linien"] as? [Kontext]).map { l in (zahl(l, "x1"), zahl(l, "y1"), zahl(l, "x2"), zahl(l, "y2")) }
        #expect(Set(kaesten.map(\.y)).count >= 4, "mehrere Reihen je Ebene")
        #expect(linien.count > 9, "die Linien aus späteren Reihen haben Knicke")
        for (x1, y1, x2, y2) in linien {
            for kasten in kaesten {
                // Sample the segment: no point may lie inside a box (its edges are where lines end).
                let innen = (0...200).contains { schritt in
                    let t = Double(schritt) / 200
                    let x = x1 + (x2 - x1) * t, y = y1 + (y2 - y1) * t
                    return x > kasten.x + 1 && x < kasten.x + kasten.b - 1 && y > kasten.y + 1 && y < kasten.y + kasten.h - 1
                }
                #expect(!innen, "Linie (\(x1), \(y1)) → (\(x2), \(y2)) läuft durch den Kasten bei (\(kasten.x), \(kasten.y))")
            }
        }
        // The note under the top row lies on a plate, so the lines leaving that row pass behind it, not through its letters.
        let flaeche = try #require(bild["hinweisflaeche"] as? Kontext)
        let hinweisY = Double(bild["hinweisY"] as? String ?? "") ?? .nan, hinweisX = Double(bild["hinweisX"] as? String ?? "") ?? .nan
        #expect(zahl(flaeche, "y") < hinweisY - 12 && zahl(flaeche, "y") + zahl(flaeche, "hoehe") > hinweisY + 2)
        #expect(abs(zahl(flaeche, "x") + zahl(flaeche, "breite") / 2 - hinweisX) <= 1 && zahl(flaeche, "breite") >= 140)
        // Every line still ends at the bottom of the Gremium it leads to.
        let ziele = Set(try #require(bild["kaesten"] as? [Kontext]).filter { ["lk", "weiterer"].contains($0["id"] as? String) }
            .map { "\(zahl($0, "x") + (zahl($0, "breite") / 2).rounded(.down)) \(zahl($0, "y") + zahl($0, "hoehe"))" })
        let enden = Set(linien.filter { $0.3 < $0.1 }.map { "\($0.2) \($0.3)" })
        #expect(ziele.count == 2 && ziele.isSubset(of: enden), "\(ziele) \(enden)")
    }
}
