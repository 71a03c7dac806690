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

    static let stil = """
    :root { --text: #1b2733; --rand: #4c5b6a; --akzent: #0b5394; --fehler: #b3261e; --hell: #f3f5f7; }
    * { box-sizing: border-box; }
    html { scroll-padding-bottom: 6rem; }
    body { margin: 0; font: 1rem/1.5 system-ui, sans-serif; color: var(--text); background: #fff; }
    .sprung { position: absolute; left: -999px; } .sprung:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; }
    .kopf { display: flex; flex-wrap: wrap; gap: 1rem; padding: .75rem 1rem; background: var(--akzent); }
    .kopf a { color: #fff; font-weight: 600; }
    main { max-width: 48rem; margin: 0 auto; padding: 1rem; }
    a { color: var(--akzent); } a:focus, input:focus, select:focus, textarea:focus, button:focus { outline: 3px solid #ffbf47; outline-offset: 1px; }
    h1 { font-size: 1.75rem; line-height: 1.2; overflow-wrap: anywhere; }
    .feld { margin: 0 0 1.25rem; }
    label, legend { display: block; font-weight: 600; }
    legend { font-size: 1.1rem; padding: 0 .25rem; }
    .hinweis { color: var(--rand); font-size: .95rem; margin: .1rem 0 .35rem; }
    input[type=text], input[type=date], select, textarea { width: 100%; max-width: 100%; font: inherit; padding: .4rem; border: 2px solid var(--text); border-radius: 0; background: #fff; color: var(--text); }
    input.kurz { max-width: 12rem; } input[type=date] { max-width: 14rem; }
    textarea { min-height: 4rem; } textarea.json, textarea.markdown { font-family: ui-monospace, monospace; font-size: .9rem; }
    textarea.markdown { min-height: 24rem; }
    fieldset { border: 2px solid #c5ccd3; margin: 0 0 1.25rem; padding: .75rem; min-width: 0; }
    fieldset.eintrag { border-color: #dfe3e7; background: var(--hell); }
    .ankreuzen { display: flex; gap: .5rem; align-items: flex-start; margin: .35rem 0; flex-wrap: wrap; }
    .ankreuzen input { width: 1.4rem; height: 1.4rem; margin: .1rem 0 0; flex: none; }
    .ankreuzen label { font-weight: 400; flex: 1 1 10rem; } .ankreuzen .hinweis { flex-basis: 100%; margin-left: 1.9rem; }
    .feld.ankreuzen > label { font-weight: 600; }
    .entfernen { border-top: 1px solid #c5ccd3; padding-top: .5rem; }
    button, .knopf { font: inherit; font-weight: 600; padding: .55rem 1rem; border: 2px solid var(--akzent); background: var(--akzent); color: #fff; cursor: pointer; display: inline-block; text-decoration: none; }
    button.zweitrangig { background: #fff; color: var(--akzent); margin-bottom: 1rem; }
    .aktionen { display: flex; flex-wrap: wrap; gap: .75rem; position: sticky; bottom: 0; background: #fff; padding: .75rem 0; border-top: 1px solid #c5ccd3; }
    .feld-fehler { border-left: 5px solid var(--fehler); padding-left: .75rem; }
    .feld-fehler input, .feld-fehler select, .feld-fehler textarea { border-color: var(--fehler); }
    .fehlermeldung { color: var(--fehler); font-weight: 600; margin: .2rem 0; }
    .fehlerliste { border: 5px solid var(--fehler); padding: 1rem; margin: 0 0 1.5rem; }
    .fehlerliste h2 { margin-top: 0; font-size: 1.3rem; } .fehlerliste a { color: var(--fehler); font-weight: 600; }
    .erfolg { border: 5px solid #00703c; padding: 1rem; margin: 0 0 1.5rem; }
    .unsichtbar { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    pre { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--hell); padding: .5rem; font-size: .85rem; }
    table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #c5ccd3; padding: .3rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
    .vorschau { border: 2px dashed #c5ccd3; padding: 1rem; }
    .dateien li { margin: .2rem 0; overflow-wrap: anywhere; }
    .dateien .pfad { display: block; font-size: .85rem; color: var(--rand); }
    details.platzhalter ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem; }
    details.platzhalter button { font-family: ui-monospace, monospace; font-weight: 400; padding: .2rem .4rem; margin: 0; overflow-wrap: anywhere; text-align: left; }
    details.platzhalter summary { cursor: pointer; font-weight: 600; margin-bottom: .5rem; }
    """

    /// Only enhances: the page works without it. Adds nothing that loads from elsewhere.
    static let skript = """
    (function () {
      var liste = document.querySelector(".fehlerliste");
      if (liste) liste.focus();
      // A link of the error summary shows the field with its label and message, as GOV.UK's does.
      Array.prototype.forEach.call(document.querySelectorAll(".fehlerliste a[href^='#']"), function (verweis) {
        verweis.addEventListener("click", function (ereignis) {
          var ziel = document.getElementById(verweis.getAttribute("href").slice(1));
          if (!ziel) return;
          ereignis.preventDefault();
          (ziel.closest(".feld, fieldset") || ziel).scrollIntoView();
          if (ziel.focus) ziel.focus({ preventScroll: true });
        });
      });
      var text = document.querySelector("textarea.markdown");
      if (!text) return;
      var form = text.form, vorschau = document.getElementById("live-vorschau"), befunde = document.getElementById("live-befunde");
      // Placeholders go in at the cursor.
      Array.prototype.forEach.call(document.querySelectorAll("button.einfuegen"), function (knopf) {
        knopf.addEventListener("click", function () {
          var anfang = text.selectionStart, ende = text.selectionEnd, einschub = knopf.getAttribute("data-text");
          text.value = text.value.slice(0, anfang) + einschub + text.value.slice(ende);
          text.focus();
          text.selectionStart = text.selectionEnd = anfang + einschub.length;
          text.dispatchEvent(new Event("input"));
        });
      });
      // As you type: the same checks as a save (an unknown placeholder is named) and the text as HTML; nothing is written.
      var warten = null;
      text.addEventListener("input", function () {
        clearTimeout(warten);
        warten = setTimeout(function () {
          var daten = new URLSearchParams(new FormData(form));
          daten.set("_live", "1");
          fetch(form.action, { method: "POST", body: daten, headers: { "Content-Type": "application/x-www-form-urlencoded" } })
            .then(function (antwort) { return antwort.ok ? antwort.text() : ""; })
            .then(function (html) {
              var teile = html.split("\\u0000");
              if (teile.length < 2) return;
              befunde.innerHTML = teile[0];
              vorschau.innerHTML = teile[1];
              vorschau.hidden = false;
            }).catch(function () {});
        }, 700);
      });
    })();
    """
}
