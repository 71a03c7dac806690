import Foundation
import KimLoad
import KimTabellen
@testable import KimWerkbank

/// An author who edits a project copy at random, the way people do: a Sitzung added, changed or deleted,
/// an Angebot added, changed or deleted, a Gremium renamed, a chapter edited, and now and then a mistake
/// (a Sitzung of an unknown Gremium, a placeholder that does not exist, a file cut off mid-way). Data files
/// are changed through their JSON (key order and form as the project writes them), so every edit is one
/// an author could make in the workbench or an editor. Works on any project (the reference, Kreis
/// Lindenau): what it changes it takes from the project's own files.
struct Autor {
    let projekt: URL
    var zufall: Zufall
    /// Numbers the new Sitzungen, Angebote and paragraphs, so their ids stay unique.
    private var zaehler = 0

    init(projekt: URL, zufall: Zufall) {
        self.projekt = projekt
        self.zufall = zufall
    }

    /// How to undo one edit: the files it touched with their bytes before (nil: the file did not exist).
    struct Ruecknahme {
        var beschreibung: String
        var vorher: [String: Data?]
    }

    enum Art: CaseIterable {
        case sitzungNeu, sitzungGeaendert, sitzungGeloescht
        case angebotNeu, angebotGeaendert, angebotGeloescht
        case gremiumUmbenannt, kapitelBearbeitet
        // Mistakes: the build must fail without touching the output.
        case sitzungUnbekanntesGremium, kapitelUnbekannterPlatzhalter, dateiAbgeschnitten

        /// How often an author makes this edit, relative to the others.
        var gewicht: Int {
            switch self {
            case .sitzungNeu: 3
            case .sitzungGeaendert: 6
            case .sitzungGeloescht: 2
            case .angebotNeu: 2
            case .angebotGeaendert: 3
            case .angebotGeloescht: 1
            case .gremiumUmbenannt: 3
            case .kapitelBearbeitet: 3
            case .sitzungUnbekanntesGremium, .kapitelUnbekannterPlatzhalter, .dateiAbgeschnitten: 1
            }
        }
    }

    /// One random edit; returns how to take it back.
    mutating func bearbeiten() throws -> Ruecknahme {
        let summe = Art.allCases.map(\.gewicht).reduce(0, +)
        var los = Int.random(in: 0..<summe, using: &zufall)
        let art = Art.allCases.first { los -= $0.gewicht; return los < 0 } ?? .sitzungGeaendert
        zaehler += 1
        var vorher: [String: Data?] = [:]
        let ordner = projekt
        let beschreibung = try ausfuehren(art) { pfad in
            if vorher[pfad] == nil { vorher[pfad] = .some(try? Data(contentsOf: ordner.appendingPathComponent(pfad))) }
        }
        return Ruecknahme(beschreibung: beschreibung, vorher: vorher)
    }

    func zuruecknehmen(_ ruecknahme: Ruecknahme) throws {
        for (pfad, inhalt) in ruecknahme.vorher {
            let datei = projekt.appendingPathComponent(pfad)
            if let inhalt { try inhalt.write(to: datei, options: .atomic) } else { try FileManager.default.removeItem(at: datei) }
        }
    }

    // MARK: - The edits

    private mutating func ausfuehren(_ art: Art, merken: (String) throws -> Void) throws -> String {
        let sitzungen = try sitzungsdateien()
        switch art {
        case .sitzungNeu, .sitzungUnbekanntesGremium:
            let gremium = art == .sitzungUnbekanntesGremium ? "unbekanntes-gremium-\(zaehler)" : try zufaellig(try gremien())
            let id = "\(gremium)-zufall-\(zaehler)"
            let pfad = "data/sitzungen/\(id).json"
            try merken(pfad)
            try schreiben(pfad, try neueSitzung(id: id, gremium: gremium))
            return "Sitzung \(pfad) neu (Gremium \(gremium))"
        case .sitzungGeaendert:
            let pfad = try zufaellig(sitzungen)
            try merken(pfad)
            var sitzung = try lesen(pfad)
            let was = try sitzungAendern(&sitzung)
            try schreiben(pfad, sitzung)
            return "Sitzung \(pfad): \(was)"
        case .sitzungGeloescht:
            guard sitzungen.count > 1 else { return try ausfuehren(.sitzungNeu, merken: merken) }
            let pfad = try zufaellig(sitzungen)
            try merken(pfad)
            try FileManager.default.removeItem(at: projekt.appendingPathComponent(pfad))
            return "Sitzung \(pfad) gelöscht"
        case .angebotNeu:
            try merken(Self.angebote)
            var daten = try lesen(Self.angebote)
            let liste = daten.wert(["angebote"])?.listenelemente ?? []
            var angebot = try zufaellig(liste)
            let id = "\(angebot.wert(["id"])?.alsText ?? "angebot")-zufall-\(zaehler)"
            angebot = angebot.ersetzt(["id"], durch: .text(id)).ersetzt(["name"], durch: .text(text(2...5)))
            var neu = liste
            neu.insert(angebot, at: Int.random(in: 0...liste.count, using: &zufall))
            daten = daten.ersetzt(["angebote"], durch: .liste(neu))
            try schreiben(Self.angebote, daten)
            return "Angebot \(id) neu"
        case .angebotGeaendert:
            try merken(Self.angebote)
            var daten = try lesen(Self.angebote)
            let anzahl = daten.wert(["angebote"])?.listenelemente.count ?? 0
            let index = Int.random(in: 0..<max(anzahl, 1), using: &zufall)
            let was: String
            switch Int.random(in: 0..<4, using: &zufall) {
            case 0:
                was = "Name"
                daten = daten.ersetzt(["angebote", "\(index)", "name"], durch: .text(text(1...6)))
            case 1:
                was = "Beschreibung"
                daten = daten.ersetzt(["angebote", "\(index)", "beschreibung"], durch: .text(text(3...20)))
            case 2:
                was = "Sprachen"
                let sprachen = ["Deutsch", "Englisch", "Arabisch", "Türkisch", "Ukrainisch", "Farsi"].shuffled(using: &zufall).prefix(Int.random(in: 0...3, using: &zufall))
                daten = daten.ersetzt(["angebote", "\(index)", "sprachen"], durch: .liste(sprachen.map { .text($0) }))
            default:
                was = "Kategorie"
                let kategorien = (daten.wert(["kategorien"])?.listenelemente ?? []).compactMap { $0.wert(["id"])?.alsText }
                daten = daten.ersetzt(["angebote", "\(index)", "kategorie"], durch: .text(try zufaellig(kategorien)))
            }
            try schreiben(Self.angebote, daten)
            return "Angebot Nr. \(index + 1): \(was) geändert"
        case .angebotGeloescht:
            try merken(Self.angebote)
            var daten = try lesen(Self.angebote)
            var liste = daten.wert(["angebote"])?.listenelemente ?? []
            guard liste.count > 1 else { return "nichts gelöscht (nur noch ein Angebot)" }
            let weg = liste.remove(at: Int.random(in: 0..<liste.count, using: &zufall))
            daten = daten.ersetzt(["angebote"], durch: .liste(liste))
            try schreiben(Self.angebote, daten)
            return "Angebot \(weg.wert(["id"])?.alsText ?? "?") gelöscht"
        case .gremiumUmbenannt:
            try merken(Self.gremienDatei)
            var daten = try lesen(Self.gremienDatei)
            let ids = (daten.wert(["gremien"])?.listenelemente ?? []).map { $0.wert(["id"])?.alsText ?? "" }
            // Mostly a Gremium that has Sitzungen: their pages, lists and registers name it.
            let tagende = try sitzungen.compactMap { try lesen($0).wert(["gremium"])?.alsText }
            let gremium = Int.random(in: 0..<4, using: &zufall) > 0 && !tagende.isEmpty ? try zufaellig(tagende) : try zufaellig(ids)
            let index = ids.firstIndex(of: gremium) ?? 0
            let name = text(1...4)
            daten = daten.ersetzt(["gremien", "\(index)", "name"], durch: .text("Gremium " + name))
            if daten.wert(["gremien", "\(index)", "kurzname"]) != nil {
                daten = daten.ersetzt(["gremien", "\(index)", "kurzname"], durch: .text(name))
            }
            try schreiben(Self.gremienDatei, daten)
            return "Gremium \(gremium) umbenannt in „\(name)“"
        case .kapitelBearbeitet, .kapitelUnbekannterPlatzhalter:
            let kapitel = try dateien(in: "templates/kapitel", endung: ".md")
            let pfad = try zufaellig(kapitel)
            try merken(pfad)
            var absaetze = try String(contentsOf: projekt.appendingPathComponent(pfad), encoding: .utf8).components(separatedBy: "\n\n")
            let eigene = absaetze.indices.filter { absaetze[$0].hasPrefix("Zufallsabsatz") }
            let was: String
            if art == .kapitelUnbekannterPlatzhalter {
                absaetze.insert("Zufallsabsatz \(zaehler) mit {{kommune.gibtEsNicht\(zaehler)}}.", at: Int.random(in: 0..<absaetze.count, using: &zufall))
                was = "unbekannter Platzhalter eingefügt"
            } else if !eigene.isEmpty, Int.random(in: 0..<3, using: &zufall) == 0 {
                absaetze.remove(at: try zufaellig(eigene))
                was = "Absatz entfernt"
            } else if !eigene.isEmpty, Bool.random(using: &zufall) {
                let index = try zufaellig(eigene)
                absaetze[index] += " " + text(2...8)
                was = "Absatz ergänzt"
            } else {
                // Not after the footnote definitions at the end, which would then hold the paragraph.
                let ende = absaetze.firstIndex { $0.hasPrefix("[^") } ?? absaetze.count
                absaetze.insert("Zufallsabsatz \(zaehler): \(text(4...16)).", at: Int.random(in: 0...ende, using: &zufall))
                was = "Absatz eingefügt"
            }
            try Data(absaetze.joined(separator: "\n\n").utf8).write(to: projekt.appendingPathComponent(pfad), options: .atomic)
            return "Kapitel \(pfad): \(was)"
        case .dateiAbgeschnitten:
            let pfad = try zufaellig(sitzungen + [Self.angebote, Self.gremienDatei])
            try merken(pfad)
            let datei = projekt.appendingPathComponent(pfad)
            let bytes = try Data(contentsOf: datei)
            try bytes.prefix(Int.random(in: 1..<max(bytes.count / 2, 2), using: &zufall)).write(to: datei, options: .atomic)
            return "\(pfad) mitten im Text abgeschnitten"
        }
    }

    /// One change to a Sitzung, of the kinds an author makes after the meeting.
    private mutating func sitzungAendern(_ sitzung: inout JSONWert) throws -> String {
        let punkte = sitzung.wert(["tagesordnung"])?.listenelemente ?? []
        let top = Int.random(in: 0..<max(punkte.count, 1), using: &zufall)
        switch Int.random(in: 0..<8, using: &zufall) {
        case 0:
            sitzung = sitzung.ersetzt(["ort"], durch: .text(text(1...6)))
            return "Ort geändert"
        case 1:
            sitzung = sitzung.ersetzt(["tagesordnung", "\(top)", "titel"], durch: .text(text(1...8)))
            return "Titel von TOP \(top + 1) geändert"
        case 2:
            sitzung = sitzung.ersetzt(["tagesordnung", "\(top)", "bericht"], durch: .text(text(5...30)))
            return "Bericht von TOP \(top + 1) geändert"
        case 3:
            let oeffentlich = sitzung.wert(["tagesordnung", "\(top)", "oeffentlich"])?.alsText == "true"
            sitzung = sitzung.ersetzt(["tagesordnung", "\(top)", "oeffentlich"], durch: .wahrheitswert(!oeffentlich))
            return "TOP \(top + 1) \(oeffentlich ? "nicht " : "")öffentlich"
        case 4:
            let oeffentlich = sitzung.wert(["oeffentlich"])?.alsText == "true"
            sitzung = sitzung.ersetzt(["oeffentlich"], durch: .wahrheitswert(!oeffentlich))
            return "Sitzung \(oeffentlich ? "nicht " : "")öffentlich"
        case 5:
            let datum = datum()
            sitzung = sitzung.ersetzt(["datum"], durch: .text(datum))
            return "Datum \(datum)"
        case 6:
            let id = "\(sitzung.wert(["id"])?.alsText ?? "s")-zb\(zaehler)"
            let liste = sitzung.wert(["tagesordnung", "\(top)", "beschluesse"])?.listenelemente ?? []
            sitzung = sitzung.ersetzt(["tagesordnung", "\(top)", "beschluesse"], durch: .liste(liste + [try beschluss(id: id)]))
            return "Beschluss \(id) zu TOP \(top + 1)"
        default:
            let id = "\(sitzung.wert(["id"])?.alsText ?? "s")-za\(zaehler)"
            let liste = sitzung.wert(["tagesordnung", "\(top)", "aufgaben"])?.listenelemente ?? []
            sitzung = sitzung.ersetzt(["tagesordnung", "\(top)", "aufgaben"], durch: .liste(liste + [aufgabe(id: id)]))
            return "Aufgabe \(id) zu TOP \(top + 1)"
        }
    }

    private mutating func neueSitzung(id: String, gremium: String) throws -> JSONWert {
        let tops: [JSONWert] = try (1...Int.random(in: 1...3, using: &zufall)).map { nummer in
            let beschluesse = Bool.random(using: &zufall) ? [try beschluss(id: "\(id)-b\(nummer)")] : []
            let aufgaben = Bool.random(using: &zufall) ? [aufgabe(id: "\(id)-a\(nummer)")] : []
            let meilensteine = Bool.random(using: &zufall) ? [JSONWert.text(try zufaellig(try meilensteinIDs()))] : []
            return .objekt([("nummer", .text("\(nummer)")), ("titel", .text(text(1...6))),
                            ("oeffentlich", .wahrheitswert(Int.random(in: 0..<5, using: &zufall) > 0)),
                            ("bericht", .text(text(4...20))), ("beschluesse", .liste(beschluesse)),
                            ("aufgaben", .liste(aufgaben)), ("meilensteine", .liste(meilensteine))])
        }
        return .objekt([
            ("$schema", .text("../../schemas/sitzung.schema.json")), ("stand", .text("2022-08-30")),
            ("quelle", .text("Niederschrift (Zufallstest)")), ("beispieldaten", .wahrheitswert(true)),
            ("id", .text(id)), ("gremium", .text(gremium)), ("nummer", .zahl("\(Int.random(in: 1...40, using: &zufall))")),
            ("datum", .text(datum())), ("beginn", .text("10:00")), ("ende", .text("12:30")), ("ort", .text(text(1...5))),
            ("oeffentlich", .wahrheitswert(Int.random(in: 0..<6, using: &zufall) > 0)),
            ("teilnahme", .liste([.objekt([("organisation", .text(text(1...3))), ("rolle", .text("Vorsitz")), ("anwesend", .wahrheitswert(true))]),
                                  .objekt([("organisation", .text(text(1...3))), ("anwesend", .wahrheitswert(Bool.random(using: &zufall)))])])),
            ("tagesordnung", .liste(tops)),
        ])
    }

    private mutating func beschluss(id: String) throws -> JSONWert {
        let ergebnisse = ["Konsens", "einstimmig", "mehrheitlich", "vertagt", "abgelehnt", "zur Kenntnis genommen"]
        let meilensteine = Bool.random(using: &zufall) ? [JSONWert.text(try zufaellig(try meilensteinIDs()))] : []
        return .objekt([("id", .text(id)), ("wortlaut", .text(text(4...15))), ("ergebnis", .text(try zufaellig(ergebnisse))),
                        ("meilensteine", .liste(meilensteine))])
    }

    private mutating func aufgabe(id: String) -> JSONWert {
        let frist = datum()
        var felder: [(String, JSONWert)] = [("id", .text(id)), ("was", .text(text(3...10))), ("verantwortlich", .text(text(1...3))),
                                            ("frist", .text(frist))]
        if Bool.random(using: &zufall) {
            felder += [("status", .text("erledigt")), ("erledigtAm", .text(frist))]
        } else {
            felder.append(("status", .text("offen")))
        }
        return .objekt(felder)
    }

    // MARK: - Random values

    /// Words as authors write them, with what every output has to escape: Markdown, HTML, CSV formulas,
    /// quotes, typographic characters.
    static let woerter = ["Rathaus", "Sitzungsraum", "Bürgerhaus", "Integration", "Beratung", "Schwartzstraße", "& Co.", "<b>fett</b>",
                          "„Zitat“", "=SUMME(A1)", "Komma,", "Semikolon;", "\"Anführung\"", "*Stern*", "_unter_", "#Raute", "50 %",
                          "Jobcenter", "Ausländerbehörde", "Familien", "Quartier", "–", "1.000", "@Verweis", "+49", "Zeile\\Ende"]

    private mutating func text(_ anzahl: ClosedRange<Int>) -> String {
        (0..<Int.random(in: anzahl, using: &zufall)).map { _ in Self.woerter.randomElement(using: &zufall) ?? "" }.joined(separator: " ")
    }

    private mutating func datum() -> String {
        let jahr = Int.random(in: 2019...2026, using: &zufall), monat = Int.random(in: 1...12, using: &zufall), tag = Int.random(in: 1...28, using: &zufall)
        return "\(jahr)-\(monat < 10 ? "0" : "")\(monat)-\(tag < 10 ? "0" : "")\(tag)"
    }

    private mutating func zufaellig<T>(_ auswahl: [T]) throws -> T {
        guard let element = auswahl.randomElement(using: &zufall) else { throw FixtureError(description: "nichts zur Auswahl in \(projekt.path)") }
        return element
    }

    // MARK: - The project's files

    static let angebote = "data/angebote.json"
    static let gremienDatei = "data/gremien.json"

    private func dateien(in ordner: String, endung: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: projekt.appendingPathComponent(ordner).path)
            .filter { $0.hasSuffix(endung) }.sorted().map { "\(ordner)/\($0)" }
    }

    private func sitzungsdateien() throws -> [String] { try dateien(in: "data/sitzungen", endung: ".json") }

    private func gremien() throws -> [String] {
        (try lesen(Self.gremienDatei).wert(["gremien"])?.listenelemente ?? []).compactMap { $0.wert(["id"])?.alsText }
    }

    private func meilensteinIDs() throws -> [String] {
        (try lesen("data/meilensteine.json").wert(["meilensteine"])?.listenelemente ?? []).compactMap { $0.wert(["id"])?.alsText }
    }

    private func lesen(_ pfad: String) throws -> JSONWert {
        let bytes = try [UInt8](Data(contentsOf: projekt.appendingPathComponent(pfad)))
        do {
            return JSONWert(try JSONParser.parse(bytes).0)
        } catch {
            throw FixtureError(description: "\(pfad) ist kein JSON: \(error)")
        }
    }

    private func schreiben(_ pfad: String, _ wert: JSONWert) throws {
        try Data(JSONSchreiber().text(wert).utf8).write(to: projekt.appendingPathComponent(pfad), options: .atomic)
    }
}

extension JSONWert {
    static func text(_ text: String) -> JSONWert { JSONWert(.text(text)) }
    static func zahl(_ text: String) -> JSONWert { JSONWert(.zahl(text)) }
    static func wahrheitswert(_ wert: Bool) -> JSONWert { JSONWert(.wahrheitswert(wert)) }
    static func liste(_ elemente: [JSONWert]) -> JSONWert { JSONWert(.liste(elemente)) }
    static func objekt(_ felder: [(String, JSONWert)]) -> JSONWert { JSONWert(.objekt(felder)) }
}
