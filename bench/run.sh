#!/usr/bin/env bash
# `make bench`: installs what the benchmark needs (Debian's hugo and hyperfine, GNU time, libcurl's headers),
# builds kim in release mode and runs bench/bench.py, which measures kim against Hugo and
# writes bench/results/latest.{json,md} and the results section of BENCHMARKS.md.
# Extra arguments go to bench/bench.py (e.g. --sizes 2x2,4x2,6x2 for a quick try).
set -euo pipefail
cd "$(dirname "$0")/.."

als_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
fehlend=()
command -v hugo >/dev/null 2>&1 || fehlend+=(hugo)
command -v hyperfine >/dev/null 2>&1 || fehlend+=(hyperfine)
[ -x /usr/bin/time ] || fehlend+=(time)
# The static Foundation of the Swift toolchain links against libcurl (see the release build below).
pkg-config --exists libcurl 2>/dev/null || fehlend+=(libcurl4-openssl-dev)
if [ ${#fehlend[@]} -gt 0 ]; then
  echo "bench: installing ${fehlend[*]} (Debian)"
  als_root apt-get update -qq
  als_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${fehlend[@]}" >/dev/null
fi
command -v python3 >/dev/null 2>&1 || { echo "bench: python3 fehlt" >&2; exit 1; }

# Release build of kim (the build directory is shared; SwiftPM waits while another build holds it).
# One self-contained binary, as kim would be handed to a KI (and as Hugo is one): the Swift runtime and
# Foundation linked in, so starting kim resolves no Swift library symbols (14 ms of the reference's ~100 ms).
scripts/install-deps.sh build
swift build -c release --product kim --static-swift-stdlib

exec python3 bench/bench.py --kim .build/release/kim "$@"
