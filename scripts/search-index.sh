#!/usr/bin/env bash
# Builds the site search index with Pagefind (PyPI pagefind-bin) into SITE/pagefind/.
#   scripts/search-index.sh [SITE]
# Pagefind reads the finished pages (only <main data-pagefind-body>, so copies and earlier
# Fassungen stay out) and writes a static index the search page loads from the same host.
# Its output is deterministic; it is not kept in git (see .gitignore), `make site` rebuilds it.
set -euo pipefail
site="${1:-site}"
if ! python3 -c 'import pagefind_bin' 2>/dev/null; then
  echo "Pagefind fehlt (PyPI pagefind-bin): scripts/install-deps.sh build ausführen; die Suche bleibt bis dahin aus, die Seitenliste auf suche.html funktioniert." >&2
  exit 1
fi
# kim keeps pagefind/ while the pages stay the same (and removes it with them when they change);
# the index is then made anew only when the build's list of what it wrote changed.
liste="$(dirname "$site")/build/$(basename "$site").bestandsliste"
stand="$(dirname "$site")/build/$(basename "$site").suchindex-stand"
if [ -f "$liste" ] && [ -d "$site/pagefind" ] && [ -f "$stand" ] && [ "$(sha256sum < "$liste")" = "$(cat "$stand")" ]; then
  exit 0
fi
rm -f "$stand"
rm -rf "$site/pagefind"
python3 -m pagefind_bin --site "$site" --keep-index-url --quiet
# The search page uses Pagefind's JavaScript API with its own accessible form (assets/suche.js);
# Pagefind's ready-made interfaces stay out of the site (their CSS carries data: URLs the CSP forbids).
rm -f "$site"/pagefind/pagefind-ui.* "$site"/pagefind/pagefind-component-ui.* "$site"/pagefind/pagefind-modular-ui.* \
      "$site"/pagefind/pagefind-highlight.js
if [ -f "$liste" ]; then sha256sum < "$liste" > "$stand"; fi
