# The portal's commands. `make run` serves the site with demo content; `make test` runs the suite.
# See README.md. GNU make; recipes use tabs.

SHELL := /bin/bash
.DEFAULT_GOAL := help

# Python 3.11 for the virtual environment: python3.11 where there is one, else python3.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
REQS_STAMP := $(VENV)/.installed-requirements
DEV_REQS_STAMP := $(VENV)/.installed-requirements-dev

HOST ?= 127.0.0.1
PORT ?= 8000
# Links in emails point at the dev server (override PORTAL_BASE_URL to change).
PORTAL_BASE_URL ?= http://$(HOST):$(PORT)

# `make test` runs the whole suite but the browser tests, on SQLite (or the database DATABASE_URL
# names); `make test TEST_MARKS=` runs the browser tests too. `make test-postgres` runs on PostgreSQL
# what depends on the engine (marker `engine`) and the browser tests: CI runs the two at once
# (.ci/run). One process each by default: each pytest-xdist worker first spends ~20 s on migrations
# and the demo tree, which on a 2-core machine costs more than it saves (README, "Tests").
# `make test PYTEST_ARGS="-n 2"` runs it in two processes.
TEST_MARKS ?= not browser
PYTEST_ARGS ?=
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/portal
# Browser tests launch Debian's Chromium through Playwright.
CHROMIUM_PATH ?= /usr/bin/chromium
export CHROMIUM_PATH

MESSAGES_IGNORE := --ignore=.venv --ignore=staticfiles --ignore=media --ignore=node_modules --ignore=tests

.PHONY: messages messages-check help install install-dev run test test-postgres lint format migrations-check deploy-check clean reset-db bench two-servers drills

help:
	@echo "make run               set up .venv, migrate, seed demo content, start the worker and serve http://$(HOST):$(PORT)/"
	@echo "make test              install the dev requirements and run the whole suite but the browser tests (PYTEST_ARGS=... to pass options)"
	@echo "make test-postgres     the engine-dependent and browser tests on PostgreSQL (POSTGRES_URL=$(POSTGRES_URL))"
	@echo "make lint              ruff check and ruff format --check"
	@echo "make format            ruff format and ruff check --fix"
	@echo "make migrations-check  fail when a model change has no migration"
	@echo "make messages          extract interface strings into locale/zh_Hans and compile them"
	@echo "make messages-check    fail when a string has no Chinese translation"
	@echo "make deploy-check      manage.py check --deploy under production settings"
	@echo "make bench             load test: gunicorn + worker under locust at 50 and 200 users, then the nothing-lost checks (BENCH_ARGS=--short: CI's)"
	@echo "make two-servers       two gunicorn servers over one PostgreSQL and Redis: a change through one shows at once through the other"
	@echo "make drills            PostgreSQL gone during a registration burst, then Redis stopped: 503s or successes, never a 500"
	@echo "make clean             remove collected static files and caches (keeps the database)"
	@echo "make reset-db          delete the SQLite database and ./media (the demo comes back with make run)"

# The virtual environment, made once.
$(PY):
	@test -n "$(PYTHON)" || { echo "Python 3.11 not found: install python3.11 (Debian: sudo apt-get install python3 python3-venv)"; exit 1; }
	$(PYTHON) -m venv $(VENV)

# Requirements are installed again only when the file changed since the last install.
$(REQS_STAMP): requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

$(DEV_REQS_STAMP): requirements-dev.txt requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@ $(REQS_STAMP)

install: $(REQS_STAMP)

install-dev: $(DEV_REQS_STAMP)

run: $(REQS_STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py update_index
	@scripts/check_system_packages.sh
	@PY=$(PY) HOST=$(HOST) PORT=$(PORT) PORTAL_BASE_URL=$(PORTAL_BASE_URL) scripts/run_dev.sh

test: $(DEV_REQS_STAMP)
	$(PY) -m pytest -m "$(TEST_MARKS)" $(PYTEST_ARGS)

test-postgres: $(DEV_REQS_STAMP)
	DATABASE_URL=$(POSTGRES_URL) $(PY) -m pytest -m "engine or browser" $(PYTEST_ARGS)

lint: $(DEV_REQS_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(DEV_REQS_STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Every interface string has its Chinese translation: extract the strings again and fail on any
# entry that is new (untranslated) or fuzzy, in our catalogue and in the admin's override catalogues
# (locale/overrides: written by hand, never extracted; compilemessages compiles them with ours).
# Needs GNU gettext (Debian: gettext).
CATALOGUES := locale/zh_Hans/LC_MESSAGES/django.po locale/overrides/zh_Hans/LC_MESSAGES/django.po locale/overrides/zh_Hans/LC_MESSAGES/djangojs.po

messages-check: $(REQS_STAMP)
	$(PY) manage.py makemessages -l zh_Hans $(MESSAGES_IGNORE) --no-obsolete -v0
	@untranslated=$$(for po in $(CATALOGUES); do msgattrib --untranslated $$po; msgattrib --only-fuzzy $$po; done); \
	if [ -n "$$untranslated" ]; then echo "$$untranslated"; echo "Untranslated or fuzzy strings in locale/zh_Hans or locale/overrides (above): translate them, then run compilemessages."; exit 1; fi
	@echo "locale/zh_Hans, locale/overrides: every string translated"

messages: $(REQS_STAMP)
	$(PY) manage.py makemessages -l zh_Hans $(MESSAGES_IGNORE) --no-obsolete
	$(PY) manage.py compilemessages --ignore=.venv

migrations-check: $(REQS_STAMP)
	$(PY) manage.py makemigrations --check --dry-run

# Production settings with a throwaway 60-character key, a realistic host and a shared cache (Redis: a
# per-process cache is home.W004; nothing connects to it here); warnings fail.
DEPLOY_CHECK_REDIS_URL ?= redis://127.0.0.1:6379/0
deploy-check: $(REQS_STAMP)
	@echo "manage.py check --deploy --fail-level WARNING (DJANGO_SETTINGS_MODULE=portal.settings.production, REDIS_URL=$(DEPLOY_CHECK_REDIS_URL))"
	@SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(45))')" \
	ALLOWED_HOSTS=portal.example.org \
	REDIS_URL=$(DEPLOY_CHECK_REDIS_URL) \
	DJANGO_SETTINGS_MODULE=portal.settings.production \
	$(PY) manage.py check --deploy --fail-level WARNING

# The load test (scripts/bench.py; README, "Performance"): on a database of its own, SQLite unless
# DATABASE_URL names a PostgreSQL server, with Redis when REDIS_URL is set. BENCH_ARGS=--short is CI's.
BENCH_ARGS ?=
bench: $(DEV_REQS_STAMP)
	$(PY) scripts/bench.py $(BENCH_ARGS)

two-servers: $(DEV_REQS_STAMP)
	POSTGRES_URL=$(POSTGRES_URL) $(PY) scripts/two_servers.py

# PostgreSQL gone during a registration burst, then Redis stopped (scripts/drills.py; README, "Reliability").
drills: $(DEV_REQS_STAMP)
	POSTGRES_URL=$(POSTGRES_URL) $(PY) scripts/drills.py

clean:
	rm -rf staticfiles .pytest_cache .ruff_cache test-results
	find . -path ./$(VENV) -prune -o -type d -name __pycache__ -prune -exec rm -rf {} +

reset-db:
	rm -f db.sqlite3 db.sqlite3-wal db.sqlite3-shm db.sqlite3-journal
	rm -rf media
