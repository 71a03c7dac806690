import Foundation
import KimVorgaben
import KimModel

/// A request as the workbench sees it, independent of the HTTP server.
public struct Werkbankanfrage: Sendable {
    public var methode: String
    public var pfad: String
    public var abfrage: [String: String]
    /// Header names in lower case.
    public var kopf: [String: String]
    public var rumpf: [UInt8]

    public init(methode: String, pfad: String, abfrage: [String: String] = [:], kopf: [String: String] = [:], rumpf: [UInt8] = []) {
        self.methode = methode
        self.pfad = pfad
        self.abfrage = abfrage
        self.kopf = Dictionary(kopf.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { erster, _ in erster })
        self.rumpf = rumpf
    }
}

public struct Werkbankantwort: Sendable {
    public var status: Int
    public var kopf: [String: String]
    public var rumpf: [UInt8]

    static func html(_ status: Int, _ rumpf: [UInt8]) -> Werkbankantwort {
        Werkbankantwort(status: status, kopf: ["Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store",
                                               "Content-Security-Policy": "default-src 'self'; frame-ancestors 'none'; form-action 'self'"],
                        rumpf: rumpf)
    }

    static func weiter(_ ziel: String) -> Werkbankantwort {
        Werkbankantwort(status: 303, kopf: ["Location": ziel, "Cache-Control": "no-store"], rumpf: [])
    }

    static func text(_ status: Int, _ text: String) -> Werkbankantwort {
        Werkbankantwort(status: status, kopf: ["Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store"], rumpf: Array(text.utf8))
    }
}

/// `kim serve`'s workbench: forms over the project's files at `/_kim/…`. An actor, so two saves
/// never interleave: each reads, checks and writes its file before the next one starts.
public actor Werkbank {
    /// Sent with every form and required with every write: a page of another site cannot know it.
    public nonisolated let token: String
    nonisolated let projekt: URL
    nonisolated let port: UInt16
    let ablage: Ablage
    /// `kim serve --commit`: every save also a git commit.
    nonisolated let commits: Bool
    /// What the last save could not do besides writing (a failed commit), shown on the next page.
    nonisolated let hinweis = Hinweis()
    /// The build "Veröffentlichen" started, step by step.
    nonisolated let fortschritt = Baufortschritt()

    /// The largest form body taken (a long chapter as Markdown is far below it).
    public static let hoechsteRumpfgroesse = 4 * 1024 * 1024

    public init(projekt: URL, port: UInt16, token: String? = nil, commits: Bool = false) {
        self.projekt = projekt.standardizedFileURL
        self.port = port
        self.commits = commits
        self.token = token ?? Self.zufallstoken()
        ablage = Ablage(projekt: self.projekt)
    }

    static func zufallstoken() -> String {
        var erzeuger = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let zahl = erzeuger.next() as UInt64
            let hex = String(zahl, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    public func bearbeiten(_ anfrage: Werkbankanfrage) -> Werkbankantwort {
        let pfad = anfrage.pfad
        if anfrage.methode == "POST" {
            if let verweigert = schreibrecht(anfrage) { return verweigert }
        } else if anfrage.methode != "GET" && anfrage.methode != "HEAD" {
            return .text(405, "Die Werkbank nimmt GET und POST an.\n")
        }
        switch pfad {
        case "/_kim", "/_kim/":
            return Uebersicht(projekt: projekt, ablage: ablage).seite(seite: anfrage.abfrage["seite"])
        case NaechsteSitzung.pfad:
            let neu = NaechsteSitzung(werkbank: self)
            return anfrage.methode == "POST" ? neu.anlegen(Formulardaten(rumpf: anfrage.rumpf))
                                             : neu.seite(gremium: anfrage.abfrage["gremium"], datum: anfrage.abfrage["datum"] ?? "", fehler: [:], status: 200)
        case Veroeffentlichen.pfad:
            let seite = Veroeffentlichen(werkbank: self)
            return anfrage.methode == "POST" ? seite.ausfuehren(Formulardaten(rumpf: anfrage.rumpf)) : seite.seite()
        case Briefingseite.pfad:
            let seite = Briefingseite(werkbank: self)
            return anfrage.methode == "POST" ? seite.erstellen(Formulardaten(rumpf: anfrage.rumpf)) : seite.seite()
        case Befundliste.pfad:
            return Befundliste(werkbank: self).seite()
        case "/_kim/werkbank.css", "/_kim/werkbank.js":
            // kim's own, from the binary (Vorgaben/werkbank/): a project cannot replace the workbench's script.
            let typ = pfad.hasSuffix(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8"
            return Werkbankantwort(status: 200, kopf: ["Content-Type": typ, "Cache-Control": "no-store"],
                                   rumpf: Vorgaben.dateien["werkbank/" + pfad.dropFirst("/_kim/".count)] ?? [])
        default:
            break
        }
        if pfad.hasPrefix(Briefingseite.dateiPraefix), anfrage.methode != "POST" {
            return Briefingseite(werkbank: self).datei(String(pfad.dropFirst(Briefingseite.dateiPraefix.count)))
        }
        for praefix in [Werkbankpfade.bearbeitenPraefix, Werkbankpfade.rueckgaengigPraefix] where pfad.hasPrefix(praefix) {
            let roh = String(pfad.dropFirst(praefix.count)).removingPercentEncoding ?? ""
            switch Pfadpruefung.pruefen(roh, projekt: projekt) {
            case .verboten(let grund): return .text(403, grund + "\n")
            case .fehlt: return .text(404, "Nicht gefunden: \(roh)\n")
            case .erlaubt(let relativ, let echt):
                let datei = Bearbeitung(werkbank: self, relativ: relativ, echt: echt)
                if praefix == Werkbankpfade.rueckgaengigPraefix {
                    return anfrage.methode == "POST" ? datei.rueckgaengig(Formulardaten(rumpf: anfrage.rumpf)) : .text(405, "Rückgängig nur per POST.\n")
                }
                return anfrage.methode == "POST" ? datei.speichern(Formulardaten(rumpf: anfrage.rumpf), zeiger: anfrage.abfrage["zeiger"] ?? "")
                                                 : datei.formular(zeiger: anfrage.abfrage["zeiger"] ?? "", gespeichert: anfrage.abfrage["gespeichert"] != nil)
            }
        }
        return .text(404, "Nicht gefunden: \(pfad)\n")
    }

    /// After a save: the commit, when asked for; a failure is kept for the next page.
    nonisolated func gespeichert(_ relativ: String, nachricht: String) {
        guard commits else { return }
        hinweis.setzen(Versionsverwaltung(projekt: projekt).festhalten(relativ, nachricht: nachricht).map { "Gespeichert, aber nicht festgehalten (\($0))." })
    }

    /// Only the person at the machine writes: the Host of the loopback, an Origin of the preview
    /// itself or none, the session's token. Anything else: 403, nothing changed.
    func schreibrecht(_ anfrage: Werkbankanfrage) -> Werkbankantwort? {
        let eigene = ["127.0.0.1", "localhost", "[::1]"].map { "\($0):\(port)" }
        guard let host = anfrage.kopf["host"]?.lowercased(), eigene.contains(host) else {
            return .text(403, "Schreiben nur über http://127.0.0.1:\(port)/ (Host).\n")
        }
        if let herkunft = anfrage.kopf["origin"], !eigene.map({ "http://" + $0 }).contains(herkunft.lowercased()) {
            return .text(403, "Schreiben nur aus der Vorschau selbst (Origin \(herkunft) abgelehnt).\n")
        }
        if anfrage.kopf["sec-fetch-site"].map({ $0 != "same-origin" && $0 != "none" }) == true {
            return .text(403, "Schreiben nur aus der Vorschau selbst (Sec-Fetch-Site).\n")
        }
        let daten = Formulardaten(rumpf: anfrage.rumpf)
        guard let mitgeschickt = daten["_token"], Self.gleich(Array(mitgeschickt.utf8), Array(token.utf8)) else {
            return .text(403, "Das Formular trägt kein gültiges _token. Bitte die Seite neu laden und noch einmal speichern.\n")
        }
        return nil
    }

    /// Compares in constant time: how long it takes says nothing about how much matched.
    static func gleich(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var unterschied: UInt8 = 0
        for (x, y) in zip(a, b) { unterschied |= x ^ y }
        return unterschied == 0
    }
}

/// A note kept from one request to the next (read once). Requests reach it only through the actor,
/// one at a time; the lock makes that independent of who calls.
final class Hinweis: @unchecked Sendable {
    private let sperre = NSLock()
    private var text: String?

    func setzen(_ neu: String?) { sperre.withLock { text = neu } }

    func abholen() -> String? {
        sperre.withLock {
            defer { text = nil }
            return text
        }
    }
}
