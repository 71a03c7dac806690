/// Content lines of iCalendar (RFC 5545): TEXT values escaped (§ 3.3.11), lines folded after
/// at most 75 octets without splitting a UTF-8 sequence (§ 3.1), every line ended by CRLF.
enum ICalendar {
    /// A TEXT value: `\`, `;` and `,` get a backslash, a line break becomes `\n`; other
    /// control characters, which TEXT does not allow, are dropped.
    static func text(_ wert: String) -> String {
        var ergebnis = ""
        var vorher: Unicode.Scalar?
        for scalar in wert.unicodeScalars {
            defer { vorher = scalar }
            switch scalar {
            case "\\": ergebnis += "\\\\"
            case ";": ergebnis += "\\;"
            case ",": ergebnis += "\\,"
            case "\n":
                if vorher != "\r" { ergebnis += "\\n" }
            case "\r": ergebnis += "\\n"
            case "\t": ergebnis += " "
            case "\u{00}"..."\u{1F}", "\u{7F}": continue
            default: ergebnis.unicodeScalars.append(scalar)
            }
        }
        return ergebnis
    }

    /// A URI value (URL): not TEXT, so no backslashes; a control character, which would end
    /// the line, is dropped.
    static func uri(_ wert: String) -> String {
        String(String.UnicodeScalarView(wert.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
    }

    /// One content line, folded: a line longer than 75 octets continues on the next line
    /// after a single space (which a reader removes together with the CRLF before it).
    static func zeile(_ inhalt: String) -> String {
        var zeilen: [String] = []
        var aktuell = ""
        var laenge = 0
        for scalar in inhalt.unicodeScalars {
            let octets = String(scalar).utf8.count
            let grenze = zeilen.isEmpty ? 75 : 74
            if laenge + octets > grenze {
                zeilen.append(aktuell)
                aktuell = ""
                laenge = 0
            }
            aktuell.unicodeScalars.append(scalar)
            laenge += octets
        }
        zeilen.append(aktuell)
        return zeilen.joined(separator: "\r\n ") + "\r\n"
    }

    /// The time zone Europe/Berlin as its rule since 1996: summer time from the last Sunday
    /// of March, 02:00, to the last Sunday of October, 03:00.
    static let berlin = [
        "BEGIN:VTIMEZONE", "TZID:Europe/Berlin", "X-LIC-LOCATION:Europe/Berlin",
        "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST",
        "DTSTART:19700329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET",
        "DTSTART:19701025T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
        "END:VTIMEZONE",
    ]
}
