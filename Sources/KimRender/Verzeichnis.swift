import KimDerive
import KimModel

/// Lookups by id, built once per rendering, so pages never scan whole lists
/// (which made large projects quadratic).
struct Verzeichnis {
    let gremien: [String: Gremium]
    let meilensteine: [String: Meilenstein]
    let beschluesseNachMeilenstein: [String: [Gremienarbeit.BeschlussEintrag]]
    let traeger: [String: Traeger]
    let kategorien: [String: Angebotskategorie]
    let zielgruppen: [String: Zielgruppe]
    let sozialraeume: [String: Sozialraum]

    init(_ projekt: Projekt, _ auswertung: Auswertung) {
        func index<Wert>(_ liste: [Wert], _ id: (Wert) -> String) -> [String: Wert] {
            Dictionary(liste.map { (id($0), $0) }) { erstes, _ in erstes }
        }
        gremien = index(projekt.gremien.gremien, \.id)
        meilensteine = index(projekt.meilensteinplan.meilensteine, \.id)
        var nachMeilenstein: [String: [Gremienarbeit.BeschlussEintrag]] = [:]
        for eintrag in auswertung.gremienarbeit.beschluesse {
            for id in eintrag.beschluss.meilensteine { nachMeilenstein[id, default: []].append(eintrag) }
        }
        beschluesseNachMeilenstein = nachMeilenstein
        traeger = index(projekt.angebote.traeger, \.id)
        kategorien = index(projekt.angebote.kategorien, \.id)
        zielgruppen = index(projekt.angebote.zielgruppen, \.id)
        sozialraeume = index(projekt.kommune.sozialraeume, \.nummer)
    }

    /// The names an Angebot's references stand for, as the pages and the PDF show them (the downloads
    /// name them through `Website.angebotsexport`, from the same tables).
    func traegerName(_ angebot: Angebot) -> String { traeger[angebot.traeger]?.name ?? angebot.traeger }
    func kategorieName(_ angebot: Angebot) -> String? { angebot.kategorie.flatMap { kategorien[$0]?.name } }
    func zielgruppenNamen(_ angebot: Angebot) -> [String] { angebot.zielgruppen.compactMap { zielgruppen[$0]?.name } }
}
