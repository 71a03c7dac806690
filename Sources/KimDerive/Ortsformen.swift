import KimModel

/// How a sentence names the Kommune, after its `art`: "in Beispielstadt" / "der Stadt Beispielstadt",
/// "im Kreis Lindenau" / "des Kreises Lindenau", "im Märkischen Kreis" / "des Märkischen Kreises", and
/// the word for its whole area, made from the kind of area. `namensformen` in the data wins where these
/// rules do not fit.
public struct Ortsformen: Sendable, Equatable {
    /// "in Beispielstadt", "im Kreis Lindenau"
    public var inForm: String
    /// "der Stadt Beispielstadt", "des Kreises Lindenau"
    public var genitiv: String
    /// "Stadt", "Kreis", "Städteregion"
    public var gebiet: String
    /// The kind of area with "weit" ("Kreis" → "kreisweit"), for offers that serve all of it.
    public var weit: String
    /// How a title names the Kommune after "KIM": "Beispielstadt" for a city, the full "Kreis Lindenau" or
    /// "Rhein-Sieg-Kreis" otherwise, so that "KIM Lindenau" never leaves open whether town or Kreis is meant.
    public var kurzform: String

    /// The Kommune's own name, to tell whether a text already names it.
    public var name: String

    /// `text` followed by `form` ("Handlungskonzept" + "des Kreises Wesel"), or `text` alone when it already names
    /// the Kommune ("Handlungskonzept KIM im Kreis Wesel"), so no sentence reads "im Kreis Wesel des Kreises Wesel".
    public func ergaenzt(_ text: String, um form: String) -> String {
        text.contains(name) ? text : "\(text) \(form)"
    }

    public init(_ kommune: Kommune) {
        name = kommune.name
        let bezeichnung = kommune.bezeichnung
        kurzform = kommune.art == "kreisfreie Stadt" ? kommune.name : bezeichnung
        switch kommune.art {
        case "Kreis":
            gebiet = "Kreis"
            if bezeichnung.hasPrefix("Kreis ") {
                let rest = bezeichnung.dropFirst("Kreis ".count)
                inForm = "im Kreis \(rest)"
                genitiv = "des Kreises \(rest)"
            } else {
                // "Märkischer Kreis": the adjective takes -en after "im" and "des"; "Rhein-Sieg-Kreis" has none.
                let woerter = bezeichnung.split(separator: " ").map(String.init)
                let gebeugt = woerter.dropLast().map { $0.hasSuffix("er") ? String($0.dropLast()) + "n" : $0 }
                let kern = (gebeugt + [woerter.last ?? bezeichnung]).joined(separator: " ")
                inForm = "im \(kern)"
                genitiv = "des \(kern)es"
            }
        case "Städteregion":
            gebiet = "Städteregion"
            inForm = "in der \(bezeichnung)"
            genitiv = "der \(bezeichnung)"
        default:
            gebiet = "Stadt"
            inForm = "in \(kommune.name)"
            genitiv = bezeichnung.hasPrefix("Stadt ") ? "der \(bezeichnung)" : "der Stadt \(kommune.name)"
        }
        // A compound ending in "-region" takes the linking s ("städteregionsweit").
        weit = kommune.namensformen?.weit ?? gebiet.lowercased() + (gebiet.hasSuffix("region") ? "s" : "") + "weit"
        if let eigen = kommune.namensformen?.in_ { inForm = eigen }
        if let eigen = kommune.namensformen?.genitiv { genitiv = eigen }
    }
}
