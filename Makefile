# The single entry point: `make run` serves the portal, `make test` runs every check CI runs.
# Both work on a fresh Debian 12 machine (as root, or with sudo for the system packages).

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Debian's own python3.11 where the machine has it, else the first Python 3.11+ on PATH; override
# with `make PYTHON=/path/to/python3.x`. Debian builds its interpreter with profile-guided and
# link-time optimisation, which an interpreter built from source leaves out unless asked (pyenv's
# default): the same tests take about 15 % less CPU time on Debian's (README, "Two commands").
PYTHON ?= $(shell for p in /usr/bin/python3.11 python3.11 python3; do \
	command -v $$p >/dev/null && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' && { echo $$p; break; }; \
	done)

# Debian's Chromium drives the browser tests (Playwright never downloads a browser here);
# redis-server is the shared cache of tests/test_several_servers.py's two app servers.
CHROMIUM_PATH ?= /usr/bin/chromium
SYSTEM_PACKAGES := chromium fonts-liberation postgresql redis-server
# Workers for pytest-xdist; `make test PYTEST_WORKERS=0` runs in one process.
PYTEST_WORKERS ?= 2
PYTEST_ARGS ?=
# Where `make serve` listens (host:port, or unix:/path/to/socket).
SERVE_ADDR ?= 127.0.0.1:8000
# DEBUG off even when .env turns it on for `manage.py runserver`; the settings derive the rest from it.
SERVE_ENV = DJANGO_DEBUG=false

export PIP_DISABLE_PIP_VERSION_CHECK := 1
# Python keeps each module's bytecode the first time a process imports it, as it does by default,
# even where the shell says otherwise: the test processes and the servers they start then compile
# what they import once between them (a few CPU-seconds), not each again, and only what is used.
unexport PYTHONDONTWRITEBYTECODE
export CHROMIUM_PATH
# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to run
# inside one unless told that this is intended.
export DJANGO_ALLOW_ASYNC_UNSAFE := true
# Never fetch Playwright's own browsers, even if someone runs `playwright install` by habit.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

# pytest-timeout fails a hung test; this bound stops a hung run as a whole (CI has its own limit).
# worksteal gives each worker half the tests in file order (a module's fixtures are built once) and
# moves tests to whichever worker runs out first, so neither finishes long after the other.
PYTEST := timeout --kill-after=30 1800 $(PY) -m pytest -n $(PYTEST_WORKERS) --dist worksteal $(PYTEST_ARGS)
PYTEST_ONE := timeout --kill-after=30 1800 $(PY) -m pytest -n 0 $(PYTEST_ARGS)

.PHONY: help install messages system-deps run serve lint format check-migrations test test-sqlite test-browser test-postgres test-volume fuzz map clean bench loadtest

help:
	@echo "make run     install, migrate and serve on http://127.0.0.1:8000/ (DEBUG on, SQLite)"
	@echo "make serve   production settings: collectstatic, migrate, gunicorn on SERVE_ADDR ($(SERVE_ADDR));"
	@echo "             needs DATABASE_URL and DJANGO_SECRET_KEY (README, Deployment)"
	@echo "make bench   throughput of each page against a bare view, 10,000 demo programmes (bench/results.md)"
	@echo "make loadtest 200 clients for 60 s, then PostgreSQL restarted under load (README, Performance)"
	@echo "make test    lint, tests on SQLite (with the migrations check), the browser tests, and on PostgreSQL"
	@echo "make test-sqlite / test-browser / test-postgres  one of make test's steps alone"
	@echo "make test-volume the phone and volume checks in Chromium with 2,000 demo programmes (not in make test)"
	@echo "make fuzz    fuzz every public URL and API operation: FUZZ_EXAMPLES per test, over 10,000 requests"
	@echo "make lint    ruff check and ruff format --check"
	@echo "make check-migrations  no model change without its migration (make test asks it in the suite)"
	@echo "make format  ruff format and ruff check --fix"
	@echo "make install create $(VENV) and install the project with its test extra"
	@echo "make messages compile the interface's translations (locale/*/LC_MESSAGES/*.po)"
	@echo "make map     regenerate programmes/caribbean_map.json from Natural Earth (npm, then Python)"
	@echo "make clean   remove caches and generated files (keeps $(VENV) and db.sqlite3)"

# Environment ----------------------------------------------------------------------------

install: $(STAMP) messages

# The interface's translations, compiled from the committed locale/*/LC_MESSAGES/*.po files
# (the .mo files are not committed), only when a .po file changed. polib compiles them, so no
# GNU gettext is needed to run or test; `manage.py makemessages` (with gettext) updates the .po files.
MO_FILES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/*.po))

messages: $(MO_FILES)

locale/%.mo: locale/%.po | $(STAMP)
	$(PY) -c 'import sys, polib; polib.pofile(sys.argv[1]).save_as_mofile(sys.argv[2])' $< $@

$(PY):
	@test -n "$(PYTHON)" || { echo "Python 3.11 or newer is needed (python3.11 or python3)." >&2; exit 1; }
	@# Debian ships venv's pip bootstrap in a separate package.
	@$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || scripts/apt-install.sh python3-venv
	@# Without pip: bootstrapping pip into it takes about 5 seconds, and uv (below) needs none.
	$(PYTHON) -m venv --without-pip $(VENV) || { rm -rf $(VENV); exit 1; }

# Reinstalls only when pyproject.toml changes (or the environment was created anew). uv, from
# PyPI into the environment itself (by the interpreter's own pip), installs the same packages
# several times faster than pip does; if uv cannot be had or fails, the environment gets a pip
# of its own, which installs them.
$(STAMP): pyproject.toml | $(PY)
	$(PYTHON) -m pip --python $(PY) install --progress-bar off --quiet uv && $(VENV)/bin/uv pip install --python $(PY) -e '.[test]' \
		|| { $(PY) -m ensurepip --upgrade && $(PY) -m pip install --progress-bar off -e '.[test]'; }
	touch $@

# Chromium, the PostgreSQL server and the Redis server, each only when it is missing.
system-deps:
	@scripts/apt-install.sh $(SYSTEM_PACKAGES)

# Serving --------------------------------------------------------------------------------

run: install
	DJANGO_DEBUG=true $(PY) manage.py migrate --noinput
	DJANGO_DEBUG=true $(PY) manage.py runserver 127.0.0.1:8000

# Production settings, as a deployment runs them: DEBUG off, and with it the settings' production
# defaults (static files hashed and compressed for whitenoise, database connections kept open),
# gunicorn as gunicorn.conf.py sets it up (GUNICORN_WORKERS, GUNICORN_THREADS, ...). Every other
# setting comes from the environment or .env, as in any deployment (README, "Deployment").
serve: install
	@for var in DATABASE_URL DJANGO_SECRET_KEY; do \
		if [ -z "$${!var:-}" ] && ! grep -qs "^$$var=." .env; then \
			echo "make serve: set $$var, in the environment or in .env (see .env.example)." >&2; exit 1; \
		fi; \
	done
	$(SERVE_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	$(SERVE_ENV) $(PY) manage.py migrate --noinput
	@# The IATI activities a deployment made stale (a new writer, an import) are written before the
	@# first visitor asks for the whole file; without the public address, at that request instead.
	@if [ -n "$${PUBLIC_BASE_URL:-}" ] || grep -qs "^PUBLIC_BASE_URL=." .env; then \
		$(SERVE_ENV) $(PY) manage.py write_iati_activities; \
	else \
		echo "make serve: PUBLIC_BASE_URL is not set, so the IATI file's first request writes its activities (README, Deployment)."; \
	fi
	$(SERVE_ENV) GUNICORN_BIND=$(SERVE_ADDR) exec $(VENV)/bin/gunicorn --config gunicorn.conf.py

# Checks ---------------------------------------------------------------------------------

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# An in-memory database: the check reads no data and must not create db.sqlite3. `make test` asks
# the same inside the suite (tests/test_migrations.py), sparing an interpreter's start.
check-migrations: install
	DATABASE_URL=sqlite://:memory: DJANGO_DEBUG=true $(PY) manage.py makemigrations --check --dry-run

# Every check CI runs: the Debian packages install beside the Python packages and the SQLite tests,
# and the three test streams share the two cores (scripts/test-streams.sh says how and why).
test:
	@MAKE="$(MAKE)" scripts/test-streams.sh

# SQLite, the default database: every test (`make test` runs the browser tests as a step of their
# own, with SQLITE_MARKS="not browser" here).
SQLITE_MARKS ?=
test-sqlite: install
	DATABASE_URL=sqlite:///$(CURDIR)/db.sqlite3 $(PYTEST) $(if $(SQLITE_MARKS),-m "$(SQLITE_MARKS)")

# The browser tests alone, on SQLite, in one process: Chromium through Playwright.
test-browser: install
	DATABASE_URL=sqlite:///$(CURDIR)/db.sqlite3 $(PYTEST_ONE) -m browser tests/browser

# PostgreSQL, on a throwaway cluster started for this run and removed afterwards: the tests marked
# both_engines, those whose outcome the database engine can change (README, "Two commands").
test-postgres: install
	scripts/with-postgres.sh $(PYTEST) -m both_engines

# The browser checks of issue 16 with 2,000 demo programmes (tests marked volume), which `make test`
# leaves out (tests/conftest.py): generating the programmes alone would take much of its budget.
test-volume: install
	DATABASE_URL=sqlite:///$(CURDIR)/db.sqlite3 $(PYTEST) -m volume tests/browser/test_volume.py

# Hypothesis and schemathesis with random input, many examples per public route and API operation
# (`make test` runs a small fixed sample of the same tests). Fails below FUZZ_MIN_REQUESTS requests.
FUZZ_EXAMPLES ?= 300
fuzz: install
	DATABASE_URL=sqlite:///$(CURDIR)/db.sqlite3 FUZZ_PROFILE=fuzz FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) \
		FUZZ_MIN_REQUESTS=$${FUZZ_MIN_REQUESTS:-10000} $(PY) -m pytest -p no:xdist -q tests/test_fuzz.py $(PYTEST_ARGS)

# Performance ----------------------------------------------------------------------------

# Both start `make serve` (production settings) on a throwaway PostgreSQL cluster filled with
# demo programmes (manage.py generate_demo_data) and drive it with wrk from a second process.
bench: install
	@scripts/apt-install.sh wrk
	scripts/with-postgres.sh $(PY) bench/run.py

loadtest: install
	@scripts/apt-install.sh wrk
	scripts/with-postgres.sh $(PY) bench/loadtest.py

# Data -----------------------------------------------------------------------------------

# The map's geometry: Natural Earth from the npm package world-atlas (the version the lock file
# pins), converted by a Python script. Needs npm and the registry; neither `run` nor `test` does.
map: | $(PY)
	cd scripts && npm ci --no-audit --no-fund
	$(PY) scripts/build_caribbean_map.py

# Housekeeping ---------------------------------------------------------------------------

clean:
	rm -rf staticfiles .pytest_cache .ruff_cache .hypothesis test-artifacts build *.egg-info
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
