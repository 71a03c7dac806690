import KimMarkdown
import KimModel

extension Validate {
    static func checkAngebote(_ projekt: Projekt, _ findings: inout Findings) {
        let file = "data/angebote.json"
        let daten = projekt.angebote
        checkUnique(daten.angebote.map(\.id), file: file, pointer: { "/angebote/\($0)/id" }, what: "Angebot", &findings)
        checkUnique(daten.traeger.map(\.id), file: file, pointer: { "/traeger/\($0)/id" }, what: "Träger", &findings)
        checkUnique(daten.kategorien.map(\.id), file: file, pointer: { "/kategorien/\($0)/id" }, what: "Kategorie", &findings)
        checkUnique(daten.zielgruppen.map(\.id), file: file, pointer: { "/zielgruppen/\($0)/id" }, what: "Zielgruppe", &findings)
        let traeger = Set(daten.traeger.map(\.id)), kategorien = Set(daten.kategorien.map(\.id)), zielgruppen = Set(daten.zielgruppen.map(\.id))
        let sozialraeume = Set(projekt.kommune.sozialraeume.map(\.nummer)), gremien = Set(projekt.gremien.gremien.map(\.id))
        for (t, eintrag) in daten.traeger.enumerated() {
            if let dach = eintrag.dachverband {
                reference(dach, among: traeger, what: "Träger", file: file, pointer: "/traeger/\(t)/dachverband", &findings)
            }
        }
        var ohneKontakt: [String] = []
        for (a, angebot) in daten.angebote.enumerated() {
            let base = "/angebote/\(a)"
            reference(angebot.traeger, among: traeger, what: "Träger", file: file, pointer: "\(base)/traeger", &findings)
            if let kategorie = angebot.kategorie {
                reference(kategorie, among: kategorien, what: "Kategorie", file: file, pointer: "\(base)/kategorie", &findings)
            }
            for (z, gruppe) in angebot.zielgruppen.enumerated() {
                reference(gruppe, among: zielgruppen, what: "Zielgruppe", file: file, pointer: "\(base)/zielgruppen/\(z)", &findings)
            }
            for (s, raum) in angebot.sozialraeume.enumerated() {
                reference(raum, among: sozialraeume, what: "Sozialraum", file: file, pointer: "\(base)/sozialraeume/\(s)", &findings)
            }
            for (g, gremium) in angebot.gremien.enumerated() {
                reference(gremium, among: gremien, what: "Gremium", file: file, pointer: "\(base)/gremien/\(g)", &findings)
            }
            if let beschreibung = angebot.beschreibung {
                checkMarkdown(beschreibung, file: file, pointer: "\(base)/beschreibung", &findings)
            }
            let kontakt = angebot.kontakt
            if kontakt?.telefon == nil, kontakt?.email == nil, kontakt?.web == nil { ohneKontakt.append(angebot.name) }
        }
        if !ohneKontakt.isEmpty {
            findings.warning(file, "/angebote", "\(ohneKontakt.count) von \(daten.angebote.count) Angeboten haben keine Kontaktangabe, z. B. „\(ohneKontakt[0])“",
                             hint: "Telefon, E-Mail oder Website unter \"kontakt\" ergänzen, damit Ratsuchende das Angebot erreichen")
        }
    }

    static func checkMeilensteine(_ projekt: Projekt, _ findings: inout Findings) {
        let file = "data/meilensteine.json"
        let plan = projekt.meilensteinplan
        checkUnique(plan.meilensteine.map(\.id), file: file, pointer: { "/meilensteine/\($0)/id" }, what: "Meilenstein", &findings)
        checkUnique(plan.handlungsfelder.map(\.id), file: file, pointer: { "/handlungsfelder/\($0)/id" }, what: "Handlungsfeld", &findings)
        let felder = Set(plan.handlungsfelder.map(\.id))
        for (m, meilenstein) in plan.meilensteine.enumerated() {
            let base = "/meilensteine/\(m)"
            reference(meilenstein.handlungsfeld, among: felder, what: "Handlungsfeld", file: file, pointer: "\(base)/handlungsfeld", &findings)
            if meilenstein.ende < meilenstein.beginn {
                findings.error(file, "\(base)/ende", "das Ende (\(meilenstein.ende.iso)) liegt vor dem Beginn (\(meilenstein.beginn.iso))",
                               hint: "Beginn und Ende vertauscht?")
            }
            if meilenstein.status == .erledigt, meilenstein.erledigtAm == nil {
                findings.warning(file, "\(base)/status", "„\(meilenstein.titel)“ ist erledigt, aber ohne \"erledigtAm\"",
                                 hint: "das Datum ergänzen; bis dahin gilt das Ende als Erledigungsdatum")
            }
            if let erledigt = meilenstein.erledigtAm, meilenstein.status != .erledigt {
                findings.error(file, "\(base)/erledigtAm", "\"erledigtAm\" (\(erledigt.iso)) ist gesetzt, der Status aber \"\(meilenstein.status.rawValue)\"",
                               hint: "Status auf \"erledigt\" setzen oder das Datum entfernen")
            }
        }
    }

    static func checkSitzungen(_ projekt: Projekt, _ findings: inout Findings) {
        let gremien = Set(projekt.gremien.gremien.map(\.id))
        let meilensteine = Set(projekt.meilensteinplan.meilensteine.map(\.id))
        // Where each id stood first, as file and pointer: its "file:line:column" is only worked out for a message,
        // since the source locations of a file are made on demand (19 000 Sitzungen have no finding).
        var sitzungsIDs: [String: (id: String, datei: String)] = [:], beschlussIDs: [String: (datei: String, zeiger: String)] = [:]
        var aufgabenIDs: [String: (datei: String, zeiger: String)] = [:]
        for sitzung in projekt.sitzungen {
            let file = sitzung.quelldatei
            // The id names the page sitzungen/<id>.html and the OParl file: compared as file names are (`Pfadschluessel`).
            let schluessel = Pfadschluessel.von(sitzung.id)
            if let frueher = sitzungsIDs[schluessel] {
                if !Pfadschluessel.kollidieren(sitzung.id, frueher.id) {
                    findings.error(file, "/id", "die Sitzung \"\(sitzung.id)\" gibt es schon in \(findings.stelle(frueher.datei, "/id"))")
                } else {
                    findings.error(file, "/id", doppelt("die Sitzung", sitzung.id, frueher.id, zuerst: findings.stelle(frueher.datei, "/id")),
                                   hint: "die Kennungen deutlicher unterscheiden, z. B. nur Kleinbuchstaben verwenden")
                }
            } else {
                sitzungsIDs[schluessel] = (sitzung.id, file)
            }
            reference(sitzung.gremium, among: gremien, what: "Gremium", file: file, pointer: "/gremium", &findings)
            if sitzung.ende <= sitzung.beginn {
                findings.error(file, "/ende", "die Sitzung endet (\(sitzung.ende)) nicht nach ihrem Beginn (\(sitzung.beginn))")
            }
            var topNummern: [String: Int] = [:]
            for (t, punkt) in sitzung.tagesordnung.enumerated() {
                let base = "/tagesordnung/\(t)"
                // Each TOP has its own anchor on the page and its own OParl AgendaItem file, named by its number.
                if let erster = topNummern[punkt.nummer] {
                    let ort = findings.stelle(file, "/tagesordnung/\(erster)/nummer")
                    findings.error(file, "\(base)/nummer", "TOP \(punkt.nummer) gibt es in dieser Sitzung schon (\(ort))",
                                   hint: "jede Nummer nur einmal vergeben, Unterpunkte als 3.1, 3.2")
                } else {
                    topNummern[punkt.nummer] = t
                }
                if let bericht = punkt.bericht { checkMarkdown(bericht, file: file, pointer: "\(base)/bericht", &findings) }
                for (i, id) in punkt.meilensteine.enumerated() {
                    reference(id, among: meilensteine, what: "Meilenstein", file: file, pointer: "\(base)/meilensteine/\(i)", &findings)
                }
                for (b, beschluss) in punkt.beschluesse.enumerated() {
                    if let frueher = beschlussIDs[beschluss.id] {
                        findings.error(file, "\(base)/beschluesse/\(b)/id", "der Beschluss \"\(beschluss.id)\" ist schon in \(findings.stelle(frueher.datei, frueher.zeiger)) vergeben")
                    }
                    if beschlussIDs[beschluss.id] == nil { beschlussIDs[beschluss.id] = (file, "\(base)/beschluesse/\(b)/id") }
                    for (i, id) in beschluss.meilensteine.enumerated() {
                        reference(id, among: meilensteine, what: "Meilenstein", file: file, pointer: "\(base)/beschluesse/\(b)/meilensteine/\(i)", &findings)
                    }
                }
                for (a, aufgabe) in punkt.aufgaben.enumerated() {
                    if let frueher = aufgabenIDs[aufgabe.id] {
                        findings.error(file, "\(base)/aufgaben/\(a)/id", "die Aufgabe \"\(aufgabe.id)\" ist schon in \(findings.stelle(frueher.datei, frueher.zeiger)) vergeben")
                    }
                    if aufgabenIDs[aufgabe.id] == nil { aufgabenIDs[aufgabe.id] = (file, "\(base)/aufgaben/\(a)/id") }
                    if let erledigt = aufgabe.erledigtAm, aufgabe.status != .erledigt {
                        findings.error(file, "\(base)/aufgaben/\(a)/erledigtAm", "\"erledigtAm\" (\(erledigt.iso)) ist gesetzt, der Status aber \"offen\"",
                                       hint: "Status auf \"erledigt\" setzen oder das Datum entfernen")
                    }
                }
            }
        }
    }

    /// Markdown fields are rendered in cmark's safe mode; say so where an author wrote HTML or a script link.
    /// The byte tests come first because they are necessary conditions of the exact tests after them
    /// and cheap: most texts have neither a "<" nor "javascript:", and lowercasing every text was most
    /// of this stage's time.
    static func checkMarkdown(_ text: String, file: String, pointer: @autoclosure () -> String, _ findings: inout Findings) {
        if !Markdown.parses(text) {
            findings.error(file, pointer(), "der Markdown-Text lässt sich nicht lesen")
        } else if text.utf8.contains(UInt8(ascii: "<")), text.contains(where: { $0 == "<" }), Markdown.html(text).contains("<!-- raw HTML omitted -->") {
            findings.warning(file, pointer(), "HTML im Markdown-Text wird aus Sicherheitsgründen nicht übernommen",
                             hint: "Markdown statt HTML schreiben, z. B. **fett** oder [Link](https://…)")
        } else if Bytesuche.enthaeltOhneGrossKlein(text.utf8, "javascript:"), text.lowercased().contains("javascript:") {
            findings.warning(file, pointer(), "ein javascript:-Link wird aus Sicherheitsgründen entfernt")
        }
    }

    /// The pointer is built only for a finding: most references resolve, and there are hundreds of thousands.
    static func reference(_ id: String, among known: Set<String>, what: String, file: String, pointer: @autoclosure () -> String, _ findings: inout Findings) {
        guard !known.contains(id) else { return }
        let sortiert = known.sorted()
        let vorschlag = Spelling.suggestion(for: id, among: sortiert).map { "meinten Sie »\($0)«?" }
        findings.error(file, pointer(), "\(what) \"\(id)\" gibt es nicht", hint: vorschlag ?? "bekannt sind: \(sortiert.prefix(12).joined(separator: ", "))")
    }
}
