# make site   - set everything up and build the shipped curriculum into site/
# make test   - set everything up and run the whole test suite
# make serve  - live preview at http://127.0.0.1:8000/
# make check  - validate the content only
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup site serve check test lint bench clean

# Runs before every target, and costs one Python start when nothing changed: it sets up again
# when pyproject.toml or scripts/setup.sh changed, and makes a new .venv when this one runs
# another checkout's code (a copied or moved folder). `bash scripts/setup.sh --status` says why.
setup:
	@PYTHON=$(PYTHON) bash scripts/setup.sh --quick

site: setup
	$(BIN)/curriculum build

serve: setup
	$(BIN)/mkdocs serve

check: setup
	$(BIN)/curriculum check

test: setup
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check hooks tests scripts
	$(BIN)/ruff format --check hooks tests scripts

bench: setup
	$(BIN)/python scripts/bench.py

clean:
	rm -rf site build .cache/build
