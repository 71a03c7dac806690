import KimDerive
import KimModel

extension Abbildungen {
    /// The Gremien of the KIM structure by level (`strukturebene`), any number per level. The drawing
    /// is at most `hoechstbreite` units wide, so a phone shows it at about its own size: each box is as
    /// wide as its name needs (two lines at most), and a level whose boxes do not fit in one row
    /// continues in the next. Lines run from a Gremium to those it sends members to; each box links to
    /// its Gremium's page under `verweise` (the way to the site root, or the site's address in print).
    static func strukturbild(_ gremien: [Gremium], nummer: Int, verweise: String) -> Kontext {
        let hoechstbreite = 400, kastenhoehe = 60, abstand = 14, rand = 8, zeilenabstand = 24, ebenenabstand = 70
        let ebenen = Dictionary(grouping: gremien.filter { $0.strukturebene != nil }) { $0.strukturebene ?? 0 }
        var kaesten: [Kontext] = []
        var lagen: [String: (x: Int, y: Int, breite: Int)] = [:]
        var belegt: [Reihe] = []
        var y = rand
        var unterkante = rand
        for stufe in ebenen.keys.sorted() {
            for reihe in reihen(ebenen[stufe] ?? [], platz: hoechstbreite - 2 * rand, abstand: abstand) {
                let reihenbreite = reihe.reduce(-abstand) { $0 + $1.breite + abstand }
                var x = (hoechstbreite - reihenbreite) / 2
                var reihenlage = Reihe(y: y, kaesten: [])
                for (gremium, breite, namenszeilen) in reihe {
                    let mitteX = x + breite / 2
                    lagen[gremium.id] = (mitteX, y, breite)
                    let ersteZeileY = y + kastenhoehe / 2 + 6 - (namenszeilen.count - 1) * 9
                    kaesten.append(["id": gremium.id, "name": gremium.kurzname, "href": "\(verweise)gremien/\(gremium.id).html",
                                    "x": String(x), "y": String(y), "breite": String(breite), "hoehe": String(kastenhoehe),
                                    "textX": String(mitteX),
                                    "zeilen": namenszeilen.enumerated().map { ["text": $1, "y": String(ersteZeileY + $0 * 18)] as Kontext }])
                    reihenlage.kaesten.append((x, x + breite))
                    x += breite + abstand
                    unterkante = y + kastenhoehe
                }
                belegt.append(reihenlage)
                y += kastenhoehe + zeilenabstand
            }
            y += ebenenabstand - zeilenabstand
        }
        var linien: [Kontext] = []
        var beschreibungen: [String] = []
        for gremium in gremien {
            guard let von = lagen[gremium.id] else { continue }
            for vertretung in gremium.vertretungen {
                guard let nach = lagen[vertretung.gremium], let ziel = gremien.first(where: { $0.id == vertretung.gremium }) else { continue }
                if von.y == nach.y {
                    // Side by side in one row: from edge to edge at half height.
                    let (links, rechts) = von.x < nach.x ? (von, nach) : (nach, von)
                    linien.append(["x1": String(links.x + links.breite / 2), "y1": String(von.y + kastenhoehe / 2),
                                   "x2": String(rechts.x - rechts.breite / 2), "y2": String(von.y + kastenhoehe / 2)])
                } else {
                    let (oben, unten) = von.y > nach.y ? (nach, von) : (von, nach)
                    let punkte = weg(von: (unten.x, unten.y), nach: (oben.x, oben.y + kastenhoehe), durch: belegt,
                                     kastenhoehe: kastenhoehe, innerhalb: rand...(hoechstbreite - rand))
                    for (a, b) in zip(punkte, punkte.dropFirst()) {
                        linien.append(["x1": String(a.x), "y1": String(a.y), "x2": String(b.x), "y2": String(b.y)])
                    }
                }
                let anzahl = vertretung.anzahl == 1 ? "eine Vertretung" : "\(vertretung.anzahl) Vertretungen"
                beschreibungen.append("\(gremium.kurzname) entsendet \(anzahl) in das Gremium „\(ziel.kurzname)“")
            }
        }
        let gemeinsam = Set(gremien.flatMap { gremium in
            lagen[gremium.id] == nil ? [] : gremium.vertretungen.filter { lagen[$0.gremium] != nil }.map(\.anzahl)
        })
        let oberste = lagen.values.map(\.y).min() ?? rand
        let hinweis = gemeinsam == [1] ? "jeweils eine Vertretung" : ""
        let hinweisbreite = textbreite(hinweis) * 12 / 15 + 8
        return [
            "nummer": String(nummer),
            "breite": String(hoechstbreite),
            "hoehe": String(unterkante + rand),
            "kaesten": kaesten,
            "linien": linien,
            "hinweis": hinweis,
            "hinweisX": String(hoechstbreite / 2),
            // A plate under the note, so the lines leaving the top row pass behind it instead of through its letters
            // (regular type at 12.5 units is narrower than the bold names the estimate is made for).
            "hinweisflaeche": hinweis.isEmpty ? Leer() : [
                "x": String(hoechstbreite / 2 - hinweisbreite / 2), "y": String(oberste + kastenhoehe + 1),
                "breite": String(hinweisbreite), "hoehe": "21",
            ] as Kontext,
            // Below the top row, where the lines leave it.
            "hinweisY": String(oberste + kastenhoehe + 18),
            "beschreibung": "KIM-Gesamtstruktur: " + kaesten.compactMap { $0["name"] as? String }.joined(separator: ", ")
                + (beschreibungen.isEmpty ? "." : ". " + beschreibungen.joined(separator: "; ") + "."),
        ]
    }

    typealias Kasten = (gremium: Gremium, breite: Int, zeilen: [String])

    /// One row of boxes as drawn: its top and the horizontal extent of each box, left to right.
    struct Reihe {
        var y: Int
        var kaesten: [(links: Int, rechts: Int)]
    }

    /// The way of a line from the top of a lower box up to the bottom of a higher one. A straight line
    /// would pass behind the boxes of any row between them (a level that continues in a second row),
    /// and seem to end at one of them; so it climbs through the gaps of those rows instead, moving
    /// sideways only in the space between two rows.
    static func weg(von start: (x: Int, y: Int), nach ziel: (x: Int, y: Int), durch reihen: [Reihe], kastenhoehe: Int,
                    innerhalb rahmen: ClosedRange<Int>) -> [(x: Int, y: Int)] {
        var punkte = [start]
        var x = start.x
        let dazwischen = reihen.filter { $0.y >= ziel.y && $0.y + kastenhoehe <= start.y }.sorted { $0.y > $1.y }
        for reihe in dazwischen {
            let frei = freieStelle(in: reihe, nahe: x, innerhalb: rahmen)
            if frei != x, let zuletzt = punkte.last {
                let zwischen = (reihe.y + kastenhoehe + zuletzt.y) / 2
                punkte += [(x, zwischen), (frei, zwischen)]
                x = frei
            }
            punkte.append((x, reihe.y))
        }
        punkte.append(ziel)
        return punkte
    }

    /// The x nearest to `x` where a vertical line crosses the row without touching a box: `x` itself
    /// when it is free, else the middle of a gap between two boxes or the nearest point beside the row.
    static func freieStelle(in reihe: Reihe, nahe x: Int, innerhalb rahmen: ClosedRange<Int>) -> Int {
        let luft = 4
        let kaesten = reihe.kaesten.sorted { $0.links < $1.links }
        guard kaesten.contains(where: { $0.links - luft < x && x < $0.rechts + luft }) else { return x }
        var stellen = zip(kaesten, kaesten.dropFirst()).map { ($0.rechts + $1.links) / 2 }
        if let erster = kaesten.first, erster.links - luft >= rahmen.lowerBound { stellen.append(erster.links - luft) }
        if let letzter = kaesten.last, letzter.rechts + luft <= rahmen.upperBound { stellen.append(letzter.rechts + luft) }
        return stellen.min { abs($0 - x) < abs($1 - x) } ?? x
    }

    /// The Gremien of one level in rows that fit `platz`, each with its box width and name lines.
    static func reihen(_ gremien: [Gremium], platz: Int, abstand: Int) -> [[Kasten]] {
        var reihen: [[Kasten]] = []
        var aktuell: [Kasten] = []
        var belegt = 0
        for gremium in gremien {
            let namenszeilen = zeilen(gremium.kurzname)
            let breite = min(kastenbreite(namenszeilen), platz)
            if !aktuell.isEmpty, belegt + abstand + breite > platz {
                reihen.append(aktuell)
                aktuell = []
                belegt = 0
            }
            belegt += (aktuell.isEmpty ? 0 : abstand) + breite
            aktuell.append((gremium: gremium, breite: breite, zeilen: namenszeilen))
        }
        if !aktuell.isEmpty { reihen.append(aktuell) }
        return reihen
    }

    /// A name longer than 20 characters is broken at the space nearest its middle into two lines.
    static func zeilen(_ name: String) -> [String] {
        let woerter = name.split(separator: " ").map(String.init)
        guard name.count > 20, woerter.count > 1 else { return [name] }
        let teilung = (1..<woerter.count).min { a, b in
            abs(woerter[..<a].joined(separator: " ").count - woerter[a...].joined(separator: " ").count)
                < abs(woerter[..<b].joined(separator: " ").count - woerter[b...].joined(separator: " ").count)
        } ?? 1
        return [woerter[..<teilung].joined(separator: " "), woerter[teilung...].joined(separator: " ")]
    }

    /// Wide enough for the longest line with at least 10 units on either side.
    static func kastenbreite(_ zeilen: [String]) -> Int {
        max(100, (zeilen.map(textbreite).max() ?? 0) + 20)
    }

    /// The width of a line in Open Sans Bold at 15 units, from the widest letter of each group
    /// (measured in Chromium): capitals make „AG Ankommen“ a third wider than the same number of
    /// small letters, so a width per character let such names touch their box.
    static func textbreite(_ zeile: String) -> Int {
        var breite = 0.0
        for zeichen in zeile {
            switch zeichen {
            case "i", "j", "l", "I", "f", "t", "r", " ", ".", ",", ":", ";", "-", "/", "(", ")", "'", "!": breite += 6
            case "m", "W": breite += 14.2
            case "w", "M": breite += 12.5
            case _ where zeichen.isUppercase: breite += 11.7
            default: breite += 9.2
            }
        }
        return Int(breite.rounded(.up))
    }
}
