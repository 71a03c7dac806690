import FlyingFox
import Foundation
import KimWerkbank

extension Vorschauserver {
    /// Whether `/_kim/…` goes to the workbench: only while the preview listens on loopback alone.
    static func werkbankErlaubt(host: String) -> Bool {
        host == "127.0.0.1" || host == "::1" || host == "localhost"
    }

    /// `/_kim/…`: the workbench. Host checked as for every page; a POST body read up to the
    /// workbench's bound (larger: 413, nothing read further, the connection closed).
    static func werkbankAntwort(_ anfrage: HTTPRequest, _ werkbank: Werkbank, port: UInt16, host: String) async -> HTTPResponse {
        guard Anfragepruefung.erlaubterHost(anfrage.headers[HTTPHeader("Host")], port: port, host: host) else {
            await Anfragepruefung.verwerfen(anfrage.bodySequence)
            return text(.forbidden, "Die Werkbank antwortet nur unter http://127.0.0.1:\(port)/.\n", schliessen: true)
        }
        var rumpf: [UInt8] = []
        if anfrage.method == .POST {
            if let laenge = anfrage.headers[.contentLength].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), laenge > Werkbank.hoechsteRumpfgroesse {
                return text(HTTPStatusCode(413, phrase: "Content Too Large"), "Das Formular ist zu groß.\n", schliessen: true)
            }
            do {
                for try await stueck in anfrage.bodySequence {
                    rumpf += stueck
                    if rumpf.count > Werkbank.hoechsteRumpfgroesse {
                        return text(HTTPStatusCode(413, phrase: "Content Too Large"), "Das Formular ist zu groß.\n", schliessen: true)
                    }
                }
            } catch {
                return text(.badRequest, "Das Formular kam nicht vollständig an.\n", schliessen: true)
            }
        } else if await Anfragepruefung.hatRumpf(anfrage) {
            await Anfragepruefung.verwerfen(anfrage.bodySequence)
            return text(.methodNotAllowed, "GET-Anfragen tragen keinen Inhalt.\n", schliessen: true)
        }
        var kopf: [String: String] = [:]
        for name in ["Host", "Origin", "Sec-Fetch-Site", "Content-Type"] {
            if let wert = anfrage.headers[HTTPHeader(name)] { kopf[name] = wert }
        }
        let abfrage = Dictionary(anfrage.query.map { ($0.name, $0.value) }, uniquingKeysWith: { erster, _ in erster })
        let antwort = await werkbank.bearbeiten(Werkbankanfrage(methode: anfrage.method.rawValue, pfad: anfrage.path, abfrage: abfrage, kopf: kopf, rumpf: rumpf))
        var kopfzeilen: [HTTPHeader: String] = [:]
        for (name, wert) in antwort.kopf { kopfzeilen[HTTPHeader(name)] = wert }
        return HTTPResponse(statusCode: HTTPStatusCode(antwort.status, phrase: Self.phrase(antwort.status)), headers: HTTPHeaders(kopfzeilen), body: Data(antwort.rumpf))
    }

    static func phrase(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 303: return "See Other"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 409: return "Conflict"
        case 422: return "Unprocessable Content"
        default: return status < 400 ? "OK" : "Error"
        }
    }
}
