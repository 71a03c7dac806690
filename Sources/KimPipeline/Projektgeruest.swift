import Foundation
import KimModel
import KimVorgaben

/// `kim init`: writes a new project that passes `kim check` and builds at once. The skeleton
/// lives in kim's built-in files under `geruest/` (outside `templates/`, so the overlay of
/// defaults never serves it); its data files carry a few tokens for name, kind and date.
/// Every text to replace is marked „[Bitte ersetzen: …]“, every dataset `"beispieldaten": true`.
/// It never overwrites a file and never writes through a symbolic link (see `Projektgeruest+Anlegen.swift`).
public struct Projektgeruest {
    /// Nothing was written: a wrong name, or what stands in the project folder (one line per problem).
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Writing began and failed (no permission, disk full): kim's exit code 3, like a build that cannot write.
    public struct Schreibfehler: Error, CustomStringConvertible {
        public var description: String
    }

    /// The kinds of Kommune the schema knows (`kommune.art`).
    public enum Art: String, CaseIterable, Sendable {
        case kreis = "Kreis"
        case kreisfreieStadt = "kreisfreie Stadt"
        case staedteregion = "Städteregion"

        /// The word that names this kind in an official name ("Kreis Wesel", "Stadt Hamm").
        var wort: String {
            switch self {
            case .kreis: "Kreis"
            case .kreisfreieStadt: "Stadt"
            case .staedteregion: "Städteregion"
            }
        }
    }

    public let projekt: URL
    public let art: Art
    /// The official name, e.g. "Kreis Beispiel", "Stadt Musterstadt", "Rhein-Sieg-Kreis".
    public let bezeichnung: String
    /// The short name in running text: "Beispiel" for "Kreis Beispiel", the whole name otherwise.
    public let name: String
    /// Today, from the caller: the date of every "stand" and of the first Fassung.
    public let stand: Datum

    static let geruest = "geruest/"

    public init(projekt: URL, art: Art, name eingabe: String, stand: Datum) throws {
        let text = eingabe.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else {
            throw Failure(description: "--name ist leer; z. B. --name \"Kreis Beispiel\"")
        }
        guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw Failure(description: "--name enthält einen Zeilenumbruch oder ein Steuerzeichen; nur den Namen angeben, z. B. --name \"Kreis Beispiel\"")
        }
        // "Beispiel" alone becomes "Kreis Beispiel", so that the wording after `art` ("im Kreis Beispiel") fits.
        let bezeichnung = text.contains(art.wort) ? text : "\(art.wort) \(text)"
        self.projekt = projekt
        self.art = art
        self.bezeichnung = bezeichnung
        self.name = Self.kurzname(bezeichnung)
        self.stand = stand
    }

    /// "Kreis Beispiel" → "Beispiel", "Stadt Musterstadt" → "Musterstadt"; "Rhein-Sieg-Kreis" stays.
    static func kurzname(_ bezeichnung: String) -> String {
        for praefix in ["Kreis ", "Stadt "] where bezeichnung.hasPrefix(praefix) && bezeichnung.count > praefix.count {
            return String(bezeichnung.dropFirst(praefix.count))
        }
        return bezeichnung
    }

    /// Every file of the new project, keyed by its project-relative path: the skeleton with its
    /// tokens replaced, and the built-in schemas.
    public func dateien() -> [String: [UInt8]] {
        var dateien: [String: [UInt8]] = [:]
        for pfad in Vorgaben.dateien.keys where pfad.hasPrefix(Self.geruest) {
            guard let inhalt = Vorgaben.dateien[pfad] else { continue }
            let ziel = String(pfad.dropFirst(Self.geruest.count))
            dateien[ziel] = ziel.hasSuffix(".json") ? einsetzen(inhalt) : inhalt
        }
        for (pfad, inhalt) in Schemaablage.schemas {
            dateien[pfad] = inhalt
        }
        return dateien
    }

    /// The tokens stand inside JSON strings; each value is escaped for JSON.
    func einsetzen(_ inhalt: [UInt8]) -> [UInt8] {
        let werte = [
            "__KIM_BEZEICHNUNG__": bezeichnung,
            "__KIM_NAME__": name,
            "__KIM_ART__": art.rawValue,
            "__KIM_STAND__": stand.iso,
            "__KIM_FOLGEJAHR__": String(stand.jahr + 1),
        ]
        var text = String(decoding: inhalt, as: UTF8.self)
        for (token, wert) in werte {
            text = text.replacingOccurrences(of: token, with: Self.jsonInhalt(wert))
        }
        return Array(text.utf8)
    }

    /// The inside of a JSON string literal, by Foundation's encoder, so every character is escaped as JSON requires.
    static func jsonInhalt(_ text: String) -> String {
        let daten = (try? JSONSerialization.data(withJSONObject: text, options: [.fragmentsAllowed, .withoutEscapingSlashes])) ?? Data("\"\"".utf8)
        return String(String(decoding: daten, as: UTF8.self).dropFirst().dropLast())
    }

    /// What a project kept in git should leave out: `build/` holds what each build makes again (the PDF
    /// cache, the Bestandsliste, the Vermerk and the previous site, `build/site.vorige/`).
    static let gitignore = (pfad: ".gitignore", inhalt: "# Von kim bei jedem Build neu erzeugt; gehört nicht in die Versionsverwaltung.\n/build/\n")
}
