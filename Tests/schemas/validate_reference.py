#!/usr/bin/env python3
"""Checks the JSON Schemas in schemas/ and the reference data in data/ with an
independent validator (python-jsonschema, draft 2020-12).

    python3 Tests/schemas/validate_reference.py [PROJEKT]

PROJEKT defaults to the repository root. Data files and their schemas:
  data/<name>.json              -> schemas/<name>.schema.json
  data/sitzungen/*.json         -> schemas/sitzung.schema.json (one file per Sitzung)
  data/fassungen/<N>/<name>.json -> schemas/<name>.schema.json (data as of Fassung N)
Each data file's "$schema" should be the relative path to its schema. Each schema is
  * checked against the draft 2020-12 meta-schema (check_schema),
  * linted for the conventions kim relies on: only the keywords kim's own
    validator (Sources/KimLoad/SchemaValidator.swift) understands, every object
    closed with "additionalProperties": false, every property with a German
    title and description, every "pattern" with an "x-kim-muster", and only
    local "$ref"s to "#/$defs/…" that resolve and do not point at another $ref.
Every data file is then validated with format checking switched on.
Prints one line per file; exits 1 if anything failed.
"""
import json
import sys
from pathlib import Path

from jsonschema import Draft202012Validator

# Keywords Sources/KimLoad/SchemaValidator.swift evaluates, plus annotations.
VALIDATION_KEYWORDS = {
    "$ref", "$defs", "type", "properties", "required", "additionalProperties", "items",
    "enum", "minimum", "maximum", "minLength", "maxLength", "pattern", "format", "minItems",
}
ANNOTATIONS = {"title", "description", "$schema", "$id", "x-kim-muster", "x-kim-hinweis-unbekannt",
               # The workbench makes a select of the ids of that list (Sources/KimWerkbank/Verweisziel.swift).
               "x-kim-verweis",
               # false: the field never reaches the open data (Tests/KimTests/ExportfelderTests.swift).
               "x-kim-oeffentlich",
               # What a column of the open data means, on the Offene-Daten page (Sources/KimRender/Exportplan.swift).
               "x-kim-bedeutung"}
ALLOWED = VALIDATION_KEYWORDS | ANNOTATIONS
DIALECT = "https://json-schema.org/draft/2020-12/schema"



BUILT_IN_SCHEMAS = Path(__file__).resolve().parents[2] / "Sources" / "KimVorgaben" / "Vorgaben" / "schemas"


def schema_dir(root):
    """The project's own schemas/ where it has one (it overrides), else kim's built-in schemas."""
    own = root / "schemas"
    return own if own.is_dir() else BUILT_IN_SCHEMAS

def lint(schema, name):
    """Conventions the meta-schema cannot express. Returns a list of problems."""
    problems = []
    if schema.get("$schema") != DIALECT:
        problems.append(f'"$schema" muss "{DIALECT}" sein')
    expected_id = f"https://kim.nrw/schemas/{name}.schema.json"
    if schema.get("$id") != expected_id:
        problems.append(f'"$id" muss "{expected_id}" sein')
    defs = schema.get("$defs", {})

    def walk(node, pointer, is_property):
        if not isinstance(node, dict):
            problems.append(f"{pointer}: Schema ist kein Objekt")
            return
        for key in node:
            if key not in ALLOWED:
                problems.append(f"{pointer}: Schlüsselwort {key!r} versteht kims Validator nicht")
        if is_property:
            for annotation in ("title", "description"):
                if not isinstance(node.get(annotation), str) or not node[annotation].strip():
                    problems.append(f"{pointer}: {annotation} fehlt")
        if "pattern" in node and "x-kim-muster" not in node:
            problems.append(f"{pointer}: pattern ohne x-kim-muster")
        if "format" in node and node["format"] != "date":
            problems.append(f"{pointer}: nur format \"date\" wird unterstützt")
        if "additionalProperties" in node and node["additionalProperties"] is not False:
            problems.append(f"{pointer}: additionalProperties darf nur false sein")
        if "$ref" in node:
            ref = node["$ref"]
            target = ref[len("#/$defs/"):] if isinstance(ref, str) and ref.startswith("#/$defs/") else None
            if target is None or "/" in target or target not in defs:
                problems.append(f"{pointer}: $ref {ref!r} zeigt nicht auf einen Eintrag in $defs")
            elif "$ref" in defs[target]:
                problems.append(f"{pointer}: $ref {ref!r} zeigt auf einen weiteren $ref (kim löst nur einmal auf)")
        types = node.get("type")
        types = [types] if isinstance(types, str) else (types or [])
        if "object" in types or "properties" in node:
            if node.get("additionalProperties") is not False:
                problems.append(f'{pointer}: Objekt ohne "additionalProperties": false')
            properties = node.get("properties", {})
            for required in node.get("required", []):
                if required not in properties:
                    problems.append(f"{pointer}: Pflichtfeld {required!r} ist nicht unter properties beschrieben")
            for key, sub in properties.items():
                walk(sub, f"{pointer}/properties/{key}", True)
        if "items" in node:
            walk(node["items"], f"{pointer}/items", False)
        for key, sub in node.get("$defs", {}).items():
            walk(sub, f"{pointer}/$defs/{key}", False)

    walk(schema, "#", False)
    for annotation in ("title", "description"):
        if not schema.get(annotation):
            problems.append(f"#: {annotation} fehlt")
    return problems


def first_line(error, limit=300):
    text = (str(error).splitlines() or [type(error).__name__])[0]
    return text if len(text) <= limit else text[:limit] + " …"


def where(error):
    return "/" + "/".join(str(part) for part in error.absolute_path)


def data_files_with_schemas(root):
    """Every data file with the name of its schema, in a stable order."""
    data = root / "data"
    files = [(path, path.stem) for path in sorted(data.glob("*.json"))]
    files += [(path, "sitzung") for path in sorted((data / "sitzungen").glob("*.json"))]
    files += [(path, path.stem) for path in sorted((data / "fassungen").glob("*/*.json"))]
    return files


def main():
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2]
    data_files = data_files_with_schemas(root)
    schema_files = sorted((schema_dir(root)).glob("*.schema.json"))
    failed = False
    if not data_files:
        print(f"FEHLER  keine Datendateien unter {root / 'data'}")
        return 1

    for schema_path in schema_files:
        name = schema_path.name[: -len(".schema.json")]
        label = schema_path.relative_to(root)
        try:
            schema = json.loads(schema_path.read_text(encoding="utf-8"))
            Draft202012Validator.check_schema(schema)
        except Exception as error:  # JSON syntax or meta-schema violation
            failed = True
            print(f"FEHLER  {label}: {first_line(error)}")
            continue
        problems = lint(schema, name)
        if problems:
            failed = True
            print(f"FEHLER  {label}: {len(problems)} Verstoß/Verstöße gegen die kim-Konventionen")
            for problem in problems:
                print(f"          {problem}")
        else:
            print(f"ok      {label}")

    for data_path, name in data_files:
        label = data_path.relative_to(root)
        schema_path = schema_dir(root) / f"{name}.schema.json"
        if not schema_path.exists():
            failed = True
            print(f"FEHLER  {label}: kein Schema {schema_path.relative_to(root)}")
            continue
        try:
            schema = json.loads(schema_path.read_text(encoding="utf-8"))
            document = json.loads(data_path.read_text(encoding="utf-8-sig"))
            validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
            errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
        except Exception as error:
            failed = True
            print(f"FEHLER  {label}: {first_line(error)}")
            continue
        reference = document.get("$schema") if isinstance(document, dict) else None
        note = ""
        depth = len(data_path.relative_to(root).parts) - 1
        if reference != "../" * depth + f"schemas/{name}.schema.json":
            note = f'  (Warnung: "$schema" ist {reference!r})'
        if errors:
            failed = True
            print(f"FEHLER  {label} gegen {schema_path.relative_to(root)}: {len(errors)} Fehler{note}")
            for error in errors:
                print(f"          {where(error)}: {error.message}")
        else:
            print(f"ok      {label} gegen {schema_path.relative_to(root)}{note}")

    return 1 if failed else 0


if __name__ == "__main__":
    import contextlib, io
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        code = main()
    output = buffer.getvalue()
    print(output, end="")
    passed = sum(1 for line in output.splitlines() if line.startswith("ok "))
    failed = sum(1 for line in output.splitlines() if line.startswith("FEHLER"))
    print(f"schemas: {passed} passed, {failed} failed")
    sys.exit(code)
