/// Content lines of iCalendar (RFC 5545): TEXT values escaped (§ 3.3.11), lines folded after
/// at most 75 octets without splitting a UTF-8 sequence (§ 3.1), every line ended by CRLF.
enum ICalendar {
    /// A TEXT value: `\`, `;` and `,` get a backslash, a line break becomes `\n`; other
    /// control characters, which TEXT does not allow, are dropped.
    /// On bytes: every special character is ASCII, and a calendar of a state has 19 000 events.
    static func text(_ wert: String) -> String {
        var ergebnis: [UInt8] = []
        ergebnis.reserveCapacity(wert.utf8.count + 8)
        var vorher: UInt8 = 0
        for byte in wert.utf8 {
            defer { vorher = byte }
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: ";"), UInt8(ascii: ","): ergebnis += [UInt8(ascii: "\\"), byte]
            case 0x0A:
                if vorher != 0x0D { ergebnis += [UInt8(ascii: "\\"), UInt8(ascii: "n")] }
            case 0x0D: ergebnis += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x09: ergebnis.append(UInt8(ascii: " "))
            case 0x00...0x1F, 0x7F: continue
            default: ergebnis.append(byte)
            }
        }
        return String(decoding: ergebnis, as: UTF8.self)
    }

    /// A URI value (URL): not TEXT, so no backslashes; a control character, which would end
    /// the line, is dropped.
    static func uri(_ wert: String) -> String {
        String(String.UnicodeScalarView(wert.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
    }

    /// One content line, folded: a line longer than 75 octets continues on the next line
    /// after a single space (which a reader removes together with the CRLF before it).
    static func zeile(_ inhalt: String) -> String {
        var ausgabe: [UInt8] = []
        ausgabe.reserveCapacity(inhalt.utf8.count + inhalt.utf8.count / 24 + 2)
        var laenge = 0
        var grenze = 75
        var octets: [UInt8] = []
        // Scalar by scalar, counted in octets: the lead byte of a UTF-8 sequence says how long it is.
        for byte in inhalt.utf8 {
            if byte & 0xC0 != 0x80, !octets.isEmpty {
                anhaengen(octets, an: &ausgabe, laenge: &laenge, grenze: &grenze)
                octets.removeAll(keepingCapacity: true)
            }
            octets.append(byte)
        }
        anhaengen(octets, an: &ausgabe, laenge: &laenge, grenze: &grenze)
        ausgabe += [0x0D, 0x0A]
        return String(decoding: ausgabe, as: UTF8.self)
    }

    /// One scalar's octets onto the line, after a fold when they would pass the limit.
    private static func anhaengen(_ octets: [UInt8], an ausgabe: inout [UInt8], laenge: inout Int, grenze: inout Int) {
        guard !octets.isEmpty else { return }
        if laenge + octets.count > grenze {
            ausgabe += [0x0D, 0x0A, UInt8(ascii: " ")]
            laenge = 0
            grenze = 74
        }
        ausgabe += octets
        laenge += octets.count
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
