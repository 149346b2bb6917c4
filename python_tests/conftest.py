"""Shared fixtures: the source document, the seeds, and one warehouse built for the session."""

from __future__ import annotations

import csv
import fcntl
import hashlib
import io
import json
import math
import os
import resource
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from lab.projects import copy_project, run
from pipeline import dbt, settings
from pipeline.build import DBT_BUILD


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="session")
def figures() -> list[dict[str, str]]:
    return read_csv(settings.SEEDS_DIR / "articles" / "article_figures.csv")


@pytest.fixture(scope="session")
def sources() -> list[dict[str, str]]:
    return read_csv(settings.SEEDS_DIR / "articles" / "article_sources.csv")


@pytest.fixture(scope="session")
def documents(sources) -> dict[str, str]:
    """source_id -> text of the document, read from the source_documents_dir setting."""
    texts = {}
    for source in sources:
        path = settings.documents_dir() / source["text_path"]
        assert path.is_file(), f"source document {path} is missing"
        texts[source["source_id"]] = path.read_text(encoding="utf-8")
    return texts


def dbt_build(
    database: Path,
    target_dir: Path,
    project_dir: Path = settings.ROOT,
    variables: dict | None = None,
    unit_tests: bool = True,
) -> dbt.DbtRun:
    """`dbt build` of every node (seeds, models, data and unit tests, the draft models too) of
    `project_dir` into `database`, in process. A unit test reads the rows it is given, not the
    project's data: `unit_tests=False` leaves them out of a build of the project's models on other
    data (the session's build of the project runs them)."""
    return dbt.invoke(
        ["build", "--select", "fqn:*", *([] if unit_tests else ["--exclude-resource-type", "unit_test"])],
        database=database,
        project_dir=project_dir,
        target_path=target_dir,
        variables=variables,
    )


def built_once(tmp_path_factory, name: str, build, ignore=None) -> Path:
    """A private copy of the folder `build(folder)` fills, built once for the whole run: under
    pytest-xdist the first worker to ask builds it in the run's shared temporary folder while holding
    a lock there, and every worker (that one too) copies the finished folder into its own. The copy
    keeps symbolic links as links and leaves out what `ignore` (as in shutil.copytree) names. Each
    worker's tests change their copy as they like, never the folder another worker copies."""
    own = tmp_path_factory.getbasetemp()
    shared = own.parent if os.environ.get("PYTEST_XDIST_WORKER") else own
    source = shared / f"built_once_{name}"
    with (shared / f"built_once_{name}.lock").open("w") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)  # released when the file closes
        if not (shared / f"built_once_{name}.done").exists():
            shutil.rmtree(source, ignore_errors=True)  # a build that failed before, on another worker
            source.mkdir()
            build(source)  # raises (and leaves no .done) when the build fails
            (shared / f"built_once_{name}.done").touch()
    copy = tmp_path_factory.mktemp(name) / "copy"
    shutil.copytree(source, copy, symlinks=True, ignore=ignore)
    return copy


def warehouse_build(database: Path, target_dir: Path, project_dir: Path) -> dbt.DbtRun:
    """`dbt build` of the warehouse as `python -m pipeline build` runs it (dbt's default selector:
    every seed, model and data test but the draft models; no unit tests) of `project_dir` into
    `database`, in process: for a copy of the project whose seeds or documents a test changed. The
    unit tests check the models' logic on rows of their own, whatever the seeds hold, and the draft
    models serve the draft: the suite's warehouse (dbt_build) builds and runs them once."""
    return dbt.invoke(DBT_BUILD, database=database, project_dir=project_dir, target_path=target_dir)


class Workbench:
    """One folder where fresh copies of a project take turns, keeping dbt's parse state (its target
    folder, at `state` in the folder) from turn to turn, so that each turn's dbt parses again only
    the files the turn changed rather than the whole project (about 6 CPU seconds a parse). The state
    names the folder it was made in, with the database path and variables of its dbt: it stays in
    this folder, never copied to another. A turn wipes all the turn before left but that state: read
    a turn's results before the next turn starts."""

    def __init__(self, folder: Path, fill: Callable[[Path], object], state: str) -> None:
        self.folder, self.fill, self.state = folder, fill, state

    def turn(self) -> Path:
        """The folder, emptied but for dbt's state and filled anew by `fill(folder)`."""
        state, kept = self.folder / self.state, self.folder.with_name(self.folder.name + "_state")
        if state.is_dir():
            os.replace(state, kept)
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir()
        self.fill(self.folder)
        if kept.is_dir():
            state.parent.mkdir(parents=True, exist_ok=True)
            os.replace(kept, state)
        return self.folder


def build_warehouse(folder: Path) -> None:
    database = folder / "warehouse.duckdb"
    run = dbt_build(database, folder / "target")
    assert run.success, run.describe(database)


@pytest.fixture(scope="session")
def warehouse_path(tmp_path_factory) -> Path:
    """A warehouse built from the repository's seeds by `dbt build` (seeds, models, all tests), with
    dbt's target folder beside it (built once for the run, see built_once)."""
    return built_once(tmp_path_factory, "warehouse", build_warehouse) / "warehouse.duckdb"


@pytest.fixture()
def warehouse(warehouse_path):
    with duckdb.connect(str(warehouse_path), read_only=True) as connection:
        yield connection


FIXTURES = Path(__file__).parent / "fixtures"


def append_rows(fixture_csv: Path, project_csv: Path) -> None:
    """Append the rows of `fixture_csv` to the seed `project_csv`, matching columns by name (a
    fixture may leave out optional columns; it may not name one the seed does not have). Each
    fixture carries every catalogue row it needs, so a row another fixture (or the project) already
    added, the same in every column, is not added twice; a row that differs is added, and the
    seed's own tests say what conflicts."""
    with project_csv.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    rows = read_csv(fixture_csv)
    assert rows and set(rows[0]) <= set(header), (fixture_csv, set(rows[0]) - set(header))
    present = {tuple(row.get(name, "") for name in header) for row in read_csv(project_csv)}
    rows = [row for row in rows if tuple(row.get(name, "") for name in header) not in present]
    if not rows:
        return
    buffer = io.StringIO()
    csv.DictWriter(buffer, fieldnames=header, lineterminator="\n").writerows(rows)
    text = project_csv.read_text(encoding="utf-8")
    project_csv.write_text(text + ("" if text.endswith("\n") else "\n") + buffer.getvalue(), encoding="utf-8")


def add_fixture_article(project: Path, name: str) -> None:
    """Add a fixture article to a copy of the project the way a user adds one: its text to
    documents/ and its rows to the seeds, nothing else."""
    fixture = FIXTURES / name
    for fixture_csv in sorted((fixture / "seeds").rglob("*.csv")):
        append_rows(fixture_csv, project / "seeds" / fixture_csv.relative_to(fixture / "seeds"))
    for document in (fixture / "documents").iterdir():
        shutil.copy2(document, project / "documents" / document.name)


def query_rows(connection, sql: str, *parameters) -> list[dict]:
    """The rows of a query on a DuckDB connection, as dicts by column name."""
    cursor = connection.execute(sql, list(parameters))
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def figure_mismatches(connection, source_id: str, expected: dict[str, tuple]) -> dict[str, tuple]:
    """The figures of `source_id` in marts.fct_figures that differ from `expected` (figure_id: (value,
    unit, currency_code, period_label, qualifier, is_forecast)), with what the warehouse holds; a
    figure missing or not expected is named with None. Values are compared to 1e-12 relative."""
    found = {
        row["figure_id"]: row
        for row in query_rows(connection, "select * from marts.fct_figures where source_id = ?", source_id)
    }
    wrong: dict[str, tuple | None] = {figure_id: None for figure_id in set(found) ^ set(expected)}
    for figure_id in set(found) & set(expected):
        value, *attributes = expected[figure_id]
        row = found[figure_id]
        got = (row["unit"], row["currency_code"], row["period_label"], row["qualifier"], row["is_forecast"])
        if not math.isclose(row["value"], value, rel_tol=1e-12) or got != tuple(attributes):
            wrong[figure_id] = (row["value"], *got)
    return wrong


def replace_in_file(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def run_pipeline(project: Path, documents: Path) -> subprocess.CompletedProcess:
    """`python -m pipeline build` in `project`, reading the documents of `documents`."""
    environment = dict(os.environ, SOURCE_DOCUMENTS_DIR=str(documents))
    return run([sys.executable, "-m", "pipeline", "build"], project, environment)


def checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build_published(folder: Path) -> None:
    project = copy_project(folder / "project")
    completed = run_pipeline(project, project / "documents")
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    assert (project / "warehouse.duckdb").is_file()
    # a build that passes says nothing on stderr that a user should worry about
    assert "leaked semaphore" not in completed.stderr, completed.stderr[-3000:]


def leave_out_dbt_state(folder: str, names: list[str]) -> set[str]:
    """What a copy of a built project leaves out: dbt's logs/ and target/ name the folder they were
    made in (the next dbt run in the copy parses again), all but target/semantic_manifest.json, which
    names no folder and is what `mf` reads, as it finds it after a user's build."""
    if Path(folder).name == "target" and Path(folder).parent.name == "project":
        return set(names) - {"semantic_manifest.json"}
    return {"logs"} & set(names) if Path(folder).name == "project" else set()


@pytest.fixture(scope="session")
def published(tmp_path_factory) -> tuple[Path, Path]:
    """A copy of the project with its warehouse built and published, and its documents folder
    (built once for the run, see built_once)."""
    project = built_once(tmp_path_factory, "published", build_published, leave_out_dbt_state) / "project"
    return project, project / "documents"


@pytest.fixture(scope="session")
def drafted_fixture_articles(tmp_path_factory) -> dict[str, list[dict[str, str]]]:
    """The draft figure rows, by source id, of the fixture articles test_draft_rules.py and
    test_draft_period_rules.py read, from one draft of them all (built once for the run, see built_once
    and test_draft_rules.draft_fixture_articles)."""
    from test_draft_rules import draft_fixture_articles  # a test module, imported here when it runs

    folder = built_once(tmp_path_factory, "drafted_fixture_articles", draft_fixture_articles)
    return json.loads((folder / "drafted.json").read_text(encoding="utf-8"))


# The files that take longest, first: `make test` runs the suite on pytest-xdist workers, one
# file per worker at a time (--dist loadfile keeps a file's module fixtures on one worker), so the
# longest files start at once and the short ones fill in around them. Any other file runs after
# these, in the usual order; a serial run is only reordered.
SLOW_FILES_FIRST = [
    "test_spark.py",
    "test_spare_file.py",
    "test_faults.py",
    "test_landing_property.py",
    "test_incremental.py",
    "test_draft_period_rules.py",
    "test_bad_input.py",
    "test_dashboard.py",
    "test_draft_rules.py",
    "test_claims.py",
    "test_folded_tests.py",
]


def pytest_collection_modifyitems(items):
    rank = {name: number for number, name in enumerate(SLOW_FILES_FIRST)}
    items[:] = sorted(items, key=lambda item: rank.get(item.path.name, len(rank)))


def cpu_seconds() -> float:
    """CPU seconds (user and system) of this process and of the children it has waited for."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item):
    started = cpu_seconds()
    yield
    item.user_properties.append(("cpu_seconds", cpu_seconds() - started))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item):
    started = cpu_seconds()
    yield
    item.user_properties.append(("cpu_seconds", cpu_seconds() - started))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item):
    started = cpu_seconds()
    yield
    item.user_properties.append(("cpu_seconds", cpu_seconds() - started))


# seconds per test file, each phase's report adding its own: file -> [wall, CPU]
FILE_SECONDS: dict[str, list[float]] = {}


def pytest_runtest_logreport(report):
    """Sum the wall and CPU seconds of each test file (a worker's reports reach the controller too)."""
    spent = FILE_SECONDS.setdefault(report.nodeid.split("::")[0], [0.0, 0.0])
    spent[0] += report.duration
    # user_properties carry every phase so far: this phase's CPU seconds are the last entry
    cpu = [value for name, value in report.user_properties if name == "cpu_seconds"]
    spent[1] += cpu[-1] if cpu else 0.0


def run_summary() -> dict:
    """The build time of each engine and the fault and bad-input scores recorded by the test modules
    this process ran (a worker's under pytest-xdist, sent to the controlling process at the end)."""
    spark = sys.modules.get("test_spark")
    faults = sys.modules.get("faults")
    bad_input = sys.modules.get("test_bad_input")
    return {
        "build_seconds": dict(spark.BUILD_SECONDS) if spark is not None else {},
        "corpus_figures": spark.CORPUS_FIGURES if spark is not None else 0,
        "faults": dict(faults.SCORE) if faults is not None else {},
        "bad_input": dict(bad_input.SCORE) if bad_input is not None else {},
        "bad_input_kinds": len(bad_input.CASES) if bad_input is not None else 0,
    }


WORKER_SUMMARIES: list[dict] = []


def pytest_sessionfinish(session):
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:  # a pytest-xdist worker: hand the summary to the controller
        workeroutput["run_summary"] = json.dumps(run_summary())


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """pytest-xdist's controller: keep each worker's summary for the terminal summary."""
    summary = getattr(node, "workeroutput", {}).get("run_summary")
    if summary is not None:
        WORKER_SUMMARIES.append(json.loads(summary))


def pytest_terminal_summary(terminalreporter):
    """Print the fault and bad-input scores and the build time of each engine when those suites ran."""
    merged = run_summary()
    for summary in WORKER_SUMMARIES:
        for key in ("build_seconds", "faults", "bad_input"):
            merged[key].update(summary[key])
        for key in ("corpus_figures", "bad_input_kinds"):
            merged[key] = max(merged[key], summary[key])
    if merged["build_seconds"]:
        terminalreporter.write_line(
            f"dbt build of the article's warehouse and {merged['corpus_figures']:,} landed figures: "
            + ", ".join(f"{engine} {seconds:.0f} s" for engine, seconds in merged["build_seconds"].items())
        )
    if FILE_SECONDS and terminalreporter.config.getoption("durations") is not None:
        terminalreporter.write_line("seconds per test file, setup, call and teardown: wall, then CPU (with its builds)")
        for name, (wall, cpu) in sorted(FILE_SECONDS.items(), key=lambda item: -item[1][0]):
            terminalreporter.write_line(f"  {wall:7.1f} {cpu:7.1f}  {name}")
    faults = merged["faults"]
    if faults:
        terminalreporter.write_line(f"faults held: {sum(faults.values())} / {len(faults)} tried")
        for fault, ok in sorted(faults.items()):
            if not ok:
                terminalreporter.write_line(f"  not held: {fault}")
    bad_input = merged["bad_input"]
    if bad_input:
        terminalreporter.write_line(
            f"bad input caught: {sum(bad_input.values())} / {len(bad_input)} injected "
            f"({merged['bad_input_kinds']} kinds of fault)"
        )
