#!/usr/bin/env python3
"""Validates every object of the OParl export (site/oparl/) against the OParl 1.1
JSON Schemas in ../shared/oparl-1.1-schema/ (draft-07), objects inside list files
included, and checks what the specification adds: created and modified on every
object, oparlVersion on System, ids under the export's base URL that resolve to a file.

    python3 Tests/oparl/validate_oparl.py [SITE] [SCHEMA_FOLDER]
"""
import json
import sys
from pathlib import Path

from jsonschema import Draft7Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

root = Path(__file__).resolve().parents[2]
site = Path(sys.argv[1]) if len(sys.argv) > 1 else root / "site"
schemas = Path(sys.argv[2]) if len(sys.argv) > 2 else root.parent / "shared" / "oparl-1.1-schema"
if not schemas.is_dir():
    schemas = Path("/work/shared/oparl-1.1-schema")

registry = Registry()
loaded = {}
for path in sorted(schemas.glob("*.json")):
    schema = json.loads(path.read_text(encoding="utf-8"))
    loaded[path.stem] = schema
    resource = Resource.from_contents(schema, default_specification=DRAFT7)
    registry = registry.with_resource(path.name, resource)
    if "$id" in schema:
        # refs like "Location.json" resolve against the schema's own $id
        registry = registry.with_resource(schema["$id"].rsplit("/", 1)[0] + "/" + path.name, resource)

format_checker = Draft7Validator.FORMAT_CHECKER


def validator(kind):
    return Draft7Validator(loaded[kind], registry=registry, format_checker=format_checker)


passed = failed = 0
base = None
objects = []
oparl = site / "oparl"
for path in sorted(oparl.rglob("*.json")):
    document = json.loads(path.read_text(encoding="utf-8"))
    if "data" in document and "pagination" in document:
        for key in ("data", "pagination", "links"):
            if key not in document:
                print(f"FEHLER  {path}: Liste ohne {key}")
                failed += 1
        objects += [(path, item) for item in document["data"]]
    else:
        objects.append((path, document))

for path, obj in objects:
    kind = obj.get("type", "").rsplit("/", 1)[-1]
    problems = []
    if kind not in loaded:
        problems.append(f"unbekannter Typ {obj.get('type')!r}")
    else:
        problems += [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(kind).iter_errors(obj)]
    for key in ("created", "modified"):
        if key not in obj:
            problems.append(f"{key} fehlt")
    if kind == "System" and obj.get("oparlVersion") != "https://schema.oparl.org/1.1/":
        problems.append("oparlVersion muss https://schema.oparl.org/1.1/ sein")
    if kind == "System":
        base = obj["id"].rsplit("/", 1)[0] + "/"
    for embedded_key in ("location",):
        if isinstance(obj.get(embedded_key), dict) and "created" not in obj[embedded_key]:
            problems.append(f"eingebettetes {embedded_key} ohne created")
    for item in obj.get("agendaItem", []) if isinstance(obj.get("agendaItem"), list) else []:
        if item.get("public") is not True:
            problems.append(f"nicht öffentlicher Tagesordnungspunkt {item.get('id')}")
    if problems:
        failed += 1
        print(f"FEHLER  {path.relative_to(site)} {obj.get('id')}:")
        for problem in problems:
            print(f"          {problem}")
    else:
        passed += 1

if base is None:
    print("FEHLER  kein System-Objekt gefunden")
    failed += 1
else:
    for path, obj in objects:
        identifier = obj.get("id", "")
        if not identifier.startswith(base) or not (oparl / identifier[len(base):]).is_file():
            print(f"FEHLER  {path.relative_to(site)}: id {identifier} zeigt auf keine Datei des Exports")
            failed += 1

print(f"oparl: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
