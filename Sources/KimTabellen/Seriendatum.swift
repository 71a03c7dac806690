import KimModel

/// Spreadsheet dates as numbers: days since 30.12.1899, as Excel and LibreOffice count them
/// (Excel's phantom 29.02.1900 lies before every date a KI writes).
enum Seriendatum {
    static func zahl(_ datum: Datum) -> Int {
        tage(datum.jahr, datum.monat, datum.tag) - tage(1899, 12, 30)
    }

    /// The day a serial number stands for; the time of day (fraction) is dropped. Nil outside 1..9999.
    static func datum(_ zahl: Double) -> Datum? {
        guard zahl.isFinite, zahl >= 1, zahl < 3_000_000 else { return nil }
        let (jahr, monat, tag) = zivil(Int(zahl.rounded(.down)) + tage(1899, 12, 30))
        return Datum(jahr: jahr, monat: monat, tag: tag)
    }

    /// Days since 01.01.1970 (Howard Hinnant's days_from_civil).
    private static func tage(_ jahr: Int, _ monat: Int, _ tag: Int) -> Int {
        let j = monat <= 2 ? jahr - 1 : jahr
        let aera = (j >= 0 ? j : j - 399) / 400
        let jahrDerAera = j - aera * 400
        let tagDesJahres = (153 * (monat + (monat > 2 ? -3 : 9)) + 2) / 5 + tag - 1
        let tagDerAera = jahrDerAera * 365 + jahrDerAera / 4 - jahrDerAera / 100 + tagDesJahres
        return aera * 146_097 + tagDerAera - 719_468
    }

    private static func zivil(_ tage: Int) -> (Int, Int, Int) {
        let z = tage + 719_468
        let aera = (z >= 0 ? z : z - 146_096) / 146_097
        let tagDerAera = z - aera * 146_097
        let jahrDerAera = (tagDerAera - tagDerAera / 1460 + tagDerAera / 36524 - tagDerAera / 146_096) / 365
        let tagDesJahres = tagDerAera - (365 * jahrDerAera + jahrDerAera / 4 - jahrDerAera / 100)
        let mp = (5 * tagDesJahres + 2) / 153
        let tag = tagDesJahres - (153 * mp + 2) / 5 + 1
        let monat = mp < 10 ? mp + 3 : mp - 9
        return (jahrDerAera + aera * 400 + (monat <= 2 ? 1 : 0), monat, tag)
    }
}
