import KimLoad
import KimModel
import KimRender

/// What a build of a changed project takes over from the last build into the same output folder,
/// by comparing that build's record (`Buildvermerk`) with the answers the project's files give now
/// (`Eingabeprotokoll`, recorded while this build reads). `Build` only makes one for a record of
/// this kim with these options.
struct Uebernahme: Sendable {
    let vorher: Buildvermerk
    let jetzt: Eingabeprotokoll.Aufzeichnung
    /// Whether the Bestandsliste is the one the build of `vorher` saved. That a page to keep is still in
    /// the output folder as listed, the writer checks file by file (`AtomicFolderWriter.BestandVeraendert`).
    let listeDesVermerks: @Sendable () -> Bool
    /// The files the last build reported something about.
    let dateienMitBefund: Set<String>

    init(vorher: Buildvermerk, jetzt: Eingabeprotokoll.Aufzeichnung, listeDesVermerks: @escaping @Sendable () -> Bool) {
        self.vorher = vorher
        self.jetzt = jetzt
        self.listeDesVermerks = listeDesVermerks
        dateienMitBefund = Set(vorher.befunde.map(\.file))
    }

    /// A data file passed its schema, and the schema its own check, without a finding last time, and both
    /// have the same bytes now: checking either again would find nothing. (Both read just before, so their
    /// answers are recorded; a built-in schema is recorded as absent from the project, and kim is the same.)
    var ohneBefund: ProjectLoader.OhneBefund {
        { [vorher, jetzt, dateienMitBefund] datei, schema in
            guard let kennung = jetzt.gelesen(datei), vorher.eingaben.gelesen[datei] == kennung,
                  vorher.eingaben.gelesen[schema] == jetzt.gelesen(schema) else { return false }
            return !dateienMitBefund.contains(datei) && !dateienMitBefund.contains(schema)
        }
    }

    /// What the render stage keeps from the output folder instead of rendering it again (nothing when
    /// something outside the Sitzung files changed, or the Bestandsliste is not the one the last build saved):
    ///
    /// - The pages of the Sitzungen of `projekt` (as rendered, after the public filter) whose file has the
    ///   same bytes. A Sitzung's page is made from that Sitzung's file and from values of the whole project
    ///   that no Sitzung file feeds (Gremien, Meilensteine, Stichtag, templates, glossary; see
    ///   `Website.sitzungsseite`). The first Sitzung is always rendered: its rendering is the one that checks
    ///   the Sitzung template's placeholders (`Vorlagen`), so the findings stay those of a full build.
    /// - The groups of pages that read no Sitzung (`Seitengruppe`: the Handlungskonzept, Anlage 1, the text
    ///   pages, …), with the findings rendering them gave. They are made from the datasets other than Sitzungen
    ///   and Berichte, the Stichtag (from the data) and the templates, none of which a Sitzung file feeds (the
    ///   preview's Gedaechtnis relies on the same for the Handlungskonzept: `Handlungskonzeptseiten.Eingaben`).
    func renderOptionen(_ projekt: Projekt, intern: Bool) -> Website.Optionen {
        let stand = jetzt.stand
        guard Self.ohneSitzungen(vorher.eingaben) == Self.ohneSitzungen(stand), listeDesVermerks() else { return Website.Optionen(intern: intern) }
        var ids: Set<String> = []
        for sitzung in projekt.sitzungen.dropFirst() {
            let datei = sitzung.quelldatei
            if let kennung = stand.gelesen[datei], vorher.eingaben.gelesen[datei] == kennung { ids.insert(sitzung.id) }
        }
        return Website.Optionen(intern: intern, vorhandeneSitzungsseiten: ids, vorhandeneGruppen: vorher.gruppen)
    }

    /// The record without the Sitzung files and their folder's listing: what every Sitzung page depends on.
    static func ohneSitzungen(_ protokoll: Eingabeprotokoll) -> Eingabeprotokoll {
        var rest = protokoll
        rest.gelesen = protokoll.gelesen.filter { !ProjectLoader.istSitzungsdatei($0.key) }
        rest.gelistet[ProjectLoader.sitzungsordner] = nil
        return rest
    }
}
