import Foundation
import KimModel

/// A strict JSON parser (RFC 8259) that records line and column of every value
/// and reports errors at the fault. Bounded: nesting deeper than `maximumDepth`
/// is an error, not a stack overflow.
public struct JSONParser {
    public struct Failure: Error, Sendable {
        public var location: SourceLocation
        public var message: String
        public var hint: String?
    }

    public static let maximumDepth = 200

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private var depth = 0
    /// Duplicate keys do not stop parsing; they are reported with the rest.
    public private(set) var warnings: [Failure] = []

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Parses a whole document. A UTF-8 byte order mark is accepted and skipped.
    public static func parse(_ bytes: [UInt8]) throws(Failure) -> (JSONNode, [Failure]) {
        var parser = JSONParser(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            parser.index = 3
            parser.lineStart = 3
        }
        parser.skipWhitespace()
        if parser.index >= bytes.count {
            throw parser.failure("die Datei ist leer, erwartet wurde ein JSON-Objekt", hint: "mit { beginnen")
        }
        let node = try parser.parseValue()
        parser.skipWhitespace()
        if parser.index < bytes.count {
            throw parser.failure("nach dem Ende des JSON-Werts folgt noch \(parser.describeCurrent())",
                                 hint: "überzählige Zeichen entfernen oder fehlendes Komma/Klammer ergänzen")
        }
        return (node, parser.warnings)
    }

    /// Where counting columns last stopped; keeps long one-line files linear.
    private var columnMark = (index: 0, column: 1)

    private var location: SourceLocation {
        mutating get {
            // Columns count characters, not bytes: skip UTF-8 continuation bytes.
            var (position, column) = columnMark.index >= lineStart && columnMark.index <= index ? columnMark : (lineStart, 1)
            while position < index {
                if bytes[position] & 0xC0 != 0x80 { column += 1 }
                position += 1
            }
            columnMark = (index, column)
            return SourceLocation(line: line, column: column)
        }
    }

    private mutating func failure(_ message: String, hint: String? = nil) -> Failure {
        Failure(location: location, message: message, hint: hint)
    }

    private func describeCurrent() -> String {
        guard index < bytes.count else { return "das Dateiende" }
        let byte = bytes[index]
        switch byte {
        case 0: return "ein NUL-Zeichen"
        case 0x20...0x7E: return "»\(Character(Unicode.Scalar(byte)))«"
        case 0x80...:
            // Name the character, not its first byte: a second BOM or a no-break space is invisible.
            var iterator = bytes[index...].prefix(4).makeIterator()
            var decoder = UTF8()
            if case .scalarValue(let scalar) = decoder.decode(&iterator) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                return "das Zeichen U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex)"
            }
            return "ein ungültiges UTF-8-Byte (Code \(byte))"
        default: return "das Steuerzeichen mit dem Code \(byte)"
        }
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D:
                index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            default:
                return
            }
        }
    }

    private mutating func parseValue() throws(Failure) -> JSONNode {
        guard index < bytes.count else {
            throw failure("unerwartetes Dateiende, erwartet wurde ein Wert", hint: "ist die Datei abgeschnitten?")
        }
        let start = location
        switch bytes[index] {
        case UInt8(ascii: "{"):
            return JSONNode(value: try parseObject(), location: start)
        case UInt8(ascii: "["):
            return JSONNode(value: try parseArray(), location: start)
        case UInt8(ascii: "\""):
            return JSONNode(value: .string(try parseString()), location: start)
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return JSONNode(value: .bool(true), location: start)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return JSONNode(value: .bool(false), location: start)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return JSONNode(value: .null, location: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(value: .number(try parseNumber()), location: start)
        case UInt8(ascii: "'"):
            throw failure("Text muss in doppelten Anführungszeichen stehen, gefunden: einfaches Anführungszeichen",
                          hint: "\"…\" statt '…' schreiben")
        case UInt8(ascii: "/") where startsComment:
            throw commentFailure()
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            throw failure("erwartet wurde ein Wert, gefunden: \(describeCurrent())",
                          hint: "Text in doppelte Anführungszeichen setzen; Wahrheitswerte klein als true oder false schreiben")
        default:
            throw failure("erwartet wurde ein Wert, gefunden: \(describeCurrent())")
        }
    }

    /// `//` or `/*`: JSON has no comments, but authors used to other formats write them.
    private var startsComment: Bool {
        index + 1 < bytes.count && bytes[index] == UInt8(ascii: "/") && (bytes[index + 1] == UInt8(ascii: "/") || bytes[index + 1] == UInt8(ascii: "*"))
    }

    private mutating func commentFailure() -> Failure {
        failure("JSON erlaubt keine Kommentare", hint: "den Kommentar entfernen")
    }

    private mutating func enterNesting() throws(Failure) {
        depth += 1
        if depth > Self.maximumDepth {
            throw failure("zu tief verschachtelt (mehr als \(Self.maximumDepth) Ebenen)")
        }
    }

    private mutating func parseObject() throws(Failure) -> JSONNode.Value {
        try enterNesting()
        defer { depth -= 1 }
        index += 1
        var members: [JSONNode.Member] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count else {
                throw failure("unerwartetes Dateiende in einem Objekt", hint: "fehlt eine schließende }?")
            }
            guard bytes[index] == UInt8(ascii: "\"") else {
                if bytes[index] == UInt8(ascii: "}") {
                    throw failure("nach dem letzten Eintrag steht ein überzähliges Komma", hint: "Komma vor } entfernen")
                }
                if startsComment { throw commentFailure() }
                throw failure("erwartet wurde ein Schlüssel in doppelten Anführungszeichen, gefunden: \(describeCurrent())")
            }
            let keyLocation = location
            let key = try parseString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw failure("nach dem Schlüssel \"\(key)\" fehlt ein Doppelpunkt, gefunden: \(describeCurrent())")
            }
            index += 1
            skipWhitespace()
            let value = try parseValue()
            if members.contains(where: { $0.key == key }) {
                warnings.append(Failure(location: keyLocation, message: "der Schlüssel \"\(key)\" kommt in diesem Objekt doppelt vor",
                                        hint: "einen der beiden Einträge entfernen"))
            }
            members.append(JSONNode.Member(key: key, keyLocation: keyLocation, value: value))
            skipWhitespace()
            guard index < bytes.count else {
                throw failure("unerwartetes Dateiende in einem Objekt", hint: "fehlt eine schließende }?")
            }
            switch bytes[index] {
            case UInt8(ascii: ","):
                index += 1
            case UInt8(ascii: "}"):
                index += 1
                return .object(members)
            default:
                throw failure("erwartet wurde , oder }, gefunden: \(describeCurrent())", hint: "fehlt ein Komma zwischen zwei Einträgen?")
            }
        }
    }

    private mutating func parseArray() throws(Failure) -> JSONNode.Value {
        try enterNesting()
        defer { depth -= 1 }
        index += 1
        var items: [JSONNode] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                throw failure("nach dem letzten Eintrag steht ein überzähliges Komma", hint: "Komma vor ] entfernen")
            }
            items.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else {
                throw failure("unerwartetes Dateiende in einer Liste", hint: "fehlt eine schließende ]?")
            }
            switch bytes[index] {
            case UInt8(ascii: ","):
                index += 1
            case UInt8(ascii: "]"):
                index += 1
                return .array(items)
            default:
                throw failure("erwartet wurde , oder ], gefunden: \(describeCurrent())", hint: "fehlt ein Komma zwischen zwei Einträgen?")
            }
        }
    }

    private mutating func expectLiteral(_ literal: String) throws(Failure) {
        let expected = Array(literal.utf8)
        guard index + expected.count <= bytes.count, Array(bytes[index..<index + expected.count]) == expected else {
            throw failure("unbekanntes Wort, erwartet wurde \(literal)", hint: "Text in doppelte Anführungszeichen setzen")
        }
        index += expected.count
    }

    private mutating func parseNumber() throws(Failure) -> String {
        let start = index
        func digits() -> Int {
            let first = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - first
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let leading = index
        guard digits() > 0 else { throw failure("ungültige Zahl: nach dem Minus fehlen Ziffern") }
        if bytes[leading] == UInt8(ascii: "0"), index - leading > 1 {
            index = leading
            throw failure("ungültige Zahl: führende Null", hint: "Zahlen ohne führende Nullen schreiben oder als Text in Anführungszeichen")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw failure("ungültige Zahl: nach dem Punkt fehlen Ziffern") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ",") || bytes[index] == UInt8(ascii: "."),
           index + 1 < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index + 1]) {
            throw failure("ungültige Zahl: Tausenderpunkt oder Dezimalkomma", hint: "Zahlen ohne Tausenderpunkt und mit Dezimalpunkt schreiben: 11973 oder 44.1")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw failure("ungültige Zahl: Exponent ohne Ziffern") }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        // What a Double cannot hold, the model cannot read either (JSONDecoder refuses it).
        if let value = Double(text) {
            let mantissa = text.prefix { $0 != "e" && $0 != "E" }
            if !value.isFinite {
                index = start
                throw failure("ungültige Zahl: \(text.count > 40 ? String(text.prefix(40)) + "…" : text) ist zu groß")
            }
            if value == 0, mantissa.contains(where: { ("1"..."9").contains($0) }) {
                index = start
                throw failure("ungültige Zahl: \(text.count > 40 ? String(text.prefix(40)) + "…" : text) ist zu nah an null", hint: "0 schreiben")
            }
        }
        return text
    }

    private mutating func parseString() throws(Failure) -> String {
        index += 1
        // Most texts have no escapes: take them from the bytes in one piece. Anything
        // unusual (escape, control character, invalid UTF-8) goes the careful way below,
        // which reports the fault at its place.
        let start = index
        var nurASCII = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let stueck = bytes[start..<index]
                if let text = nurASCII ? String(decoding: stueck, as: UTF8.self) : String(validating: stueck, as: UTF8.self),
                   nurASCII || !text.unicodeScalars.contains(where: Self.unzulaessig) {
                    index += 1
                    return text
                }
                break
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            if byte >= 0x80 { nurASCII = false }
            index += 1
        }
        index = start
        return try parseStringScalarweise()
    }

    /// Collects the text's UTF-8 bytes (escapes decoded, every scalar checked on its way) and makes the
    /// String once at the end: appending scalar by scalar took a tenth of the load stage at 6 × 10.
    private mutating func parseStringScalarweise() throws(Failure) -> String {
        var utf8: [UInt8] = []
        while true {
            guard index < bytes.count else {
                throw failure("unerwartetes Dateiende in einem Text", hint: "fehlt ein schließendes Anführungszeichen?")
            }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                UTF8.encode(try parseEscape()) { utf8.append($0) }
            case 0x00..<0x20:
                if byte == 0x0A {
                    throw failure("Zeilenumbruch in einem Text", hint: "Text auf einer Zeile schreiben oder \\n verwenden")
                }
                throw failure(byte == 0 ? "NUL-Zeichen in einem Text" : "Steuerzeichen (Code \(byte)) in einem Text")
            case 0x20..<0x80:
                utf8.append(byte)
                index += 1
            default:
                let anfang = index
                _ = try parseUTF8Scalar()
                utf8.append(contentsOf: bytes[anfang..<index])
            }
        }
    }

    private mutating func parseUTF8Scalar() throws(Failure) -> Unicode.Scalar {
        let lead = bytes[index]
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
        default: throw failure("ungültiges UTF-8", hint: "die Datei als UTF-8 speichern")
        }
        guard index + length <= bytes.count else { throw failure("ungültiges UTF-8 am Dateiende", hint: "die Datei als UTF-8 speichern") }
        for offset in 1..<length {
            let continuation = bytes[index + offset]
            guard continuation & 0xC0 == 0x80 else { throw failure("ungültiges UTF-8", hint: "die Datei als UTF-8 speichern") }
            value = value << 6 | UInt32(continuation & 0x3F)
        }
        let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard value >= minimum, let scalar = Unicode.Scalar(value) else {
            throw failure("ungültiges UTF-8", hint: "die Datei als UTF-8 speichern")
        }
        if Self.unzulaessig(scalar) { throw failure(Self.beschreibung(scalar), hint: "das Zeichen entfernen") }
        index += length
        return scalar
    }

    /// Characters that may not reach the site: noncharacters (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF), which XML 1.0
    /// forbids or discourages and which would break `feed.xml` and OParl, and DEL and the C1 controls, which HTML
    /// forbids in text and which would steer a terminal that shows the excerpt.
    public static func unzulaessig(_ scalar: Unicode.Scalar) -> Bool {
        let wert = scalar.value
        return (0x7F...0x9F).contains(wert) || (0xFDD0...0xFDEF).contains(wert) || wert & 0xFFFE == 0xFFFE
    }

    /// "Zeichen U+FFFE (kein Zeichen, in XML verboten) in einem Text".
    public static func beschreibung(_ scalar: Unicode.Scalar) -> String {
        let code = String(format: "U+%04X", scalar.value)
        return scalar.value <= 0x9F ? "Steuerzeichen (\(code)) in einem Text" : "Nichtzeichen \(code) in einem Text (in XML verboten)"
    }

    private mutating func parseEscape() throws(Failure) -> Unicode.Scalar {
        guard index < bytes.count else { throw failure("unerwartetes Dateiende nach \\") }
        let backslash = index - 1
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"), UInt8(ascii: "f"):
            // Control characters are not allowed in HTML or XML output.
            index = backslash
            throw failure("Steuerzeichen (\\\(Character(Unicode.Scalar(byte)))) in einem Text", hint: "das Zeichen entfernen")
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try parseHex4()
            if (0xD800...0xDBFF).contains(high) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    index = backslash
                    throw failure("unvollständiges Unicode-Ersatzpaar")
                }
                index += 2
                let low = try parseHex4()
                guard (0xDC00...0xDFFF).contains(low),
                      let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) else {
                    index = backslash
                    throw failure("ungültiges Unicode-Ersatzpaar")
                }
                return scalar
            }
            guard let scalar = Unicode.Scalar(high), high != 0 else {
                index = backslash
                throw failure(high == 0 ? "NUL-Zeichen (\\u0000) in einem Text" : "ungültiges Unicode-Zeichen")
            }
            if Self.unzulaessig(scalar) {
                index = backslash
                throw failure(Self.beschreibung(scalar), hint: "das Zeichen entfernen")
            }
            if high < 0x20, high != 0x09, high != 0x0A, high != 0x0D {
                // Not allowed in HTML or XML output, and regular expressions disagree whether they are white space.
                index = backslash
                throw failure("Steuerzeichen (\\u00\(high < 0x10 ? "0" : "")\(String(high, radix: 16, uppercase: true))) in einem Text",
                              hint: "das Zeichen entfernen")
            }
            return scalar
        default:
            index -= 1
            throw failure("ungültige Escape-Folge \\\(describeCurrent())", hint: "einen Backslash als \\\\ schreiben")
        }
    }

    private mutating func parseHex4() throws(Failure) -> UInt32 {
        guard index + 4 <= bytes.count else { throw failure("unvollständige \\u-Folge") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw failure("ungültige \\u-Folge: \(describeCurrent()) ist keine Hexadezimalziffer")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }
}
