# Belvedere: `make demo` sets up and starts the demo; `make test` runs every check and test.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export BELVEDERE_DATA_DIR ?= $(CURDIR)/var

.PHONY: demo test install install-test messages lint bench serve clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit("Belvedere needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	@bash scripts/ensure-system-deps
	$(BIN)/pip install --quiet -e '.[accurate]'
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(BIN)/pip install --quiet -e '.[accurate,test]'
	@touch $@

install: $(VENV)/.installed messages

install-test: $(VENV)/.installed-test messages

messages: $(VENV)/.installed
	@$(BIN)/python -m belvedere compilemessages --ignore '.venv' --ignore 'var' -v 0

demo: install
	$(BIN)/belvedere demo --host $(HOST) --port $(PORT)

serve: install
	$(BIN)/belvedere serve --host $(HOST) --port $(PORT)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	BELVEDERE_DATA_DIR=$$(mktemp -d) $(BIN)/python -m belvedere makemigrations --check --dry-run

test: install-test lint
	@bash scripts/ensure-chromium
	@bash scripts/ensure-system-deps
	@bash scripts/test

bench: install-test
	@bash bench/run

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
