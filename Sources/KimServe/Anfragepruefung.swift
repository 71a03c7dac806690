import FlyingFox
import Foundation

/// What the preview checks on every request before it answers.
enum Anfragepruefung {
    /// Hosts the preview answers to, with or without its port.
    static func erlaubterHost(_ kopf: String?, port: UInt16, host: String) -> Bool {
        guard let kopf = kopf?.lowercased() else { return false }
        var namen = ["127.0.0.1", "localhost", "[::1]"]
        // `--host` given explicitly (e.g. a LAN address): that name too.
        if host != "127.0.0.1", host != "0.0.0.0", host != "::" { namen.append(host.lowercased()) }
        return namen.contains { kopf == $0 || kopf == "\($0):\(port)" }
    }

    /// Whether the request announces a body (Content-Length above 0, or chunked).
    static func hatRumpf(_ anfrage: HTTPRequest) async -> Bool {
        if anfrage.headers[HTTPHeader("Transfer-Encoding")] != nil { return true }
        if let laenge = anfrage.headers[.contentLength] { return laenge.trimmingCharacters(in: .whitespaces) != "0" }
        return false
    }

    /// Reads a body to its end or until the client has gone, keeping nothing.
    static func verwerfen(_ rumpf: HTTPBodySequence) async {
        do {
            for try await stueck in rumpf where stueck.isEmpty { break }
        } catch {
            // The client went away mid-body: nothing left to read, the connection ends.
        }
    }
}
