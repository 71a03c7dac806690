import Foundation

/// CSV as RFC 4180 with UTF-8 and one header row: every field quoted when it needs it,
/// and a leading =, +, - or @ defused so spreadsheet programs do not run it as a formula.
enum CSV {
    static func text(_ zeilen: [[String]]) -> String {
        zeilen.map { $0.map(feld).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func feld(_ wert: String) -> String {
        var wert = wert
        if let erstes = wert.first, "=+-@\t\r".contains(erstes) { wert = "'" + wert }
        guard wert.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }) else { return wert }
        return "\"" + wert.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Deterministic JSON for downloads and the OParl export: keys sorted, two-space indent.
/// Written by hand because JSONSerialization collates every sorted key through ICU and
/// validates each tree in a separate pass, which made it most of a large build's work.
enum JSONText {
    static func encode(_ wert: Any) -> String {
        var text = ""
        schreiben(wert, einzug: "", in: &text)
        return text + "\n"
    }

    static func schreiben(_ wert: Any, einzug: String, in text: inout String) {
        switch wert {
        case let zeichenkette as String:
            zitieren(zeichenkette, in: &text)
        case let wahr as Bool:
            text += wahr ? "true" : "false"
        case let zahl as Int:
            text += String(zahl)
        case let zahl as Double:
            text += zahl.rounded() == zahl && abs(zahl) < 1e15 ? String(Int(zahl)) : String(zahl)
        case let objekt as [String: Any]:
            guard !objekt.isEmpty else { text += "{}"; return }
            let innen = einzug + "  "
            text += "{\n"
            for (index, schluessel) in objekt.keys.sorted().enumerated() {
                text += innen
                zitieren(schluessel, in: &text)
                text += ": "
                schreiben(objekt[schluessel] as Any, einzug: innen, in: &text)
                text += index == objekt.count - 1 ? "\n" : ",\n"
            }
            text += einzug + "}"
        case let liste as [Any]:
            guard !liste.isEmpty else { text += "[]"; return }
            let innen = einzug + "  "
            text += "[\n"
            for (index, element) in liste.enumerated() {
                text += innen
                schreiben(element, einzug: innen, in: &text)
                text += index == liste.count - 1 ? "\n" : ",\n"
            }
            text += einzug + "]"
        default:
            text += "null"
        }
    }

    static func zitieren(_ zeichenkette: String, in text: inout String) {
        text += "\""
        for skalar in zeichenkette.unicodeScalars {
            switch skalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{2028}": text += "\\u2028"
            case "\u{2029}": text += "\\u2029"
            default:
                if skalar.value < 0x20 {
                    let hex = String(skalar.value, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    text.unicodeScalars.append(skalar)
                }
            }
        }
        text += "\""
    }
}
