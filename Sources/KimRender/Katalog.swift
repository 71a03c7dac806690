import KimDerive
import KimModel

/// `katalog.ttl`: the open data as a DCAT-AP.de 3.0 catalogue in Turtle, for portals such as
/// GovData and Open.NRW to harvest. Every value is written through `Turtle`, so data stay text.
/// Dates come from the data; the licence from `data/offene-daten.json`, as its dcat-ap.de IRI.
struct Katalog {
    let projekt: Projekt
    let datensaetze: [Datensatz]
    /// Date of the first Fassung: when the site, and with it the catalogue, was first published.
    let veroeffentlicht: Datum

    static let pfad = "katalog.ttl"

    static let praefixe = """
    @prefix dcat: <http://www.w3.org/ns/dcat#> .
    @prefix dcatde: <http://dcat-ap.de/def/dcatde/> .
    @prefix dct: <http://purl.org/dc/terms/> .
    @prefix foaf: <http://xmlns.com/foaf/0.1/> .
    @prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
    @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

    """

    static let sprache = "http://publications.europa.eu/resource/authority/language/DEU"
    static let thema = "http://publications.europa.eu/resource/authority/data-theme/"
    static let dateityp = "http://publications.europa.eu/resource/authority/file-type/"

    var basis: String { projekt.kommune.basisUrl }
    var katalogIRI: String { basis + Self.pfad }
    var herausgeber: String { katalogIRI + "#herausgeber" }
    var kontakt: String { katalogIRI + "#kontakt" }
    func datensatzIRI(_ datensatz: Datensatz) -> String { katalogIRI + "#" + datensatz.id }
    func dateiIRI(_ datensatz: Datensatz, _ datei: Datensatz.Datei) -> String {
        katalogIRI + "#" + datensatz.id + "-" + datei.dateityp.lowercased()
    }

    /// The Kommune in the dcat-ap.de list of Regionalschlüssel.
    var gebiet: String { "http://dcat-ap.de/def/politicalGeocoding/regionalKey/" + projekt.offeneDaten.regionalschluessel }

    /// The geopolitical level of the Kommune in the dcat-ap.de list: a Kreis is a district, a kreisfreie Stadt a municipality.
    var ebene: String {
        "http://dcat-ap.de/def/politicalGeocoding/Level/" + (projekt.kommune.art == "Kreis" ? "administrativeDistrict" : "municipality")
    }

    var text: String {
        let offen = projekt.offeneDaten
        let geaendert = datensaetze.map(\.geaendert).max() ?? offen.stand
        var aussagen: [String] = []
        aussagen.append(subjekt(katalogIRI, "dcat:Catalog", [
            ("dct:title", [Turtle.deutsch("Offene Daten des Kommunalen Integrationsmanagements \(Ortsformen(projekt.kommune).kurzform)")]),
            ("dct:description", [Turtle.deutsch("Datensätze des Kommunalen Integrationsmanagements (KIM) \(Ortsformen(projekt.kommune).genitiv): Bevölkerungszahlen, Beratungsangebote, Meilensteine, Beschlüsse, Aufgaben und Sitzungen der Gremien.")]),
            ("dct:publisher", [Turtle.iri(herausgeber)]),
            ("foaf:homepage", [Turtle.iri(basis + "offene-daten.html")]),
            ("dct:language", [Turtle.iri(Self.sprache)]),
            ("dct:license", [Turtle.iri(offen.lizenz.uri)]),
            ("dct:issued", [Turtle.datum(veroeffentlicht.iso)]),
            ("dct:modified", [Turtle.datum(geaendert.iso)]),
            ("dcat:dataset", datensaetze.map { Turtle.iri(datensatzIRI($0)) }),
        ]))
        aussagen.append(subjekt(herausgeber, "foaf:Organization", [("foaf:name", [Turtle.deutsch(projekt.kommune.bezeichnung)])]))
        var wege: [(String, [String])] = [("vcard:fn", [Turtle.literal(offen.kontakt.name)])]
        if let email = offen.kontakt.email { wege.append(("vcard:hasEmail", [Turtle.iri("mailto:" + email)])) }
        if let web = offen.kontakt.web { wege.append(("vcard:hasURL", [Turtle.iri(web)])) }
        aussagen.append(subjekt(kontakt, "vcard:Organization", wege))
        aussagen.append(subjekt(gebiet, "dct:Location", [("dct:identifier", [Turtle.literal(projekt.offeneDaten.regionalschluessel)])]))
        for datensatz in datensaetze {
            aussagen.append(beschreibung(datensatz))
            for datei in datensatz.dateien {
                aussagen.append(verteilung(datensatz, datei))
            }
        }
        return Self.praefixe + "\n" + aussagen.joined(separator: "\n")
    }

    func beschreibung(_ datensatz: Datensatz) -> String {
        var beschreibung = datensatz.beschreibung + " Quelle: \(datensatz.quelle)."
        if datensatz.beispieldaten { beschreibung += " Enthält Beispieldaten." }
        return subjekt(datensatzIRI(datensatz), "dcat:Dataset", [
            ("dct:identifier", [Turtle.literal(datensatzIRI(datensatz))]),
            ("dct:title", [Turtle.deutsch(datensatz.titel)]),
            ("dct:description", [Turtle.deutsch(beschreibung)]),
            ("dct:publisher", [Turtle.iri(herausgeber)]),
            ("dcat:contactPoint", [Turtle.iri(kontakt)]),
            ("dcat:theme", datensatz.themen.map { Turtle.iri(Self.thema + $0) }),
            ("dcat:keyword", datensatz.schlagworte.map(Turtle.deutsch)),
            ("dct:language", [Turtle.iri(Self.sprache)]),
            ("dct:issued", [Turtle.datum(datensatz.veroeffentlicht.iso)]),
            ("dct:modified", [Turtle.datum(datensatz.geaendert.iso)]),
            ("dcat:landingPage", [Turtle.iri(basis + datensatz.seite)]),
            // DCAT-AP.de 3.0 names the area with dct:spatial; the older dcatde property stays for
            // portals that still read it (the shapes warn that it is deprecated, nothing more).
            ("dct:spatial", [Turtle.iri(gebiet)]),
            ("dcatde:politicalGeocodingURI", [Turtle.iri(gebiet)]),
            ("dcatde:politicalGeocodingLevelURI", [Turtle.iri(ebene)]),
            ("dcat:distribution", datensatz.dateien.map { Turtle.iri(dateiIRI(datensatz, $0)) }),
        ])
    }

    func verteilung(_ datensatz: Datensatz, _ datei: Datensatz.Datei) -> String {
        let offen = projekt.offeneDaten
        var eigenschaften: [(String, [String])] = [
            ("dct:title", [Turtle.deutsch("\(datensatz.titel) (\(datei.format))")]),
            ("dcat:accessURL", [Turtle.iri(basis + datei.pfad)]),
            ("dcat:downloadURL", [Turtle.iri(basis + datei.pfad)]),
            ("dct:format", [Turtle.iri(Self.dateityp + datei.dateityp)]),
            ("dct:license", [Turtle.iri(offen.lizenz.uri)]),
            ("dct:issued", [Turtle.datum(datensatz.veroeffentlicht.iso)]),
            ("dct:modified", [Turtle.datum(datensatz.geaendert.iso)]),
        ]
        if offen.lizenz == .dlByDe20 || offen.lizenz == .ccBy40 {
            eigenschaften.append(("dcatde:licenseAttributionByText", [Turtle.deutsch(offen.namensnennung)]))
        }
        return subjekt(dateiIRI(datensatz, datei), "dcat:Distribution", eigenschaften)
    }

    /// One subject with its type and properties, a property with several objects as a list.
    func subjekt(_ iri: String, _ typ: String, _ eigenschaften: [(String, [String])]) -> String {
        var zeilen = ["\(Turtle.iri(iri)) a \(typ)"]
        for (praedikat, objekte) in eigenschaften where !objekte.isEmpty {
            zeilen.append("    \(praedikat) \(objekte.joined(separator: ",\n        "))")
        }
        return zeilen.joined(separator: " ;\n") + " .\n"
    }
}
