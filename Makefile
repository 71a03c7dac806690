# The two commands of the quick start: `make site` and `make test`.
SWIFT ?= swift
KIM := .build/debug/kim

.PHONY: site test build deps test-deps swift-test schema-test clean

site: deps build
	$(KIM) build

build:
	$(SWIFT) build --product kim

deps:
	@scripts/install-deps.sh build

test-deps:
	@scripts/install-deps.sh test

test: test-deps build swift-test schema-test

swift-test:
	$(SWIFT) test

schema-test:
	python3 Tests/schemas/validate_reference.py

clean:
	rm -rf .build build
