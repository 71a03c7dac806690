import Foundation
import KimServe
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 16: `kim serve` survives its browser (aborted uploads, half requests), answers only under
/// loopback names (DNS rebinding) and serves the PDF its pages link to.
@Suite("kim serve gehärtet", .serialized)
struct VorschauHaertungTests {
    /// Sends raw bytes on a fresh connection; the answer up to `bis` seconds (empty when none came).
    static func roh(_ port: UInt16, _ anfrage: [UInt8], antwortAbwarten: Bool = true, bis sekunden: Int = 10) -> String {
        let sock = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(sock) }
        var adresse = sockaddr_in()
        adresse.sin_family = sa_family_t(AF_INET)
        adresse.sin_port = port.bigEndian
        adresse.sin_addr.s_addr = inet_addr("127.0.0.1")
        let verbunden = withUnsafePointer(to: &adresse) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(sock, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard verbunden == 0 else { return "" }
        var zeit = timeval(tv_sec: sekunden, tv_usec: 0)
        setsockopt(sock, SOL_SOCKET, SO_RCVTIMEO, &zeit, socklen_t(MemoryLayout<timeval>.size))
        _ = anfrage.withUnsafeBytes { send(sock, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        guard antwortAbwarten else { return "" }
        var antwort: [UInt8] = []
        var puffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(sock, &puffer, puffer.count, 0)
            if n <= 0 { break }
            antwort += puffer[0..<n]
            // Enough for the status line and headers plus the start of the body.
            if antwort.count > 400 { break }
        }
        return String(decoding: antwort, as: UTF8.self)
    }

    static func get(_ port: UInt16, _ pfad: String, host: String, bis: Int = 10) -> String {
        roh(port, Array("GET \(pfad) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n".utf8), bis: bis)
    }

    /// The CPU time (user + system, in clock ticks) this process has used so far.
    static func cpuTicks() -> Int {
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
              let ende = stat.lastIndex(of: ")") else { return 0 }
        let felder = stat[stat.index(after: ende)...].split(separator: " ")
        return (Int(felder[11]) ?? 0) + (Int(felder[12]) ?? 0)
    }

    @Test("abgebrochene Uploads und halbe Anfragen: der Server bleibt ansprechbar und dreht nicht durch; nur Loopback-Namen; das PDF")
    func gehaertet() async throws {
        let projekt = try SitzungTests.projektKopie()
        defer { try? FileManager.default.removeItem(at: projekt) }
        let port = UInt16.random(in: 20000...40000)
        let server = Vorschauserver(projekt: projekt, port: port)
        let (http, beobachtung) = try await server.starten()
        let lauf = Task { try await http.run() }
        defer { beobachtung.cancel(); lauf.cancel() }
        try await http.waitUntilListening(timeout: 60)
        let wirt = "127.0.0.1:\(port)"
        #expect(try await VorschauTests.warten { Self.get(port, "/index.html", host: wirt).hasPrefix("HTTP/1.1 200") })

        // Two uploads that announce 5 MB and close after 200 KB; a request cut off in its headers.
        for _ in 0..<2 {
            _ = Self.roh(port, Array("POST / HTTP/1.1\r\nHost: \(wirt)\r\nContent-Length: 5000000\r\n\r\n".utf8) + [UInt8](repeating: 120, count: 200_000),
                         antwortAbwarten: false)
        }
        _ = Self.roh(port, Array("GET / HTTP/1.1\r\nHost: 127.0".utf8), antwortAbwarten: false)
        try await Task.sleep(for: .seconds(1))
        let vorher = Self.cpuTicks()
        try await Task.sleep(for: .seconds(2))
        let verbraucht = Self.cpuTicks() - vorher
        // Idle, the preview polls the project's files every 100 ms: far below one core (100 ticks per second).
        #expect(verbraucht < 100, "\(verbraucht) Ticks CPU in 2 s: der Server dreht sich im Kreis")
        #expect(Self.get(port, "/index.html", host: wirt).hasPrefix("HTTP/1.1 200"), "nach den abgebrochenen Anfragen taub")
        #expect(Self.roh(port, Array("POST / HTTP/1.1\r\nHost: \(wirt)\r\nContent-Length: 3\r\n\r\nabc".utf8)).hasPrefix("HTTP/1.1 405"))

        for host in ["localhost:\(port)", "[::1]:\(port)", "127.0.0.1", "LOCALHOST:\(port)"] {
            #expect(Self.get(port, "/index.html", host: host).hasPrefix("HTTP/1.1 200"), "\(host)")
        }
        for host in ["evil.example:\(port)", "evil.example", "127.0.0.1.evil.example:\(port)", ""] {
            #expect(Self.get(port, "/index.html", host: host).hasPrefix("HTTP/1.1 403"), "\(host)")
        }

        // The page links to it, and the preview serves what it links to.
        let seite = String(decoding: await server.vorschau.datei("handlungskonzept/index.html") ?? [], as: UTF8.self)
        #expect(seite.contains("downloads/handlungskonzept-fassung-2.pdf"))
        let pdf = Self.get(port, "/downloads/handlungskonzept-fassung-2.pdf", host: wirt, bis: 240)
        #expect(pdf.hasPrefix("HTTP/1.1 200") && pdf.contains("application/pdf") && pdf.contains("%PDF-"), "\(pdf.prefix(200))")
        #expect(Self.get(port, "/downloads/handlungskonzept-fassung-99.pdf", host: wirt).hasPrefix("HTTP/1.1 404"))
    }
}
