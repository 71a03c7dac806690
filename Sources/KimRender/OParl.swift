import KimDerive
import KimModel

/// The OParl 1.1 export of the public Gremien and Sitzungen under `oparl/`: every
/// object as its own file, ids as absolute URLs under the Kommune's `basisUrl`,
/// lists with `data`, `pagination` and `links`. Only public agenda items appear.
struct OParlExport {
    let projekt: Projekt
    let basis: String
    let seiten: String
    let gremienNamen: [String: String]

    init(_ projekt: Projekt) {
        self.projekt = projekt
        gremienNamen = Dictionary(projekt.gremien.gremien.map { ($0.id, $0.name) }) { erstes, _ in erstes }
        seiten = projekt.kommune.basisUrl
        basis = projekt.kommune.basisUrl + "oparl/"
    }

    static let version = "https://schema.oparl.org/1.1/"

    /// File contents as UTF-8 bytes, as they go into `Ausgabe.dateien`.
    func dateien() -> [String: [UInt8]] {
        // Agenda items, then meetings, are written once each and placed into the lists as they are.
        let punkte: [[(pfad: String, text: JSONText.Fertig)]] = Parallel.map(projekt.sitzungen) { sitzung in
            oeffentlichePunkte(sitzung).map { geschrieben(tagesordnungspunkt($0.punkt, reihenfolge: $0.reihenfolge, in: sitzung)) }
        }
        let sitzungen: [(pfad: String, text: JSONText.Fertig)] = Parallel.map(Array(zip(projekt.sitzungen, punkte))) { sitzung, punkte in
            geschrieben(self.sitzung(sitzung, tagesordnung: punkte.map(\.text)))
        }
        let allePunkte = punkte.joined()
        let organisationen = projekt.gremien.gremien.map(organisation)
        let mitgliedschaften = projekt.gremien.gremien.flatMap(mitgliedschaften)
        let orte = Dictionary(projekt.sitzungen.filter(\.oeffentlich).map { (ortID($0.ort), ort($0.ort)) }) { erstes, _ in erstes }.sorted { $0.key < $1.key }.map(\.value)
        // The largest lists first: Parallel.map hands out work in this order, so they start early.
        let listen: [(pfad: String, objekt: [String: Any])] = [
            ("oparl/agendaitems.json", liste("agendaitems.json", allePunkte.map(\.text))),
            ("oparl/meetings.json", liste("meetings.json", sitzungen.map(\.text))),
            ("oparl/bodies.json", liste("bodies.json", [body()])),
            ("oparl/organizations.json", liste("organizations.json", organisationen)),
            ("oparl/memberships.json", liste("memberships.json", mitgliedschaften)),
            ("oparl/locations.json", liste("locations.json", orte)),
            ("oparl/persons.json", liste("persons.json", [])),
            ("oparl/papers.json", liste("papers.json", [])),
        ]
        var objekte: [(pfad: String, objekt: [String: Any])] = []
        for objekt in [system(), body()] + organisationen + mitgliedschaften + orte {
            if let pfad = pfad(objekt) { objekte.append((pfad, objekt)) }
        }
        let einzeln = Parallel.map(listen + objekte) { JSONText.bytes($0.objekt) }
        var dateien: [String: [UInt8]] = [:]
        // The objects first, then the lists, as always: a list wins over an object of the same path.
        for (eintrag, text) in zip(objekte, einzeln.dropFirst(listen.count)) { dateien[eintrag.pfad] = text }
        for (pfad, text) in sitzungen + allePunkte { dateien[pfad] = text.bytes + [UInt8(ascii: "\n")] }
        for (eintrag, text) in zip(listen, einzeln) { dateien[eintrag.pfad] = text }
        return dateien
    }

    /// Where an object goes: its id below `oparl/`; nil for an id outside the export.
    func pfad(_ objekt: [String: Any]) -> String? {
        guard let id = objekt["id"] as? String, id.hasPrefix(basis) else { return nil }
        return "oparl/" + id.dropFirst(basis.count)
    }

    /// An object written once, with the path of its own file (every object here has one).
    func geschrieben(_ objekt: [String: Any]) -> (pfad: String, text: JSONText.Fertig) {
        (pfad(objekt) ?? "", JSONText.fertig(objekt))
    }

    /// The agenda items the public may see, numbered by their place on the whole agenda.
    func oeffentlichePunkte(_ sitzung: Sitzung) -> [(punkt: Tagesordnungspunkt, reihenfolge: Int)] {
        guard sitzung.oeffentlich else { return [] }
        return sitzung.tagesordnung.enumerated().filter { $0.element.oeffentlich }.map { ($0.element, $0.offset + 1) }
    }

    func liste(_ name: String, _ daten: [Any]) -> [String: Any] {
        [
            "data": daten,
            "pagination": ["totalElements": daten.count, "elementsPerPage": max(daten.count, 1), "currentPage": 1, "totalPages": 1],
            "links": ["first": basis + name, "last": basis + name],
        ]
    }

    /// Dataset dates as OParl date-times, at midnight local time.
    func zeitpunkt(_ datum: Datum, _ uhrzeit: String = "00:00") -> String {
        "\(datum.iso)T\(uhrzeit):00\(Zeitzone.berlin(datum))"
    }

    func stempel(_ datum: Datum) -> [String: Any] {
        ["created": zeitpunkt(datum), "modified": zeitpunkt(datum)]
    }

    func system() -> [String: Any] {
        ["id": basis + "system.json", "type": Self.version + "System", "oparlVersion": Self.version,
         "body": basis + "bodies.json", "name": "Kommunales Integrationsmanagement \(Ortsformen(projekt.kommune).kurzform)",
         "website": seiten, "product": "kim", "web": seiten]
            .merging(stempel(projekt.gremien.stand)) { $1 }
    }

    func body() -> [String: Any] {
        ["id": basis + "body.json", "type": Self.version + "Body", "system": basis + "system.json",
         "name": projekt.kommune.bezeichnung, "shortName": projekt.kommune.name, "website": seiten,
         "organization": basis + "organizations.json", "person": basis + "persons.json",
         "meeting": basis + "meetings.json", "paper": basis + "papers.json", "legislativeTerm": [] as [Any],
         "agendaItem": basis + "agendaitems.json", "membership": basis + "memberships.json",
         "locationList": basis + "locations.json", "classification": projekt.kommune.art, "web": seiten]
            .merging(stempel(projekt.gremien.stand)) { $1 }
    }

    func organisationID(_ id: String) -> String { basis + "organization/\(id).json" }

    func organisation(_ gremium: Gremium) -> [String: Any] {
        ["id": organisationID(gremium.id), "type": Self.version + "Organization", "body": basis + "body.json",
         "name": gremium.name, "shortName": gremium.kurzname, "organizationType": "Gremium", "classification": gremium.art,
         "membership": gremium.mitglieder.indices.map { basis + "membership/\(gremium.id)-\($0 + 1).json" },
         "web": seiten + "gremien/\(gremium.id).html"]
            .merging(stempel(projekt.gremien.stand)) { $1 }
    }

    func mitgliedschaften(_ gremium: Gremium) -> [[String: Any]] {
        gremium.mitglieder.enumerated().map { index, mitglied in
            ["id": basis + "membership/\(gremium.id)-\(index + 1).json", "type": Self.version + "Membership",
             "organization": organisationID(gremium.id), "role": mitglied.rolle.map { "\(mitglied.bezeichnung) (\($0))" } ?? mitglied.bezeichnung]
                .merging(stempel(projekt.gremien.stand)) { $1 }
        }
    }

    func ortID(_ ort: String) -> String { basis + "location/\(Ortskennung.von(ort)).json" }

    func ort(_ ort: String) -> [String: Any] {
        ["id": ortID(ort), "type": Self.version + "Location", "description": Ortskennung.normalisiert(ort), "locality": projekt.kommune.anschrift.ort]
            .merging(stempel(projekt.gremien.stand)) { $1 }
    }

    func sitzung(_ sitzung: Sitzung, tagesordnung: [JSONText.Fertig]) -> [String: Any] {
        var objekt: [String: Any] = ["id": basis + "meeting/\(sitzung.id).json", "type": Self.version + "Meeting",
                "name": "\(sitzung.nummer). Sitzung \(gremienNamen[sitzung.gremium] ?? sitzung.gremium)",
                "meetingState": "durchgeführt", "cancelled": false,
                "start": zeitpunkt(sitzung.datum, sitzung.beginn), "end": zeitpunkt(sitzung.datum, sitzung.ende),
                "organization": [organisationID(sitzung.gremium)],
                "agendaItem": tagesordnung,
                "web": seiten + "sitzungen/\(sitzung.id).html"]
        // A non-public Sitzung: no place (the public filter has removed it).
        if sitzung.oeffentlich { objekt["location"] = ort(sitzung.ort) }
        return objekt.merging(stempel(sitzung.stand)) { $1 }
    }

    func tagesordnungspunkt(_ punkt: Tagesordnungspunkt, reihenfolge: Int, in sitzung: Sitzung) -> [String: Any] {
        var objekt: [String: Any] = [
            "id": basis + "agendaitem/\(sitzung.id)-\(Self.dateiname(punkt.nummer)).json", "type": Self.version + "AgendaItem",
            "meeting": basis + "meeting/\(sitzung.id).json", "number": punkt.nummer, "order": reihenfolge,
            "name": punkt.titel, "public": true,
            "web": seiten + "sitzungen/\(sitzung.id).html#top-\(Escape.slug(punkt.nummer))",
        ]
        if !punkt.beschluesse.isEmpty {
            objekt["result"] = punkt.beschluesse.map(\.ergebnis.rawValue).joined(separator: "; ")
            objekt["resolutionText"] = punkt.beschluesse.map(\.wortlaut).joined(separator: "\n\n")
        }
        return objekt.merging(stempel(sitzung.stand)) { $1 }
    }
}

enum Zeitzone {
    /// "+01:00" or "+02:00": Central European (Summer) Time on that day, switching on the
    /// last Sundays of March and October (the clock change at 02:00/03:00 is ignored; meetings are not held then).
    static func berlin(_ datum: Datum) -> String {
        func letzterSonntag(_ monat: Int) -> Int {
            // Zeller-style weekday of the 31st; 0 = Sunday
            let tag = 31
            var m = monat, j = datum.jahr
            if m < 3 { m += 12; j -= 1 }
            let k = j % 100, jh = j / 100
            let h = (tag + (13 * (m + 1)) / 5 + k + k / 4 + jh / 4 + 5 * jh) % 7  // 0 = Saturday
            let wochentag = (h + 6) % 7  // 0 = Sunday
            return tag - wochentag
        }
        let sommer: Bool
        switch datum.monat {
        case 4...9: sommer = true
        case 3: sommer = datum.tag >= letzterSonntag(3)
        case 10: sommer = datum.tag < letzterSonntag(10)
        default: sommer = false
        }
        return sommer ? "+02:00" : "+01:00"
    }
}
