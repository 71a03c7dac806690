import KimDerive
import KimModel

/// The open data of Anlage 1, Anlage 2 and the registers: each dataset's fields come from its schema
/// (`Exportplan`); declared here is only what the schema cannot say: which references the CSV names
/// by name, and the columns that are not a field of the item.
extension Website {
    var angebotsexport: Exportplan<Angebot> {
        let verzeichnis = verzeichnis
        return Exportplan(felder: projekt.exportfelder["Angebot"] ?? [],
                          darstellungen: ["data/angebote.json#/traeger": { verzeichnis.traeger[$0]?.name },
                                          "data/angebote.json#/kategorien": { verzeichnis.kategorien[$0]?.name },
                                          "data/angebote.json#/zielgruppen": { verzeichnis.zielgruppen[$0]?.name },
                                          "data/gremien.json#/gremien": { verzeichnis.gremien[$0]?.name }],
                          datenfelder: \.datenfelder)
    }

    var meilensteinexport: Exportplan<Meilensteinauswertung.Eintrag> {
        let felder = Dictionary(projekt.meilensteinplan.handlungsfelder.map { ($0.id, $0.name) }) { erstes, _ in erstes }
        return Exportplan(felder: projekt.exportfelder["Meilenstein"] ?? [],
                          darstellungen: ["data/meilensteine.json#/handlungsfelder": { felder[$0] }],
                          zusatz: [.init(name: "status_am_stichtag", jsonName: "statusAmStichtag",
                                         bedeutung: "Stand am Stichtag der Veröffentlichung: geplant, laufend, verschoben, überfällig oder erledigt",
                                         nach: "status", wert: { .text($0.status.bezeichnung) })],
                          datenfelder: \.meilenstein.datenfelder)
    }

    /// Only what the public filter left, so only public decisions; a row says where it was taken.
    var beschlussexport: Exportplan<Gremienarbeit.BeschlussEintrag> {
        let basis = projekt.kommune.basisUrl
        let verzeichnis = verzeichnis
        return Exportplan(felder: projekt.exportfelder["Beschluss"] ?? [], zusatz: [
            .init(name: "datum", bedeutung: "Datum der Sitzung (JJJJ-MM-TT)", nach: "id", wert: { .text($0.sitzung.datum.iso) }),
            .init(name: "gremium", bedeutung: "Kennung des Gremiums", nach: "id", wert: { .text($0.sitzung.gremium) }),
            .init(name: "gremium_name", bedeutung: "Name des Gremiums", nach: "id",
                  wert: { .text(verzeichnis.gremien[$0.sitzung.gremium]?.name ?? $0.sitzung.gremium) }),
            .init(name: "sitzung", bedeutung: "Kennung der Sitzung", nach: "id", wert: { .text($0.sitzung.id) }),
            .init(name: "top", bedeutung: "Nummer des Tagesordnungspunkts", nach: "id", wert: { .text($0.punkt.nummer) }),
            .init(name: "top_titel", bedeutung: "Titel des Tagesordnungspunkts", nach: "id", wert: { .text($0.punkt.titel) }),
            .init(name: "url", bedeutung: "Adresse des Beschlusses in der Niederschrift",
                  wert: { .text("\(basis)sitzungen/\($0.sitzung.id).html#\($0.beschluss.id)") }),
        ], datenfelder: \.beschluss.datenfelder)
    }

    var aufgabenexport: Exportplan<Gremienarbeit.AufgabenEintrag> {
        let basis = projekt.kommune.basisUrl
        return Exportplan(felder: projekt.exportfelder["Aufgabe"] ?? [], zusatz: [
            .init(name: "status_am_stichtag", bedeutung: "Stand am Stichtag der Veröffentlichung: offen, erledigt oder überfällig",
                  nach: "status", wert: { .text($0.status.bezeichnung) }),
            .init(name: "gremium", bedeutung: "Kennung des Gremiums, in dessen Sitzung die Aufgabe vergeben wurde", wert: { .text($0.sitzung.gremium) }),
            .init(name: "sitzung", bedeutung: "Kennung der Sitzung", wert: { .text($0.sitzung.id) }),
            .init(name: "datum_sitzung", bedeutung: "Datum der Sitzung (JJJJ-MM-TT)", wert: { .text($0.sitzung.datum.iso) }),
            .init(name: "url", bedeutung: "Adresse der Aufgabe in der Niederschrift",
                  wert: { .text("\(basis)sitzungen/\($0.sitzung.id).html#\($0.aufgabe.id)") }),
        ], datenfelder: \.aufgabe.datenfelder)
    }
}
