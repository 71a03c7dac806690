import Foundation

/// argument-parser writes its errors, usage lines and help headings in English; kim speaks German
/// (DESIGN: "help and messages in German"). The known phrases are replaced; names of options and
/// values stay as they are.
enum Aufrufmeldung {
    static let ersetzungen: [(String, String)] = [
        ("Error: ", "Fehler: "),
        ("Unknown option ", "unbekannte Option "),
        ("Missing expected argument ", "es fehlt das Argument "),
        ("Missing value for ", "es fehlt ein Wert für "),
        ("Unexpected argument ", "unerwartetes Argument "),
        ("Unexpected arguments ", "unerwartete Argumente "),
        ("Unknown subcommand ", "unbekannter Befehl "),
        ("The value ", "der Wert "),
        ("is invalid for", "passt nicht zu"),
        ("Did you mean ", "Meinten Sie "),
        ("Help:  ", "Hilfe: "),
        ("Usage: ", "Aufruf: "),
        ("USAGE:", "AUFRUF:"),
        ("OPTIONS:", "OPTIONEN:"),
        ("ARGUMENTS:", "ARGUMENTE:"),
        ("SUBCOMMANDS:", "BEFEHLE:"),
        ("OVERVIEW:", "ÜBERSICHT:"),
        ("Show help information.", "Zeigt diese Hilfe."),
        ("(default: ", "(Standard: "),
        ("<subcommand>", "<befehl>"),
    ]

    static func deutsch(_ meldung: String) -> String {
        var text = meldung
        for (englisch, deutsch) in ersetzungen {
            text = text.replacingOccurrences(of: englisch, with: deutsch)
        }
        // "  See 'kim build --help' for more information." → "  Mehr dazu: kim build --help"
        text = text.replacing(/See '([^']+)' for detailed help\./) { "Mehr zu einem Befehl: \($0.1)" }
        return text.replacing(/See '([^']+)' for more information\./) { "Mehr dazu: \($0.1)" }
    }
}
