# ArmsTrace: `make run` serves a demo on http://127.0.0.1:8000, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_ITEMS ?= 800
APT_PACKAGES := postgresql postgresql-contrib chromium chromium-driver gettext \
	libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core poppler-utils
TEST_OUTPUT := test-output
# axe-core (MPL-2.0) for the accessibility browser test, from npm into an ignored folder; only the tests use it
AXE_VERSION := 4.14.1
AXE := build/axe/node_modules/axe-core/axe.min.js

.PHONY: run test test-sqlite test-postgres system-deps axe bench messages clean map-data

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

run: $(STAMP)
	$(BIN)/armstrace init
	$(BIN)/armstrace demo --items $(DEMO_ITEMS) --if-empty
	$(BIN)/armstrace serve 127.0.0.1:8000

# Debian packages the tests need: PostgreSQL server, headless Chromium and its driver; Pango, HarfBuzz and DejaVu
# fonts for WeasyPrint (the PDF documents), poppler-utils (pdftoppm) to look at them.
system-deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q $$missing >/dev/null; \
	fi

axe: $(AXE)
$(AXE):
	@command -v npm >/dev/null || { SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; $$SUDO apt-get update -q >/dev/null && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q nodejs npm >/dev/null; }
	npm install --prefix build/axe --no-save --no-audit --no-fund axe-core@$(AXE_VERSION)

# The SQLite and the PostgreSQL suites run side by side, one per core; each one's output is printed when it ends.
test: $(STAMP) system-deps axe
	mkdir -p $(TEST_OUTPUT)
	$(MAKE) -j2 --output-sync=target test-sqlite test-postgres

test-sqlite: $(STAMP) $(AXE)
	@echo "== tests on SQLite (browser tests included) =="
	$(BIN)/python -m pytest

test-postgres: $(STAMP)
	@echo "== tests on PostgreSQL =="
	tools/with_postgres.sh $(BIN)/python -m pytest -m "not browser"

# Heavy benchmarks, never part of `make test`. Sizes: make bench SEARCH_N=200000 MONITORING_N=100000 IMPORT_N=200000
# WEB_N=100000 SCREENING_N=200000 (web load: WEB_USERS users for WEB_SECONDS s against `armstrace serve`; locust from the [bench] extra)
# OSINT_N=10000 (osint extract: dev-set scores beside a regex baseline, then documents/s on an OSINT_N stream)
# FUZZ_EXAMPLES=50 (API fuzzing)
SEARCH_N ?= 10000000
MONITORING_N ?= 1000000
IMPORT_N ?= 1000000
FEDERATION_N ?= 2000
WEB_N ?= 1000000
WEB_USERS ?= 50
WEB_SECONDS ?= 60
SCREENING_N ?= 1000000
OSINT_N ?= 10000
# API fuzzing (bench/api_fuzz.py): examples per operation, positive and negative, and link-following sequences
FUZZ_EXAMPLES ?= 200
FUZZ_NEGATIVE ?= 100
FUZZ_STATEFUL ?= 100
bench: $(STAMP) system-deps
	$(BIN)/pip install -q -e '.[test,bench]'
	$(BIN)/python bench/search.py --n $(SEARCH_N)
	$(BIN)/python bench/monitoring_bench.py --n $(MONITORING_N)
	tools/with_postgres.sh $(BIN)/python bench/monitoring_bench.py --n $(MONITORING_N)
	$(BIN)/python bench/import_bench.py --n $(IMPORT_N)
	tools/with_postgres.sh $(BIN)/python bench/import_bench.py --n $(IMPORT_N)
	$(BIN)/python bench/federation_bench.py --n $(FEDERATION_N)
	$(BIN)/python bench/web_load.py --n $(WEB_N) --users $(WEB_USERS) --run-time $(WEB_SECONDS)
	$(BIN)/python bench/screening_bench.py --n $(SCREENING_N)
	$(BIN)/python bench/osint_bench.py --n $(OSINT_N)
	$(BIN)/python bench/api_fuzz.py --examples $(FUZZ_EXAMPLES) --negative $(FUZZ_NEGATIVE) --stateful $(FUZZ_STATEFUL)
	tools/with_postgres.sh $(BIN)/python bench/api_fuzz.py --examples $(FUZZ_EXAMPLES) --negative $(FUZZ_NEGATIVE) \
	  --stateful $(FUZZ_STATEFUL)

# The world map's boundaries (armstrace/monitoring/data/world-110m.json, committed): Natural Earth 1:110m countries
# from the npm package world-atlas (pinned in tools/worldmap/package.json), projected by tools/make_world_map.py.
map-data: $(STAMP)
	cd tools/worldmap && npm install --no-audit --no-fund --no-package-lock
	$(BIN)/python tools/make_world_map.py tools/worldmap/node_modules/world-atlas/countries-110m.json \
	  armstrace/monitoring/data/world-110m.json

messages: $(STAMP)
	cd armstrace && ../$(BIN)/armstrace makemessages -l fr -l es --ignore '*/tests/*' && ../$(BIN)/armstrace compilemessages

clean:
	rm -rf $(VENV) var $(TEST_OUTPUT) *.egg-info build/axe
