@testable import KimDerive
@testable import KimRender
import Testing

@Suite("Änderungen Wort für Wort")
struct WortvergleichTests {
    func lesbar(_ stuecke: [Wortvergleich.Stueck]) -> String {
        stuecke.map { stueck in
            switch stueck.art {
            case .gleich: return stueck.text
            case .geloescht: return "[-\(stueck.text)-]"
            case .eingefuegt: return "{+\(stueck.text)+}"
            }
        }.joined()
    }

    @Test("nur die geänderten Wörter sind markiert; alt und neu lassen sich zurücklesen")
    func woerter() {
        let alt = "Der Lenkungskreis tagt viermal im Jahr in Raum 12."
        let neu = "Der Lenkungskreis tagt dreimal im Jahr in Raum 14."
        let stuecke = Wortvergleich.stuecke(alt: alt, neu: neu)
        #expect(lesbar(stuecke) == "Der Lenkungskreis tagt [-viermal-]{+dreimal+} im Jahr in Raum [-12-]{+14+}.")
        #expect(stuecke.filter { $0.art != .eingefuegt }.map(\.text).joined() == alt)
        #expect(stuecke.filter { $0.art != .geloescht }.map(\.text).joined() == neu)
    }

    @Test("benachbarte geänderte Wörter lesen sich als eine Streichung und eine Einfügung")
    func zusammenhaengend() {
        let stuecke = Wortvergleich.stuecke(alt: "bis Ende 2021 umsetzen", neu: "bis Mitte 2022 umsetzen")
        #expect(lesbar(stuecke) == "bis [-Ende 2021-]{+Mitte 2022+} umsetzen")
    }

    @Test("ein umformulierter Absatz ist ein geänderter Absatz, ein neuer bleibt neu")
    func absaetze() {
        let alt = "Erster Absatz bleibt.\n\nDas KIM richtet sich an Neuzugewanderte und Geflüchtete in der Stadt."
        let neu = "Erster Absatz bleibt.\n\nDas KIM richtet sich an Neuzugewanderte, Geflüchtete und junge Geduldete in der Stadt.\n\nEin ganz anderer neuer Gedanke."
        let bloecke = Textvergleich.bloecke(Textvergleich.absaetze(alt: alt, neu: neu))
        #expect(bloecke.count == 2)
        guard case .geaendert = bloecke.first else { Issue.record("kein geänderter Absatz: \(bloecke)"); return }
        #expect(bloecke.last == .eingefuegt("Ein ganz anderer neuer Gedanke."))
    }

    @Test("im HTML angekündigt und maskiert; „–“ heißt: kein Wert")
    func html() {
        let html = Website.wortvergleichHTML(alt: "a <b> c", neu: "a <i> c")
        #expect(html.contains("<del><span class=\"visually-hidden\">[gestrichen: </span>b<span class=\"visually-hidden\">]</span></del>"))
        #expect(html.contains("&lt;"))
        #expect(!html.contains("<b>"))
        let datum = Website.wortvergleichHTML(alt: "31.12.2021", neu: "31.12.2022")
        #expect(datum.hasPrefix("<del><span class=\"visually-hidden\">[gestrichen: </span>31.12.2021"), "\(datum)")
        let gesetzt = Website.wortvergleichHTML(alt: "–", neu: "10.03.2021")
        #expect(!gesetzt.contains("<del>"))
        #expect(gesetzt.contains("[eingefügt: </span>10.03.2021"))
    }
}
