# Standpoint: `make run` to try it, `make test` to run the suite.
PYTHON ?= python3
VENV ?= .venv
PORT ?= 8000
BIN := $(VENV)/bin
PY := $(BIN)/python

.PHONY: run test install install-dev lint format migrate seeds clean serve serve-check bench bench-smoke \
	loadtest test-quick mutate eval-extraction

# Reinstall only when the dependency list changes, so a second `make run` is fast.
$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

migrate: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py createcachetable

seeds: migrate
	$(PY) manage.py load_seeds

run: seeds
	@echo ""
	@echo "Standpoint is starting on http://127.0.0.1:$(PORT)/"
	@echo "To sign in to the editors' desk at http://127.0.0.1:$(PORT)/admin/, create an account:"
	@echo "    $(PY) manage.py create_editor <username> --role editor|reviewer"
	@echo ""
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# axe-core, the accessibility checker the browser tests inject; skipped without npm.
node_modules/.installed: package.json
	@if command -v npm >/dev/null; then \
		npm install --no-audit --no-fund --no-package-lock --loglevel=error && touch $@; \
	else echo "npm not found: browser accessibility checks will be skipped"; fi


# Production-like: PostgreSQL, debug off, hashed static files, gunicorn (gunicorn.conf.py).
# Loads no data. Behind a TLS proxy; for plain HTTP on loopback set DJANGO_SECURE_SSL_REDIRECT=false.
serve: export DJANGO_DEBUG = false
serve: serve-check install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py createcachetable
	$(PY) manage.py collectstatic --noinput --verbosity 0
	exec $(BIN)/gunicorn --config gunicorn.conf.py tracker.wsgi

serve-check:
	@case "$$DATABASE_URL" in \
	  postgres://*|postgresql://*) ;; \
	  *) echo "make serve runs on PostgreSQL: set DATABASE_URL=postgres://USER:PASSWORD@HOST:5432/NAME" >&2; exit 2;; \
	esac
	@test -n "$$DJANGO_SECRET_KEY" || { echo "make serve needs DJANGO_SECRET_KEY; generate one with:" >&2; \
	  echo '  python3 -c "import secrets; print(secrets.token_urlsafe(50))"' >&2; exit 2; }
	@test -n "$$DJANGO_ALLOWED_HOSTS" || { echo "make serve needs DJANGO_ALLOWED_HOSTS, e.g. standpoint.example.org" >&2; exit 2; }

# After a run on SQLite, the tests marked postgresql run again on PostgreSQL when a server
# answers at PG_SERVER, in a test database of their own (dropped at the end);
# POSTGRES_PASS=no leaves them out (.ci/run, whose next run is on PostgreSQL).
PG_SERVER ?= postgres://postgres@127.0.0.1:5432
POSTGRES_PASS ?= yes
# Test processes side by side (pytest-xdist), each with its own test database; then the
# browser tests alone, as a browser on a loaded machine misses its timeouts.
TEST_WORKERS ?= 2

test: install-dev node_modules/.installed
	$(PY) -m pytest -n $(TEST_WORKERS) -m "not browser"
	$(PY) -m pytest -m browser
	@case "$$DATABASE_URL" in postgres://*|postgresql://*) exit 0;; esac; \
	if [ "$(POSTGRES_PASS)" = no ]; then \
	  echo "PostgreSQL-only tests left out (POSTGRES_PASS=no)"; exit 0; fi; \
	if ! reason=$$($(PY) -c "import psycopg; psycopg.connect('$(PG_SERVER)/postgres', \
	    connect_timeout=3).close()" 2>&1); then \
	  echo "PostgreSQL-only tests skipped: no PostgreSQL server answers at $(PG_SERVER)"; \
	  echo "  ($$(echo "$$reason" | tail -n 1))"; exit 0; fi; \
	db="standpoint_make_test_$$$$_$$(date +%s)"; \
	echo "== PostgreSQL-only tests on $(PG_SERVER)/test_$$db"; \
	DATABASE_URL="$(PG_SERVER)/$$db" $(PY) -m pytest -m postgresql

# The loop while working: no browser, no slow tests (markers in pyproject.toml).
test-quick: install-dev
	$(PY) -m pytest -m "not browser and not slow"

# How well the desk's extraction does on the evaluation set (tests/fixtures/extraction/).
EVAL_SET := tests/fixtures/extraction
eval-extraction: install
	$(PY) manage.py eval_extraction --record $(EVAL_SET)/record.yaml $(EVAL_SET)/articles \
		--baseline $(EVAL_SET)/baseline.json $(EVAL_ARGS)

# Mutation testing of the modules holding the record's rules (docs/mutation-testing.md): the
# score per module, and the mutants no test detects. Not part of CI; MUTATE_CHILDREN mutants
# at a time.
MUTATE_CHILDREN ?= 2

$(VENV)/.installed-mutation: pyproject.toml $(VENV)/.installed-dev
	$(PY) -m pip install --quiet -e '.[dev,mutation]'
	touch $@

mutate: $(VENV)/.installed-mutation
	$(PY) tools/mutate.py --max-children $(MUTATE_CHILDREN)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) staticfiles .pytest_cache mutants

# Benchmarks on synthetic data in scratch PostgreSQL databases (see bench/README.md).
bench: install
	$(PY) bench/run.py

bench-smoke: install
	$(PY) bench/run.py --smoke

# Load test: gunicorn (production settings) on a scratch PostgreSQL database, driven by wrk on
# 127.0.0.1 only. Not part of CI. LOADTEST_ARGS, e.g. "--positions 20000 --seconds 30".
loadtest: install
	$(PY) bench/loadtest.py $(LOADTEST_ARGS)
