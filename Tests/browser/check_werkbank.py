#!/usr/bin/env python3
"""The KI's everyday work through the workbench of `kim serve`, in a browser only.

    python3 Tests/browser/check_werkbank.py [KIM]

For the reference project and for beispiele/kreis-lindenau, each copied to a
temporary folder, `kim serve` runs on a free loopback port and headless
Chromium (Selenium) does, only by clicking and typing in the forms:

  sitzung     "Nächste Sitzung" of the first Gremium; a Beschluss and an
              Aufgabe added to the first TOP; a new TOP, not public; saved
  angebot     a telephone number added to the first Angebot's contact
  meilenstein the first Meilenstein marked "erledigt" with its date
  kapitel     a sentence changed in the first chapter (Markdown editor)
  datum       an impossible date typed into a Sitzung's date: 422, the
              message at the field, the file unchanged
  veraltet    a form saved after the file was saved from another tab: 409,
              the file as the other tab left it
  publish     "Veröffentlichen" says what changes, then builds site/

Then site/ of the copy shows the Beschluss, and the non-public TOP's title is
in no file under site/. Every workbench page met on the way is checked with
axe (WCAG 2.1 A/AA) at 1280 and 390 px, for sideways scrolling at 390 px, and
with vnu (0 errors). Prints each problem, then `werkbank: N passed, M failed`;
exits 1 if anything failed. Needs what check_site.py needs.
"""
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import check_site as cs  # noqa: E402

REPO = cs.REPO
GEHEIM = "Vertrauliche Personalangelegenheit Werkbanktest"
BESCHLUSS = "Der Ausschuss beschließt den Werkbanktest einstimmig."


def freier_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Lauf:
    def __init__(self, kim, quelle, name):
        self.name = name
        self.ordner = Path(tempfile.mkdtemp(prefix="kim-werkbank-"))
        for teil in ("data", "templates", "schemas", "assets"):
            if (quelle / teil).is_dir():
                shutil.copytree(quelle / teil, self.ordner / teil, symlinks=True)
        # The site as last published, so "Veröffentlichen" has something to compare with.
        if (quelle / "site/index.html").is_file():
            shutil.copytree(quelle / "site", self.ordner / "site", symlinks=True)
        else:
            subprocess.run([kim, "build", "--no-pdf", "--project", str(self.ordner)], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.port = freier_port()
        self.origin = f"http://127.0.0.1:{self.port}"
        self.server = subprocess.Popen([kim, "serve", "--project", str(self.ordner), "--port", str(self.port)],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(600):
            try:
                urllib.request.urlopen(self.origin + "/_kim/", timeout=5)
                break
            except OSError:
                time.sleep(0.2)
        self.seiten = {}
        self.results = None

    def schliessen(self):
        self.server.terminate()
        try:
            self.server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.server.kill()
        shutil.rmtree(self.ordner, ignore_errors=True)


def treiber(width=1280):
    webdriver, Service, _, _ = cs._imports()
    options = webdriver.ChromeOptions()
    options.binary_location = cs.CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     f"--window-size={width},900", "--hide-scrollbars", "--lang=de-DE",
                     "--no-first-run", "--disable-extensions", "--disable-background-networking"):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(cs.CHROMEDRIVER))
    driver.set_page_load_timeout(120)
    driver.set_script_timeout(120)
    return driver


class Werkbanktest:
    def __init__(self, lauf, driver, results, axe):
        self.lauf, self.d, self.results, self.axe = lauf, driver, results, axe

    def css(self, selector):
        from selenium.webdriver.common.by import By
        return self.d.find_element(By.CSS_SELECTOR, selector)

    def alle(self, selector):
        from selenium.webdriver.common.by import By
        return self.d.find_elements(By.CSS_SELECTOR, selector)

    def feld(self, name):
        return self.css(f'[name="{name}"]')

    def oeffnen(self, pfad):
        self.d.get(self.lauf.origin + pfad)
        self.pruefen_seite()

    def pruefen_seite(self):
        """axe at 1280 and 390 px, reflow at 390 px; the page's HTML kept for vnu."""
        url = self.d.current_url
        art = url.split("?")[0].replace(self.lauf.origin, "") + f" [{self.d.title}]"
        if art in self.lauf.seiten:
            return
        self.lauf.seiten[art] = self.d.execute_script("return '<!DOCTYPE html>\\n' + document.documentElement.outerHTML")
        ort = f"{self.lauf.name} {art}"
        for width in (1280, 390):
            self.d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
            if self.axe:
                if not self.d.execute_script("return typeof axe !== 'undefined'"):
                    self.d.execute_script(self.axe)
                self.results.record(ort, f"axe {width}px", cs.check_axe(self, self.axe))
            if width < 600:
                self.results.record(ort, "reflow 390px", cs.check_reflow(self))
        self.d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    @property
    def driver(self):
        return self.d

    def klicken(self, element):
        self.d.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        element.click()
        self.pruefen_seite()

    def setzen(self, name, wert):
        element = self.feld(name)
        self.d.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        if element.tag_name == "select":
            from selenium.webdriver.support.select import Select
            Select(element).select_by_value(wert)
        elif element.get_attribute("type") == "date":
            # What a date picker would set; an impossible date is typed (see tippen_datum).
            self.d.execute_script("arguments[0].value = arguments[1]", element, wert)
        else:
            element.clear()
            element.send_keys(wert)

    def tippen_datum(self, name, jahr, monat, tag):
        """Types a date as a person does, in the order the browser's locale shows the fields."""
        element = self.feld(name)
        self.d.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].value = ''", element)
        element.click()
        deutsch = self.d.execute_script("return navigator.language").lower().startswith("de")
        element.send_keys(tag + monat + jahr if deutsch else monat + tag + jahr)

    def speichern(self):
        self.klicken(self.css('.aktionen button[type="submit"]:not([name])'))

    def gespeichert(self, was):
        ok = "gespeichert=1" in self.d.current_url and bool(self.alle(".erfolg"))
        fehler = [e.text for e in self.alle(".fehlerliste li")]
        self.results.record(f"{self.lauf.name} {was}", "gespeichert", [] if ok else [f"nicht gespeichert: {fehler or self.d.title}"])
        return ok

    def entfernen_fragt(self, pfad):
        """Ticking an item for removal and saving asks first; the file stays until it is confirmed."""
        datei = self.lauf.ordner / pfad
        vorher = datei.read_bytes()
        self.oeffnen(f"/_kim/bearbeiten/{pfad}")
        self.klicken(self.css('input[name="_entfernen"]'))
        self.speichern()
        probleme = []
        if self.css("h1").text != "Wirklich entfernen?":
            probleme.append(f"keine Rückfrage: {self.d.title}")
        if datei.read_bytes() != vorher:
            probleme.append("vor der Bestätigung geändert")
        self.results.record(f"{self.lauf.name} entfernen", "fragt erst", probleme)

    # ── the tasks ──
    def sitzung(self):
        self.oeffnen("/_kim/neu/data/sitzungen")
        self.setzen("datum", "2031-03-12")
        self.klicken(self.css('.aktionen button'))
        if "/_kim/bearbeiten/data/sitzungen/" not in self.d.current_url:
            self.results.record(f"{self.lauf.name} sitzung", "angelegt", [f"kein Formular der neuen Sitzung: {self.d.current_url}"])
            return None
        pfad = self.d.current_url.split("/_kim/bearbeiten/")[1].split("?")[0]
        self.klicken(self.css('button[value="/tagesordnung/0/beschluesse"]'))
        self.setzen("/tagesordnung/0/beschluesse/0/id", "werkbank-b1")
        self.setzen("/tagesordnung/0/beschluesse/0/wortlaut", BESCHLUSS)
        ergebnis = [o.get_attribute("value") for o in self.alle('[name="/tagesordnung/0/beschluesse/0/ergebnis"] option') if o.get_attribute("value")]
        self.setzen("/tagesordnung/0/beschluesse/0/ergebnis", ergebnis[0])
        self.klicken(self.css('button[value="/tagesordnung/0/aufgaben"]'))
        self.setzen("/tagesordnung/0/aufgaben/0/id", "werkbank-a1")
        self.setzen("/tagesordnung/0/aufgaben/0/was", "Die Werkbank im Browser prüfen")
        self.setzen("/tagesordnung/0/aufgaben/0/verantwortlich", "Kommunales Integrationszentrum")
        self.setzen("/tagesordnung/0/aufgaben/0/frist", "2031-06-30")
        status = [o.get_attribute("value") for o in self.alle('[name="/tagesordnung/0/aufgaben/0/status"] option') if o.get_attribute("value")]
        self.setzen("/tagesordnung/0/aufgaben/0/status", status[0])
        neu = len(self.alle('fieldset#f\\.tagesordnung > fieldset.eintrag'))
        self.klicken(self.css('button[value="/tagesordnung"]'))
        self.setzen(f"/tagesordnung/{neu}/nummer", str(neu + 1))
        self.setzen(f"/tagesordnung/{neu}/titel", GEHEIM)
        oeffentlich = self.feld(f"/tagesordnung/{neu}/oeffentlich")
        if oeffentlich.is_selected():
            self.klicken(oeffentlich)
        self.speichern()
        self.gespeichert("sitzung")
        return pfad

    def angebot(self):
        self.oeffnen("/_kim/bearbeiten/data/angebote.json?zeiger=/angebote/0")
        self.setzen("/angebote/0/kontakt/telefon", "0208 123456")
        self.speichern()
        self.gespeichert("angebot")

    def meilenstein(self):
        self.oeffnen("/_kim/bearbeiten/data/meilensteine.json?zeiger=/meilensteine/0")
        self.setzen("/meilensteine/0/status", "erledigt")
        self.setzen("/meilensteine/0/erledigtAm", "2021-06-30")
        self.speichern()
        self.gespeichert("meilenstein")

    def kapitel(self):
        kapitel = sorted((self.lauf.ordner / "templates/kapitel").glob("*.md"))[0]
        self.oeffnen(f"/_kim/bearbeiten/templates/kapitel/{kapitel.name}")
        text = self.css("textarea.markdown")
        # An unknown placeholder is named as you type, before any save.
        original = text.get_attribute("value")
        self.d.execute_script("arguments[0].focus(); arguments[0].selectionStart = arguments[0].selectionEnd = arguments[0].value.length", text)
        text.send_keys(" {{gibt.es.nicht}}")
        gemeldet = ""
        for _ in range(80):
            gemeldet = self.css("#live-befunde").text
            if "gibt.es.nicht" in gemeldet:
                break
            time.sleep(0.25)
        self.results.record(f"{self.lauf.name} kapitel", "unbekannter Platzhalter beim Tippen",
                            [] if "gibt.es.nicht" in gemeldet else [f"nicht gemeldet: {gemeldet[:200]}"])
        self.d.execute_script("arguments[0].value = arguments[1]", text, original)
        self.d.execute_script("""
            const t = arguments[0], zeilen = t.value.split('\\n');
            const i = zeilen.findIndex(z => /^[A-ZÄÖÜ].*\\.$/.test(z));
            zeilen[i] = zeilen[i].replace(/\\.$/, ' – in der Werkbank geändert.');
            t.value = zeilen.join('\\n');""", text)
        self.klicken(self.css('button[name="_vorschau"]'))
        self.speichern()
        self.gespeichert("kapitel")
        inhalt = kapitel.read_text(encoding="utf-8")
        self.results.record(f"{self.lauf.name} kapitel", "geschrieben", [] if "in der Werkbank geändert." in inhalt else ["der Satz steht nicht in der Datei"])

    def unmoegliches_datum(self, pfad):
        datei = self.lauf.ordner / pfad
        vorher = datei.read_bytes()
        self.oeffnen(f"/_kim/bearbeiten/{pfad}")
        self.tippen_datum("/datum", "2031", "02", "30")
        self.speichern()
        probleme = []
        if not self.alle(".fehlerliste a[href='#f.datum']"):
            probleme.append("die Fehlerliste verweist nicht auf das Datum")
        if not self.alle("#f\\.datum-fehler"):
            probleme.append("keine Meldung am Feld")
        if self.feld("/datum").get_attribute("aria-invalid") != "true":
            probleme.append("das Feld ist nicht als ungültig markiert")
        if datei.read_bytes() != vorher:
            probleme.append("die Datei wurde geändert")
        self.results.record(f"{self.lauf.name} datum", "422 am Feld, nichts geschrieben", probleme)

    def veraltet(self, pfad):
        datei = self.lauf.ordner / pfad
        self.oeffnen(f"/_kim/bearbeiten/{pfad}")
        erster = self.d.current_window_handle
        self.d.switch_to.new_window("tab")
        self.oeffnen(f"/_kim/bearbeiten/{pfad}")
        self.setzen("/ort", "Ratssaal (anderer Tab)")
        self.speichern()
        self.gespeichert("zweiter Tab")
        danach = datei.read_bytes()
        self.d.close()
        self.d.switch_to.window(erster)
        self.setzen("/ort", "Sitzungszimmer (veraltetes Formular)")
        self.speichern()
        probleme = []
        if "Nicht gespeichert" not in self.d.title:
            probleme.append(f"nicht abgelehnt: {self.d.title}")
        if "Ratssaal (anderer Tab)" not in self.css("main").text:
            probleme.append("die Antwort zeigt die Fassung auf der Festplatte nicht")
        if datei.read_bytes() != danach:
            probleme.append("die Datei wurde überschrieben")
        self.results.record(f"{self.lauf.name} veraltet", "409", probleme)

    def veroeffentlichen(self, pfad):
        self.oeffnen("/_kim/veroeffentlichen")
        text = self.css("main").text
        self.results.record(f"{self.lauf.name} veröffentlichen", "sagt, was sich ändert",
                            [] if re.search(r"(?<![0-9])1 neue Sitzung(?!en)", text) else [f"»1 neue Sitzung« fehlt: {text[:300]}"])
        self.klicken(self.css('.aktionen button'))
        # The build runs on its own; the page shows its steps and reloads itself until it is done.
        probleme = []
        schritte_gesehen = False
        ende = time.monotonic() + 300
        while time.monotonic() < ende:
            try:
                text = self.css("main").text
            except Exception:  # the page reloads itself meanwhile: read it again
                time.sleep(0.2)
                continue
            schritte_gesehen = schritte_gesehen or bool(re.search(r"\[\d+/\d+\]", text))
            if "Veröffentlicht:" in text or "Nicht veröffentlicht" in text:
                break
            time.sleep(0.3)
        else:
            probleme.append("der Bau wurde in 300 s nicht fertig")
        if "Veröffentlicht:" not in text:
            probleme.append(f"nicht veröffentlicht: {text[:300]}")
        if not schritte_gesehen:
            probleme.append(f"die Seite zeigt keine Schritte des Baus: {text[:300]}")
        site = self.lauf.ordner / "site"
        if not (site / "index.html").is_file():
            probleme.append(f"site/ nicht gebaut: {self.css('main').text[:300]}")
        else:
            sitzung = Path(pfad).stem
            seite = site / "sitzungen" / f"{sitzung}.html"
            if not seite.is_file() or BESCHLUSS not in seite.read_text(encoding="utf-8"):
                probleme.append(f"der Beschluss fehlt auf {seite.relative_to(self.lauf.ordner)}")
            geheim = GEHEIM.encode()
            for datei in site.rglob("*"):
                if datei.is_file() and geheim in datei.read_bytes():
                    probleme.append(f"der nicht öffentliche TOP steht in {datei.relative_to(self.lauf.ordner)}")
            for datei in site.rglob("*"):
                if datei.is_file() and datei.suffix in (".html", ".js") and b"/_kim/" in datei.read_bytes():
                    probleme.append(f"die Werkbank steht in {datei.relative_to(self.lauf.ordner)}")
        self.results.record(f"{self.lauf.name} veröffentlichen", "site/", probleme)


def vnu(lauf, results):
    with tempfile.TemporaryDirectory() as ordner:
        ordner = Path(ordner)
        namen = {}
        for nummer, (art, html) in enumerate(sorted(lauf.seiten.items())):
            (ordner / f"{nummer}.html").write_text(html, encoding="utf-8")
            namen[f"{nummer}.html"] = art
        for rel, probleme in cs.run_vnu(ordner, list(namen)).items():
            results.record(f"{lauf.name} {namen.get(rel, rel)}", "vnu", probleme)


def main(argv):
    kim = argv[1] if len(argv) > 1 else str(REPO / ".build/debug/kim")
    results = cs.Results()
    axe = cs.axe_source()
    if axe is None:
        results.record("(axe)", "axe", ["axe.min.js nicht gefunden: scripts/install-deps.sh test ausführen"])
    for name, quelle in (("referenz", REPO), ("kreis-lindenau", REPO / "beispiele/kreis-lindenau")):
        lauf = Lauf(kim, quelle, name)
        driver = treiber()
        try:
            test = Werkbanktest(lauf, driver, results, axe)
            test.oeffnen("/_kim/")
            pfad = test.sitzung()
            test.angebot()
            test.meilenstein()
            test.kapitel()
            if pfad:
                test.unmoegliches_datum(pfad)
                test.veraltet(pfad)
                test.entfernen_fragt(pfad)
                test.veroeffentlichen(pfad)
            # The other pages of the workbench pass axe, reflow and vnu too.
            test.oeffnen("/_kim/befunde")
            test.oeffnen("/_kim/briefing")
        except Exception as fehler:  # a missing control is a failed check with its reason, not a crash
            results.record(f"{name} (Ablauf)", "ablauf", [f"{type(fehler).__name__}: {str(fehler).splitlines()[0] if str(fehler) else ''} auf {driver.current_url}"])
        finally:
            driver.quit()
            vnu(lauf, results)
            lauf.schliessen()
    print(f"werkbank: {results.passed} passed, {results.failed} failed")
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
