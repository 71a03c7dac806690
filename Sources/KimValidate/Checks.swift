import KimModel

/// The validate stage: checks that span values or files (references, sums, uniqueness,
/// date order) on the typed model. The shape of each file was already checked by its schema.
public enum Validate {
    public static func check(_ projekt: Projekt) -> [Diagnostic] {
        var findings = Findings(quellkarte: projekt.quellkarte)
        checkDemografie(projekt, &findings)
        checkGremien(projekt, &findings)
        checkUnique(projekt.quellen.quellen.map(\.id), file: "data/quellen.json", pointer: { "/quellen/\($0)/id" }, what: "Quelle", &findings)
        checkUnique(projekt.kommune.sozialraeume.map(\.nummer), file: "data/kommune.json", pointer: { "/sozialraeume/\($0)/nummer" }, what: "Sozialraum", &findings)
        checkHandlungskonzept(projekt, &findings)
        checkAngebote(projekt, &findings)
        checkMeilensteine(projekt, &findings)
        checkSitzungen(projekt, &findings)
        checkBerichte(projekt, &findings)
        checkStimmigkeit(projekt, &findings)
        checkAnsprechstellen(projekt, &findings)
        checkUnique(projekt.sprachen.map(\.code), file: "data/sprachen.json", pointer: { "/sprachen/\($0)/code" }, what: "Sprache", &findings)
        checkUnique(projekt.glossar.map(\.id), file: "data/glossar.json", pointer: { "/begriffe/\($0)/id" }, what: "Begriff", &findings)
        if let teilhabe = projekt.programm.zielgruppen.teilhabemanagement, teilhabe.ab <= teilhabe.gefoerdertBis {
            findings.error("data/programm.json", "/zielgruppen/teilhabemanagement/ab",
                           "\"ab\" (\(teilhabe.ab.iso)) muss nach \"gefoerdertBis\" (\(teilhabe.gefoerdertBis.iso)) liegen")
        }
        return findings.mitAuslassungen.sorted()
    }

    /// Kennungen become file names and anchors (gremien/<id>.html, sitzungen/<id>.html, …): two that differ only
    /// in case or Unicode normal form are one file on macOS and Windows, so they count as the same (`Pfadschluessel`).
    static func checkUnique(_ ids: [String], file: String, pointer: (Int) -> String, what: String, _ findings: inout Findings) {
        var seen: [String: Int] = [:]
        for (index, id) in ids.enumerated() {
            let schluessel = Pfadschluessel.von(id)
            if let first = seen[schluessel] {
                findings.error(file, pointer(index), doppelt(what, id, ids[first], zuerst: "Eintrag \(first + 1), \(findings.stelle(file, pointer(first)))"),
                               hint: !Pfadschluessel.kollidieren(id, ids[first]) ? "jede Kennung nur einmal verwenden" : "die Kennungen deutlicher unterscheiden, z. B. nur Kleinbuchstaben verwenden")
            } else {
                seen[schluessel] = index
            }
        }
    }

    /// The message for a Kennung used twice, or once more in another case or normal form.
    static func doppelt(_ what: String, _ id: String, _ erste: String, zuerst: String) -> String {
        guard Pfadschluessel.kollidieren(id, erste) else {
            return "\(what) \"\(id)\" ist doppelt vergeben (zuerst in \(zuerst))"
        }
        return "\(what) \"\(id)\" und \"\(erste)\" (zuerst in \(zuerst)) \(Pfadschluessel.grund(id, erste)): auf macOS und Windows ergäben beide dieselbe Datei"
    }

    static func checkDemografie(_ projekt: Projekt, _ findings: inout Findings) {
        let file = "data/demografie.json"
        let nummern = projekt.kommune.sozialraeume.map(\.nummer)
        checkUnique(projekt.demografie.tabellen.map(\.id), file: file, pointer: { "/tabellen/\($0)/id" }, what: "Tabelle", &findings)
        checkEckdaten(projekt, &findings)
        for (t, tabelle) in projekt.demografie.tabellen.enumerated() {
            let base = "/tabellen/\(t)"
            if tabelle.zeilen.isEmpty {
                findings.error(file, "\(base)/zeilen", "die Tabelle \"\(tabelle.id)\" hat keine Zeilen")
            }
            checkUnique(tabelle.zeilen.map(\.sozialraum), file: file, pointer: { "\(base)/zeilen/\($0)/sozialraum" }, what: "Sozialraum", &findings)
            for (z, zeile) in tabelle.zeilen.enumerated() {
                let pointer = "\(base)/zeilen/\(z)"
                if !nummern.contains(zeile.sozialraum) {
                    findings.error(file, "\(pointer)/sozialraum", "Sozialraum \"\(zeile.sozialraum)\" ist in data/kommune.json nicht verzeichnet",
                                   hint: "bekannt sind: \(nummern.joined(separator: ", "))")
                }
                if zeile.mitEinwanderungsgeschichte > zeile.insgesamt {
                    findings.error(file, "\(pointer)/mitEinwanderungsgeschichte",
                                   "\"mitEinwanderungsgeschichte\" (\(zeile.mitEinwanderungsgeschichte)) ist größer als \"insgesamt\" (\(zeile.insgesamt))",
                                   hint: "eine Teilmenge kann nicht größer sein als das Ganze")
                }
                if let anteil = zeile.anteil, zeile.insgesamt > 0 {
                    let computed = Double(zeile.mitEinwanderungsgeschichte) * 100 / Double(zeile.insgesamt)
                    if abs(computed - anteil) > 0.05 {
                        findings.error(file, "\(pointer)/anteil",
                                       "\"anteil\" \(anteil) passt nicht zu den Anzahlen: berechnet \((computed * 10).rounded() / 10)",
                                       hint: "den Anteil weglassen, kim berechnet ihn")
                    }
                }
            }
            if let summe = tabelle.summe {
                let insgesamt = tabelle.zeilen.reduce(0) { $0 + $1.insgesamt }
                let mit = tabelle.zeilen.reduce(0) { $0 + $1.mitEinwanderungsgeschichte }
                if summe.insgesamt != insgesamt {
                    findings.error(file, "\(base)/summe/insgesamt", "die Summe \"insgesamt\" (\(summe.insgesamt)) weicht von der Summe der Zeilen (\(insgesamt)) ab",
                                   hint: "die Summe weglassen, kim berechnet sie")
                }
                if summe.mitEinwanderungsgeschichte != mit {
                    findings.error(file, "\(base)/summe/mitEinwanderungsgeschichte",
                                   "die Summe \"mitEinwanderungsgeschichte\" (\(summe.mitEinwanderungsgeschichte)) weicht von der Summe der Zeilen (\(mit)) ab",
                                   hint: "die Summe weglassen, kim berechnet sie")
                }
            }
        }
    }

    static func checkGremien(_ projekt: Projekt, _ findings: inout Findings) {
        let file = "data/gremien.json"
        let gremien = projekt.gremien.gremien
        checkUnique(gremien.map(\.id), file: file, pointer: { "/gremien/\($0)/id" }, what: "Gremium", &findings)
        let ids = gremien.map(\.id)
        for (g, gremium) in gremien.enumerated() {
            for (v, vertretung) in gremium.vertretungen.enumerated() {
                if !ids.contains(vertretung.gremium) {
                    findings.error(file, "/gremien/\(g)/vertretungen/\(v)/gremium", "Gremium \"\(vertretung.gremium)\" gibt es nicht",
                                   hint: "bekannt sind: \(ids.joined(separator: ", "))")
                } else if vertretung.gremium == gremium.id {
                    findings.error(file, "/gremien/\(g)/vertretungen/\(v)/gremium", "ein Gremium kann sich nicht in sich selbst vertreten")
                }
            }
        }
    }

    static func checkHandlungskonzept(_ projekt: Projekt, _ findings: inout Findings) {
        let file = "data/handlungskonzept.json"
        let fassungen = projekt.handlungskonzept.fassungen
        if fassungen.isEmpty {
            findings.error(file, "/fassungen", "es gibt keine Fassung des Handlungskonzepts", hint: "mindestens eine Fassung eintragen")
        }
        checkUnique(fassungen.map { String($0.nummer) }, file: file, pointer: { "/fassungen/\($0)/nummer" }, what: "Fassung", &findings)
        let ordered = fassungen.sorted { $0.nummer < $1.nummer }
        for (earlier, later) in zip(ordered, ordered.dropFirst()) where later.datum < earlier.datum {
            if let index = fassungen.firstIndex(where: { $0.nummer == later.nummer }) {
                findings.error(file, "/fassungen/\(index)/datum",
                               "Fassung \(later.nummer) ist älter (\(later.datum.iso)) als Fassung \(earlier.nummer) (\(earlier.datum.iso))",
                               hint: "Fassungen in zeitlicher Reihenfolge nummerieren")
            }
        }
        for (f, fassung) in fassungen.enumerated() {
            checkUnique(fassung.kapitel.map(\.slug), file: file, pointer: { "/fassungen/\(f)/kapitel/\($0)/slug" }, what: "Kapitel", &findings)
            // A template that exists but could not be loaded has its error at the file; it is not missing.
            for (k, kapitel) in fassung.kapitel.enumerated() where projekt.vorlagen[kapitel.vorlage] == nil && !projekt.nichtGeladeneVorlagen.contains(kapitel.vorlage) {
                findings.error(file, "/fassungen/\(f)/kapitel/\(k)/vorlage", "die Vorlage \"templates/\(kapitel.vorlage).md\" gibt es nicht",
                               hint: "Dateinamen in templates/ prüfen")
            }
        }
    }
}

/// Collects diagnostics and turns JSON Pointers into line and column.
struct Findings {
    let quellkarte: SourceMap
    var diagnostics: [Diagnostic] = []
    /// At most this many per file; a file with 700 000 faulty rows must not print 700 000 lines.
    static let hoechstens = 100
    private var jeDatei: [String: Int] = [:]
    private var ausgelassen: [String: (anzahl: Int, fehler: Bool)] = [:]

    init(quellkarte: SourceMap) {
        self.quellkarte = quellkarte
    }

    /// "data/sitzungen/lk-1.json:12:9": where a value stood, for messages that name a second place.
    func stelle(_ file: String, _ pointer: String) -> String {
        quellkarte.location(file, pointer).map { "\(file):\($0.line):\($0.column)" } ?? file
    }

    mutating func error(_ file: String, _ pointer: String, _ message: String, hint: String? = nil) {
        guard zulassen(file, fehler: true) else { return }
        diagnostics.append(.error(file, quellkarte.location(file, pointer), message, hint: hint))
    }

    mutating func warning(_ file: String, _ pointer: String, _ message: String, hint: String? = nil) {
        guard zulassen(file, fehler: false) else { return }
        diagnostics.append(.warning(file, quellkarte.location(file, pointer), message, hint: hint))
    }

    private mutating func zulassen(_ file: String, fehler: Bool) -> Bool {
        jeDatei[file, default: 0] += 1
        guard jeDatei[file, default: 0] > Self.hoechstens else { return true }
        let bisher = ausgelassen[file] ?? (0, false)
        ausgelassen[file] = (bisher.anzahl + 1, bisher.fehler || fehler)
        return false
    }

    /// The findings and, per file that had more, how many were left out.
    var mitAuslassungen: [Diagnostic] {
        diagnostics + ausgelassen.keys.sorted().compactMap { file in
            ausgelassen[file].map { Diagnostic($0.fehler ? .error : .warning, file: file, at: nil, "\($0.anzahl) weitere Befunde in dieser Datei nicht gezeigt",
                                               hint: "zuerst die gezeigten beheben, dann erneut prüfen") }
        }
    }
}
