#!/usr/bin/env python3
"""Summarises a callgrind profile of `kim build` by pipeline stage and by cost centre.

    python3 bench/callgrind_summary.py callgrind.out > summary.md

Uses `callgrind_annotate --inclusive=yes --threshold=100` and demangles with
`swift demangle --simplified`. Inclusive figures of different rows overlap (a row's
callees are counted in it); the percentages are of all instructions of the run.
"""
from __future__ import annotations

import re
import subprocess
import sys

# (row label, substring of the demangled function name); the first match wins.
STAGES = [
    ("**total** (all instructions)", "PROGRAM TOTALS"),
    ("1 Laden: ProjectLoader.load", "static ProjectLoader.load(_:)"),
    ("  · JSON parse with positions (JSONParser)", "static JSONParser.parse(_:)"),
    ("  · schema validation (SchemaValidator.check)", "SchemaValidator.check(_:against:name:into:) "),
    ("    · of which NSRegularExpression.init (a regex compiled per checked string)", "NSRegularExpression.init(pattern:options:)"),
    ("  · typed decode, second parse (JSONDecoder)", "JSONDecoder.decode<A>(_:from:)"),
    ("  · source map (DatasetLoader.record)", "DatasetLoader.record(_:pointer:file:) "),
    ("2 Prüfen: Validate.check", "static Validate.check(_:)"),
    ("3 Ableiten: Derive.auswerten", "static Derive.auswerten("),
    ("4 Darstellen: Website.render", "static Website.render(_:_:optionen:)"),
    ("  · OParl export (OParlExport.dateien)", "OParlExport.dateien()"),
    ("    · JSONSerialization.data (pretty, sorted keys)", "static JSONSerialization.data(withJSONObject:options:)"),
    ("    · JSONSerialization.isValidJSONObject", "static JSONSerialization.isValidJSONObject(_:)"),
    ("    · NSString.compare with locale (ICU collation for .sortedKeys)", "NSString.compare(_:options:range:locale:)"),
    ("  · Sitzung and Gremium pages, registers (Website.sitzungsseiten)", "Website.sitzungsseiten()"),
    ("    · Beschlussregister", "Website.beschlussregister()"),
    ("    · Aufgabenliste", "Website.aufgabenliste()"),
    ("  · Anlage 1 (Website.angebote)", "Website.angebote()"),
    ("  · Handlungskonzept chapters and Fassungen", "Website.handlungskonzept(_:)"),
    ("  · Anlage 2 (Website.meilensteine)", "Website.meilensteine()"),
    ("    · Beschlüsse per Meilenstein (Website.beschluesseZu)", "Website.beschluesseZu(_:wurzel:)"),
    ("  · layout of every page (Website.layout)", "Website.layout(_:)"),
    ("  · sitemap and feed (Website.feeds)", "Website.feeds(_:)"),
    ("5 Schreiben: AtomicFolderWriter.schreiben (instructions only; fsync waits are not instructions)", "AtomicFolderWriter.schreiben(_:)"),
]
CROSS = [
    ("Mustache rendering, all templates (Vorlagen.render)", "Vorlagen.render(_:_:)"),
    ("  · HTML escaping in swift-mustache (String.htmlEscape)", "String.htmlEscape()"),
    ("  · name lookup in the context stack (MustacheTemplate.getChild)", "MustacheTemplate.getChild(named:transforms:context:)"),
    ("Markdown context escaping (KontextBuilder.fuerMarkdown)", "static KontextBuilder.fuerMarkdown(_:)"),
    ("cmark, Markdown → HTML (Markdown.html)", "static Markdown.html(_:)"),
    ("Mirror reflection (Spiegel.kontext)", "static Spiegel.kontext(_:)"),
    ("Mirror reflection (Fassungsvergleich)", "Fassungsvergleich.init("),
    ("placeholder check (Platzhalterpruefung)", "static Platzhalterpruefung.pruefen("),
    ]

ZEILE = re.compile(r"^\s*([\d,]+) \(\s*([\d.]+)%\)\s+(.*)$")


def rows(datei: str, inclusive: bool) -> list[tuple[int, float, str]]:
    args = ["callgrind_annotate", f"--inclusive={'yes' if inclusive else 'no'}", "--threshold=100", datei]
    text = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    text = subprocess.run(["swift", "demangle", "--simplified"], input=text, capture_output=True, text=True).stdout
    ergebnis = []
    for zeile in text.splitlines():
        m = ZEILE.match(zeile)
        if m:
            ergebnis.append((int(m.group(1).replace(",", "")), float(m.group(2)), m.group(3) + " "))
    return ergebnis


def normal(name: str) -> str:
    name = re.sub(r"^[^:]*:", "", name.strip(), count=1) if not name.startswith("PROGRAM") else name
    for praefix in ("specialized ", "merged "):
        if name.startswith(praefix):
            name = name[len(praefix):]
    return name + " "


def find(alle, muster):
    """The function itself (not a closure inside it, not its recursion cycle '2)."""
    for ir, pct, name in alle:
        n = normal(name)
        if n.startswith(muster) and not n[len(muster):].startswith("'"):
            return ir, pct
    return None


def table(titel, eintraege, alle):
    print(f"| {titel} | instructions | % |\n|---|---:|---:|")
    for label, muster in eintraege:
        treffer = find(alle, muster)
        if treffer:
            print(f"| {label} | {treffer[0]:,} | {treffer[1]:.1f} |")
        else:
            print(f"| {label} | – | – |")
    print()


def main():
    datei = sys.argv[1]
    inkl = rows(datei, True)
    selbst = rows(datei, False)
    print("Inclusive instruction counts (a row includes its callees; rows overlap):\n")
    table("pipeline stage / function", STAGES, inkl)
    table("cost centre across stages", CROSS, inkl)
    print("Top 25 functions by own (exclusive) instructions:\n")
    print("| own instructions | % | function |\n|---:|---:|---|")
    for ir, pct, name in [r for r in selbst if "PROGRAM TOTALS" not in r[2]][:25]:
        name = re.sub(r"\[/[^\]]*/([^/\]]+)\]", r"[\1]", name.replace("???:", "")).strip()
        print(f"| {ir:,} | {pct:.1f} | `{name[:140]}` |")


if __name__ == "__main__":
    main()
