# cvsite: `make build` sets up a virtual environment and builds the site; `make test` runs the tests.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: build test lint clean system-deps install constraints messages templates

# Dependencies are installed at the versions pinned in constraints.txt (the deploy uses the same).
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --constraint constraints.txt -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# After adding or upgrading a dependency: install it into .venv, then pin what is installed.
constraints:
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	{ echo "# Pinned versions of every dependency (runtime and test); 'make constraints' regenerates."; \
	  $(BIN)/python -m pip list --format=freeze --exclude-editable \
	    --exclude pip --exclude setuptools --exclude wheel; } > constraints.txt
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/cvsite build

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

# After changing a label in the templates: refresh every catalog, then translate what is new
# (empty msgstr) in src/cvsite/locale/*/LC_MESSAGES/cvsite.po.
messages: $(STAMP)
	$(BIN)/pybabel -q extract -F babel.cfg --no-location --sort-output \
	  -o src/cvsite/locale/cvsite.pot .
	$(BIN)/pybabel -q update --no-fuzzy-matching --ignore-obsolete -D cvsite \
	  -i src/cvsite/locale/cvsite.pot -d src/cvsite/locale

# After editing a theme template: ship it compiled (src/cvsite/speed/theme.json; a test checks it).
templates: $(STAMP)
	$(BIN)/python -c 'from cvsite.speed.templates import write_shipped; write_shipped()'

# Debian/Ubuntu packages: Pango for WeasyPrint; Chromium, a JRE and poppler for the browser and PDF tests;
# shellcheck for actionlint's checks of the workflows' scripts; faketime and locales for the
# reproducibility test (a clock jump, a German locale).
system-deps:
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	  python3-venv libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
	  poppler-utils chromium default-jre-headless shellcheck faketime locales

clean:
	rm -rf _site .cvsite-cache
