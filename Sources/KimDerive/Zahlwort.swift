/// Small numbers as words, so a sentence of the report can open with a count ("Zwei Meilensteine …")
/// and never with a numeral; larger numbers stay digits and go later in the sentence.
public enum Zahlwort {
    static let woerter = ["null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf"]

    /// "zwei" … "zwölf"; digits from 13 on. For one, use the article ("ein", "eine") in the sentence itself.
    public static func grundzahl(_ anzahl: Int) -> String {
        (0..<woerter.count).contains(anzahl) ? woerter[anzahl] : Format.zahl(anzahl)
    }

    /// Whether `grundzahl` gives a word, so the count may open a sentence.
    public static func istWort(_ anzahl: Int) -> Bool { (0..<woerter.count).contains(anzahl) }
}
