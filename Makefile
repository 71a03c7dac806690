# The two commands of the quick start: `make site` and `make test`.
SWIFT ?= swift
KIM := .build/debug/kim

.PHONY: site test build deps test-deps swift-test schema-test seed-test oparl-test dcat-test calendar-test opendata-hostile-test pdf search browser-test reader-test werkbank-test screenshots clean bench

site: deps build
	$(KIM) build
	@scripts/search-index.sh site

build:
	$(SWIFT) build --product kim

deps:
	@scripts/install-deps.sh build

test-deps:
	@scripts/install-deps.sh test

test: test-deps build swift-test schema-test seed-test oparl-test dcat-test calendar-test opendata-hostile-test pdf search browser-test reader-test werkbank-test

swift-test:
	$(SWIFT) test

schema-test:
	python3 Tests/schemas/validate_reference.py
	python3 Tests/schemas/corpus_agreement.py

# Every sentence of the seed's running text on the site's chapter pages.
seed-test:
	python3 Tests/seed/compare_seed.py site

# site/katalog.ttl against the DCAT-AP.de 3.0 shapes in ../shared/dcat-ap-de-shacl/ with pySHACL;
# says which remote vocabularies it could not load and what stands in for them.
dcat-test:
	python3 Tests/opendata/validate_dcat.py site

# site/sitzungen.ics: RFC 5545 form, parsed by Python icalendar against data/sitzungen/,
# imported and listed by the calendar client khal.
calendar-test:
	python3 Tests/opendata/check_calendar.py site

# A copy of the project with Turtle/iCalendar/CSV syntax in every free text: rdflib, icalendar
# and csv read every value back exactly; the catalogue still has no SHACL violation.
opendata-hostile-test: build
	python3 Tests/opendata/roundtrip_hostile.py $(KIM)

# The Handlungskonzept PDF into site/downloads/ (not in git), so the browser checks find what the site links to.
pdf: build
	$(KIM) pdf

# The full-text search index (Pagefind, PyPI pagefind-bin) into site/pagefind/ (not in git, like the PDF):
# built after kim build from the finished pages, so kim's own output stays byte-identical and tool-free.
search:
	@scripts/search-index.sh site

# Every object of site/oparl/ against the OParl 1.1 schemas in ../shared/oparl-1.1-schema/.
oparl-test:
	python3 Tests/oparl/validate_oparl.py site

# The committed site/ in headless Chromium: axe-core (WCAG 2.1 A/AA), vnu, links,
# privacy (no other host), keyboard. Prints "browser: N passed, M failed".
browser-test: test-deps
	python3 Tests/browser/check_site.py site

# The reader's questions on a phone: latest Beschluss in two taps, city-wide Angebote on every
# Sozialraum page, key columns, timeline, search, right-to-left Arabic; each Sozialraum page at most
# 7,200 px with a tel:/mailto: contact at its top and "Angaben folgen" at most once, no German word in
# the frame of the Arabic and Turkish pages, a Turkish search finding the Turkish page, no timeline label
# cut, a Sitzung heading naming its Gremium. Prints "reader: N passed, M failed".
reader-test: test-deps
	python3 Tests/browser/check_reader.py site

# The KI's everyday work through `kim serve`'s workbench, browser only, on copies of the reference
# and of beispiele/kreis-lindenau: new Sitzung with Beschluss, Aufgabe and non-public TOP, contact,
# Meilenstein done, chapter sentence, impossible date (422), stale form (409), publish; axe and vnu
# on every workbench page. Prints "werkbank: N passed, M failed".
werkbank-test: test-deps build
	python3 Tests/browser/check_werkbank.py $(KIM)

# Full-page PNGs of the key pages at 390 and 1280 px, for review.
screenshots: test-deps
	python3 Tests/browser/screenshots.py site build/screenshots

clean:
	rm -rf .build build

# kim against Hugo at reference and state scale (54 municipalities × 10 years), serve
# rebuild times, peak memory; writes bench/results/ and the results in BENCHMARKS.md (< 15 min).
bench:
	bench/run.sh

# libFuzzer over the loader and over Markdown rendering (Fuzz/, scripts/fuzz.sh),
# FUZZ_SECONDS per target; seeds in Fuzz/corpus/<target>/, findings in .build/fuzz/artefakte/.
FUZZ_SECONDS ?= 60
.PHONY: fuzz
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh

# Mutation check (scripts/mutation.sh): every patch in Tests/Mutanten/ must make its named test
# suites fail. Not part of `make test`: each mutant is a rebuild. MUTANTEN="a b" for some only.
MUTANTEN ?=
.PHONY: mutation
mutation: build
	scripts/mutation.sh $(MUTANTEN)
