#!/usr/bin/env bash
# Profile before optimising: callgrind (instruction counts, reproducible) of a cold
# `kim build` of a mid-size synthetic project, summarised by stage and cost centre.
#   bench/profile.sh [KOMMUNEN JAHRE]      default 6 2 (callgrind is ~50× slower: ~4 min)
# Writes bench/results/profile-NxY.md (and the raw callgrind.out under /tmp/kim-profile/).
# Not part of `make bench` (time budget); run it by hand after changes to the hot paths.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-6}"; y="${2:-2}"
work=/tmp/kim-profile
mkdir -p "$work" bench/results
command -v valgrind >/dev/null || { [ "$(id -u)" -eq 0 ] && apt-get install -y -qq valgrind >/dev/null; }
swift build -c release --product kim
# Valgrind 3.19 (Debian 12) cannot read the DWARF that Swift 6 writes ("Possibly corrupted
# debuginfo file"); without .debug_* sections it still has every function name from .symtab.
objcopy --strip-debug .build/release/kim "$work/kim"
python3 bench/generate.py --kommunen "$n" --jahre "$y" --out "$work/projekt-${n}x${y}" >/dev/null
flags=""; "$work/kim" build --help | grep -q -- --no-pdf && flags="--no-pdf"
rm -rf "$work/projekt-${n}x${y}/site"
valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" \
  "$work/kim" build $flags --project "$work/projekt-${n}x${y}" 2> "$work/valgrind.log"
{
  echo "# callgrind profile: kim build $flags, synthetic ${n} × ${y} ($(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD))"
  echo
  grep -E '^\[[0-9]+/[0-9]+\]' "$work/valgrind.log" | sed 's/^/    /' || true
  echo
  python3 bench/callgrind_summary.py "$work/callgrind.out"
} > "bench/results/profile-${n}x${y}.md"
echo "bench/results/profile-${n}x${y}.md"
