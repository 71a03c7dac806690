import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The preview's front door: listens on the preview's TCP port, reads each request head within
/// `Anfragegrenzen`, answers 414, 431, 400 or 408 itself and closes, and passes every other request
/// with `Connection: close` to FlyingFox, which listens on a Unix socket only kim can reach. One
/// thread per connection, at most `grenzen.verbindungen` of them; `beenden()` closes the port and
/// every open connection at once, so the preview stops within a second even under load.
final class Pfoertner: @unchecked Sendable {
    let grenzen: Anfragegrenzen
    let ziel: String
    private let lauscher: Int32
    private let sperre = NSLock()
    private var offen: Set<Int32> = []
    private var beendet = false

    struct Fehler: Error, CustomStringConvertible {
        var description: String
    }

    /// Binds and listens at once, so the port is taken when the preview says it is ready.
    init(host: String, port: UInt16, ziel: String, grenzen: Anfragegrenzen) throws {
        self.grenzen = grenzen
        self.ziel = ziel
        var hinweise = addrinfo()
        hinweise.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hinweise.ai_flags = AI_PASSIVE | AI_NUMERICHOST
        var liste: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hinweise, &liste) == 0, let adresse = liste else {
            throw Fehler(description: "\(host) ist keine IP-Adresse")
        }
        defer { freeaddrinfo(liste) }
        let sock = socket(adresse.pointee.ai_family, Int32(SOCK_STREAM.rawValue), 0)
        guard sock >= 0 else { throw Fehler(description: "kein Socket: \(String(cString: strerror(errno)))") }
        var ja: Int32 = 1
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &ja, socklen_t(MemoryLayout<Int32>.size))
        guard bind(sock, adresse.pointee.ai_addr, adresse.pointee.ai_addrlen) == 0, listen(sock, 128) == 0 else {
            let grund = String(cString: strerror(errno))
            close(sock)
            throw Fehler(description: "Port \(port) auf \(host) ist nicht frei: \(grund)")
        }
        lauscher = sock
    }

    /// A Pfoertner on `host:port`, already accepting, in front of a Unix socket in a fresh folder only
    /// this user can enter. The preview stops it by cancelling its watch task.
    static func oeffnen(host: String, port: UInt16, grenzen: Anfragegrenzen) throws -> Pfoertner {
        var vorlage = Array((NSTemporaryDirectory() + "/kim-vorschau-XXXXXX").utf8CString)
        let angelegt = vorlage.withUnsafeMutableBufferPointer { puffer in puffer.baseAddress.flatMap { mkdtemp($0) }.map { String(cString: $0) } }
        guard let ordner = angelegt else {
            throw Fehler(description: "kein temporärer Ordner für die Vorschau: \(String(cString: strerror(errno)))")
        }
        let pfoertner = try Pfoertner(host: host, port: port, ziel: ordner + "/http", grenzen: grenzen)
        pfoertner.starten()
        return pfoertner
    }

    func starten() {
        let thread = Thread { [self] in annehmen() }
        thread.name = "kim-vorschau-pfoertner"
        thread.start()
    }

    /// Closes the port and every connection; their threads end on their next read or write.
    func beenden() {
        let alle: Set<Int32> = sperre.withLock {
            beendet = true
            return offen
        }
        shutdown(lauscher, Int32(SHUT_RDWR))
        close(lauscher)
        for verbindung in alle { shutdown(verbindung, Int32(SHUT_RDWR)) }
        unlink(ziel)
        rmdir((ziel as NSString).deletingLastPathComponent)
    }

    private func annehmen() {
        while true {
            let verbindung = accept(lauscher, nil, nil)
            if verbindung < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                if sperre.withLock({ beendet }) { return }
                if errno == EMFILE || errno == ENFILE { usleep(50_000); continue }
                return
            }
            let angenommen: Bool = sperre.withLock {
                guard !beendet, offen.count < grenzen.verbindungen else { return false }
                offen.insert(verbindung)
                return true
            }
            guard angenommen else { close(verbindung); continue }
            let thread = Thread { [self] in
                bedienen(verbindung)
                sperre.withLock { _ = offen.remove(verbindung) }
                close(verbindung)
            }
            thread.stackSize = 256 * 1024
            thread.start()
        }
    }

    /// Reads one head within the limits and either answers it or passes the request on.
    private func bedienen(_ kunde: Int32) {
        var ja: Int32 = 1
        setsockopt(kunde, Int32(IPPROTO_TCP), TCP_NODELAY, &ja, socklen_t(MemoryLayout<Int32>.size))
        let frist = ContinuousClock.now.advanced(by: grenzen.kopfzeit)
        var gelesen: [UInt8] = []
        var puffer = [UInt8](repeating: 0, count: 16 * 1024)
        var kopflaenge = 0
        while true {
            switch grenzen.pruefen(gelesen) {
            case .vollstaendig(let laenge):
                kopflaenge = laenge
            case .zuLang(let status, let grund):
                abweisen(kunde, status, grund)
                return
            case .unvollstaendig:
                let n = lesen(kunde, &puffer, bis: frist)
                if n == -2 { abweisen(kunde, 408, "Request Timeout"); return }
                if n <= 0 { return }
                gelesen += puffer[0..<n]
                continue
            }
            break
        }
        weiterreichen(kunde, kopf: Anfragegrenzen.einmalig(Array(gelesen[0..<kopflaenge])), rest: Array(gelesen[kopflaenge...]))
    }

    /// Bytes read before `frist`: their count, 0 at the end of the stream, -1 on an error, -2 when time ran out.
    private func lesen(_ sock: Int32, _ puffer: inout [UInt8], bis frist: ContinuousClock.Instant) -> Int {
        while true {
            let uebrig = frist - ContinuousClock.now
            guard uebrig > .zero else { return -2 }
            let ms = Int32(min(uebrig.components.seconds * 1000 + uebrig.components.attoseconds / 1_000_000_000_000_000 + 1, 1000))
            var feld = pollfd(fd: sock, events: Int16(POLLIN), revents: 0)
            let bereit = poll(&feld, 1, ms)
            if bereit < 0, errno == EINTR { continue }
            if bereit < 0 { return -1 }
            if bereit == 0 {
                if sperre.withLock({ beendet }) { return -1 }
                continue
            }
            let n = puffer.withUnsafeMutableBytes { recv(sock, $0.baseAddress, $0.count, 0) }
            if n < 0, errno == EINTR { continue }
            return n
        }
    }

    private func schreiben(_ sock: Int32, _ bytes: [UInt8]) -> Bool {
        var gesendet = 0
        while gesendet < bytes.count {
            let n = bytes[gesendet...].withUnsafeBytes { send(sock, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return false }
            gesendet += n
        }
        return true
    }

    /// Answers and closes; what the client still sends is read (up to a second) and dropped first, so the
    /// answer is not lost to a reset.
    private func abweisen(_ kunde: Int32, _ status: Int, _ grund: String) {
        let text = "Die Anfrage ist zu groß oder zu langsam für die Vorschau (\(status) \(grund)).\n"
        let antwort = "HTTP/1.1 \(status) \(grund)\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: \(text.utf8.count)\r\nConnection: close\r\n\r\n\(text)"
        guard schreiben(kunde, Array(antwort.utf8)) else { return }
        ausklingen(kunde)
    }

    /// Ends the answer and reads (up to a second, up to 1 MB) and drops what the client still sends:
    /// closing a socket with unread bytes resets the connection, and a reset can cost the client the
    /// answer it has not read yet.
    private func ausklingen(_ kunde: Int32) {
        shutdown(kunde, Int32(SHUT_WR))
        let frist = ContinuousClock.now.advanced(by: .seconds(1))
        var puffer = [UInt8](repeating: 0, count: 16 * 1024)
        var verworfen = 0
        while verworfen < 1 << 20, case let n = lesen(kunde, &puffer, bis: frist), n > 0 { verworfen += n }
    }

    /// Connects to FlyingFox, sends the head, then copies both ways until FlyingFox has answered.
    private func weiterreichen(_ kunde: Int32, kopf: [UInt8], rest: [UInt8]) {
        guard let server = verbinden() else {
            abweisen(kunde, 503, "Service Unavailable")
            return
        }
        sperre.withLock { _ = offen.insert(server) }
        defer {
            sperre.withLock { _ = offen.remove(server) }
            close(server)
        }
        // FlyingFox may answer and close before it has read everything the client sent (a second,
        // pipelined request, say): then the rest cannot be written, but the answer is there to pass on.
        var kundeOffen = schreiben(server, kopf) && (rest.isEmpty || schreiben(server, rest))
        if !kundeOffen { shutdown(server, Int32(SHUT_WR)) }
        let frist = ContinuousClock.now.advanced(by: grenzen.anfragezeit)
        var rumpf = rest.count
        var antwortBegonnen = false
        var puffer = [UInt8](repeating: 0, count: 64 * 1024)
        while ContinuousClock.now < frist, !sperre.withLock({ beendet }) {
            var felder = [pollfd(fd: server, events: Int16(POLLIN), revents: 0),
                          pollfd(fd: kundeOffen ? kunde : -1, events: Int16(POLLIN), revents: 0)]
            let bereit = poll(&felder, 2, 500)
            if bereit < 0, errno == EINTR { continue }
            if bereit < 0 { return }
            if felder[0].revents != 0 {
                let n = puffer.withUnsafeMutableBytes { recv(server, $0.baseAddress, $0.count, 0) }
                if n <= 0 {
                    ausklingen(kunde)
                    return
                }
                var stueck = Array(puffer[0..<n])
                if !antwortBegonnen {
                    stueck = Anfragegrenzen.schliessend(stueck)
                    antwortBegonnen = true
                }
                guard schreiben(kunde, stueck) else { return }
            }
            if kundeOffen, felder[1].revents != 0 {
                let n = puffer.withUnsafeMutableBytes { recv(kunde, $0.baseAddress, $0.count, 0) }
                rumpf += max(n, 0)
                if n <= 0 || rumpf > grenzen.rumpf || !schreiben(server, Array(puffer[0..<n])) {
                    // The client is done sending (or sends too much, or FlyingFox reads no more): FlyingFox
                    // reads the end of the body, and its answer still goes back.
                    kundeOffen = false
                    shutdown(server, Int32(SHUT_WR))
                }
            }
        }
    }

    /// A connection to FlyingFox's Unix socket; it may take a moment after start to listen.
    private func verbinden() -> Int32? {
        let frist = ContinuousClock.now.advanced(by: .seconds(30))
        while ContinuousClock.now < frist, !sperre.withLock({ beendet }) {
            let sock = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            guard sock >= 0 else { return nil }
            var adresse = sockaddr_un()
            adresse.sun_family = sa_family_t(AF_UNIX)
            let pfad = Array(ziel.utf8)
            guard pfad.count < MemoryLayout.size(ofValue: adresse.sun_path) else { close(sock); return nil }
            withUnsafeMutableBytes(of: &adresse.sun_path) { ziel in
                for (i, byte) in pfad.enumerated() { ziel[i] = byte }
            }
            let verbunden = withUnsafePointer(to: &adresse) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(sock, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            }
            if verbunden == 0 { return sock }
            close(sock)
            usleep(50_000)
        }
        return nil
    }
}
