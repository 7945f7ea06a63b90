# cvsite: `make build` sets up a virtual environment and builds the site; `make test` runs the tests.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: build test lint clean system-deps

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/cvsite build

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/mypy

# Debian/Ubuntu packages: Pango for WeasyPrint; Chromium, a JRE and poppler for the browser and PDF tests.
system-deps:
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	  python3-venv libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
	  poppler-utils chromium default-jre-headless

clean:
	rm -rf _site .cvsite-cache
