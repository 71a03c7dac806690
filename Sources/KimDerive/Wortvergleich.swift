import Foundation

/// Word-level differences inside one changed text (a field or a paragraph), computed with the
/// standard library's Myers diff (`CollectionDifference`) over words, spaces and punctuation.
public enum Wortvergleich {
    public struct Stueck: Sendable, Equatable {
        public enum Art: Sendable, Equatable { case gleich, eingefuegt, geloescht }
        public var art: Art
        public var text: String

        public init(art: Art, text: String) {
            self.art = art
            self.text = text
        }
    }

    public static func stuecke(alt: String, neu: String) -> [Stueck] {
        let a = woerter(alt), b = woerter(neu)
        let differenz = b.difference(from: a)
        var entfernt = Set<Int>(), eingefuegt = Set<Int>()
        for aenderung in differenz {
            switch aenderung {
            case .remove(let offset, _, _): entfernt.insert(offset)
            case .insert(let offset, _, _): eingefuegt.insert(offset)
            }
        }
        // Walk both sides: unchanged tokens in step, removals of the old text before insertions at the same place.
        var stuecke: [Stueck] = []
        func anhaengen(_ art: Stueck.Art, _ text: String) {
            if let letztes = stuecke.last, letztes.art == art {
                stuecke[stuecke.count - 1].text += text
            } else {
                stuecke.append(Stueck(art: art, text: text))
            }
        }
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, entfernt.contains(i) {
                anhaengen(.geloescht, a[i]); i += 1
            } else if j < b.count, eingefuegt.contains(j) {
                anhaengen(.eingefuegt, b[j]); j += 1
            } else if i < a.count, j < b.count {
                anhaengen(.gleich, b[j]); i += 1; j += 1
            } else if i < a.count {
                anhaengen(.geloescht, a[i]); i += 1
            } else {
                anhaengen(.eingefuegt, b[j]); j += 1
            }
        }
        return zusammenfassen(stuecke)
    }


    /// A run of changes reads as one removal and one insertion: "a b" → "c d" is `<del>a b</del><ins>c d</ins>`,
    /// not four pieces; a space between two changes belongs to both wordings.
    static func zusammenfassen(_ stuecke: [Stueck]) -> [Stueck] {
        var ergebnis: [Stueck] = []
        var weg = "", dazu = ""
        func anhaengen(_ art: Stueck.Art, _ text: String) {
            if let letztes = ergebnis.last, letztes.art == art { ergebnis[ergebnis.count - 1].text += text } else { ergebnis.append(Stueck(art: art, text: text)) }
        }
        func lauffertig() {
            let nurLeer = { (text: String) in text.allSatisfy(\.isWhitespace) }
            if !weg.isEmpty, !nurLeer(weg) { anhaengen(.geloescht, weg) }
            if !dazu.isEmpty, !nurLeer(dazu) { anhaengen(.eingefuegt, dazu) }
            weg = ""
            dazu = ""
        }
        for (index, stueck) in stuecke.enumerated() {
            switch stueck.art {
            case .geloescht: weg += stueck.text
            case .eingefuegt: dazu += stueck.text
            case .gleich:
                let zwischen = (!weg.isEmpty || !dazu.isEmpty) && stueck.text.allSatisfy(\.isWhitespace)
                    && index + 1 < stuecke.count && stuecke[index + 1].art != .gleich
                if zwischen {
                    weg += stueck.text
                    dazu += stueck.text
                } else {
                    lauffertig()
                    anhaengen(.gleich, stueck.text)
                }
            }
        }
        lauffertig()
        return ergebnis
    }

    /// Words, runs of white space and single other characters; together they give back the text.
    static func woerter(_ text: String) -> [String] {
        var teile: [String] = []
        var aktuell = ""
        var aktuelleArt = 0
        for zeichen in text {
            let art = zeichen.isLetter || zeichen.isNumber ? 1 : zeichen.isWhitespace ? 2 : 3
            if art == aktuelleArt, art != 3 {
                aktuell.append(zeichen)
            } else {
                if !aktuell.isEmpty { teile.append(aktuell) }
                aktuell = String(zeichen)
                aktuelleArt = art
            }
        }
        if !aktuell.isEmpty { teile.append(aktuell) }
        return teile
    }

    /// How much two texts share, 0…1, by words: a deleted and an inserted paragraph this alike are one changed paragraph.
    public static func aehnlichkeit(_ alt: String, _ neu: String) -> Double {
        let a = woerter(alt).filter { $0.first?.isLetter == true || $0.first?.isNumber == true }
        let b = woerter(neu).filter { $0.first?.isLetter == true || $0.first?.isNumber == true }
        guard !a.isEmpty || !b.isEmpty else { return 1 }
        let gemeinsam = b.difference(from: a).removals.count
        let behalten = a.count - gemeinsam
        return Double(2 * behalten) / Double(a.count + b.count)
    }
}
