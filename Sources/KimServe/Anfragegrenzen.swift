import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Limits on what one request to the preview may be: any web page the author has open can send
/// requests to `127.0.0.1` (`<img src="http://127.0.0.1:8000/aaaa…">`), and FlyingFox reads a request
/// head without bounds. So the head is read here first, by kim, with these limits.
public struct Anfragegrenzen: Sendable {
    /// The request line (method, path, version).
    public var zeile = 8 * 1024
    /// The whole head (request line and header fields).
    public var kopf = 32 * 1024
    public var felder = 100
    /// To send the whole head, from the connection's first byte.
    public var kopfzeit: Duration = .seconds(10)
    /// For the whole exchange; the first request for the PDF runs WeasyPrint, which takes seconds.
    public var anfragezeit: Duration = .seconds(300)
    /// A body (the preview takes none, but may read one to its end).
    public var rumpf = 16 * 1024 * 1024
    /// Connections handled at once; more are closed at once.
    public var verbindungen = 256

    public init() {}

    enum Urteil: Equatable {
        /// The head is complete: its length in bytes (up to and with the empty line).
        case vollstaendig(Int)
        case unvollstaendig
        case zuLang(status: Int, grund: String)
    }

    /// Judges the bytes received so far.
    func pruefen(_ bytes: [UInt8]) -> Urteil {
        var zeilen = 0
        var anfang = 0
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0A {
                let laenge = i - anfang
                if zeilen == 0, laenge > zeile { return .zuLang(status: 414, grund: "URI Too Long") }
                if laenge == 0 || (laenge == 1 && bytes[anfang] == 0x0D) {
                    return zeilen == 0 ? .zuLang(status: 400, grund: "Bad Request") : .vollstaendig(i + 1)
                }
                zeilen += 1
                if zeilen - 1 > felder { return .zuLang(status: 431, grund: "Request Header Fields Too Large") }
                anfang = i + 1
            }
            if i + 1 > kopf {
                return zeilen == 0 ? .zuLang(status: 414, grund: "URI Too Long") : .zuLang(status: 431, grund: "Request Header Fields Too Large")
            }
            i += 1
        }
        if zeilen == 0, bytes.count - anfang > zeile { return .zuLang(status: 414, grund: "URI Too Long") }
        return .unvollstaendig
    }

    /// The start of the answer with `Connection: close` after its status line: the connection ends
    /// after this answer, and a client that is not told so may send its next request into the closing
    /// connection and lose it.
    static func schliessend(_ anfang: [UInt8]) -> [UInt8] {
        guard let zeilenende = anfang.firstIndex(of: 0x0A) else { return anfang }
        return Array(anfang[...zeilenende]) + Array("Connection: close\r\n".utf8) + Array(anfang[(zeilenende + 1)...])
    }

    /// The head for the server behind: `Connection: close` instead of the client's, so each connection
    /// carries one request and every request passes these limits.
    static func einmalig(_ kopf: [UInt8]) -> [UInt8] {
        let text = String(decoding: kopf, as: UTF8.self)
        var zeilen = text.components(separatedBy: "\r\n").flatMap { $0.components(separatedBy: "\n") }.filter { !$0.isEmpty }
        zeilen = [zeilen.first ?? ""] + zeilen.dropFirst().filter {
            let name = $0.split(separator: ":", maxSplits: 1).first?.trimmingCharacters(in: .whitespaces).lowercased()
            return name != "connection" && name != "keep-alive"
        }
        return Array((zeilen + ["Connection: close", "", ""]).joined(separator: "\r\n").utf8)
    }
}
