import KimModel

extension Website {
    /// A Sitzung's page (path and bytes) exactly as this site would have made it, nil when its templates
    /// report an error. The Sitzung must already have been through the public filter, as everything the
    /// site is made from. `kim serve` makes an edited Sitzung's page with the last site rendered without
    /// errors (kept in the Gedaechtnis as `website`).
    public func einzelneSitzungsseite(_ sitzung: Sitzung) -> (pfad: String, inhalt: [UInt8])? {
        let vorher = vorlagen.stand
        let seite = sitzungsseite(sitzung)
        let html = layout(seite)
        guard !vorlagen.anteil(seit: vorher).befunde.hasErrors else { return nil }
        return (seite.pfad, Array(html.utf8))
    }
}
