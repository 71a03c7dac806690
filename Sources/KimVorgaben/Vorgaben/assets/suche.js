// Volltextsuche der Website mit Pagefind (https://pagefind.app), ganz lokal: der Index liegt
// in pagefind/ neben den Seiten (make site baut ihn). Ohne JavaScript, ohne Index oder über
// file:// bleibt die Suche verborgen, und die Liste aller Seiten darunter führt weiter.
const bereich = document.getElementById("suche");
const eingabe = document.getElementById("suche-eingabe");
const status = document.getElementById("suche-status");
const liste = document.getElementById("suche-treffer");
const arten = document.getElementById("suche-arten");
// The messages in the page's language, from the search page itself.
const texte = { zuKurz: bereich.dataset.zuKurz, keine: bereich.dataset.keine, treffer: bereich.dataset.treffer };
const wurzel = new URL("../", import.meta.url);

let pagefind = null;
try {
  pagefind = await import(new URL("pagefind/pagefind.js", wurzel).href);
  await pagefind.options({ baseUrl: wurzel.pathname, excerptLength: 24 });
  bereich.hidden = false;
} catch {
  pagefind = null;
}

// Pagefind marks the found words with <mark>; the excerpt is taken apart into text and marks,
// never inserted as HTML.
function auszug(html) {
  const dokument = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html");
  const absatz = document.createElement("p");
  absatz.className = "suche__auszug";
  for (const knoten of dokument.body.firstChild.childNodes) {
    if (knoten.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = knoten.textContent;
      absatz.append(mark);
    } else {
      absatz.append(knoten.textContent);
    }
  }
  return absatz;
}

let laufend = 0;
async function suchen() {
  const begriff = eingabe.value.trim();
  const nummer = ++laufend;
  if (!pagefind || begriff.length < 2) {
    liste.replaceChildren();
    status.textContent = begriff.length === 1 ? texte.zuKurz : "";
    return;
  }
  // The kind chosen (Kapitel, Sitzung, Beschluss, Angebot) narrows the search by the pages' Pagefind filter "art".
  const art = arten?.querySelector("input:checked")?.value ?? "";
  const suche = await pagefind.debouncedSearch(begriff, art ? { filters: { art: [art] } } : {}, 250);
  if (suche === null || nummer !== laufend) return;
  const treffer = await Promise.all(suche.results.slice(0, 20).map((ergebnis) => ergebnis.data()));
  if (nummer !== laufend) return;
  liste.replaceChildren(...treffer.map((daten) => {
    const eintrag = document.createElement("li");
    const link = document.createElement("a");
    link.href = daten.url;
    link.textContent = daten.meta.title || daten.url;
    eintrag.append(link, auszug(daten.excerpt));
    return eintrag;
  }));
  const anzahl = suche.results.length;
  status.textContent = anzahl === 0 ? `${texte.keine} „${begriff}“.`
    : `${anzahl} ${texte.treffer} „${begriff}“${anzahl > 20 ? " (1–20)" : ""}.`;
}

eingabe.addEventListener("input", suchen);
arten?.addEventListener("change", suchen);
