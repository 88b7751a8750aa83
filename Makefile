# unionwatch: `make demo` runs it, `make test` proves it. Everything a fresh machine
# needs (beyond Python 3.11) is installed from here.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DATA_DIR ?= $(CURDIR)/data
APT_PACKAGES := chromium poppler-utils

.PHONY: install sysdeps demo test test-postgres lint bench clean

install: $(STAMP) sysdeps

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev,bench]"
	touch $(STAMP)

# Debian packages: Chromium for the browser test, poppler for PDF checks.
sysdeps:
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	command -v pdftoppm >/dev/null || missing="$$missing poppler-utils"; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO="sudo"; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

demo: install
	UNIONWATCH_DATA_DIR=$(DATA_DIR) $(BIN)/unionwatch demo --host 127.0.0.1 --port 8000

test: install
	$(BIN)/python -m pytest

# The same suite against PostgreSQL (a throwaway database on 127.0.0.1:5432).
test-postgres: install
	UNIONWATCH_DATABASE_URL=$${UNIONWATCH_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/unionwatch_ci} \
	  $(BIN)/python -m pytest --create-db

lint: $(STAMP)
	$(BIN)/ruff check src tests bench

# Extraction speed (words/s, peak RSS, vs tokenizer and spaCy NER), then ingest/search/case
# page at scale (BENCH_FULL=1 for the 10k/100k runs, which take hours on 2 cores).
bench: install
	$(BIN)/python bench/bench_extract.py
	$(BIN)/python bench/bench_scale.py

clean:
	rm -rf $(VENV) .pytest_cache build dist src/*.egg-info
