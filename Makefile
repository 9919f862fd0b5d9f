# The single entry point: `make run` serves the portal, `make test` runs every check CI runs.
# Both work on a fresh Debian 12 machine (as root, or with sudo for the system packages).

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# The first Python 3.11+ interpreter found; override with `make PYTHON=/path/to/python3.x`.
PYTHON ?= $(shell for p in python3.11 python3; do \
	command -v $$p >/dev/null && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' && { echo $$p; break; }; \
	done)

# Debian's Chromium drives the browser tests (Playwright never downloads a browser here).
CHROMIUM_PATH ?= /usr/bin/chromium
SYSTEM_PACKAGES := chromium fonts-liberation postgresql
# Workers for pytest-xdist; `make test PYTEST_WORKERS=0` runs in one process.
PYTEST_WORKERS ?= 2
PYTEST_ARGS ?=

export PIP_DISABLE_PIP_VERSION_CHECK := 1
export CHROMIUM_PATH
# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to run
# inside one unless told that this is intended.
export DJANGO_ALLOW_ASYNC_UNSAFE := true
# Never fetch Playwright's own browsers, even if someone runs `playwright install` by habit.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

# pytest-timeout fails a hung test; this bound stops a hung run as a whole (CI has its own limit).
PYTEST := timeout --kill-after=30 1800 $(PY) -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

.PHONY: help install system-deps run lint format check-migrations test test-sqlite test-postgres map clean

help:
	@echo "make run     install, migrate and serve on http://127.0.0.1:8000/ (DEBUG on, SQLite)"
	@echo "make test    lint, check migrations, tests on SQLite (with browser) and on PostgreSQL"
	@echo "make lint    ruff check and ruff format --check"
	@echo "make format  ruff format and ruff check --fix"
	@echo "make install create $(VENV) and install the project with its test extra"
	@echo "make map     regenerate programmes/caribbean_map.json from Natural Earth (npm, then Python)"
	@echo "make clean   remove caches and generated files (keeps $(VENV) and db.sqlite3)"

# Environment ----------------------------------------------------------------------------

install: $(STAMP)

$(PY):
	@test -n "$(PYTHON)" || { echo "Python 3.11 or newer is needed (python3.11 or python3)." >&2; exit 1; }
	@# Debian ships venv's pip bootstrap in a separate package.
	@$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || scripts/apt-install.sh python3-venv
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); exit 1; }

# Reinstalls only when pyproject.toml changes (or the environment was created anew).
$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --progress-bar off -e '.[test]'
	touch $@

# Chromium and the PostgreSQL server, each only when it is missing.
system-deps:
	@scripts/apt-install.sh $(SYSTEM_PACKAGES)

# Serving --------------------------------------------------------------------------------

run: install
	DJANGO_DEBUG=true $(PY) manage.py migrate --noinput
	DJANGO_DEBUG=true $(PY) manage.py runserver 127.0.0.1:8000

# Checks ---------------------------------------------------------------------------------

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# An in-memory database: the check reads no data and must not create db.sqlite3.
check-migrations: install
	DATABASE_URL=sqlite://:memory: DJANGO_DEBUG=true $(PY) manage.py makemigrations --check --dry-run

# Runs every step even when one fails, so one CI run reports every problem; fails if any did.
test: install system-deps
	@failed=(); \
	for step in lint check-migrations test-sqlite test-postgres; do \
		echo "==> $$step"; \
		$(MAKE) --no-print-directory $$step || failed+=("$$step"); \
	done; \
	if [ $${#failed[@]} -gt 0 ]; then echo "==> FAILED: $${failed[*]}" >&2; exit 1; fi; \
	echo "==> all checks passed"

# SQLite, the default database, with the browser tests.
test-sqlite: install
	DATABASE_URL=sqlite:///$(CURDIR)/db.sqlite3 $(PYTEST)

# PostgreSQL, on a throwaway cluster started for this run and removed afterwards.
test-postgres: install
	scripts/with-postgres.sh $(PYTEST) -m "not browser"

# Data -----------------------------------------------------------------------------------

# The map's geometry: Natural Earth from the npm package world-atlas (the version the lock file
# pins), converted by a Python script. Needs npm and the registry; neither `run` nor `test` does.
map: | $(PY)
	cd scripts && npm ci --no-audit --no-fund
	$(PY) scripts/build_caribbean_map.py

# Housekeeping ---------------------------------------------------------------------------

clean:
	rm -rf staticfiles .pytest_cache .ruff_cache test-artifacts build *.egg-info
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
