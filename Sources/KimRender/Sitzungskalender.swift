import KimDerive
import KimModel

/// `sitzungen.ics`: every Sitzung as an event. A public Sitzung with its times in Europe/Berlin,
/// its place and the link to its page; a non-public one only as a whole-day entry naming the
/// Gremium, nothing more. UIDs come from the Sitzung's id, so a calendar that subscribed keeps
/// its entries from one build to the next.
struct Sitzungskalender {
    let projekt: Projekt
    let gremienNamen: [String: String]

    init(_ projekt: Projekt) {
        self.projekt = projekt
        gremienNamen = Dictionary(projekt.gremien.gremien.map { ($0.id, $0.name) }) { erstes, _ in erstes }
    }

    static let pfad = "sitzungen.ics"

    var text: String {
        let basis = projekt.kommune.basisUrl
        var zeilen = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//kim//Sitzungskalender//DE", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                      "X-WR-CALNAME:" + ICalendar.text("Sitzungen der KIM-Gremien \(Ortsformen(projekt.kommune).kurzform)"),
                      "X-WR-TIMEZONE:Europe/Berlin"]
        zeilen += ICalendar.berlin
        for sitzung in projekt.sitzungen {
            zeilen += ereignis(sitzung, basis: basis)
        }
        zeilen.append("END:VCALENDAR")
        return zeilen.map(ICalendar.zeile).joined()
    }

    func ereignis(_ sitzung: Sitzung, basis: String) -> [String] {
        let gremium = gremienNamen[sitzung.gremium] ?? sitzung.gremium
        var zeilen = ["BEGIN:VEVENT", "UID:" + ICalendar.text(Self.uid(sitzung, basisUrl: basis)),
                      // When the entry last changed: the Stand of the Sitzung's data, never the clock.
                      "DTSTAMP:\(Self.kompakt(sitzung.stand))T000000Z"]
        if sitzung.oeffentlich {
            zeilen += [
                "DTSTART;TZID=Europe/Berlin:\(Self.kompakt(sitzung.datum))T\(Self.uhrzeit(sitzung.beginn))",
                "DTEND;TZID=Europe/Berlin:\(Self.kompakt(sitzung.datum))T\(Self.uhrzeit(sitzung.ende))",
                "SUMMARY:" + ICalendar.text("\(sitzung.nummer). Sitzung \(gremium)"),
                "LOCATION:" + ICalendar.text(sitzung.ort),
                "URL:" + ICalendar.uri(basis + "sitzungen/\(sitzung.id).html"),
                "DESCRIPTION:" + ICalendar.text("Niederschrift und Tagesordnung: \(basis)sitzungen/\(sitzung.id).html"
                                                + (sitzung.beispieldaten == true ? "\n(Beispieldaten)" : "")),
                "CLASS:PUBLIC",
            ]
        } else {
            zeilen += [
                "DTSTART;VALUE=DATE:\(Self.kompakt(sitzung.datum))",
                "SUMMARY:" + ICalendar.text("Sitzung \(gremium) (nicht öffentlich)"),
                "CLASS:CONFIDENTIAL",
            ]
        }
        zeilen.append("END:VEVENT")
        return zeilen
    }

    /// "sitzung-steuerungsgruppe-2025-1@kim.kreis-lindenau.example": the Sitzung's id is unique in the project,
    /// the host names the project, so two Kommunen's calendars never share a UID.
    static func uid(_ sitzung: Sitzung, basisUrl: String) -> String {
        "sitzung-\(sitzung.id)@\(host(basisUrl))"
    }

    /// "https://kim.oberhausen.de/" → "kim.oberhausen.de" (the schema requires https:// and a closing /).
    static func host(_ basisUrl: String) -> String {
        basisUrl.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first.map(String.init) ?? basisUrl
    }

    static func kompakt(_ datum: Datum) -> String { datum.iso.split(separator: "-").joined() }

    /// "14:00" → "140000"
    static func uhrzeit(_ text: String) -> String { text.split(separator: ":").joined() + "00" }
}
