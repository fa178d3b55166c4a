# make site   - set everything up and build the shipped curriculum into site/
# make test   - set everything up and run the whole test suite
# make serve  - live preview at http://127.0.0.1:8000/
# make check  - validate the content only
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup site serve check test lint bench clean

setup: $(VENV)/.setup-done

$(VENV)/.setup-done: pyproject.toml scripts/setup.sh
	PYTHON=$(PYTHON) bash scripts/setup.sh
	@touch $@

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
