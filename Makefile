# Two commands a user needs: `make build` and `make test`. Both create .venv and install the
# pinned dependencies of requirements.lock on first use.
PYTHON ?= python3
VENV := .venv
INSTALLED := $(VENV)/.installed
SPARK_INSTALLED := $(VENV)/.spark-installed

.PHONY: build test test-spark spark java lint browser claims docs dashboard bench bench-build clean check draft

$(INSTALLED): requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $(INSTALLED)

## build: check the seeds and documents (its first stage is `check`, on the SQL check compiled last),
## build and test the warehouse, publish warehouse.duckdb
build: $(INSTALLED)
	$(VENV)/bin/python -m pipeline build

## check: every problem of the seeds and documents at once, as file:line, without building the warehouse
check: $(INSTALLED)
	$(VENV)/bin/python -m pipeline check

## draft: draft figure rows for a registered document: make draft DOC=<source_id or text file name>
draft: $(INSTALLED)
	@test -n "$(DOC)" || (echo "usage: make draft DOC=<source_id or text file name>"; exit 2)
	$(VENV)/bin/python -m pipeline draft "$(DOC)"

## test: lint, then run the whole test suite (dbt build with data and unit tests, Python tests),
## the Spark comparison of test-spark included. Two pytest-xdist workers (TEST_WORKERS=N to change),
## a test file at a time each (a file's module fixtures stay on one worker), the slowest files first
## (python_tests/conftest.py). Two on a 2-core machine: with three the suite was no faster (20:47),
## as the builds then share the cores three ways and each took 10-25% more CPU.
TEST_WORKERS ?= 2
test: lint browser spark
	$(VENV)/bin/python -m pytest -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder

## test-spark: build the warehouse on Apache Spark and check every mart equals the DuckDB build
test-spark: spark
	$(VENV)/bin/python -m pytest python_tests/test_spark.py

## spark: what `dbt build --target spark` needs: dbt-spark and pyspark in .venv, and Java 17
spark: $(SPARK_INSTALLED) java

$(SPARK_INSTALLED): $(INSTALLED) requirements-spark.lock
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-spark.lock -c requirements.lock
	touch $(SPARK_INSTALLED)

## java: Java 17 for Spark (Debian's package; needs root and apt)
java:
	@command -v java >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless >/dev/null)

## browser: headless Chromium for the dashboard test (Debian's package; needs root and apt)
browser:
	@command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null)

## lint: ruff on the Python code, sqlfluff (duckdb dialect) on the models (dbt templater) and the reports' queries
lint: $(INSTALLED)
	$(VENV)/bin/ruff check pipeline reports lab python_tests
	$(VENV)/bin/ruff format --check pipeline reports lab python_tests
	$(VENV)/bin/sqlfluff lint models tests --processes 2
	cd reports/sql && ../../$(VENV)/bin/sqlfluff lint .

## claims: print the claims the article's own figures contradict, and conflicting figures
claims: $(INSTALLED)
	$(VENV)/bin/python -m pipeline claims

## docs: dbt's docs site as one static HTML file, build/docs/index.html
docs: $(INSTALLED)
	$(VENV)/bin/python -m pipeline docs

## dashboard: static HTML dashboard of the published warehouse, build/dashboard/index.html
dashboard: $(INSTALLED)
	$(VENV)/bin/python -m pipeline dashboard

## bench: the pipeline against plain DuckDB (the floor) at 10^3..10^7 figures; keeps each size's figures in
## bench/measured.json and writes bench/RESULTS.md's tables from them (its notes below are kept)
bench: $(INSTALLED)
	$(VENV)/bin/python -m lab.bench

## bench-build: warm `make build` of the article five times; the median of the whole and of each stage
bench-build: $(INSTALLED)
	$(VENV)/bin/python -m lab.build_timing

clean:
	rm -rf build target logs
