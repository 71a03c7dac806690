#!/usr/bin/env python3
"""Data are text in the catalogue and the calendar too: a copy of the reference project gets a
hostile suffix (Turtle and iCalendar syntax, quotes, backslash, line break, non-BMP characters)
on every free-text value, kim builds it, and independent parsers read the values back exactly.

    python3 Tests/opendata/roundtrip_hostile.py [KIM]

  * rdflib parses katalog.ttl; every dataset title holds the suffix, character for character;
    pySHACL (validate_dcat.py) still finds no violation;
  * icalendar parses sitzungen.ics; every LOCATION is the Sitzung's `ort` exactly, every line
    is at most 75 octets and ends in CRLF;
  * every CSV parses with Python's csv module to the same number of columns as its header.
Prints "hostile: N passed, M failed".
"""
import csv
import io
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import icalendar
from rdflib import Graph, Namespace
from rdflib.namespace import DCTERMS, RDF

ROOT = Path(__file__).resolve().parents[2]
SUFFIX = ' """x"" \'\'\' ; , \\ \\n \n zweite Zeile <a> {b} ^^xsd:date @de . # é 😀 \u2028 ='
# Ids, references, dates, enumerations, addresses: the schemas rightly reject text there.
BOUND = {
    "$schema", "id", "stand", "stichtag", "datum", "beginn", "ende", "frist", "erledigtAm", "gefoerdertBis", "ab", "pruefdatum",
    "vorgelegtAm", "status", "ergebnis", "art", "kategorie", "traeger", "gremium", "sozialraum", "sozialraeume", "nummer", "slug",
    "vorlage", "basisUrl", "plz", "web", "email", "telefon", "url", "handlungsfeld", "zielgruppen", "meilensteine", "gremien",
    "dachverband", "buchstabe", "beschlussfassung", "lizenz", "regionalschluessel", "tabelle", "wert", "indikator",
    "seit", "behobenAm", "entschiedenAm", "sitzung", "einschaetzung", "empfaenger", "leitgremium", "code", "richtung",
    "meilenstein",
    # A correction of the source becomes part of a chapter template: plain text only, by design.
    "original", "korrigiert",
}
DCAT = Namespace("http://www.w3.org/ns/dcat#")


def poison(value, key=None):
    if isinstance(value, str):
        return value if key is None or key in BOUND else value + SUFFIX
    if isinstance(value, list):
        return [poison(item, key) for item in value]
    if isinstance(value, dict):
        return {name: poison(item, name) for name, item in value.items()}
    return value


def main(argv):
    kim = Path(argv[1]) if len(argv) > 1 else ROOT / ".build" / "debug" / "kim"
    passed, failed = 0, []

    def check(ok, what):
        nonlocal passed
        if ok:
            passed += 1
        else:
            failed.append(what)

    with tempfile.TemporaryDirectory() as temp:
        project = Path(temp) / "projekt"
        # The project's own folders; what it lacks comes from kim's built-in defaults.
        for folder in ("data", "schemas", "templates", "assets"):
            if (ROOT / folder).is_dir():
                shutil.copytree(ROOT / folder, project / folder)
        for path in sorted((project / "data").rglob("*.json")):
            path.write_text(json.dumps(poison(json.loads(path.read_text("utf-8"))), ensure_ascii=False, indent=1), encoding="utf-8")
        result = subprocess.run([str(kim), "build", "--no-pdf", "--project", str(project)], capture_output=True, text=True, timeout=600)
        check(result.returncode == 0, f"kim build: {result.stdout[-2000:]}{result.stderr[-2000:]}")
        site = project / "site"
        if result.returncode == 0:
            graph = Graph()
            try:
                graph.parse(site / "katalog.ttl", format="turtle")
            except Exception as error:  # a parse error is the finding, reported like any other
                check(False, f"katalog.ttl ist kein gültiges Turtle: {error}")
            datasets = list(graph.subjects(RDF.type, DCAT.Dataset))
            check(len(datasets) >= 8, f"{len(datasets)} Datensätze")
            for dataset in datasets:
                title = str(graph.value(dataset, DCTERMS.title))
                check(SUFFIX in title, f"{dataset}: Titel {title!r}")
            shacl = subprocess.run([sys.executable, str(ROOT / "Tests" / "opendata" / "validate_dcat.py"), str(site)],
                                   capture_output=True, text=True, timeout=600)
            check(shacl.returncode == 0, "pySHACL: " + shacl.stdout[-1500:])

            raw = (site / "sitzungen.ics").read_bytes()
            check(b"\n" not in raw.replace(b"\r\n", b""), "ein Zeilenende ist nicht CRLF")
            check(all(len(line) <= 75 for line in raw.split(b"\r\n")), "eine Zeile ist länger als 75 Oktette")
            try:
                events = icalendar.Calendar.from_ical(raw.decode("utf-8")).walk("VEVENT")
            except Exception as error:  # a parse error is the finding, reported like any other
                check(False, f"sitzungen.ics ist kein gültiges iCalendar: {error}")
                events = []
            orte = {f"sitzung-{s['id']}@": s["ort"] for s in (json.loads(p.read_text("utf-8")) for p in (project / "data" / "sitzungen").glob("*.json"))}
            check(len(events) == len(orte), f"{len(events)} Termine für {len(orte)} Sitzungen")
            for event in events:
                ort = next((o for prefix, o in orte.items() if str(event["UID"]).startswith(prefix)), None)
                check(ort is not None and str(event.get("LOCATION")) == ort, f"{event['UID']}: Ort {event.get('LOCATION')!r} statt {ort!r}")

            for path in sorted((site / "downloads").glob("*.csv")):
                rows = list(csv.reader(io.StringIO(path.read_text("utf-8"), newline="")))
                check(rows and all(len(row) == len(rows[0]) for row in rows), f"{path.name}: Spaltenzahl wechselt")
                check(not any(cell.startswith("=") for row in rows for cell in row), f"{path.name}: Formel am Feldanfang")

    for problem in failed:
        print(f"hostile: FEHLER {problem}")
    print(f"hostile: {passed} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
