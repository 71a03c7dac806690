#!/usr/bin/env bash
# Builds and runs the libFuzzer targets in Fuzz/ (`make fuzz`).
#
#   scripts/fuzz.sh                 build, then run every target FUZZ_SECONDS seconds (default 60)
#   scripts/fuzz.sh loader          only the loader target (or: markdown, tabellen, vorlagen)
#   scripts/fuzz.sh build           only build
#   FUZZ_SECONDS=600 scripts/fuzz.sh
#
# Targets: Fuzz/<target>/main.swift defines LLVMFuzzerTestOneInput. A SwiftPM
# executable brings its own main and cannot be linked with -sanitize=fuzzer, so
# SwiftPM builds only the library targets, instrumented, into .build/fuzz, and
# swiftc links each fuzz target against their objects.
#
# Seeds: Fuzz/corpus/<target>/ (kept in git, including every input that once
# found a bug) and the project's own data/ or templates/. New inputs go to
# .build/fuzz/corpus/<target>/; crashes, timeouts and leaks to
# .build/fuzz/artefakte/<target>/. Copy what a crash file found into
# Fuzz/corpus/<target>/ once the bug is fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
seconds="${FUZZ_SECONDS:-60}"
scratch=.build/fuzz
bin="$scratch/release"
all_targets=(loader markdown tabellen vorlagen)

mode=run
targets=()
for argument in "$@"; do
  case "$argument" in
    build) mode=build ;;
    loader|markdown|tabellen|vorlagen) targets+=("$argument") ;;
    *) echo "unbekanntes Argument: $argument (erlaubt: build, ${all_targets[*]})" >&2; exit 2 ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")

scripts/install-deps.sh build

echo "== Bibliotheken mit -sanitize=fuzzer bauen ($scratch)" >&2
swift build -c release --sanitize=fuzzer --scratch-path "$scratch" --target KimPipeline >&2

# Every library object SwiftPM built for KimPipeline and its dependencies; not the
# command line (its main), tests, plugins or build tools. For a Swift module only the objects
# of its current sources (its output-file-map.json): a file renamed since the last fuzz build
# leaves its old object behind, and linking both defines everything twice.
objects=()
while IFS= read -r object; do objects+=("$object"); done < <(python3 - "$bin" <<'PY'
import glob, json, os, sys
for ordner in sorted(glob.glob(os.path.join(sys.argv[1], '*.build'))):
    name = os.path.basename(ordner)
    if name == 'kim.build' or any(teil in name for teil in ('Tests.build', '-tool.build', 'kimPackage', 'generate_', 'ArgumentParser')):
        continue
    karte = os.path.join(ordner, 'output-file-map.json')
    if os.path.exists(karte):
        with open(karte) as datei:
            objekte = [eintrag['object'] for eintrag in json.load(datei).values() if 'object' in eintrag]
    else:
        objekte = glob.glob(os.path.join(ordner, '**', '*.o'), recursive=True)
    for objekt in sorted(objekte):
        if os.path.exists(objekt):
            print(objekt)
PY
)
modulemaps=()
while IFS= read -r map; do modulemaps+=(-Xcc "-fmodule-map-file=$map"); done < <(
  { find "$bin/" -maxdepth 2 -name module.modulemap; find Sources -name module.modulemap
    # C modules of packages, e.g. ZIPFoundation's CZlib (KimTabellen reads xlsx and ods).
    find "$scratch/checkouts/ZIPFoundation" -name module.modulemap 2>/dev/null; } | sort)

for target in "${targets[@]}"; do
  echo "== Fuzz/$target bauen" >&2
  swiftc -O -sanitize=fuzzer -parse-as-library -module-name "Fuzz_$target" \
    "Fuzz/$target/main.swift" -I "$bin/Modules" "${modulemaps[@]}" "${objects[@]}" \
    $(pkg-config --libs libcmark) -o "$bin/fuzz-$target"
done
[ "$mode" = run ] || exit 0

status=0
for target in "${targets[@]}"; do
  case "$target" in
    loader) extra_seeds=(data) ;;
    markdown) extra_seeds=(templates) ;;
    tabellen) extra_seeds=(Tests/Tabellen) ;;
    vorlagen) extra_seeds=(templates Sources/KimVorgaben/Vorgaben/templates) ;;
  esac
  work="$scratch/corpus/$target"
  artefakte="$scratch/artefakte/$target"
  mkdir -p "$work" "$artefakte"
  options=(-max_total_time="$seconds" -max_len=65536 -timeout=10 -print_final_stats=1 -artifact_prefix="$artefakte/")
  [ -f "Fuzz/$target/woerterbuch.dict" ] && options+=(-dict="Fuzz/$target/woerterbuch.dict")
  echo "== Fuzz/$target: $seconds s, Korpus Fuzz/corpus/$target + ${extra_seeds[*]}" >&2
  # SWIFT_BACKTRACE=enable=no: the Swift runtime would take the crash signal from libFuzzer, which then writes no crash file.
  if ! SWIFT_BACKTRACE=enable=no KIM_PROJEKT="$root" "$bin/fuzz-$target" "${options[@]}" "$work" "Fuzz/corpus/$target" "${extra_seeds[@]}"; then
    status=1
    echo "Fuzz/$target hat etwas gefunden: $artefakte/" >&2
    echo "nachspielen: KIM_PROJEKT=$root $bin/fuzz-$target $artefakte/<datei>" >&2
  fi
done
exit $status
