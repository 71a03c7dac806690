#!/usr/bin/env bash
# Makes the LibreOffice-written spreadsheets in Tests/Tabellen/ from the CSV files beside them,
# as a person would: LibreOffice reads each CSV as a German user's (semicolon, UTF-8, locale
# de-DE, so 27.143 is a number and 31.03.2021 a date) and saves it as .xlsx and .ods.
# Run once after changing a CSV there, then commit the results; the tests only read them.
#   meilensteine-export.csv     `kim export meilensteine` of the reference data (German CSV)
#   bevoelkerung-von-hand.csv   the population rows typed from scratch with the same headings
#   meilensteine-fuenf-fehler.csv  the export with five planted mistakes
# Needs LibreOffice Calc without GUI: scripts/install-deps.sh fixtures
set -euo pipefail
cd "$(dirname "$0")/../Tests/Tabellen"
command -v soffice >/dev/null || { echo "soffice fehlt: scripts/install-deps.sh fixtures" >&2; exit 1; }
profil="$(mktemp -d)"
trap 'rm -rf "$profil"' EXIT
# 59 = ';', 34 = '"', 76 = UTF-8, 1 = from line 1, 1031 = German (Germany)
filter='CSV:59,34,76,1,,1031'
for csv in meilensteine-export.csv bevoelkerung-von-hand.csv meilensteine-fuenf-fehler.csv; do
  for format in xlsx ods; do
    soffice -env:UserInstallation="file://$profil" --headless --infilter="$filter" --convert-to "$format" --outdir . "$csv" >/dev/null
  done
done
ls -l ./*.xlsx ./*.ods
