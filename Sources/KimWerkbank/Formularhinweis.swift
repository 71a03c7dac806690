import Foundation

/// A schema's description is written for whoever edits the JSON file: "true, wenn …; sonst weglassen
/// oder false (ohne Anführungszeichen)", a postcode "als Text in Anführungszeichen, z. B. "46045"". In a
/// form a checkbox is ticked and every value is typed without quotes, so the form says that instead:
/// the same words, less the file's syntax. The files' own hints (`kim check`, spreadsheets) stay as written.
enum Formularhinweis {
    static func text(_ beschreibung: String, ankreuzfeld: Bool) -> String {
        var text = beschreibung
        if ankreuzfeld {
            for (muster, ersatz) in ankreuzen { text = ersetzt(text, muster, ersatz) }
        }
        for (muster, ersatz) in ohneDateisyntax { text = ersetzt(text, muster, ersatz) }
        return text
    }

    /// Order matters: the longer phrase before the shorter one it contains.
    private static let ankreuzen: [(String, String)] = [
        (#"\s*Sonst weglassen oder false \(ohne Anführungszeichen\)\."#, ""),
        (#"[;,]\s*sonst (weglassen oder )?false \(ohne Anführungszeichen\)"#, ""),
        (#"[;,]\s*false, wenn nicht \(ohne Anführungszeichen\)"#, ""),
        (#"^(Freiwillig: )?true, wenn"#, "Ankreuzen, wenn"),
        (#"^true \(Standard\):"#, "Angekreuzt (Standard):"),
        (#"[;,]\s*false:"#, "; nicht angekreuzt:"),
        (#"[;,]\s*false, wenn"#, "; nicht ankreuzen, wenn"),
    ]

    private static let ohneDateisyntax: [(String, String)] = [
        // In the form each item is a group of fields, not an object in braces.
        (#",? je (eines|einer|eine) als Objekt \{ … \}"#, ", je $1 in einem eigenen Abschnitt"),
        (#" als Objekt \{ … \}"#, ""),
        (#"[Ee]in Objekt \{ … \}"#, "ein eigener Abschnitt"),
        // Another field's value, as the form shows it: "wenn „einwilligung“ true ist".
        (#"\btrue ist\b"#, "angekreuzt ist"),
        (#"\bfalse ist\b"#, "nicht angekreuzt ist"),
        (#" \(ohne Anführungszeichen\)"#, ""),
        (#",? (und )?ohne Anführungszeichen"#, ""),
        (#" (als Text )?in Anführungszeichen"#, ""),
        // A list is chosen in the form, not written as ["74", "75"].
        (#",? z\. B\. \[[^\]]*\]"#, ""),
        // A value is typed as it stands: z. B. 46045, not "46045"; a phrase keeps its quotation marks.
        (#"z\. B\. "([^" ]*)""#, "z. B. $1"),
        (#""([^"]*)""#, "„$1“"),
    ]

    private static func ersetzt(_ text: String, _ muster: String, _ ersatz: String) -> String {
        text.replacingOccurrences(of: muster, with: ersatz, options: .regularExpression)
    }
}
