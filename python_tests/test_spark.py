"""The same project on Apache Spark: `dbt build --target spark` (dbt-spark's in-process session)
builds the article's warehouse with a small corpus landed beside it as Parquet files, and every mart
equals the DuckDB build of the same seeds and files; both engines reject the same landed rows.

Needs pyspark and Java 17: `make test-spark` (or `make spark`) installs them."""

from __future__ import annotations

import json
import math
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from conftest import add_fixture_article, copy_project, dbt_build

from lab import corpus
from pipeline import settings

pytest.importorskip("pyspark", reason="pyspark is not installed: `make test-spark` installs it and Java 17")

# Relative tolerance for floating-point measures: the engines may add and divide in another order.
RELATIVE_TOLERANCE = 1e-9
ABSOLUTE_TOLERANCE = 1e-12

# Every table of the `marts` schema, each compared on its own.
MARTS = [
    "dim_companies",
    "dim_entities",
    "dim_metrics",
    "dim_sources",
    "fct_cdn_nodes",
    "fct_claim_checks",
    "fct_cloud_revenue",
    "fct_company_financials",
    "fct_company_interim_financials",
    "fct_figure_conflicts",
    "fct_figures",
    "fct_market_metrics",
    "fct_price_cuts",
    "fct_share_price_events",
]

# Seconds each engine took to build the warehouse, printed at the end of the run (conftest.py).
BUILD_SECONDS: dict[str, float] = {}


def dbt_spark_command(folder: Path, *arguments: str, project: Path = settings.ROOT) -> dict:
    """The subprocess arguments of dbt against the `spark` target, with Spark's tables and metastore
    under `folder`."""
    return dict(
        args=[
            sys.executable,
            "-m",
            "pipeline.dbt",
            *arguments,
            "--target",
            "spark",
            "--project-dir",
            str(project),
            "--profiles-dir",
            str(project),
            "--target-path",
            str(folder / "target"),
            "--log-path",
            str(folder / "logs"),
        ],
        cwd=folder,
        # run from the Spark folder (Derby writes its log there); the project is imported from its root, which
        # is also the project pipeline.dbt builds
        env=dict(os.environ, DBT_SPARK_DIR=str(folder / "spark"), PYTHONPATH=str(project)),
        text=True,
    )


def dbt_spark(folder: Path, *arguments: str, project: Path = settings.ROOT) -> subprocess.CompletedProcess:
    """dbt against the `spark` target, with Spark's tables and metastore under `folder`."""
    return subprocess.run(**dbt_spark_command(folder, *arguments, project=project), capture_output=True, check=False)


def failures(completed: subprocess.CompletedProcess) -> str:
    """The lines of dbt's output that say what failed (Spark's own log lines left out)."""
    lines = [line for line in completed.stdout.splitlines() if " WARN " not in line and not line.startswith("\tat ")]
    return "\n".join(lines[-80:])


# The landed corpus both engines build: 20 documents, 1% of their rows bad on purpose.
CORPUS_FIGURES = 1_000
CORPUS_BAD_PER_MILLE = 10


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> tuple[Path, Path]:
    """(DuckDB warehouse file, folder of the Spark build), both built by `dbt build` from the seeds with
    the fixture article added (amounts in HK$, quarters, forecasts, pronouns) and the same landed
    corpus (folder/landing)."""
    folder = tmp_path_factory.mktemp("engines")
    project = copy_project(folder / "project")
    add_fixture_article(project, "harbour_cloud_2025_03_20")
    landing = folder / "landing"
    corpus.generate(CORPUS_FIGURES, 5, landing, bad_per_mille=CORPUS_BAD_PER_MILLE, progress=lambda _: None)
    landed = ["--vars", f"{{landing_dir: {landing}}}"]

    # Spark's build is started first and the DuckDB build runs in this process meanwhile, so the
    # DuckDB build no longer lengthens this file, the longest of the suite, by its own time.
    # Spark's output goes to a file (a pipe left unread while DuckDB builds would stall it).
    spark_log = folder / "spark_build.log"
    started = time.perf_counter()
    with spark_log.open("w", encoding="utf-8") as log:
        spark = subprocess.Popen(
            **dbt_spark_command(folder, "build", *landed, project=project), stdout=log, stderr=subprocess.STDOUT
        )
        try:
            duckdb_started = time.perf_counter()
            variables = {"landing_dir": str(landing)}
            # its unit tests are those of the session's warehouse (warehouse_path), on the same models
            run = dbt_build(
                folder / "warehouse.duckdb",
                folder / "duckdb_target",
                project_dir=project,
                variables=variables,
                unit_tests=False,
            )
            BUILD_SECONDS["DuckDB"] = time.perf_counter() - duckdb_started
            spark.wait()
        finally:
            if spark.poll() is None:  # the DuckDB build raised: do not leave Spark running
                spark.kill()
                spark.wait()
    BUILD_SECONDS["Spark"] = time.perf_counter() - started
    assert run.success, run.describe(folder / "warehouse.duckdb")
    completed = subprocess.CompletedProcess(spark.args, spark.returncode, spark_log.read_text(encoding="utf-8"), "")
    assert completed.returncode == 0, failures(completed)
    return folder / "warehouse.duckdb", folder


def spark_mart(folder: Path, mart: str, schema: str = "marts") -> str:
    """A DuckDB relation over the Parquet files of a table Spark built in `folder`."""
    return f"read_parquet('{folder / 'spark' / 'warehouse' / f'{schema}.db' / mart}/*.parquet')"


def duckdb_marts(database: Path) -> list[str]:
    with duckdb.connect(str(database), read_only=True) as connection:
        rows = connection.sql(
            "select table_name from information_schema.tables where table_schema = 'marts' order by table_name"
        ).fetchall()
    return [name for (name,) in rows]


def read_mart(connection: duckdb.DuckDBPyConnection, relation: str) -> tuple[list[tuple[str, str]], list[tuple]]:
    """(column names and types, rows) of a relation, read through DuckDB."""
    relation_rows = connection.sql(f"select * from {relation}")
    columns = list(zip(relation_rows.columns, [str(kind) for kind in relation_rows.types], strict=True))
    return columns, relation_rows.fetchall()


def sort_key(row: tuple) -> tuple:
    """Rows in an order both engines agree on: text and numbers rounded far beyond the tolerance."""
    return tuple(("" if value is None else f"{value:.6g}" if isinstance(value, float) else str(value)) for value in row)


def same_value(left: object, right: object) -> bool:
    if isinstance(left, float) and isinstance(right, float):
        return math.isclose(left, right, rel_tol=RELATIVE_TOLERANCE, abs_tol=ABSOLUTE_TOLERANCE)
    return left == right


def test_spark_builds_every_mart_of_the_duckdb_warehouse(builds):
    database, folder = builds
    marts = duckdb_marts(database)
    assert marts == MARTS, "the DuckDB build has other marts than MARTS: update the list"
    spark_tables = folder / "spark" / "warehouse" / "marts.db"
    built_on_spark = sorted(path.name for path in spark_tables.iterdir() if path.is_dir())
    assert built_on_spark == marts


@pytest.mark.parametrize("mart", MARTS)
def test_spark_mart_equals_duckdb_mart(builds, mart):
    database, folder = builds
    with duckdb.connect(str(database), read_only=True) as connection:
        duckdb_columns, duckdb_rows = read_mart(connection, f"marts.{mart}")
        spark_columns, spark_rows = read_mart(connection, spark_mart(folder, mart))

    assert spark_columns == duckdb_columns
    assert len(spark_rows) == len(duckdb_rows)
    assert duckdb_rows, f"{mart} is empty: the comparison would prove nothing"
    names = [name for name, _ in duckdb_columns]
    differences = [
        f"row {number}, {name}: DuckDB {left!r}, Spark {right!r}"
        for number, (duckdb_row, spark_row) in enumerate(
            zip(sorted(duckdb_rows, key=sort_key), sorted(spark_rows, key=sort_key), strict=True)
        )
        for name, left, right in zip(names, duckdb_row, spark_row, strict=True)
        if not same_value(left, right)
    ]
    assert differences == []


def test_spark_gives_the_same_verdict_to_every_claim(builds):
    database, folder = builds
    query = "select claim_id, verdict from {} order by claim_id"
    with duckdb.connect(str(database), read_only=True) as connection:
        on_duckdb = connection.sql(query.format("marts.fct_claim_checks")).fetchall()
        on_spark = connection.sql(query.format(spark_mart(folder, "fct_claim_checks"))).fetchall()
    assert on_spark == on_duckdb
    assert {verdict for _, verdict in on_spark} == {"consistent", "inconsistent", "not_checkable"}


def test_spark_rejects_the_same_landed_rows_as_duckdb(builds):
    database, folder = builds
    expected_path = folder / "landing" / "_expected_rejections.csv"
    query = "select figure_id, rejection_reason from {} order by figure_id"
    with duckdb.connect(str(database), read_only=True) as connection:
        expected = connection.sql(f"select figure_id from read_csv('{expected_path}') order by 1").fetchall()
        on_duckdb = connection.sql(query.format("audit.audit_rejected_figures")).fetchall()
        on_spark = connection.sql(query.format(spark_mart(folder, "audit_rejected_figures", "audit"))).fetchall()
        landed_on_spark = connection.sql(
            f"select count(*) from {spark_mart(folder, 'stg_landing__figures', 'staging')}"
        ).fetchone()[0]
    assert landed_on_spark == CORPUS_FIGURES
    assert [figure_id for figure_id, _ in on_spark] == [figure_id for (figure_id,) in expected]
    assert on_spark == on_duckdb


# The tag of the unit tests the Spark build leaves to the DuckDB build (selectors.yml's `spark` selector).
SAME_SQL_TAG = "same_sql_on_every_engine"


def comparable_sql(compiled: str) -> str:
    """Compiled SQL with what differs between the engines by design taken out: identifier quotes (DuckDB's
    double quotes, Spark's backticks), DuckDB's catalogue name before schema.table, and whitespace."""
    compiled = re.sub(r'"[^"\s]+"\.(?="[^"\s]+"\.")', "", compiled)
    return " ".join(compiled.replace('"', "").replace("`", "").split())


def test_spark_leaves_to_duckdb_only_unit_tests_of_the_same_sql(builds):
    """A unit test tagged SAME_SQL_TAG runs on DuckDB only: right only while its model compiles to the
    same SQL on both engines (no macro of the model dispatches by adapter). A macro that does makes this
    fail: then take the tag off its unit tests."""
    _, folder = builds
    manifest = json.loads((folder / "target" / "manifest.json").read_text(encoding="utf-8"))
    tagged = {test["model"] for test in manifest["unit_tests"].values() if SAME_SQL_TAG in test["config"]["tags"]}
    assert tagged, f"no unit test is tagged {SAME_SQL_TAG}: drop the `spark` selector's exclusion"
    ran = json.loads((folder / "target" / "run_results.json").read_text(encoding="utf-8"))["results"]
    assert not [
        result["unique_id"]
        for result in ran
        if result["unique_id"] in manifest["unit_tests"]
        and SAME_SQL_TAG in manifest["unit_tests"][result["unique_id"]]["config"]["tags"]
    ], "the Spark build ran unit tests its selector leaves to DuckDB"
    differing = []
    for model in sorted(tagged):
        path = Path(
            "compiled",
            "kingsoft_warehouse",
            manifest["nodes"][f"model.kingsoft_warehouse.{model}"]["original_file_path"],
        )
        on_spark = comparable_sql((folder / "target" / path).read_text(encoding="utf-8"))
        on_duckdb = comparable_sql((folder / "duckdb_target" / path).read_text(encoding="utf-8"))
        if on_spark != on_duckdb:
            differing.append(model)
    assert differing == []


# The `dbt show` queries of the tests below, run in one process (one JVM, one parse): name -> (SQL,
# extra dbt arguments). The landing folder of "csv_landed" is made by the `shows` fixture.
PARSE_GOOD = (
    "select {{ strict_cast(\"'12.5'\", 'decimal(18, 6)') }} as parsed_number,"
    " {{ make_date_from_parts(2024, 2, 29) }} as parsed_date"
)
PARSE_FAILS = {
    # a number too large for the type: Spark's own cast would give NULL
    "too_large": (
        "{{ strict_cast(\"'5000000000000'\", 'decimal(18, 6)') }}",
        "cannot cast '5000000000000' to decimal(18, 6)",
    ),
    # a day February does not have: Spark's own make_date would give NULL
    "no_such_day": ("{{ make_date_from_parts(2023, 2, 30) }}", "no such date: year 2023, month 2, day 30"),
}


@pytest.fixture(scope="module")
def shows(builds, tmp_path_factory) -> dict:
    """Each show query's exit code and output (a CompletedProcess per query), all run by one process,
    and the landing folder of "csv_landed"."""
    _, folder = builds
    landing = tmp_path_factory.mktemp("csv_landing") / "landing"
    (landing / "figures").mkdir(parents=True)
    (landing / "figures" / "batch_000000.csv").write_text("figure_id\n", encoding="utf-8")
    # the query with other --vars last: each change of --vars makes dbt parse the project again
    queries = {
        "parse_good": (PARSE_GOOD, []),
        **{name: (f"select {expression} as parsed", []) for name, (expression, _) in PARSE_FAILS.items()},
        "csv_landed": (
            "select {{ landing_paths('figures') | length }} as files",
            ["--vars", f"{{landing_dir: {landing}}}"],
        ),
    }
    common = dbt_spark_command(folder, "show")
    tail = common["args"][common["args"].index("show") + 1 :]  # --target spark --project-dir ...
    commands = [["show", "--inline", sql, *extra, *tail] for sql, extra in queries.values()]
    common["args"] = [sys.executable, str(Path(__file__).parent / "dbt_many.py"), json.dumps(commands)]
    completed = subprocess.run(**common, capture_output=True, check=False)
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    found = {}
    rest = completed.stdout
    for number, name in enumerate(queries):
        marker = re.search(rf"^=== dbt_many: command {number} exited (\d+) ===$", rest, re.MULTILINE)
        assert marker, f"no end of command {number} ({name}):\n{rest[-3000:]}"
        found[name] = subprocess.CompletedProcess(commands[number], int(marker.group(1)), rest[: marker.start()], "")
        rest = rest[marker.end() :]
    found["landing"] = landing
    return found


def test_spark_stops_at_a_landed_csv_file_and_names_it(shows):
    completed, landing = shows["csv_landed"], shows["landing"]
    assert completed.returncode != 0
    assert f"landed file {landing}/figures/batch_000000.csv: on Spark, land Parquet files" in completed.stdout, (
        failures(completed)
    )


def test_spark_parses_good_text_and_dates(shows):
    completed = shows["parse_good"]
    assert completed.returncode == 0, failures(completed)
    assert "12.5 " in completed.stdout and "2024-02-29" in completed.stdout


@pytest.mark.parametrize("name", list(PARSE_FAILS))
def test_spark_fails_loudly_where_parsing_would_give_null(shows, name):
    completed = shows[name]
    assert completed.returncode != 0
    assert PARSE_FAILS[name][1] in completed.stdout, failures(completed)
