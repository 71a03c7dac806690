import KimDerive
import KimModel
import Testing

@Suite("Deutsche Formate")
struct FormatTests {
    @Test func tausenderpunkte() {
        #expect(Format.zahl(212_199) == "212.199")
        #expect(Format.zahl(5_344) == "5.344")
        #expect(Format.zahl(999) == "999")
        #expect(Format.zahl(0) == "0")
        #expect(Format.zahl(1_000_000) == "1.000.000")
        #expect(Format.zahl(-12_345) == "-12.345")
    }

    @Test func datum() throws {
        let datum = try #require(Datum(iso: "2019-12-31"))
        #expect(Format.datum(datum) == "31.12.2019")
        #expect(Format.datum(try #require(Datum(iso: "2022-07-01"))) == "01.07.2022")
        #expect(Format.datumLang(datum) == "31. Dezember 2019")
    }

    @Test func ungueltigeDatenWerdenAbgelehnt() {
        #expect(Datum(iso: "2019-02-29") == nil)
        #expect(Datum(iso: "2020-02-29") != nil)
        #expect(Datum(iso: "31.12.2019") == nil)
        #expect(Datum(iso: "2019-13-01") == nil)
        #expect(Datum(iso: "2019-1-01") == nil)
        #expect(Datum(iso: "２０１９-12-31") == nil)
    }

    @Test func anteilMitKomma() {
        #expect(Format.anteil(Anteil(zehntelProzent: 441)) == "44,1")
        #expect(Format.anteil(Anteil(zehntelProzent: 540)) == "54,0")
        #expect(Format.anteil(Anteil(zehntelProzent: 1000)) == "100,0")
        #expect(Format.prozent(Anteil(zehntelProzent: 302)) == "30,2\u{00A0}%")
        #expect(Format.dezimal(2.5) == "2,5")
        #expect(Format.dezimal(3) == "3")
    }

    @Test("kaufmännisch gerundet: die Hälfte geht nach oben", arguments: [
        (1, 16, 63),     // 6,25 % → 6,3 (banker's rounding would give 6,2)
        (1, 8, 125),     // 12,5 % exactly
        (1, 32, 31),     // 3,125 % → 3,1
        (3, 16, 188),    // 18,75 % → 18,8
        (1, 3, 333),
        (2, 3, 667),
        (0, 5, 0),
        (5, 5, 1000),
    ])
    func halbAufrunden(teil: Int, von: Int, zehntel: Int) throws {
        #expect(try #require(Anteil(teil: teil, von: von)).zehntelProzent == zehntel)
    }

    @Test func anteilVonNichts() {
        #expect(Anteil(teil: 0, von: 0) == nil)
    }
}
