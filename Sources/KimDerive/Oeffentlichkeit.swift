import KimModel

/// The public filter: runs before render, so public pages are made from a model
/// that no longer holds anything non-public and no template can leak it.
public enum Oeffentlichkeit {
    public static let nichtOeffentlich = "nicht öffentlich"

    public static func filtern(_ projekt: Projekt) -> Projekt {
        var kopie = projekt
        kopie.sitzungen = projekt.sitzungen.map(filtern)
        // Decisions, risks and contacts of the Sachstandsbericht are internal as a whole.
        kopie.berichtsdaten = nil
        return kopie
    }

    public static func filtern(_ sitzung: Sitzung) -> Sitzung {
        var kopie = sitzung
        guard sitzung.oeffentlich else {
            // A non-public Sitzung keeps what its public announcement said: day, time, Gremium, number.
            // Place, attendance and agenda stay inside (README, "Was öffentlich ist").
            kopie.ort = ""
            kopie.teilnahme = []
            kopie.tagesordnung = []
            kopie.niederschriftGenehmigt = nil
            return kopie
        }
        kopie.teilnahme = sitzung.teilnahme.map { teilnahme in
            var ohneName = teilnahme
            if teilnahme.einwilligung != true { ohneName.name = nil }
            return ohneName
        }
        kopie.tagesordnung = sitzung.tagesordnung.map { punkt in
            guard sitzung.oeffentlich, punkt.oeffentlich else {
                return Tagesordnungspunkt(nummer: punkt.nummer, titel: nichtOeffentlich, oeffentlich: false,
                                          bericht: nil, beschluesse: [], aufgaben: [], meilensteine: [])
            }
            return punkt
        }
        return kopie
    }
}
