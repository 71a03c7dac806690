import Foundation
import KimModel

/// What changed from one Fassung to the next, computed from the two data states
/// and the two texts, never written by hand.
public struct Fassungsvergleich: Sendable {
    public struct Feldaenderung: Sendable {
        public var feld: String
        public var alt: String
        public var neu: String
        /// The values are Markdown (an Angebot's Beschreibung): to be rendered, not shown as written.
        public var markdown = false
    }

    public struct Eintrag: Sendable {
        public var id: String
        public var name: String
        public var aenderungen: [Feldaenderung]
    }

    /// Added, removed and changed items of one kind (Angebote, Meilensteine, Gremien).
    public struct Liste: Sendable {
        public var art: String
        public var hinzugefuegt: [Eintrag] = []
        public var entfernt: [Eintrag] = []
        public var geaendert: [Eintrag] = []

        public var leer: Bool { hinzugefuegt.isEmpty && entfernt.isEmpty && geaendert.isEmpty }
    }

    public var alt: Fassung
    public var neu: Fassung
    public var listen: [Liste]
    /// Figures whose value changed: "Gesamtbevölkerung, Sozialraum 71: insgesamt"
    public var zahlen: [Feldaenderung]
    /// Chapter text, paragraph by paragraph, by chapter title.
    public var kapitel: [(titel: String, absaetze: [Textvergleich.Absatz])]

    /// `feldtitel`: the schemas' field titles by schema and path (`Projekt.feldtitel`), so the
    /// change list says "Zielgruppen" where the data say `zielgruppen`.
    public init(alt: Fassung, neu: Fassung, altStand: Datenstand, neuStand: Datenstand,
                altTexte: [(titel: String, text: String)], neuTexte: [(titel: String, text: String)],
                feldtitel: [String: [String: String]] = [:]) {
        self.alt = alt
        self.neu = neu
        // Ids stand for names the reader knows; both Fassungen's names, the newer winning.
        func namen<T>(_ alt: [T], _ neu: [T], _ id: (T) -> String, _ name: (T) -> String) -> [String: String] {
            Dictionary((alt + neu).map { (id($0), name($0)) }) { _, neuer in neuer }
        }
        let angebote = Benennung(schemaTitel: feldtitel["angebote"] ?? [:], praefix: "angebote.*", markdown: ["beschreibung"], werte: [
            "traeger": namen(altStand.angebote.traeger, neuStand.angebote.traeger, \.id, \.name),
            "kategorie": namen(altStand.angebote.kategorien, neuStand.angebote.kategorien, \.id, \.name),
            "zielgruppen": namen(altStand.angebote.zielgruppen, neuStand.angebote.zielgruppen, \.id, \.name),
            "gremien": namen(altStand.gremien.gremien, neuStand.gremien.gremien, \.id, \.name),
        ])
        listen = [
            Self.liste("Angebote (Anlage 1)", altStand.angebote.angebote, neuStand.angebote.angebote, id: \.id, name: \.name, benennung: angebote),
            Self.liste("Meilensteine (Anlage 2)", altStand.meilensteinplan.meilensteine, neuStand.meilensteinplan.meilensteine, id: \.id, name: \.titel,
                       benennung: Benennung(schemaTitel: feldtitel["meilensteine"] ?? [:], praefix: "meilensteine.*")),
            Self.liste("Gremien", altStand.gremien.gremien, neuStand.gremien.gremien, id: \.id, name: \.name,
                       benennung: Benennung(schemaTitel: feldtitel["gremien"] ?? [:], praefix: "gremien.*")),
            Self.liste("Zielgruppen", [altStand.programm.zielgruppen], [neuStand.programm.zielgruppen], id: { _ in "zielgruppen" }, name: { _ in "Zielgruppen des KIM" },
                       benennung: Benennung(schemaTitel: feldtitel["programm"] ?? [:], praefix: "zielgruppen")),
        ]
        zahlen = Self.zahlen(altStand.demografie, neuStand.demografie)
        var kapitel: [(titel: String, absaetze: [Textvergleich.Absatz])] = []
        for neuerText in neuTexte {
            let alterText = altTexte.first { $0.titel == neuerText.titel }?.text ?? ""
            let absaetze = Textvergleich.absaetze(alt: alterText, neu: neuerText.text)
            if absaetze.contains(where: { $0.art != .gleich }) { kapitel.append((neuerText.titel, absaetze)) }
        }
        for alterText in altTexte where !neuTexte.contains(where: { $0.titel == alterText.titel }) {
            kapitel.append((alterText.titel, Textvergleich.absaetze(alt: alterText.text, neu: "")))
        }
        self.kapitel = kapitel
    }

    /// How the fields of one kind of item are named on the page, and which hold ids of named things.
    struct Benennung {
        /// Schema titles by path from the file's root.
        var schemaTitel: [String: String]
        /// The items' path in that file: "angebote.*".
        var praefix: String
        /// Fields that hold Markdown (the ones KimValidate checks as such).
        var markdown: Set<String> = []
        /// For fields that hold ids: id → name.
        var werte: [String: [String: String]] = [:]

        /// The schema's title of the field at `pfad` ("kontakt.telefon"), or nil.
        func titel(_ pfad: String) -> String? {
            schemaTitel[praefix + "." + pfad]
        }

        /// "kontakt.telefon" → "Kontakt › Telefon"; a part without a title stays as it is.
        func feld(_ pfad: String) -> String {
            let teile = pfad.split(separator: ".")
            return teile.indices.map { index in
                titel(teile[...index].joined(separator: ".")) ?? String(teile[index])
            }.joined(separator: " › ")
        }

        /// A field of ids as the names they stand for; nil for other fields.
        func wert(_ pfad: String, _ wert: Any) -> String? {
            guard let namen = werte[pfad] else { return nil }
            if let id = wert as? String { return namen[id] ?? id }
            if let ids = wert as? [String] { return ids.isEmpty ? "–" : ids.map { namen[$0] ?? $0 }.joined(separator: "; ") }
            if let id = wert as? String? { return id.map { namen[$0] ?? $0 } ?? "–" }
            return nil
        }
    }

    static func liste<Wert>(_ art: String, _ alt: [Wert], _ neu: [Wert], id: (Wert) -> String, name: (Wert) -> String,
                            benennung: Benennung) -> Liste {
        var liste = Liste(art: art)
        for wert in neu {
            guard let vorher = alt.first(where: { id($0) == id(wert) }) else {
                liste.hinzugefuegt.append(Eintrag(id: id(wert), name: name(wert), aenderungen: []))
                continue
            }
            let aenderungen = felder(vorher, wert, benennung: benennung)
            if !aenderungen.isEmpty { liste.geaendert.append(Eintrag(id: id(wert), name: name(wert), aenderungen: aenderungen)) }
        }
        for wert in alt where !neu.contains(where: { id($0) == id(wert) }) {
            liste.entfernt.append(Eintrag(id: id(wert), name: name(wert), aenderungen: []))
        }
        return liste
    }

    /// Field-by-field differences of two values of the same type, named as the schema names them.
    static func felder(_ alt: Any, _ neu: Any, pfad: String = "", benennung: Benennung) -> [Feldaenderung] {
        let altSpiegel = Mirror(reflecting: alt), neuSpiegel = Mirror(reflecting: neu)
        // A date is one value ("31.12.2021 → 31.03.2022"), not three fields Jahr, Monat, Tag.
        guard altSpiegel.displayStyle == .struct, neuSpiegel.displayStyle == .struct, !(alt is Datum) else {
            let a = text(alt, pfad: pfad, benennung: benennung), n = text(neu, pfad: pfad, benennung: benennung)
            return a == n ? [] : [Feldaenderung(feld: benennung.feld(pfad), alt: a, neu: n, markdown: benennung.markdown.contains(pfad))]
        }
        var aenderungen: [Feldaenderung] = []
        for (altKind, neuKind) in zip(altSpiegel.children, neuSpiegel.children) {
            let name = altKind.label ?? "?"
            aenderungen += felder(altKind.value, neuKind.value, pfad: pfad.isEmpty ? name : "\(pfad).\(name)", benennung: benennung)
        }
        return aenderungen
    }

    /// A readable rendering of a field value for the change list.
    static func text(_ wert: Any, pfad: String = "", benennung: Benennung? = nil) -> String {
        if let benennung, let namen = benennung.wert(pfad, wert) { return namen }
        if let text = Format.wert(wert) { return text }
        if let wahr = wert as? Bool { return wahr ? "ja" : "nein" }
        let spiegel = Mirror(reflecting: wert)
        switch spiegel.displayStyle {
        case .optional:
            return spiegel.children.first.map { text($0.value, pfad: pfad, benennung: benennung) } ?? "–"
        case .collection:
            let teile = spiegel.children.map { text($0.value) }
            return teile.isEmpty ? "–" : teile.joined(separator: "; ")
        case .enum:
            return (wert as? any RawRepresentable).map { "\($0.rawValue)" } ?? String(describing: wert)
        case .struct:
            return spiegel.children.map { kind in
                let name = kind.label ?? ""
                let unterpfad = pfad.isEmpty ? name : "\(pfad).\(name)"
                let titel = benennung?.titel(unterpfad) ?? name
                return "\(titel): \(text(kind.value, pfad: unterpfad, benennung: benennung))"
            }.joined(separator: ", ")
        default:
            return String(describing: wert)
        }
    }

    static func zahlen(_ alt: Demografie, _ neu: Demografie) -> [Feldaenderung] {
        var aenderungen: [Feldaenderung] = []
        for tabelle in neu.tabellen {
            guard let vorher = alt.tabellen.first(where: { $0.id == tabelle.id }) else { continue }
            if vorher.stichtag != tabelle.stichtag {
                aenderungen.append(Feldaenderung(feld: "\(tabelle.gruppe): Stichtag", alt: Format.datum(vorher.stichtag), neu: Format.datum(tabelle.stichtag)))
            }
            for zeile in tabelle.zeilen {
                guard let alteZeile = vorher.zeilen.first(where: { $0.sozialraum == zeile.sozialraum }) else { continue }
                if alteZeile.insgesamt != zeile.insgesamt {
                    aenderungen.append(Feldaenderung(feld: "\(tabelle.gruppe), Sozialraum \(zeile.sozialraum): insgesamt",
                                                     alt: Format.zahl(alteZeile.insgesamt), neu: Format.zahl(zeile.insgesamt)))
                }
                if alteZeile.mitEinwanderungsgeschichte != zeile.mitEinwanderungsgeschichte {
                    aenderungen.append(Feldaenderung(feld: "\(tabelle.gruppe), Sozialraum \(zeile.sozialraum): mit Einwanderungsgeschichte",
                                                     alt: Format.zahl(alteZeile.mitEinwanderungsgeschichte), neu: Format.zahl(zeile.mitEinwanderungsgeschichte)))
                }
            }
        }
        let vorherige = Dictionary((alt.indikatoren ?? []).map { ($0.id, $0) }) { erster, _ in erster }
        for indikator in neu.indikatoren ?? [] {
            let text = { (wert: Indikator) in "\(Format.dezimal(wert.wert)) (\(Format.datum(wert.stichtag)))" }
            guard let vorher = vorherige[indikator.id] else {
                aenderungen.append(Feldaenderung(feld: indikator.name, alt: "–", neu: text(indikator)))
                continue
            }
            if vorher.wert != indikator.wert || vorher.stichtag != indikator.stichtag {
                aenderungen.append(Feldaenderung(feld: indikator.name, alt: text(vorher), neu: text(indikator)))
            }
        }
        return aenderungen
    }
}

/// Paragraph-level diff (longest common subsequence) of two Markdown texts.
public enum Textvergleich {
    public struct Absatz: Sendable {
        public enum Art: Sendable { case gleich, eingefuegt, geloescht }
        public var art: Art
        public var text: String
    }

    public static func absaetze(alt: String, neu: String) -> [Absatz] {
        let a = teilen(alt), b = teilen(neu)
        // LCS table; chapters have at most a few hundred paragraphs.
        var tabelle = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                tabelle[i][j] = a[i] == b[j] ? tabelle[i + 1][j + 1] + 1 : max(tabelle[i + 1][j], tabelle[i][j + 1])
            }
        }
        var ergebnis: [Absatz] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                ergebnis.append(Absatz(art: .gleich, text: a[i])); i += 1; j += 1
            } else if j < b.count, i == a.count || tabelle[i][j + 1] >= tabelle[i + 1][j] {
                ergebnis.append(Absatz(art: .eingefuegt, text: b[j])); j += 1
            } else {
                ergebnis.append(Absatz(art: .geloescht, text: a[i])); i += 1
            }
        }
        return ergebnis
    }

    /// The paragraphs: split at every "\n\n" of two line-feed characters (left to right, as
    /// `components(separatedBy:)`; a "\r\n" is one character, so its "\n" does not count), each
    /// trimmed of `.whitespacesAndNewlines`, empty ones dropped. By bytes and scalars rather than
    /// through NSString, which was a tenth of the reference build's rendering (issue 17).
    static func teilen(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        var teile: [String] = []
        var anfang = 0, index = 0
        while index + 1 < bytes.count {
            if bytes[index] == 0x0A, bytes[index + 1] == 0x0A, index == 0 || bytes[index - 1] != 0x0D {
                teile.append(getrimmt(bytes[anfang..<index]))
                index += 2
                anfang = index
            } else {
                index += 1
            }
        }
        teile.append(getrimmt(bytes[anfang..<bytes.count]))
        return teile.filter { !$0.isEmpty }
    }

    static func getrimmt(_ bytes: ArraySlice<UInt8>) -> String {
        let skalare = String(decoding: bytes, as: UTF8.self).unicodeScalars
        let leer = CharacterSet.whitespacesAndNewlines
        guard let erster = skalare.firstIndex(where: { !leer.contains($0) }),
              let letzter = skalare.lastIndex(where: { !leer.contains($0) }) else { return "" }
        return String(skalare[erster...letzter])
    }
}
