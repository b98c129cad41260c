# Standpoint: `make run` to try it, `make test` to run the suite.
PYTHON ?= python3
VENV ?= .venv
PORT ?= 8000
BIN := $(VENV)/bin
PY := $(BIN)/python

.PHONY: run test install install-dev lint format migrate seeds clean bench bench-smoke

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

$(VENV)/.installed-bench: pyproject.toml $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[bench]'
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

migrate: install
	$(PY) manage.py migrate --noinput

seeds: migrate
	$(PY) manage.py load_seeds

run: seeds
	@echo ""
	@echo "Standpoint is starting on http://127.0.0.1:$(PORT)/"
	@echo "To sign in to the editors' desk at http://127.0.0.1:$(PORT)/admin/, create an account:"
	@echo "    $(PY) manage.py createsuperuser"
	@echo ""
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install-dev
	$(PY) -m pytest

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) staticfiles .pytest_cache

# Benchmarks on synthetic data in scratch PostgreSQL databases (see bench/README.md).
bench: $(VENV)/.installed-bench
	$(PY) bench/run.py

bench-smoke: $(VENV)/.installed-bench
	$(PY) bench/run.py --smoke
