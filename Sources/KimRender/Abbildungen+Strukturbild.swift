import KimDerive
import KimModel

extension Abbildungen {
    /// The Gremien of the KIM structure by level (`strukturebene`), any number per level: each box
    /// is as wide as its name needs (two lines at most), a level as wide as its boxes, the
    /// drawing as wide as its widest level. Lines run from a Gremium to those it sends members to.
    static func strukturbild(_ gremien: [Gremium], nummer: Int) -> Kontext {
        let kastenhoehe = 56, abstand = 24, rand = 20, ebenenabstand = 150
        let ebenen = Dictionary(grouping: gremien.filter { $0.strukturebene != nil }) { $0.strukturebene ?? 0 }
        let stufen = ebenen.keys.sorted()
        let kastenbreiten = Dictionary(uniqueKeysWithValues: gremien.map { ($0.id, kastenbreite(zeilen($0.kurzname))) })
        let ebenenbreiten = stufen.map { stufe in
            (ebenen[stufe] ?? []).reduce(-abstand) { $0 + (kastenbreiten[$1.id] ?? 0) + abstand }
        }
        let breite = max(640, (ebenenbreiten.max() ?? 0) + 2 * rand)
        var kaesten: [Kontext] = []
        var mitten: [String: (x: Int, y: Int, breite: Int)] = [:]
        for (index, stufe) in stufen.enumerated() {
            let y = rand + index * ebenenabstand
            var x = (breite - ebenenbreiten[index]) / 2
            for gremium in ebenen[stufe] ?? [] {
                let kasten = kastenbreiten[gremium.id] ?? 0
                let mitteX = x + kasten / 2
                mitten[gremium.id] = (mitteX, y, kasten)
                let namenszeilen = zeilen(gremium.kurzname)
                let ersteZeileY = y + kastenhoehe / 2 + 6 - (namenszeilen.count - 1) * 9
                kaesten.append(["id": gremium.id, "name": gremium.kurzname, "x": String(x), "y": String(y),
                                "breite": String(kasten), "hoehe": String(kastenhoehe), "textX": String(mitteX),
                                "zeilen": namenszeilen.enumerated().map { ["text": $1, "y": String(ersteZeileY + $0 * 18)] as Kontext }])
                x += kasten + abstand
            }
        }
        var linien: [Kontext] = []
        var beschreibungen: [String] = []
        for gremium in gremien {
            guard let von = mitten[gremium.id] else { continue }
            for vertretung in gremium.vertretungen {
                guard let nach = mitten[vertretung.gremium], let ziel = gremien.first(where: { $0.id == vertretung.gremium }) else { continue }
                if von.y == nach.y {
                    // Side by side on one level: from edge to edge at half height.
                    let (links, rechts) = von.x < nach.x ? (von, nach) : (nach, von)
                    linien.append(["x1": String(links.x + links.breite / 2), "y1": String(von.y + kastenhoehe / 2),
                                   "x2": String(rechts.x - rechts.breite / 2), "y2": String(von.y + kastenhoehe / 2)])
                } else {
                    let (oben, unten) = von.y > nach.y ? (nach, von) : (von, nach)
                    linien.append(["x1": String(unten.x), "y1": String(unten.y), "x2": String(oben.x), "y2": String(oben.y + kastenhoehe)])
                }
                let anzahl = vertretung.anzahl == 1 ? "eine Vertretung" : "\(vertretung.anzahl) Vertretungen"
                beschreibungen.append("\(gremium.kurzname) entsendet \(anzahl) in das Gremium „\(ziel.kurzname)“")
            }
        }
        let gemeinsam = Set(gremien.flatMap { gremium in
            mitten[gremium.id] == nil ? [] : gremium.vertretungen.filter { mitten[$0.gremium] != nil }.map(\.anzahl)
        })
        return [
            "nummer": String(nummer),
            "breite": String(breite),
            "hoehe": String(rand + max(stufen.count - 1, 0) * ebenenabstand + kastenhoehe + rand),
            "kaesten": kaesten,
            "linien": linien,
            "hinweis": gemeinsam == [1] ? "jeweils eine Vertretung" : "",
            "hinweisX": String(breite / 2),
            // Just above the second level, where the lines are far enough apart for the label.
            "hinweisY": String(rand + ebenenabstand - 12),
            "beschreibung": "KIM-Gesamtstruktur: " + kaesten.compactMap { $0["name"] as? String }.joined(separator: ", ")
                + (beschreibungen.isEmpty ? "." : ". " + beschreibungen.joined(separator: "; ") + "."),
        ]
    }

    /// Open Sans Bold at 15 px averages about 9 px per character; a name longer than a box of
    /// 240 px is broken at spaces or hyphens into two lines.
    static func zeilen(_ name: String) -> [String] {
        let zeichenProZeile = 24
        guard name.count > zeichenProZeile else { return [name] }
        let woerter = name.split(separator: " ").map(String.init)
        var beste = [name]
        var kleinsteLaenge = Int.max
        for teilung in 1..<max(woerter.count, 1) {
            let erste = woerter[..<teilung].joined(separator: " "), zweite = woerter[teilung...].joined(separator: " ")
            let laengste = max(erste.count, zweite.count)
            if laengste < kleinsteLaenge { kleinsteLaenge = laengste; beste = [erste, zweite] }
        }
        return beste
    }

    static func kastenbreite(_ zeilen: [String]) -> Int {
        max(150, (zeilen.map(\.count).max() ?? 0) * 9 + 28)
    }
}
