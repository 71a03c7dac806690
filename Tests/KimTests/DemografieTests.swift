import Foundation
import KimDerive
import KimLoad
@testable import KimModel
import KimVorgaben
import Testing

/// The seed prints every share and total of Abb. 1–3; the data stores only counts.
/// These tests prove the derived values equal every printed figure.
@Suite("Demografie gegen das Handlungskonzept")
struct DemografieTests {
    /// Each figure as the seed prints it: Sozialraum, insgesamt, mit Einwanderungsgeschichte, Anteil.
    static let abbildungen: [String: [(String, String, String, String)]] = [
        "gesamt": [
            ("71", "27.143", "11.973", "44,1"), ("72", "35.290", "10.116", "28,7"), ("73", "30.601", "9.653", "31,5"),
            ("74", "47.898", "12.902", "26,9"), ("75", "33.424", "5.972", "17,9"), ("76", "37.843", "13.423", "35,5"),
            ("Gesamt", "212.199", "64.039", "30,2"),
        ],
        "kinder": [
            ("71", "1.864", "1.319", "70,8"), ("72", "1.964", "1.060", "54,0"), ("73", "1.752", "967", "55,2"),
            ("74", "2.535", "1.259", "49,7"), ("75", "1.655", "567", "34,3"), ("76", "2.084", "1.227", "58,9"),
            ("Gesamt", "11.854", "6.399", "54,0"),
        ],
        "senioren": [
            ("71", "5.330", "879", "16,5"), ("72", "7.927", "865", "10,9"), ("73", "6.124", "844", "13,8"),
            ("74", "10.981", "1.454", "13,2"), ("75", "8.201", "591", "7,2"), ("76", "7.885", "1.514", "19,2"),
            ("Gesamt", "46.448", "6.147", "13,2"),
        ],
    ]

    static func auswertung() throws -> Auswertung {
        let (projekt, diagnostics) = ProjectLoader.load(ProjectFiles.disk(Fixtures.referenzprojekt).ueberlagert(Vorgaben.dateien))
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.formatted))")
        let geladen = try #require(projekt)
        return try #require(Derive.auswerten(geladen))
    }

    @Test("jede Zahl aus Abb. 1–3", arguments: ["gesamt", "kinder", "senioren"])
    func jedeZahl(tabelle id: String) throws {
        let auswertung = try Self.auswertung()
        let tabelle = try #require(auswertung.tabelle(id))
        let erwartet = try #require(Self.abbildungen[id])
        var berechnet = tabelle.zeilen.map { zeile in
            (zeile.sozialraum.nummer, Format.zahl(zeile.insgesamt), Format.zahl(zeile.mitEinwanderungsgeschichte), zeile.anteil.map(Format.anteil) ?? "")
        }
        let summe = tabelle.summe
        berechnet.append(("Gesamt", Format.zahl(summe.insgesamt), Format.zahl(summe.mitEinwanderungsgeschichte), summe.anteil.map(Format.anteil) ?? ""))
        #expect(berechnet.count == erwartet.count)
        for (ist, soll) in zip(berechnet, erwartet) {
            #expect(ist == soll)
        }
    }

    @Test func aussagenDesTextes() throws {
        let auswertung = try Self.auswertung()
        let gesamt = try #require(auswertung.tabelle("gesamt"))
        #expect(gesamt.meisteAnzahl.sozialraum.name == "Osterfeld")
        #expect(gesamt.hoechsterAnteil.sozialraum.name == "Oberhausen Mitte / Styrum")
        #expect(gesamt.geringsterAnteil.sozialraum.name == "Sterkrade-Nord")
        #expect(!gesamt.spitzeGleich)
        let kinder = try #require(auswertung.tabelle("kinder"))
        #expect(kinder.spitzeGleich)
        #expect(kinder.hoechsterAnteil.sozialraum.nummer == "71")
        let senioren = try #require(auswertung.tabelle("senioren"))
        #expect(senioren.spitzeGleich)
        #expect(senioren.meisteAnzahl.sozialraum.name == "Osterfeld")
    }

    @Test("neue Zahlen ändern die Aussagen im Text")
    func aussagenFolgenDenDaten() throws {
        var dateien = try Fixtures.referenzDateien()
        // Sterkrade-Mitte overtakes Osterfeld by count; Oberhausen Ost becomes the smallest share.
        try dateien.ersetzen(in: "data/demografie.json",
                             #"{ "sozialraum": "74", "insgesamt": 47898, "mitEinwanderungsgeschichte": 12902 }"#,
                             durch: #"{ "sozialraum": "74", "insgesamt": 47898, "mitEinwanderungsgeschichte": 14000 }"#)
        try dateien.ersetzen(in: "data/demografie.json",
                             #"{ "sozialraum": "72", "insgesamt": 35290, "mitEinwanderungsgeschichte": 10116 }"#,
                             durch: #"{ "sozialraum": "72", "insgesamt": 35290, "mitEinwanderungsgeschichte": 5000 }"#)
        let (ausgabe, diagnostics) = Fixtures.pruefen(dateien)
        #expect(!diagnostics.hasErrors)
        let kapitel = Fixtures.text(ausgabe?["handlungskonzept/2-ausgangslage.html"])
        #expect(kapitel.contains("In Sterkrade-Mitte leben zahlenmäßig die meisten Menschen mit Einwanderungsgeschichte."))
        #expect(kapitel.contains("Der geringste Anteil lebt in Oberhausen Ost (14,2 Prozent)."))
        #expect(!kapitel.contains("In Osterfeld leben zahlenmäßig"))
    }

    @Test func rangfolgeNachGenauemAnteilNichtNachGerundetem() throws {
        let tabelle = Bevoelkerungstabelle(
            id: "t", abbildung: 1, titel: "T", gruppe: "G", stichtag: try #require(Datum(iso: "2020-01-01")), quelle: "Q",
            zeilen: [
                Bevoelkerungszeile(sozialraum: "1", insgesamt: 1000, mitEinwanderungsgeschichte: 441),   // 44,10 %
                Bevoelkerungszeile(sozialraum: "2", insgesamt: 10000, mitEinwanderungsgeschichte: 4414), // 44,14 %
            ], summe: nil)
        let auswertung = try #require(Bevoelkerungsauswertung(tabelle, sozialraeume: [Sozialraum(nummer: "1", name: "Eins"), Sozialraum(nummer: "2", name: "Zwei")]))
        #expect(auswertung.hoechsterAnteil.sozialraum.name == "Zwei")
        #expect(auswertung.geringsterAnteil.sozialraum.name == "Eins")
    }
}
