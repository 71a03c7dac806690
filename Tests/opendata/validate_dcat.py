#!/usr/bin/env python3
"""Validates SITE/katalog.ttl against the DCAT-AP.de 3.0 SHACL shapes with pySHACL.

    python3 Tests/opendata/validate_dcat.py [SITE]

Shapes: the five files of the GovData validator's profile "DCAT-AP.de 3.0 – Spezifikation"
in ../shared/dcat-ap-de-shacl/. Their owl:imports name vocabularies on remote hosts, which no
machine here reaches (no network is tried). What is loaded instead, into the data graph as the
validator loads its imports:
  * the local mirrors in ../shared/dcat-ap-de-shacl/mirror/ (FOAF, vCard, ORG, the dcat-ap.de
    licence list), so licences are checked against the real list;
  * Tests/opendata/vokabular-auszug.ttl, excerpts of the EU data-theme, language and file-type
    tables and of the dcat-ap.de geopolitical levels, for the concepts a kim catalogue uses.
It prints every import it could not load and what stands in for it, then the result.
Exits 1 on any sh:Violation (warnings are listed, not fatal), or when the catalogue is missing
a dataset or distribution the Offene-Daten page lists.
"""
import sys
from collections import Counter
from pathlib import Path

from pyshacl import validate
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import OWL, RDF, SH

ROOT = Path(__file__).resolve().parents[2]
SHAPES_DIR = ROOT.parent / "shared" / "dcat-ap-de-shacl"
PROFILE = ["dcat-ap-de-imports.ttl", "dcat-ap-SHACL-DE.ttl", "dcat-ap-de-deprecated.ttl",
           "dcat-ap-spec-german-additions.ttl", "dcat-ap-de-controlledvocabularies.ttl"]
# Imports the validator mirrors itself, by the file name in mirror/.
MIRRORED = {
    "foaf_0_1.rdf": "foaf_0_1.rdf",
    "vcard.ttl": "vcard.ttl",
    "org.ttl": "org.ttl",
    "https://www.dcat-ap.de/def/licenses/20210721.rdf": "dcat-ap-de-licenses-open.rdf",
}
# Imports whose concept scheme has another IRI than the file the import names.
SCHEME_OF = {"https://www.dcat-ap.de/def/politicalGeocoding/Level/1_0.rdf": "http://dcat-ap.de/def/politicalGeocoding/Level"}
EXCERPT = ROOT / "Tests" / "opendata" / "vokabular-auszug.ttl"
DCAT = Namespace("http://www.w3.org/ns/dcat#")


def mirror_for(iri):
    for key, name in MIRRORED.items():
        if iri == key or iri.endswith("/" + key):
            return SHAPES_DIR / "mirror" / name
    return None


def main(argv):
    site = Path(argv[1]) if len(argv) > 1 else ROOT / "site"
    catalogue = site / "katalog.ttl"
    if not catalogue.is_file():
        print(f"dcat: {catalogue} fehlt")
        return 1
    shapes = Graph()
    for name in PROFILE:
        shapes.parse(SHAPES_DIR / name)
    data = Graph()
    data.parse(catalogue, format="turtle")
    excerpt = Graph()
    excerpt.parse(EXCERPT, format="turtle")
    schemes = Counter(str(s) for s in excerpt.objects(None, URIRef("http://www.w3.org/2004/02/skos/core#inScheme")))
    for imported in sorted(str(o) for o in shapes.objects(None, OWL.imports)):
        mirror = mirror_for(imported)
        if mirror is not None:
            data.parse(mirror)
            print(f"dcat: geladen aus mirror/: {imported}")
            continue
        scheme = SCHEME_OF.get(imported, imported)
        if scheme in schemes:
            print(f"dcat: nicht geladen (entfernt, kein Netz): {imported} – statt dessen {schemes[scheme]} Begriffe daraus aus {EXCERPT.name}")
        else:
            print(f"dcat: nicht geladen (entfernt, kein Netz): {imported} – ohne Ersatz (ein Wert aus diesem Vokabular wäre ein Verstoß)")
    data += excerpt

    conforms, report, _ = validate(data, shacl_graph=shapes, inference="rdfs", advanced=True, allow_warnings=True)
    results = Counter()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        severity = str(report.value(result, SH.resultSeverity)).rsplit("#", 1)[-1]
        message = str(report.value(result, SH.resultMessage))
        focus = str(report.value(result, SH.focusNode))
        results[(severity, message)] += 1
        if severity == "Violation":
            print(f"dcat: VERSTOSS {focus}: {message}")
    violations = sum(n for (severity, _), n in results.items() if severity == "Violation")
    for (severity, message), n in sorted(results.items()):
        if severity != "Violation":
            print(f"dcat: {severity} ({n}×): {message}")

    datasets = set(data.subjects(RDF.type, DCAT.Dataset))
    distributions = set(data.subjects(RDF.type, DCAT.Distribution))
    problems = []
    checks = 1 + 1 + len(datasets) + 2 * len(distributions)
    if not any(data.subjects(RDF.type, DCAT.Catalog)):
        problems.append("kein dcat:Catalog")
    for dataset in datasets:
        if not any(data.objects(dataset, DCAT.distribution)):
            problems.append(f"{dataset} ohne dcat:distribution")
    page = (site / "offene-daten.html").read_text(encoding="utf-8")
    for distribution in distributions:
        url = str(data.value(distribution, DCAT.downloadURL) or "")
        relative = url.split("/", 3)[-1] if url.count("/") >= 3 else url
        if not (site / relative).is_file():
            problems.append(f"{url}: Datei fehlt in {site}")
        if f'href="{relative}"' not in page:
            problems.append(f"{url}: nicht auf offene-daten.html verlinkt")
    for problem in problems:
        print(f"dcat: FEHLER {problem}")
    print(f"dcat: {len(datasets)} Datensätze, {len(distributions)} Distributionen, {violations} Verstöße, "
          f"{sum(results.values()) - violations} Warnungen; pySHACL: {'konform' if conforms else 'nicht konform'}")
    failed = len(problems) + (0 if conforms and violations == 0 else 1)
    print(f"dcat: {checks - failed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
