# Two commands a user needs: `make build` and `make test`. Both create .venv and install the
# pinned dependencies of requirements.lock on first use.
PYTHON ?= python3
VENV := .venv
INSTALLED := $(VENV)/.installed

.PHONY: build test claims clean

$(INSTALLED): requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $(INSTALLED)

## build: check the seeds, build and test the warehouse, publish warehouse.duckdb
build: $(INSTALLED)
	$(VENV)/bin/python -m pipeline build

## test: run the whole test suite (seed checks, dbt build and tests, Python tests)
test: $(INSTALLED)
	$(VENV)/bin/python -m pytest

## claims: print the claims the article's own figures contradict, and conflicting figures
claims: $(INSTALLED)
	$(VENV)/bin/python -m pipeline claims

clean:
	rm -rf build target logs
