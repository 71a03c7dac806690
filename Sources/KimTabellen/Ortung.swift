import KimLoad
import KimModel

/// Finds the cell behind a finding of the schema or project checks, which name a line and
/// column of the produced JSON: the JSON is parsed again and walked beside the value tree,
/// which knows each value's origin.
public struct Ortung {
    private var herkunft: [(SourceLocation, Herkunft?)] = []

    public init(_ wert: JSONWert, text: [UInt8]) {
        guard let (knoten, _) = try? JSONParser.parse(text) else { return }
        sammeln(wert, knoten)
        herkunft.sort { $0.0 < $1.0 }
    }

    private mutating func sammeln(_ wert: JSONWert, _ knoten: JSONNode) {
        herkunft.append((knoten.location, wert.herkunft))
        switch (wert.inhalt, knoten.value) {
        case (.objekt(let felder), .object(let mitglieder)):
            for (feld, mitglied) in zip(felder, mitglieder) {
                herkunft.append((mitglied.keyLocation, feld.1.herkunft ?? wert.herkunft))
                sammeln(feld.1, mitglied.value)
            }
        case (.liste(let elemente), .array(let knoten)):
            for (element, kind) in zip(elemente, knoten) { sammeln(element, kind) }
        default:
            break
        }
    }

    /// The origin of the value at `ort`, or of the value it lies in.
    func herkunft(bei ort: SourceLocation) -> Herkunft? {
        var unten = 0, oben = herkunft.count
        while unten < oben {
            let mitte = (unten + oben) / 2
            if herkunft[mitte].0 <= ort { unten = mitte + 1 } else { oben = mitte }
        }
        return unten > 0 ? herkunft[unten - 1].1 : nil
    }

    /// A finding about the produced file, located in the spreadsheet; nil when it repeats a
    /// finding already reported there (a missing column, a cell that could not be read).
    /// `ueberschrift` gives a column's heading, which replaces the JSON key a message starts with
    /// (`"baustein" muss …` → `Baustein: muss …`).
    public func befund(_ diagnostic: Diagnostic, bekannt: [Befund], ueberschrift: (_ blatt: String, _ spalte: Int) -> String? = { _, _ in nil }) -> Befund? {
        guard let ort = diagnostic.location else {
            return Befund(nil, diagnostic.message, hinweis: diagnostic.hint, schwere: diagnostic.severity)
        }
        guard var stelle = herkunft(bei: ort) else {
            // A list the workbook does not have, taken over from the current file.
            return Befund(nil, diagnostic.message + " (in einer Liste, die nicht in der Tabelle steht und aus der bisherigen Datei übernommen wurde)",
                          hinweis: diagnostic.hint, schwere: diagnostic.severity)
        }
        var meldung = diagnostic.message
        if stelle.spalte == nil, let fehlend = meldung.firstMatch(of: /^Pflichtfeld "([^"]+)" fehlt/) {
            let schluessel = String(fehlend.1)
            if stelle.gemeldet.contains(schluessel) { return nil }
            if let spalte = stelle.spalten[schluessel] {
                stelle.spalte = spalte
                stelle.spalten = [:]
                meldung = "die Zelle ist leer, muss aber ausgefüllt sein"
            }
        }
        if stelle.spalte != nil, bekannt.contains(where: { $0.herkunft?.blatt == stelle.blatt && $0.herkunft?.zeile == stelle.zeile && $0.herkunft?.spalte == stelle.spalte }) {
            return nil
        }
        if let spalte = stelle.spalte, let titel = ueberschrift(stelle.blatt, spalte), let schluessel = meldung.firstMatch(of: #/^"[^"]+" /#) {
            meldung = "\(titel): " + meldung[schluessel.range.upperBound...]
        }
        stelle.spalten = [:]
        stelle.gemeldet = []
        // The schema's advice is for JSON ("ohne Anführungszeichen"); a cell has none.
        let hinweis = diagnostic.hint.flatMap { $0.contains("Anführungszeichen") ? nil : $0 }
        return Befund(stelle, meldung, hinweis: hinweis, schwere: diagnostic.severity)
    }
}
