#!/usr/bin/env python3
"""Rebuild time of `kim serve` after an edit, measured from outside.

    python3 bench/serve_rebuild.py --kim .build/release/kim --project /tmp/kim-ref [--runs 5]

Starts `kim serve` on a free loopback port for a COPY of a project, waits for the first
build, then edits one Sitzung (appends a sentence to a Bericht) and one template
(appends a comment to templates/seiten/sitzung.html), alternately, `--runs` times each,
and reports two figures per kind of edit (median):

  * rebuild: what kim itself reports ("Neu gebaut in N ms" on stderr): the time
    from the start of the rebuild to the new pages in memory;
  * edit → new version: from writing the file to `/__kim/status` showing a new build
    version, i.e. rebuild + the watcher's polling interval and its scan of the project;
  * for the Sitzung edit also edit → page: until the Sitzung's page served holds the new
    sentence (what a reader waits for; since issue 17 kim shows an edited Sitzung's page
    before the full rebuild ends), and kim's own "Sitzung vorab neu dargestellt in N ms".

If kim has no `serve` command, prints "n/a (kim serve pending)". If kim grows a
benchmark flag for serve (anything with "bench" in `kim serve --help`), that is
reported too, so the numbers can be switched over.
Only loopback is contacted; every wait is bounded.
"""
from __future__ import annotations

import argparse
import json
import re
import signal
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

NEU_GEBAUT = re.compile(r"Neu gebaut in (\d+) ms")
VORAB = re.compile(r"Sitzung vorab neu dargestellt in (\d+) ms")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def status(port: int) -> dict | None:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/__kim/status", timeout=2) as antwort:
            return json.loads(antwort.read())
    except Exception:
        return None


def seite(port: int, pfad: str) -> str:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/{pfad}", timeout=5) as antwort:
            return antwort.read().decode("utf-8", "replace")
    except Exception:
        return ""


def serve_available(kim: str) -> tuple[bool, str]:
    try:
        hilfe = subprocess.run([kim, "serve", "--help"], capture_output=True, text=True, timeout=20)
    except Exception:
        return False, ""
    text = hilfe.stdout + hilfe.stderr
    return hilfe.returncode == 0 and "serve" in text, text


def measure(kim: str, project: str, runs: int = 5, start_timeout: float = 300, edit_timeout: float = 300) -> dict:
    ok, hilfe = serve_available(kim)
    if not ok:
        return {"status": "n/a (kim serve pending)"}
    result: dict = {"status": "ok", "benchmark_flag": [l.strip() for l in hilfe.splitlines() if "bench" in l.lower()]}
    # The Sitzung page's template as the project's own copy over the built-in one (since issue 12
    # the defaults are in the binary), made before kim serve starts, so the first edit is an edit.
    vorlage = Path(project) / "templates" / "seiten" / "sitzung.html"
    if not vorlage.exists():
        eingebaut = Path(__file__).resolve().parent.parent / "Sources" / "KimVorgaben" / "Vorgaben" / "templates" / "seiten" / "sitzung.html"
        vorlage.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(eingebaut, vorlage)
    port = free_port()
    log = tempfile.NamedTemporaryFile("w+", prefix="kim-serve-", suffix=".log", delete=False)
    start = time.monotonic()
    proc = subprocess.Popen([kim, "serve", "--project", project, "--port", str(port)],
                            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        version = None
        while time.monotonic() - start < start_timeout:
            if proc.poll() is not None:
                return {"status": f"n/a (kim serve ended with exit code {proc.returncode})", "log": Path(log.name).read_text()[-2000:]}
            antwort = status(port)
            if antwort is not None:
                version = antwort["version"]
                break
            time.sleep(0.05)
        if version is None:
            return {"status": "n/a (kim serve did not answer in time)"}
        result["first_build_s"] = round(time.monotonic() - start, 3)

        # A public Sitzung with a report in a public TOP: the edit must show on its page.
        sitzung, sitzungsseite = None, None
        for kandidat in sorted((Path(project) / "data" / "sitzungen").glob("*.json")):
            daten = json.loads(kandidat.read_text(encoding="utf-8"))
            if daten.get("oeffentlich") and any(p.get("oeffentlich") and "bericht" in p for p in daten["tagesordnung"]):
                sitzung, sitzungsseite = kandidat, f"sitzungen/{daten['id']}.html"
                break
        if sitzung is None:
            return {"status": "n/a (no public Sitzung with a report)"}
        ergebnisse = {"sitzung": {"rebuild_ms": [], "edit_to_version_ms": [], "edit_to_page_ms": [], "quick_ms": []},
                      "template": {"rebuild_ms": [], "edit_to_version_ms": []}}
        for lauf in range(runs):
            for art in ("sitzung", "template"):
                gelesen = len(Path(log.name).read_text())
                time.sleep(0.3)  # let the watcher take a fresh fingerprint, so the edit is a separate change
                marke = f"Ergänzung {lauf + 1}."
                if art == "sitzung":
                    daten = json.loads(sitzung.read_text(encoding="utf-8"))
                    for punkt in daten["tagesordnung"]:
                        if punkt.get("oeffentlich") and "bericht" in punkt:
                            punkt["bericht"] += " " + marke
                            break
                    text = json.dumps(daten, ensure_ascii=False, indent=2) + "\n"
                    t0 = time.monotonic()
                    sitzung.write_text(text, encoding="utf-8")
                else:
                    text = vorlage.read_text(encoding="utf-8") + f"{{{{! bench {lauf + 1} }}}}\n"
                    t0 = time.monotonic()
                    vorlage.write_text(text, encoding="utf-8")
                neu = None
                while time.monotonic() - t0 < edit_timeout:
                    antwort = status(port)
                    if antwort is not None and antwort["version"] > version:
                        neu = antwort
                        break
                    time.sleep(0.005)
                if neu is None:
                    return {"status": "n/a (no rebuild seen in time)"}
                ergebnisse[art]["edit_to_version_ms"].append(round((time.monotonic() - t0) * 1000, 1))
                if neu.get("fehler"):
                    return {"status": "n/a (the edit was reported as an error: " + "; ".join(neu["fehler"])[:300] + ")"}
                if art == "sitzung":
                    # What the reader waits for: the edited text on the Sitzung's page.
                    while time.monotonic() - t0 < edit_timeout and marke not in seite(port, sitzungsseite):
                        time.sleep(0.005)
                    ergebnisse[art]["edit_to_page_ms"].append(round((time.monotonic() - t0) * 1000, 1))
                # The full rebuild ends with "Neu gebaut in N ms"; the next edit waits for it.
                while time.monotonic() - t0 < edit_timeout:
                    neuer_text = Path(log.name).read_text()[gelesen:]
                    treffer = NEU_GEBAUT.findall(neuer_text)
                    if treffer:
                        ergebnisse[art]["rebuild_ms"].append(int(treffer[-1]))
                        vorab = VORAB.findall(neuer_text)
                        if art == "sitzung" and vorab:
                            ergebnisse[art]["quick_ms"].append(int(vorab[-1]))
                        break
                    time.sleep(0.01)
                version = (status(port) or neu)["version"]
        for art, werte in ergebnisse.items():
            result[art] = {k: (statistics.median(v) if v else None) for k, v in werte.items()}
            result[art]["runs"] = len(werte["edit_to_version_ms"])
            result[art]["all"] = werte
        return result
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        log.close()
        result["shutdown_exit_code"] = proc.returncode
        Path(log.name).unlink(missing_ok=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Rebuild-Zeit von kim serve nach einer Änderung messen.")
    parser.add_argument("--kim", required=True)
    parser.add_argument("--project", required=True, help="ein Projekt, das verändert werden darf (eine Kopie!)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.kim, args.project, args.runs), ensure_ascii=False, indent=2))


if __name__ == "__main__":
    sys.exit(main())
