#!/usr/bin/env python3
"""Schema and kim agree on the bad-input corpus (Tests/Korpus).

    python3 Tests/schemas/corpus_agreement.py [PROJEKT]

For every corpus case that replaces a data file, the file is validated with an
independent validator (python-jsonschema, draft 2020-12, format checking on)
against the schema kim uses for it (data/NAME.json → schemas/NAME.schema.json,
data/sitzungen/*.json → sitzung, data/fassungen/N/NAME.json → NAME). Whatever
the schema rejects, kim must reject too: the case's erwartet.txt must not say
OK. kim may reject more than the schema (references, sums, duplicate keys, …);
such cases are listed as "strenger", not as failures. Files that are not
strict JSON (syntax errors, invalid UTF-8, NaN, …) are skipped: no schema can
judge them, and kim's own tests check its diagnostics for them.

Prints one line per checked file and a closing `corpus: N passed, M failed`;
exits 1 if any failed.
"""
import json
import sys
from pathlib import Path

from jsonschema import Draft202012Validator



BUILT_IN_SCHEMAS = Path(__file__).resolve().parents[2] / "Sources" / "KimVorgaben" / "Vorgaben" / "schemas"


def schema_dir(root):
    """The project's own schemas/ where it has one (it overrides), else kim's built-in schemas."""
    own = root / "schemas"
    return own if own.is_dir() else BUILT_IN_SCHEMAS

def schema_name(relative):
    """The schema kim checks a data file against, or None if kim does not read it."""
    parts = relative.split("/")
    if parts[0] != "data" or not parts[-1].endswith(".json"):
        return None
    if len(parts) == 2:
        return parts[1][: -len(".json")]
    if len(parts) == 3 and parts[1] == "sitzungen":
        return "sitzung"
    if len(parts) == 4 and parts[1] == "fassungen":
        return parts[3][: -len(".json")]
    return None


def strict_json(raw):
    """The document as kim's parser would see it (BOM allowed), or None if it is not strict JSON."""
    def no_constants(name):
        raise ValueError(f"{name} ist kein JSON")
    try:
        return True, json.loads(raw.decode("utf-8-sig"), parse_constant=no_constants)
    except (UnicodeDecodeError, ValueError, RecursionError):
        return False, None


def expects_ok(case):
    path = case / "erwartet.txt"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return any(line.strip() == "OK" for line in lines)


def main():
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2]
    corpus = root / "Tests" / "Korpus"
    cases = sorted(path for path in corpus.iterdir() if path.is_dir() and not path.name.startswith("."))
    validators = {}
    passed = failed = skipped = 0

    for case in cases:
        kim_ok = expects_ok(case)
        for file in sorted(case.rglob("*.json")):
            relative = file.relative_to(case).as_posix()
            name = schema_name(relative)
            if name is None:
                continue
            label = f"{case.name}/{relative}"
            parsed, document = strict_json(file.read_bytes())
            if not parsed:
                skipped += 1
                print(f"--      {label}: kein striktes JSON, nicht geprüft")
                continue
            schema_path = schema_dir(root) / f"{name}.schema.json"
            if not schema_path.exists():
                failed += 1
                print(f"FEHLER  {label}: kein Schema {schema_path.relative_to(root)}")
                continue
            if name not in validators:
                schema = json.loads(schema_path.read_text(encoding="utf-8"))
                validators[name] = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
            errors = list(validators[name].iter_errors(document))
            kim = "kim: OK" if kim_ok else "kim: abgelehnt"
            if errors:
                first = errors[0]
                where = "/" + "/".join(str(part) for part in first.absolute_path)
                reason = f"{where}: {first.message}"
                reason = reason if len(reason) <= 160 else reason[:160] + " …"
                if kim_ok:
                    failed += 1
                    print(f"FEHLER  {label}: das Schema lehnt ab ({reason}), kim nimmt an")
                else:
                    passed += 1
                    print(f"ok      {label}: beide lehnen ab ({reason})")
            else:
                passed += 1
                note = "beide nehmen an" if kim_ok else "strenger: das Schema nimmt an, kim lehnt ab (Prüfung über das Schema hinaus)"
                print(f"ok      {label}: {note}")

    if not cases:
        failed += 1
        print(f"FEHLER  kein Korpus unter {corpus}")
    print(f"{skipped} Dateien ohne striktes JSON übersprungen")
    print(f"corpus: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
