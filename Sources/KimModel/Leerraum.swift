extension StringProtocol {
    /// The text without spaces and tabs at either end, as `CharacterSet.whitespaces` has them (Unicode's
    /// space separators, U+0009 and, in swift-corelibs-foundation, U+200B), in Swift: Foundation's
    /// `trimmingCharacters` goes through NSString and was a fortieth of a short build, where every
    /// template tag is trimmed.
    public var ohneLeerraumAmRand: String {
        let skalare = Substring(self).unicodeScalars
        func leer(_ skalar: Unicode.Scalar) -> Bool { skalar == "\t" || skalar == "\u{200B}" || skalar.properties.generalCategory == .spaceSeparator }
        guard let anfang = skalare.firstIndex(where: { !leer($0) }), let ende = skalare.lastIndex(where: { !leer($0) }) else { return "" }
        return String(Substring(skalare[anfang...ende]))
    }
}
