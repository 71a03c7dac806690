import Foundation
import KimLoad
import KimModel
import KimVorgaben

/// `kim schemas`: puts kim's built-in schemas into the project's `schemas/`, so that an editor
/// finds what every data file names in `"$schema"` ("../schemas/NAME.schema.json") and
/// validates and completes while the author types. A file with other content is the
/// project's own version (it overrides the built-in one) and stays unless `ersetzen` is set.
public struct Schemaablage {
    public enum Ergebnis: Sendable, Equatable {
        case geschrieben, ersetzt, unveraendert, abweichend
    }

    public struct Eintrag: Sendable, Equatable {
        public var pfad: String
        public var ergebnis: Ergebnis
    }

    public let projekt: URL
    public let ersetzen: Bool

    public init(projekt: URL, ersetzen: Bool = false) {
        self.projekt = projekt
        self.ersetzen = ersetzen
    }

    /// The built-in schemas, keyed by their project-relative path.
    public static var schemas: [(pfad: String, inhalt: [UInt8])] {
        Vorgaben.liste("schemas").filter { $0.hasSuffix(".schema.json") }.compactMap { pfad in
            Vorgaben.dateien[pfad].map { (pfad, $0) }
        }
    }

    /// Writes every built-in schema that is missing (or differs, with `ersetzen`) and says what it did with each.
    public func schreiben() throws -> [Eintrag] {
        try FileManager.default.createDirectory(at: projekt.appendingPathComponent("schemas"), withIntermediateDirectories: true)
        var eintraege: [Eintrag] = []
        for (pfad, inhalt) in Self.schemas {
            let ziel = projekt.appendingPathComponent(pfad)
            guard FileManager.default.fileExists(atPath: ziel.path) else {
                // `.withoutOverwriting` keeps the no-overwrite promise even against a race.
                try Data(inhalt).write(to: ziel, options: .withoutOverwriting)
                eintraege.append(Eintrag(pfad: pfad, ergebnis: .geschrieben))
                continue
            }
            if let vorhanden = try? Data(contentsOf: ziel), Array(vorhanden) == inhalt {
                eintraege.append(Eintrag(pfad: pfad, ergebnis: .unveraendert))
            } else if ersetzen {
                try Data(inhalt).write(to: ziel, options: .atomic)
                eintraege.append(Eintrag(pfad: pfad, ergebnis: .ersetzt))
            } else {
                eintraege.append(Eintrag(pfad: pfad, ergebnis: .abweichend))
            }
        }
        return eintraege
    }

    /// One German line per file, for the command line.
    public static func bericht(_ eintraege: [Eintrag]) -> [String] {
        eintraege.map { eintrag in
            switch eintrag.ergebnis {
            case .geschrieben: "\(eintrag.pfad) geschrieben"
            case .ersetzt: "\(eintrag.pfad) durch das eingebaute Schema ersetzt"
            case .unveraendert: "\(eintrag.pfad) ist schon aktuell"
            case .abweichend: "\(eintrag.pfad) übersprungen: die Datei weicht vom eingebauten Schema ab (eine eigene Fassung des Projekts gilt statt der eingebauten); mit --ersetzen überschreiben"
            }
        }
    }
}

extension Schemaablage {
    /// A warning for every schema in the project that differs from kim's built-in one: after an
    /// update of kim an old copy would go on validating against the old data format.
    static func abweichungen(_ projekt: ProjectFiles) -> [Diagnostic] {
        schemas.compactMap { pfad, eingebaut in
            guard projekt.exists(pfad), let eigen = try? projekt.read(pfad), eigen != eingebaut else { return nil }
            return .warning(pfad, nil, "das Schema weicht von dem ab, das diese Version von kim mitbringt; es gilt die Fassung im Projekt",
                            hint: "ist es eine alte Kopie, mit `kim schemas --ersetzen` erneuern; eigene Änderungen bleiben sonst bestehen")
        }
    }
}
