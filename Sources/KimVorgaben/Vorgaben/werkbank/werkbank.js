// The workbench's script, served by kim serve at /_kim/werkbank.js. Only enhances: every page works
// without it. Loads nothing from elsewhere.
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
          var teile = html.split("\u0000");
          if (teile.length < 2) return;
          befunde.innerHTML = teile[0];
          vorschau.innerHTML = teile[1];
          vorschau.hidden = false;
        }).catch(function () {});
    }, 700);
  });
})();
