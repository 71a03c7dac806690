#!/usr/bin/env python3
"""The questions of the Integrationsrat and the public, answered on a phone (issue 14).

    python3 Tests/browser/check_reader.py [SITE]

In headless Chromium at 390 px, over the site served from 127.0.0.1:

  beschluss   from the start page the latest Beschluss (the first entry of the
              Beschlussregister, which is newest first) is at most two taps away
  sozialraum  every Sozialraum page shows every Angebot without Sozialräume
              (from downloads/angebote.json), marked "stadtweit"/"kreisweit"
  tabellen    every table keeps its first (key) column on screen, and the
              population tables fit 390 px entirely
  zeitleiste  the timeline drawn for phones is shown and fits; printed, the
              full drawing is shown at page width
  suche       a word that occurs in exactly one Niederschrift finds that
              Niederschrift (needs the Pagefind index: make site / make search)
  rtl         the Arabic page renders right to left, the others left to right
  hilfe       every Sozialraum page is at most 7,200 px tall, names a contact with a
              tel: or mailto: link at its top, and says "Angaben folgen" at most once
  sprachen    the Arabic and Turkish pages (summary and search) carry no German word
              of navigation, skip link, breadcrumbs or footer
  tuerkisch   a search on the Turkish search page for a word of the Turkish summary
              finds that page (needs the Pagefind index)
  zeitlabel   no timeline label is cut ("…") or runs past its drawing
  gremium     a Sitzung's heading and its search result title name its Gremium

Prints problems as `page: check: what`, then `reader: N passed, M failed`.
Uses the Browser of check_site.py (same dependencies).
"""
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import check_site  # noqa: E402

PHONE = 390


def visible_links(browser):
    """Hrefs (absolute) of the links a reader can see and tap on the current page."""
    return browser.driver.execute_script("""
        return [...document.querySelectorAll('a[href]')].filter(a => {
            const r = a.getBoundingClientRect(), s = getComputedStyle(a);
            return r.width > 0 && r.height > 0 && s.visibility !== 'hidden';
        }).map(a => a.href);""")


def check_beschluss(browser, site):
    register = (site / "beschluesse.html").read_text(encoding="utf-8")
    treffer = re.search(r'<ul class="register">\s*<li><a href="([^"]+)"', register)
    if not treffer:
        return ["beschluesse.html: kein Beschluss gefunden"]
    ziel = browser.url(treffer.group(1))
    browser.open("index.html")
    erste = visible_links(browser)
    if ziel in erste:
        return []
    for zwischen in dict.fromkeys(u for u in erste if u.startswith(browser.origin + "/")):
        browser.driver.get(zwischen)
        if ziel in visible_links(browser):
            return []
    return [f"der neueste Beschluss ({treffer.group(1)}) ist nicht in zwei Schritten erreichbar"]


def check_sozialraum(browser, site):
    daten = json.loads((site / "downloads/angebote.json").read_text(encoding="utf-8"))
    weit = {a["id"] for a in daten["angebote"] if not a["sozialraeume"]}
    problems = []
    seiten = sorted((site / "anlage-1/sozialraum").glob("*.html"))
    if not seiten:
        return ["keine Seite unter anlage-1/sozialraum/"]
    for seite in seiten:
        rel = seite.relative_to(site).as_posix()
        browser.open(rel)
        gezeigt = browser.driver.execute_script("""
            return [...document.querySelectorAll('details.angebot-kurz')].filter(a => a.getBoundingClientRect().height > 0)
                .filter(a => /^(stadtweit|kreisweit)$/.test(a.querySelector('.marke-gebiet')?.textContent.trim() ?? ''))
                .map(a => a.id);""")
        ids = {next((w for w in weit if i.endswith("-" + w)), None) for i in gezeigt} - {None}
        fehlend = weit - ids
        if fehlend:
            problems.append(f"{rel}: {len(fehlend)} stadtweite Angebote fehlen, z. B. {sorted(fehlend)[0]}")
    return problems


def check_tabellen(browser, pages):
    problems = []
    for rel in pages:
        browser.open(rel)
        befunde = browser.driver.execute_script("""
            const out = [];
            for (const t of document.querySelectorAll('table')) {
                if (t.getBoundingClientRect().height === 0) continue;
                const rahmen = t.closest('.tabelle-rahmen') || t.parentElement;
                if (rahmen.scrollWidth > rahmen.clientWidth + 1) { rahmen.scrollLeft = rahmen.scrollWidth; }
                for (const zeile of t.querySelectorAll('tbody tr')) {
                    const r = zeile.firstElementChild.getBoundingClientRect();
                    if (r.left < -1 || r.right > innerWidth + 1) { out.push('Schlüsselspalte nicht sichtbar: ' + (t.caption?.textContent ?? '').slice(0, 60)); break; }
                }
                rahmen.scrollLeft = 0;
                if (t.closest('.abbildung') && t.querySelector('td.zahl') && rahmen.scrollWidth > rahmen.clientWidth + 1)
                    out.push('Zahlentabelle breiter als der Schirm: ' + (t.caption?.textContent ?? '').slice(0, 60));
            }
            return out;""")
        problems += [f"{rel}: {b}" for b in befunde]
    return problems


def check_zeitleiste(browser):
    browser.open("anlage-2/index.html")
    problems = []
    stand = browser.driver.execute_script("""
        const s = document.querySelector('svg.zeitleiste--schmal'), b = document.querySelector('svg.zeitleiste--breit');
        return {schmal: s && s.getBoundingClientRect().width, breit: b && b.getBoundingClientRect().width,
                farben: document.querySelectorAll('.legende__farbe').length};""")
    if not stand["schmal"] or stand["schmal"] > PHONE:
        problems.append(f"schmale Zeitleiste nicht sichtbar oder zu breit: {stand['schmal']}")
    if stand["breit"]:
        problems.append("die breite Zeitleiste ist bei 390 px sichtbar")
    if stand["farben"] < 5:
        problems.append("die Legende zeigt keine Farben")
    browser.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        druck = browser.driver.execute_script("""
            const b = document.querySelector('svg.zeitleiste--breit'), r = b && b.getBoundingClientRect();
            return r ? {breite: r.width, rechts: r.right, fenster: document.documentElement.clientWidth} : null;""")
    finally:
        browser.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    if not druck or druck["breite"] == 0 or druck["rechts"] > druck["fenster"] + 1:
        problems.append(f"gedruckt ist die Zeitleiste nicht ganz zu sehen: {druck}")
    return problems


def einmaliges_wort(site):
    """A word of at least 8 letters in the main text of exactly one Niederschrift."""
    texte = {}
    for seite in sorted((site / "sitzungen").glob("*.html")):
        html = seite.read_text(encoding="utf-8")
        haupt = html[html.find("<main"):html.find("</main>")]
        texte[seite.name] = set(re.findall(r"[A-Za-zÄÖÜäöüß]{8,}", re.sub(r"<[^>]+>", " ", haupt)))
    alle = Counter(w.lower() for woerter in texte.values() for w in woerter)
    andere = Counter()
    for seite in site.rglob("*.html"):
        if seite.parent.name != "sitzungen" and "pagefind" not in seite.parts:
            andere.update(w.lower() for w in set(re.findall(r"[A-Za-zÄÖÜäöüß]{8,}", re.sub(r"<[^>]+>", " ", seite.read_text(encoding="utf-8")))))
    for name, woerter in texte.items():
        for wort in sorted(woerter):
            if alle[wort.lower()] == 1 and andere[wort.lower()] == 0:
                return wort, name
    return None, None


def check_suche(browser, site):
    if not (site / "pagefind/pagefind.js").is_file():
        return ["kein Suchindex in pagefind/: make site oder make search ausführen"]
    wort, seite = einmaliges_wort(site)
    if wort is None:
        return ["kein Wort gefunden, das nur in einer Niederschrift steht"]
    browser.open("suche.html")
    driver = browser.driver
    ende = time.monotonic() + 10
    while driver.execute_script("return document.getElementById('suche').hidden") and time.monotonic() < ende:
        time.sleep(0.1)
    if driver.execute_script("return document.getElementById('suche').hidden"):
        return ["das Suchfeld erscheint nicht (Pagefind nicht geladen)"]
    feld = driver.find_element("id", "suche-eingabe")
    feld.click()
    feld.send_keys(wort)
    ende = time.monotonic() + 10
    treffer = []
    while time.monotonic() < ende:
        treffer = driver.execute_script("return [...document.querySelectorAll('#suche-treffer a')].map(a => a.getAttribute('href'))")
        if treffer:
            break
        time.sleep(0.2)
    status = driver.execute_script("return document.getElementById('suche-status').textContent")
    if not any(h.endswith("sitzungen/" + seite) for h in treffer):
        return [f"die Suche nach „{wort}“ findet {seite} nicht: {treffer} ({status})"]
    if wort not in status:
        return [f"der Status nennt den Suchbegriff nicht: {status}"]
    # The hit is a link that works.
    driver.get(browser.origin + treffer[0] if treffer[0].startswith("/") else browser.url("") + treffer[0])
    if not driver.current_url.endswith(seite):
        return [f"der Treffer führt nach {driver.current_url}"]
    return []


def check_rtl(browser, site):
    seiten = sorted(p.relative_to(site).as_posix() for p in (site / "sprachen").glob("*.html")) if (site / "sprachen").is_dir() else []
    if not seiten:
        return ["keine Seiten unter sprachen/"]
    problems = []
    for rel in seiten:
        browser.open(rel)
        lang, richtung = browser.driver.execute_script(
            "return [document.documentElement.lang, getComputedStyle(document.querySelector('main')).direction]")
        erwartet = "rtl" if lang.startswith("ar") else "ltr"
        if richtung != erwartet:
            problems.append(f"{rel}: lang={lang}, Richtung {richtung}, erwartet {erwartet}")
    if not any(r.endswith("ar.html") for r in seiten):
        problems.append("keine arabische Seite (sprachen/ar.html)")
    return problems


HOECHSTENS = 7200


def check_hilfe(browser, site):
    problems = []
    for seite in sorted((site / "anlage-1/sozialraum").glob("*.html")):
        rel = seite.relative_to(site).as_posix()
        browser.open(rel)
        befund = browser.driver.execute_script("""
            const kasten = document.querySelector('.ansprechstelle');
            const wege = kasten ? [...kasten.querySelectorAll('a[href^="tel:"], a[href^="mailto:"]')]
                .filter(a => a.getBoundingClientRect().height > 0).map(a => a.getAttribute('href')) : [];
            return {hoehe: document.documentElement.scrollHeight, wege,
                    oben: kasten ? kasten.getBoundingClientRect().top + scrollY : null,
                    folgen: (document.body.innerText.match(/Angaben folgen/g) || []).length};""")
        if befund["hoehe"] > HOECHSTENS:
            problems.append(f"{rel}: {befund['hoehe']} px hoch (höchstens {HOECHSTENS})")
        if not befund["wege"]:
            problems.append(f"{rel}: keine Ansprechstelle mit tel:- oder mailto:-Link")
        elif befund["oben"] > 1800:
            problems.append(f"{rel}: die Ansprechstelle beginnt erst bei {befund['oben']:.0f} px")
        if befund["folgen"] > 1:
            problems.append(f"{rel}: „Angaben folgen“ {befund['folgen']}-mal")
    return problems


# What a German page's frame says; none of it may stand in a translated page's frame (the German brand name
# and the German names from the data, marked lang="de", are not counted).
DEUTSCHE_RAHMENWOERTER = ["Aktuelles", "Handlungskonzept", "Zahlen", "Angebote", "Meilensteine", "Gremien", "Quellen", "Suche",
                          "Zum Inhalt springen", "Brotkrumen", "Impressum", "Datenschutz", "Barrierefreiheit", "Leichte Sprache",
                          "Offene Daten", "Begriffe erklärt", "Andere Sprachen", "Stand", "Fassung", "Start", "Suchbegriff", "Beispieldaten"]


def check_sprachen(browser, site):
    problems = []
    for code in ("ar", "tr"):
        for rel in (f"sprachen/{code}.html", f"sprachen/{code}-suche.html"):
            if not (site / rel).is_file():
                problems.append(f"{rel} fehlt")
                continue
            browser.open(rel)
            text = browser.driver.execute_script("""
                const teile = [];
                const gehe = (knoten) => {
                    for (const kind of knoten.childNodes) {
                        if (kind.nodeType === 3) teile.push(kind.textContent);
                        else if (kind.nodeType === 1 && kind.getAttribute('lang') !== 'de' && getComputedStyle(kind).display !== 'none') gehe(kind);
                    }
                };
                // The frame: skip link, header with navigation, breadcrumbs, footer, and the search form; the
                // summary's own text may name German terms such as "Handlungskonzept" in parentheses.
                for (const teil of document.querySelectorAll('.skip-link, header.kopf, nav.brotkrumen, footer.fuss, #suche')) gehe(teil);
                return teile.join(' ') + ' ' + [...document.querySelectorAll('[aria-label]')].map(e => e.getAttribute('aria-label')).join(' ');""")
            for wort in DEUTSCHE_RAHMENWOERTER:
                if re.search(r"(?<![\w])" + re.escape(wort) + r"(?![\w])", text):
                    problems.append(f"{rel}: deutsches Wort „{wort}“")
            if code == "tr" and rel.endswith("-suche.html"):
                lang = browser.driver.execute_script("return document.documentElement.lang")
                if lang != "tr":
                    problems.append(f"{rel}: lang={lang}")
    return problems


def check_tuerkisch(browser, site):
    if not (site / "pagefind/pagefind.js").is_file():
        return ["kein Suchindex in pagefind/: make site oder make search ausführen"]
    browser.open("sprachen/tr-suche.html")
    driver = browser.driver
    ende = time.monotonic() + 10
    while driver.execute_script("return document.getElementById('suche').hidden") and time.monotonic() < ende:
        time.sleep(0.1)
    if driver.execute_script("return document.getElementById('suche').hidden"):
        return ["das Suchfeld der türkischen Suche erscheint nicht"]
    feld = driver.find_element("id", "suche-eingabe")
    feld.click()
    feld.send_keys("danışma")
    ende = time.monotonic() + 10
    treffer = []
    while time.monotonic() < ende:
        treffer = driver.execute_script("return [...document.querySelectorAll('#suche-treffer a')].map(a => a.getAttribute('href'))")
        if treffer:
            break
        time.sleep(0.2)
    if not any(h.endswith("sprachen/tr.html") for h in treffer):
        return [f"die türkische Suche nach „danışma“ findet sprachen/tr.html nicht: {treffer}"]
    return []


def check_zeitlabel(browser):
    browser.open("anlage-2/index.html")
    befund = browser.driver.execute_script("""
        const svg = document.querySelector('svg.zeitleiste--schmal');
        if (!svg) return {fehlt: true};
        const rahmen = svg.getBoundingClientRect();
        const texte = [...svg.querySelectorAll('text')];
        return {fehlt: false,
                gekuerzt: texte.filter(t => t.textContent.includes('…')).map(t => t.textContent),
                draussen: texte.filter(t => { const r = t.getBoundingClientRect(); return r.width > 0 && (r.right > rahmen.right + 1 || r.left < rahmen.left - 1); })
                               .map(t => t.textContent)};""")
    if befund["fehlt"]:
        return ["keine schmale Zeitleiste"]
    return ([f"gekürzt: {t}" for t in befund["gekuerzt"]] + [f"ragt aus der Zeichnung: {t}" for t in befund["draussen"]])


def check_gremium(browser, site):
    problems = []
    seiten = sorted((site / "sitzungen").glob("*.html"))
    if not seiten:
        return ["keine Sitzung unter sitzungen/"]
    gremien = {}
    for gremium in sorted((site / "gremien").glob("*.html")):
        html = gremium.read_text(encoding="utf-8")
        treffer = re.search(r"<h1>([^<]+)</h1>", html)
        if treffer:
            gremien[gremium.stem] = treffer.group(1)
    for seite in seiten[:3] + seiten[-3:]:
        rel = seite.relative_to(site).as_posix()
        browser.open(rel)
        h1 = browser.driver.execute_script("return document.querySelector('main h1').textContent")
        if not any(name in h1 for name in gremien.values()):
            problems.append(f"{rel}: die Überschrift „{h1}“ nennt kein Gremium")
    return problems


def main(argv):
    site = Path(argv[1]) if len(argv) > 1 else check_site.REPO / "site"
    results = check_site.Results()
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if "pagefind" not in p.parts)
    browser = check_site.Browser(site, width=PHONE, performance_log=False)
    try:
        browser.viewport(PHONE)
        for name, check in [("beschluss", lambda: check_beschluss(browser, site)),
                            ("sozialraum", lambda: check_sozialraum(browser, site)),
                            ("tabellen", lambda: check_tabellen(browser, pages)),
                            ("zeitleiste", lambda: check_zeitleiste(browser)),
                            ("suche", lambda: check_suche(browser, site)),
                            ("rtl", lambda: check_rtl(browser, site)),
                            ("hilfe", lambda: check_hilfe(browser, site)),
                            ("sprachen", lambda: check_sprachen(browser, site)),
                            ("tuerkisch", lambda: check_tuerkisch(browser, site)),
                            ("zeitlabel", lambda: check_zeitlabel(browser)),
                            ("gremium", lambda: check_gremium(browser, site))]:
            try:
                results.record(f"({name})", name, check())
            except Exception as fehler:  # a failing check must not hide the others
                results.record(f"({name})", name, [f"{type(fehler).__name__}: {fehler}"])
    finally:
        browser.close()
    print(f"reader: {results.passed} passed, {results.failed} failed")
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
