#!/usr/bin/env bash
# Mutation check (issue 28.8): each patch in Tests/Mutanten/ plants one realistic bug. The script
# applies it to the working tree (git apply), builds, runs the test suites the patch names on its
# line "Tests: A|B" (swift test --filter), and takes the patch off again (git apply -R), also when
# interrupted. A mutant that builds and passes its suites survived: the script then fails.
#   scripts/mutation.sh                      all patches
#   scripts/mutation.sh status-ende druck-file   only these (names without .patch)
# Not part of `make test`: every mutant is a rebuild (make mutation).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! git diff --quiet -- Sources; then
  echo "Sources/ hat uncommittete Änderungen; die Mutanten brauchen einen sauberen Stand." >&2
  exit 2
fi

patches=()
if [ "$#" -gt 0 ]; then
  for name in "$@"; do patches+=("Tests/Mutanten/${name%.patch}.patch"); done
else
  patches=(Tests/Mutanten/*.patch)
fi

aktuell=""
aufraeumen() { if [ -n "$aktuell" ]; then git apply -R "$aktuell" || true; aktuell=""; fi; }
trap aufraeumen EXIT
# Interrupted: the patch comes off and the run ends; a test killed this way counts for nothing.
trap 'aufraeumen; echo "abgebrochen" >&2; exit 130' INT TERM

swift build --build-tests >/dev/null
getoetet=0
ueberlebt=()
for patch in "${patches[@]}"; do
  filter=$(sed -n 's/^Tests: //p' "$patch" | head -n 1)
  if [ -z "$filter" ]; then echo "$patch: keine Zeile »Tests: …«" >&2; exit 2; fi
  git apply "$patch"
  aktuell="$patch"
  start=$(date +%s)
  if ! swift build --build-tests >/tmp/kim-mutant-build.log 2>&1; then
    echo "$patch: baut nicht (ein Mutant muss bauen)" >&2
    git apply -R "$patch"; aktuell=""
    exit 2
  fi
  if swift test --skip-build --filter "$filter" >/tmp/kim-mutant-test.log 2>&1; then
    ueberlebt+=("$patch")
    echo "ÜBERLEBT  $patch ($filter, $(( $(date +%s) - start )) s)"
  else
    getoetet=$((getoetet + 1))
    echo "getötet   $patch ($filter, $(( $(date +%s) - start )) s)"
  fi
  git apply -R "$patch"
  aktuell=""
done
swift build --build-tests >/dev/null

echo "${getoetet} von ${#patches[@]} Mutanten getötet."
if [ "${#ueberlebt[@]}" -gt 0 ]; then
  printf 'überlebt: %s\n' "${ueberlebt[@]}" >&2
  exit 1
fi
