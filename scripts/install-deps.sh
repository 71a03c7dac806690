#!/usr/bin/env bash
# Installs what kim needs on Debian, only what is missing.
#   scripts/install-deps.sh build   libcmark (to compile kim)
#   scripts/install-deps.sh test    + the checkers the tests run (Python jsonschema)
set -euo pipefail
what="${1:-build}"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "Bitte als root ausführen oder sudo installieren: $*" >&2; exit 1; fi
}

apt_packages=()
pkg-config --exists libcmark 2>/dev/null || apt_packages+=(libcmark-dev)
command -v pkg-config >/dev/null || apt_packages+=(pkg-config)

if [ "$what" = "test" ]; then
  command -v python3 >/dev/null || apt_packages+=(python3 python3-pip)
fi

if [ ${#apt_packages[@]} -gt 0 ]; then
  echo "Installiere: ${apt_packages[*]}" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_packages[@]}" >/dev/null
fi

if [ "$what" = "test" ]; then
  python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install --quiet 'jsonschema>=4.18'
fi
