#!/usr/bin/env python3
"""Full-page screenshots of the key pages for review, in headless Chromium.

    python3 Tests/browser/screenshots.py [SITE] [OUT]

SITE defaults to site/, OUT to build/screenshots/. Writes NAME-390.png and
NAME-1280.png for each key page that exists (NAME is the page's path with
"/" replaced by "-" and without ".html"), served from a local server on
127.0.0.1 like check_site.py does.
"""
import base64
import sys
from pathlib import Path

from check_site import REPO, Browser

PAGES = [
    "index.html",
    "handlungskonzept/index.html",
    "handlungskonzept/2-ausgangslage.html",
    "zahlen.html",
    "offene-daten.html",
    "gremien.html",
    "leichte-sprache.html",
    "impressum.html",
    "datenschutz.html",
    "barrierefreiheit.html",
    "aktuelles.html",
    "beschluesse.html",
    "anlage-1/sozialraum/71.html",
    "anlage-2/index.html",
    "fassung/2/aenderungen.html",
    "suche.html",
    "glossar.html",
    "sprachen/ar.html",
]
WIDTHS = (390, 1280)
MAX_HEIGHT = 16000  # px; longer pages are cut off there


def main(argv):
    site = Path(argv[1]) if len(argv) > 1 else REPO / "site"
    out = Path(argv[2]) if len(argv) > 2 else REPO / "build" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    browser = Browser(site, performance_log=False)
    written = 0
    try:
        # Screenshots show the page at rest, without the smooth-scroll animation.
        browser.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
            "features": [{"name": "prefers-reduced-motion", "value": "reduce"}]})
        for rel in PAGES:
            if not (site / rel).is_file():
                print(f"{rel}: fehlt, übersprungen")
                continue
            for width in WIDTHS:
                browser.viewport(width)
                browser.open(rel)
                height = browser.driver.execute_script(
                    "return Math.ceil(document.documentElement.getBoundingClientRect().height)")
                height = max(200, min(int(height), MAX_HEIGHT))
                shot = browser.driver.execute_cdp_cmd("Page.captureScreenshot", {
                    "format": "png", "captureBeyondViewport": True,
                    "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
                name = rel.removesuffix(".html").replace("/", "-")
                target = out / f"{name}-{width}.png"
                target.write_bytes(base64.b64decode(shot["data"]))
                written += 1
                print(f"{target.relative_to(REPO) if REPO in target.parents else target} ({width}×{height})")
    finally:
        browser.close()
    print(f"{written} Bildschirmfotos in {out}")
    return 0 if written else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
