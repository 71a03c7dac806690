import KimDerive
import KimLoad
import KimModel
import KimRender

extension Build {
    /// `kim check`: renders everything `kim build`, `kim pdf` and `kim briefing` would (the site,
    /// the print document of every Fassung, a briefing as of the current Fassung's date) and
    /// reports every problem, so that check passes exactly when they do. Writes nothing.
    /// `files`: the project as it would be (the workbench checks an edit before writing it).
    public func allesPruefen(files: ProjectFiles? = nil) -> [Diagnostic] {
        let (_, website) = pruefen(files: files)
        guard !website.hasErrors else { return website }
        var befunde = website
        let (projekt, auswertung, _) = auswerten(files: files, schritte: 3)
        if let projekt, let auswertung {
            for fassung in projekt.handlungskonzept.fassungen {
                befunde += Druckfassung.html(projekt, auswertung, fassung: fassung.nummer).1
            }
        }
        // The briefing is internal: it sees what the public filter removes.
        let intern = Build(Optionen(projekt: optionen.projekt, stichtag: optionen.stichtag, intern: true))
        let (alles, stand, _) = intern.auswerten(files: files, schritte: 3)
        // Without data/berichte.json the project makes no briefings; `kim briefing` says so itself.
        if let alles, let stand, alles.berichtsdaten != nil {
            befunde += Sachstandsbericht.dokument(alles, stichtag: stand.stichtag, seit: nil).diagnostics
        }
        var gesehen = Set<Diagnostic>()
        return befunde.filter { gesehen.insert($0).inserted }.sorted()
    }
}
