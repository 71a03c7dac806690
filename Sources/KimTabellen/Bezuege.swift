/// The reference lists of one data file (Träger, Kategorien …, by their key) and those of other
/// files (Sozialräume, Gremien).
struct Bezuege {
    var listen: [String: Bezugsliste]
    var fremd: Fremdlisten?

    static let leer = Bezuege(listen: [:], fremd: nil)

    init(listen: [String: Bezugsliste], fremd: Fremdlisten?) {
        self.listen = listen
        self.fremd = fremd
    }

    /// Every list of the file that a column refers to, read from the data.
    init(plan: Tabellenplan, daten: (String) -> JSONWert?, fremd: Fremdlisten) {
        var listen: [String: Bezugsliste] = [:]
        for liste in plan.listen where liste.eltern == nil {
            guard case .liste(let elemente)? = daten(liste.schluessel)?.inhalt else { continue }
            listen[liste.schluessel] = Bezugsliste(elemente.map { element in
                Bezugsliste.Eintrag(id: Self.text(element["id"]) ?? "", name: liste.namensfeld.flatMap { Self.text(element[$0]) } ?? "")
            }, bezeichnung: liste.blatt)
        }
        self.init(listen: listen, fremd: fremd)
    }

    func liste(_ verweis: Tabellenplan.Verweis) -> Bezugsliste? {
        switch verweis {
        case .liste(let schluessel): return listen[schluessel]
        case .sozialraum: return fremd?.sozialraeume
        case .gremium: return fremd?.gremien
        }
    }

    static func text(_ wert: JSONWert?) -> String? {
        if case .text(let text)? = wert?.inhalt { return text }
        return nil
    }
}
