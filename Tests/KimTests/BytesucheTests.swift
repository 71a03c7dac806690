import KimModel
import Testing

@Suite("Bytesuche: Vortests auf Bytes finden, was die genaue Suche fände")
struct BytesucheTests {
    @Test("Kleintext: Großbuchstaben gefaltet, Teile durch Zeilenumbruch getrennt, Treffer am Rand")
    func kleintext() {
        var text = Bytesuche.Kleintext()
        text.setzen(["Bericht aus dem INTEGRATIONSRAT", "AG Chancengleichheit"])
        #expect(text.enthaelt(Array("integrationsrat".utf8)))
        #expect(text.enthaelt(Array("ag chancengleichheit".utf8)))
        #expect(text.enthaelt(Array("integrationsrat\nag".utf8)))
        #expect(!text.enthaelt(Array("integrationsratag".utf8)))
        #expect(!text.enthaelt(Array("lenkungskreis".utf8)))
        // The buffer is reused: the previous text must not leak into the next.
        text.setzen(["Lenkungskreis"])
        #expect(text.enthaelt(Array("lenkungskreis".utf8)))
        #expect(!text.enthaelt(Array("integrationsrat".utf8)))
        text.setzen(["kurz"])
        #expect(!text.enthaelt(Array("kurz und lang".utf8)))
    }

    @Test("enthaeltBytes: jede Fundstelle, auch die letzte mögliche; Umlaute als Bytes")
    func enthaeltBytes() {
        #expect("Arbeitskreis Übergang Schule".enthaeltBytes("Übergang"))
        #expect("abcabd".enthaeltBytes("abd"))
        #expect(!"abcab".enthaeltBytes("abd"))
        #expect(!"übergang".enthaeltBytes("Übergang"))
        #expect("".enthaeltBytes(""))
        #expect(!"".enthaeltBytes("a"))
    }
}
