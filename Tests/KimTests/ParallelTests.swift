import KimModel
import Testing

@Suite("Parallel: Ergebnisse in der Reihenfolge der Eingabe, gleich wie nacheinander")
struct ParallelTests {
    @Test("map hält die Reihenfolge, auch über die Schwelle für mehrere Kerne")
    func mapReihenfolge() {
        for anzahl in [0, 1, 31, 32, 33, 1000] {
            let eingabe = Array(0..<anzahl)
            #expect(Parallel.map(eingabe) { $0 * $0 + 1 } == eingabe.map { $0 * $0 + 1 })
        }
    }

    @Test("zugleich gibt beide Ergebnisse an ihrem Platz zurück, auch verschiedener Art")
    func zugleichBeide() {
        let (zahlen, text) = Parallel.zugleich({ (1...10_000).reduce(0, +) }, { String(repeating: "ab", count: 3) })
        #expect(zahlen == 50_005_000)
        #expect(text == "ababab")
        let (leer, liste) = Parallel.zugleich({ [String]() }, { Parallel.map(Array(0..<100)) { $0 } })
        #expect(leer.isEmpty)
        #expect(liste == Array(0..<100))
    }
}
