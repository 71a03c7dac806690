import KimLoad
import KimModel
import KimRender

/// Everything kim keeps from one build for the next, so that a build costs what changed. Each stage
/// keeps its results in a `Merkliste`, keyed by what it is about and valid only while the inputs it
/// was made from are the ones the stage is about to use again:
///
/// | stage | what is kept | where | still valid while |
/// |---|---|---|---|
/// | load | each data file, decoded and checked (`dateien`: value, findings, source locations) | memory (`kim serve`) | the file and its schema have the same bytes |
/// | load | "this file passed its schema, and the schema its own check, without a finding": neither is parsed for checking again (`Uebernahme.ohneBefund`) | `build/<ausgabe>.vermerk` (`Buildvermerk`) | the file, its schema and kim are the same |
/// | render | the Handlungskonzept pages (`handlungskonzept`) | memory | their data, the Stichtag and every template they used are the same (`Handlungskonzeptseiten.gilt`) |
/// | render | the last build without errors (`letzterStand`): its project as loaded, where its ids are, and its rendered site | memory | until the next build without errors; used only for an edited Sitzung's page (`Sitzungsvorschau`) |
/// | render | the Sitzung pages and the groups of pages that read no Sitzung (`Seitengruppe`: Handlungskonzept, Anlage 1, text pages, …) the output folder holds (`Uebernahme.renderOptionen`; the groups with their findings, `Seitengruppenvermerk`) | the output folder, vouched for by the Buildvermerk | everything outside the Sitzung files is the same (and, for a Sitzung's page, its file) |
/// | write | the whole last output (`Buildvermerk`: nothing to do) | `build/<ausgabe>.vermerk` | every answer the project's files gave (`Eingabeprotokoll`), the options, kim and the output folder are the same |
/// | write | the output before the last one, brought up to date in place (`Vorrat`, KimWrite) | `build/<ausgabe>.vorige` | each file's identity is the one the Bestandsliste records with the new hash |
///
/// Both run through the same stages (`Build.darstellen`): `kim serve` passes the one Gedaechtnis it keeps
/// for as long as it runs; `kim build`, which lives for one run, passes none and carries over what the
/// folder on disk vouches for (`Uebernahme`). The Eingabeprotokoll is the record of inputs the disk side
/// compares; the memory side compares bytes and values directly.
public final class Gedaechtnis: Sendable {
    /// Load, per data file (by its path in the project).
    public let dateien = Merkliste<String, Ladeergebnis>()
    /// Render, by `intern`: the Handlungskonzept pages.
    public let handlungskonzept = Merkliste<Bool, Handlungskonzeptseiten>()
    /// By `intern`: the last build without errors, kept by `Build` once all its findings are known. An
    /// edited Sitzung is checked against its project and laid out by its site.
    let letzterStand = Merkliste<Bool, Sitzungsvorschau.Grundlage>()

    public init() {}
}
