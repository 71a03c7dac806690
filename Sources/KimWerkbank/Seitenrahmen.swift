import KimRender

/// The frame of every workbench page: local stylesheet and script only, no framework, no
/// external font. Never part of `site/`: these pages exist only in `kim serve`.
enum Seitenrahmen {
    /// `nachladen`: seconds after which the page reloads itself (a running build shows its steps so, without JavaScript).
    static func seite(titel: String, inhalt: String, fehler: Bool = false, nachladen: Int? = nil) -> [UInt8] {
        Array("""
        <!DOCTYPE html>
        <html lang="de">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        \(nachladen.map { "<meta http-equiv=\"refresh\" content=\"\($0)\">\n" } ?? "")<title>\(fehler ? "Fehler: " : "")\(Escape.html(titel)) – kim-Werkbank</title>
        <link rel="stylesheet" href="/_kim/werkbank.css">
        <script src="/_kim/werkbank.js" defer></script>
        </head>
        <body>
        <a class="sprung" href="#inhalt">Zum Inhalt</a>
        <header class="kopf"><a href="/_kim/">kim-Werkbank</a> <a href="/">Zur Vorschau</a> <a href="/_kim/veroeffentlichen">Veröffentlichen</a></header>
        <main id="inhalt">
        \(inhalt)
        </main>
        </body>
        </html>

        """.utf8)
    }

}
