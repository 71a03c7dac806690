extension Kommune {
    /// The word for "everywhere in this municipality": "kreisweit" for a Kreis, "stadtweit" for a city.
    /// Derived from `art` ("Kreis" or "kreisfreie Stadt"), so an offer without Sozialräume reads right in all 54 KIM-Kommunen.
    public var gebietsweit: String {
        art.hasPrefix("Kreis") ? "kreisweit" : "stadtweit"
    }
}
