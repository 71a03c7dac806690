import KimModel

/// The groups of pages that read neither Sitzungen nor Berichte: made from the other datasets, the
/// Stichtag and the templates only. After a change to Sitzung files alone, `kim build` keeps them in the
/// output folder (`Website.Optionen.vorhandeneGruppen`, decided by `Uebernahme`) instead of rendering them again.
/// A group belongs here only when nothing it renders reads `projekt.sitzungen`, `projekt.berichte` or
/// what Derive makes of them (`auswertung.gremienarbeit`, Ampel, Sachstand); the start page, the Gremium
/// pages, Anlage 2, the language pages and the open-data page do, so they are always rendered.
public enum Seitengruppe: String, Codable, Sendable {
    case handlungskonzept, zahlen, quellen, textseiten, angebote, glossar
}

/// A group of pages of a build as its output folder holds them, recorded in the Buildvermerk: what the
/// next `kim build` needs to keep them — each page without its content, the files that come with them,
/// and the findings rendering them gave, so the kept build reports what a full one reports.
public struct Seitengruppenvermerk: Codable, Sendable, Equatable {
    /// What the other pages (search page, sitemap, duplicate paths) read of a page that is not laid out again.
    struct Kopf: Codable, Sendable, Equatable {
        var pfad: String
        var titel: String
        var quelle: String?
        var bereich: String
        var suchbar: Bool
        var sprache: String
    }

    var seiten: [Kopf]
    /// Files other than pages that come with the group (Anlage 1's downloads).
    var dateien: [String]
    var befunde: [Diagnostic]
    var vorlagenBefunde: [Diagnostic]
    var geprueft: [String]

    init(seiten: [Seite], dateien: [String], befunde: [Diagnostic], vorlagen: Vorlagen.Anteil) {
        self.seiten = seiten.map { Kopf(pfad: $0.pfad, titel: $0.titel, quelle: $0.quelle, bereich: $0.bereich, suchbar: $0.suchbar, sprache: $0.sprache) }
        self.dateien = dateien.sorted()
        self.befunde = befunde
        vorlagenBefunde = vorlagen.befunde
        geprueft = vorlagen.geprueft.sorted()
    }

    /// The pages, marked as already in the output folder.
    var vorhandeneSeiten: [Seite] {
        seiten.map { kopf in
            var seite = Seite(pfad: kopf.pfad, titel: kopf.titel, beschreibung: "", inhalt: "", bereich: kopf.bereich, brotkrumen: [], quelle: kopf.quelle, suchbar: kopf.suchbar)
            seite.sprache = kopf.sprache
            seite.vorhanden = true
            return seite
        }
    }

    var vorlagenAnteil: Vorlagen.Anteil { Vorlagen.Anteil(befunde: vorlagenBefunde, geprueft: Set(geprueft)) }
}

extension Website {
    /// One group's pages and files, with how they were made.
    struct Gruppenteil {
        var gruppe: Seitengruppe
        var seiten: [Seite]
        var dateien: [String: String]
        /// Files of the group the output folder keeps.
        var behalten: [String]
        var vermerk: Seitengruppenvermerk
        /// The templates rendering used, nil when the group was kept.
        var benutzt: Set<String>?
    }

    /// A group of pages kept in the output folder when the last build's record says nothing they are
    /// made from changed (`optionen.vorhandeneGruppen`), rendered by `machen` otherwise.
    func seitengruppe(_ gruppe: Seitengruppe, _ diagnostics: inout [Diagnostic],
                      machen: (inout [Diagnostic]) -> (seiten: [Seite], dateien: [String: String])) -> Gruppenteil {
        if let vorhanden = optionen.vorhandeneGruppen[gruppe] {
            diagnostics += vorhanden.befunde
            vorlagen.uebernehmen(vorhanden.vorlagenAnteil)
            return Gruppenteil(gruppe: gruppe, seiten: vorhanden.vorhandeneSeiten, dateien: [:], behalten: vorhanden.dateien, vermerk: vorhanden, benutzt: nil)
        }
        let vorher = vorlagen.stand
        var eigene: [Diagnostic] = []
        let (gemacht, benutzt) = vorlagen.aufzeichnen { machen(&eigene) }
        diagnostics += eigene
        let vermerk = Seitengruppenvermerk(seiten: gemacht.seiten, dateien: Array(gemacht.dateien.keys), befunde: eigene, vorlagen: vorlagen.anteil(seit: vorher))
        return Gruppenteil(gruppe: gruppe, seiten: gemacht.seiten, dateien: gemacht.dateien, behalten: [], vermerk: vermerk, benutzt: benutzt)
    }
}
