#!/usr/bin/env python3
"""Checks SITE/sitzungen.ics against RFC 5545 and the project's Sitzungen, with two programs
that are not kim: the Python library icalendar parses it, the calendar client khal imports it.

    python3 Tests/opendata/check_calendar.py [SITE] [PROJEKT]

  * every line ends in CRLF, no line is longer than 75 octets, a folded line goes on after a space;
  * icalendar finds one VEVENT per file in PROJEKT/data/sitzungen/, with unique UIDs;
  * a public Sitzung: start and end in Europe/Berlin at the times of its data, its place, the URL
    of its page; a non-public one: a whole day and the Gremium, no time, place or link;
  * DTSTAMP is the Stand of the Sitzung's data (never the clock);
  * khal (a terminal calendar) imports the file into an empty calendar of its own and lists every event.
Prints "kalender: N passed, M failed" and exits 1 on any failure.
"""
import datetime
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import icalendar

ROOT = Path(__file__).resolve().parents[2]
ALLOWED_NON_PUBLIC = {"UID", "DTSTAMP", "DTSTART", "SUMMARY", "CLASS"}


def main(argv):
    site = Path(argv[1]) if len(argv) > 1 else ROOT / "site"
    project = Path(argv[2]) if len(argv) > 2 else ROOT
    raw = (site / "sitzungen.ics").read_bytes()
    passed, failed = 0, []

    def check(ok, what):
        nonlocal passed
        if ok:
            passed += 1
        else:
            failed.append(what)

    lines = raw.split(b"\r\n")
    check(lines[-1] == b"", "die Datei endet nicht mit CRLF")
    check(b"\n" not in raw.replace(b"\r\n", b""), "ein Zeilenende ist nicht CRLF")
    for number, line in enumerate(lines[:-1], 1):
        check(len(line) <= 75, f"Zeile {number} hat {len(line)} Oktette (höchstens 75)")
    check(all(line.decode("utf-8") is not None for line in lines), "nicht UTF-8")

    calendar = icalendar.Calendar.from_ical(raw.decode("utf-8"))
    gremien = {g["id"]: g["name"] for g in json.loads((project / "data" / "gremien.json").read_text("utf-8"))["gremien"]}
    sitzungen = [json.loads(p.read_text("utf-8")) for p in sorted((project / "data" / "sitzungen").glob("*.json"))]
    events = list(calendar.walk("VEVENT"))
    check(len(events) == len(sitzungen), f"{len(events)} Termine für {len(sitzungen)} Sitzungen")
    by_uid = {}
    for event in events:
        uid = str(event["UID"])
        check(uid not in by_uid, f"UID {uid} doppelt")
        by_uid[uid] = event
    check(calendar.walk("VTIMEZONE") and str(calendar.walk("VTIMEZONE")[0]["TZID"]) == "Europe/Berlin", "keine VTIMEZONE Europe/Berlin")
    for sitzung in sitzungen:
        event = next((e for uid, e in by_uid.items() if uid.startswith(f"sitzung-{sitzung['id']}@")), None)
        check(event is not None, f"kein Termin für {sitzung['id']}")
        if event is None:
            continue
        stamp = event.decoded("DTSTAMP")
        check(stamp.date().isoformat() == sitzung["stand"] and stamp.utcoffset() == datetime.timedelta(0),
              f"{sitzung['id']}: DTSTAMP {stamp} ist nicht der Stand {sitzung['stand']}")
        start = event.decoded("DTSTART")
        check(gremien[sitzung["gremium"]] in str(event["SUMMARY"]), f"{sitzung['id']}: Gremium fehlt im Titel")
        if sitzung["oeffentlich"]:
            end = event.decoded("DTEND")
            check(isinstance(start, datetime.datetime) and str(start.tzinfo) == "Europe/Berlin",
                  f"{sitzung['id']}: Beginn nicht in Europe/Berlin")
            check(start.strftime("%Y-%m-%d %H:%M") == f"{sitzung['datum']} {sitzung['beginn']}", f"{sitzung['id']}: Beginn {start}")
            check(end.strftime("%Y-%m-%d %H:%M") == f"{sitzung['datum']} {sitzung['ende']}", f"{sitzung['id']}: Ende {end}")
            check(str(event["LOCATION"]) == sitzung["ort"], f"{sitzung['id']}: Ort {event.get('LOCATION')!r}")
            check(str(event["URL"]).endswith(f"/sitzungen/{sitzung['id']}.html"), f"{sitzung['id']}: URL {event.get('URL')}")
        else:
            check(type(start) is datetime.date and start.isoformat() == sitzung["datum"], f"{sitzung['id']}: nicht öffentlich, aber mit Uhrzeit")
            extra = set(event.keys()) - ALLOWED_NON_PUBLIC
            check(not extra, f"{sitzung['id']}: nicht öffentlich, aber mit {sorted(extra)}")
            check(sitzung["ort"] not in event.to_ical().decode("utf-8"), f"{sitzung['id']}: nicht öffentlich, aber mit Ort")

    # khal, a real calendar client: import into a calendar of its own, then list everything.
    khal = shutil.which("khal")
    check(khal is not None, "khal fehlt (scripts/install-deps.sh test)")
    if khal:
        with tempfile.TemporaryDirectory() as temp:
            temp = Path(temp)
            (temp / "kalender").mkdir()
            (temp / "config").write_text(
                f"[calendars]\n[[kim]]\npath = {temp / 'kalender'}\ntype = calendar\n"
                "[locale]\nlocal_timezone = Europe/Berlin\ndefault_timezone = Europe/Berlin\n"
                "timeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
                "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
                f"[sqlite]\npath = {temp / 'khal.db'}\n", encoding="utf-8")
            base = [khal, "-c", str(temp / "config")]
            result = subprocess.run(base + ["import", "--batch", "-a", "kim", str(site / "sitzungen.ics")],
                                    capture_output=True, text=True, timeout=120)
            check(result.returncode == 0 and "error" not in result.stderr.lower(), f"khal import: {result.stderr.strip()}")
            imported = list((temp / "kalender").glob("*.ics"))
            check(len(imported) == len(events), f"khal hat {len(imported)} von {len(events)} Terminen übernommen")
            first = min(s["datum"] for s in sitzungen)
            days = (datetime.date.fromisoformat(max(s["datum"] for s in sitzungen)) - datetime.date.fromisoformat(first)).days + 1
            listed = subprocess.run(base + ["list", "--format", "{uid}", "--day-format", "", first, f"{days}d"],
                                    capture_output=True, text=True, timeout=120)
            uids = {line.strip() for line in listed.stdout.splitlines() if line.strip()}
            check(uids == set(by_uid), f"khal list zeigt {len(uids)} von {len(by_uid)} Terminen: {listed.stderr.strip()}")

    for problem in failed:
        print(f"kalender: FEHLER {problem}")
    print(f"kalender: {passed} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
