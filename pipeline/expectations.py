"""Great Expectations on the marts: run the suites of gx/expectations/<mart>.yml (loaded by
pipeline/expectation_suites.py) on a warehouse, and say which mart, expectation and rows failed.

Each mart is read with its check columns through a read-only DuckDB connection and validated by
Great Expectations as a dataframe (GX's SQL data source does not work on DuckDB). A mart larger
than SQL_ROWS rows is not pulled into memory: the same declaration is rendered to SQL and evaluated
inside DuckDB, one count of violating rows per expectation. python_tests/test_expectations.py
proves both give the same verdicts.

Importing Great Expectations takes seconds: `warm_up()` starts it in a process of its own before
dbt runs, so the import overlaps the build instead of following it.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import shutil
import sys
import threading
import time
import traceback
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from pipeline import settings
from pipeline.expectation_suites import (
    DECLARATIONS_DIR,
    TABLE_LEVEL,
    Declaration,
    DeclarationError,
    load_declarations,
    render_sql,
    sql_template,
)

__all__ = [
    "Declaration",
    "DeclarationError",
    "Validation",
    "load_declarations",
    "render_sql",
    "run",
    "start",
    "validate",
    "warm_up",
]

os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")

# Tables above this many rows are validated in SQL inside DuckDB; smaller ones go through GX. Past a
# few thousand rows GX's dataframe path costs more than the SQL (at 10^6 figures the marts of 6,000 to
# 125,000 rows took 2.3 s of CPU through GX, about 0.3 s in SQL), and both give the same verdicts
# (python_tests/test_expectations.py); the article's marts are far smaller and go through GX.
SQL_ROWS = int(os.environ.get("EXPECTATIONS_SQL_ROWS", "5000"))
OFFENDING_ROWS = 10


@dataclass
class Verdict:
    """The outcome of one expectation on one mart, whichever path evaluated it."""

    type: str
    kwargs: dict[str, Any]
    description: str
    success: bool
    unexpected_count: int | None = None
    offending: list[dict[str, Any]] = field(default_factory=list)
    observed: Any = None
    error: str | None = None

    def describe(self) -> str:
        text = f"{self.type} {self.kwargs}: {self.description}"
        if self.error:
            return f"{text}; could not be evaluated: {self.error}"
        if self.unexpected_count:
            text += f"; {self.unexpected_count} row(s)"
        if self.offending:
            text += f"; offending: {self.offending}"
        elif self.observed is not None:
            text += f"; observed {self.observed}"
        return text


@dataclass
class SuiteResult:
    table: str
    verdicts: list[Verdict]
    in_sql: bool = False
    seconds: float = 0.0
    changed_only: bool = False

    @property
    def failed(self) -> list[str]:
        return [verdict.describe() for verdict in self.verdicts if not verdict.success]


def _arguments(kwargs: dict[str, Any]) -> dict[str, Any]:
    """An expectation's arguments as declared (GX adds a batch id; defaults are left out)."""
    return {key: value for key, value in kwargs.items() if key != "batch_id" and value is not None}


def _plain(value: Any) -> Any:
    """A value from a DataFrame or DuckDB as plain Python, for messages and JSON."""
    if hasattr(value, "item"):
        value = value.item()
    return None if isinstance(value, float) and value != value else value


def validate_in_sql(connection, declaration: Declaration, changed_only: bool = False) -> SuiteResult:
    """One mart's expectations inside DuckDB: one count of violating rows per expectation, then
    the first offending rows of each failed one."""
    counts = connection.execute(render_sql(declaration, "violations", changed_only)).fetchone()
    verdicts = []
    for number, expectation in enumerate(declaration.expectations):
        kwargs, violations = expectation["kwargs"], counts[number]
        verdict = Verdict(expectation["type"], _arguments(kwargs), expectation.get("description", ""), not violations)
        if expectation["type"] == "expect_table_row_count_to_be_between":
            verdict.observed = counts[-1]
        else:
            verdict.unexpected_count = violations
            if violations:
                columns = [kwargs[key] for key in ("column", "column_A", "column_B") if key in kwargs]
                columns = list(dict.fromkeys(declaration.index_columns + columns))
                sql = render_sql(
                    declaration, "offending", changed_only, only=number, columns=columns, limit=OFFENDING_ROWS
                )
                rows = connection.execute(sql).fetchall()
                verdict.offending = [dict(zip(columns, map(_plain, row), strict=True)) for row in rows]
        verdicts.append(verdict)
    return SuiteResult(declaration.mart, verdicts, in_sql=True)


def _gx():
    import great_expectations as gx  # imported late: it takes seconds

    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    return gx


def _pandas_source():
    """A pandas data source in an in-memory GX context (no files to write, no progress bars)."""
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = _gx().get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    return context.data_sources.add_pandas("warehouse")


def _exception_message(info: dict) -> str | None:
    """The error GX met evaluating an expectation: its exception info is flat, or keyed by metric."""
    for entry in [info, *(value for value in info.values() if isinstance(value, dict))]:
        if entry.get("raised_exception"):
            return entry.get("exception_message") or "an exception (see the JSON results)"
    return None


def validate_with_gx(
    connection, declaration: Declaration, source, changed_only: bool = False
) -> tuple[SuiteResult, dict]:
    """One mart, with its check columns, validated by Great Expectations as a dataframe."""
    gx = _gx()
    from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

    frame = connection.sql(render_sql(declaration, "rows", changed_only)).df()
    configurations = [ExpectationConfiguration(**expectation) for expectation in declaration.expectations]
    suite = gx.ExpectationSuite(name=declaration.mart, expectations=[each.to_domain_obj() for each in configurations])
    asset = f"{declaration.mart}__changed" if changed_only else declaration.mart
    batch = source.add_dataframe_asset(asset).add_batch_definition_whole_dataframe("whole")
    result_format = {"result_format": "COMPLETE", "unexpected_index_column_names": declaration.index_columns}
    validation = batch.get_batch(batch_parameters={"dataframe": frame}).validate(suite, result_format=result_format)
    verdicts = []
    for result in validation.results:
        config, details = result.expectation_config, result.result or {}
        error = _exception_message(result.exception_info or {})
        offending = (details.get("unexpected_index_list") or [])[:OFFENDING_ROWS]
        verdicts.append(
            Verdict(
                config.type,
                _arguments(config.kwargs),
                config.description or "",
                bool(result.success),
                details.get("unexpected_count"),
                [{key: _plain(value) for key, value in row.items()} for row in offending],
                _plain(details.get("observed_value")),
                error,
            )
        )
    return SuiteResult(declaration.mart, verdicts), validation.to_json_dict()


def _validate_one(
    connection, declaration: Declaration, sql_rows: int, sources: list, changed_only: bool = False
) -> tuple[SuiteResult, dict]:
    changed_only = changed_only and declaration.changed_rows is not None
    if changed_only:
        return _validate_changed(connection, declaration, sql_rows, sources)
    rows = connection.execute(f"select count(*) from marts.{declaration.mart}").fetchone()[0]
    if rows > sql_rows:
        outcome = validate_in_sql(connection, declaration)
        return outcome, {"checked_in": "sql", "results": [asdict(verdict) for verdict in outcome.verdicts]}
    if not sources:
        sources.append(_pandas_source())
    return validate_with_gx(connection, declaration, sources[0])


def _validate_changed(connection, declaration: Declaration, sql_rows: int, sources: list) -> tuple[SuiteResult, dict]:
    """An incremental build: the row-level expectations on the rows it changed (a batch of those rows
    for Great Expectations, or SQL when they are many), the table-level ones on the whole mart."""
    row_level = [each for each in declaration.expectations if each["type"] not in TABLE_LEVEL]
    table_level = [each for each in declaration.expectations if each["type"] in TABLE_LEVEL]
    verdicts: list[Verdict] = []
    details: dict[str, Any] = {
        "checked": "the rows this incremental build changed",
        "changed_rows": declaration.changed_rows,
    }
    if row_level:
        part = replace(declaration, expectations=row_level)
        rows = connection.execute(f"select count(*) from ({render_sql(part, 'rows', True)})").fetchone()[0]
        details["changed_row_count"] = rows
        if rows > sql_rows:
            outcome = validate_in_sql(connection, part, changed_only=True)
            details["row_level"] = {"checked_in": "sql", "results": [asdict(verdict) for verdict in outcome.verdicts]}
        else:
            if not sources:
                sources.append(_pandas_source())
            outcome, details["row_level"] = validate_with_gx(connection, part, sources[0], changed_only=True)
        verdicts += outcome.verdicts
    if table_level:
        whole = validate_in_sql(connection, replace(declaration, expectations=table_level))
        details["table_level"] = {"checked_in": "sql", "results": [asdict(verdict) for verdict in whole.verdicts]}
        verdicts += whole.verdicts
    order = {id(each): number for number, each in enumerate(declaration.expectations)}
    ordered = sorted(zip([*row_level, *table_level], verdicts, strict=True), key=lambda pair: order[id(pair[0])])
    verdicts = [verdict for _, verdict in ordered]
    return SuiteResult(declaration.mart, verdicts, changed_only=True), details


def validate(
    database: Path,
    results_dir: Path = settings.RESULTS_DIR,
    sql_rows: int | None = None,
    folder: Path = DECLARATIONS_DIR,
    changed_only: bool = False,
) -> list[SuiteResult]:
    """Validate the marts of `database` against every declaration of `folder`; write one JSON file
    of results per mart under results_dir/expectations. A suite that cannot run at all (a mart or
    a column its file names does not exist) fails with the database's error. `changed_only` (an
    incremental build): a suite declaring `changed_rows` reads only the rows the build changed for
    its row-level expectations, and the whole mart for its table-level ones."""
    sql_rows = SQL_ROWS if sql_rows is None else sql_rows
    declarations = load_declarations(folder)
    json_dir = results_dir / "expectations"
    shutil.rmtree(json_dir, ignore_errors=True)
    json_dir.mkdir(parents=True)
    sources: list = []
    outcomes: list[SuiteResult] = []
    with settings.connect(database, read_only=True) as connection:
        for declaration in declarations:
            started = time.perf_counter()
            try:
                outcome, details = _validate_one(connection, declaration, sql_rows, sources, changed_only)
            except Exception as error:  # noqa: BLE001 - reported as this suite's failure
                message = " ".join(str(error).split())
                outcome = SuiteResult(
                    declaration.mart, [Verdict("suite", {}, str(declaration.path), False, error=message)]
                )
                details = {"error": message}
            outcome.seconds = time.perf_counter() - started
            outcomes.append(outcome)
            details = {"table": declaration.mart, "declared_in": str(declaration.path), **details}
            (json_dir / f"{declaration.mart}.json").write_text(json.dumps(details, indent=2, default=str), "utf-8")
    return outcomes


def summary(outcomes: list[SuiteResult], seconds: float) -> str:
    evaluated = sum(len(outcome.verdicts) for outcome in outcomes)
    failed = sum(len(outcome.failed) for outcome in outcomes)
    lines = [f"{'mart':<26}{'expectations':>13}{'failed':>8}{'seconds':>9}"]
    lines += [
        f"{outcome.table:<26}{len(outcome.verdicts):>13}{len(outcome.failed):>8}{outcome.seconds:>9.1f}"
        + ("   (large: checked in SQL)" if outcome.in_sql else "")
        + ("   (changed rows only)" if outcome.changed_only else "")
        for outcome in outcomes
    ]
    lines.append(f"{'total':<26}{evaluated:>13}{failed:>8}   ({seconds:.1f} s)")
    for outcome in outcomes:
        lines += [f"  FAILED {outcome.table}: {failure}" for failure in outcome.failed]
    return "\n".join(lines)


class _Worker:
    """Great Expectations in a child process: it imports GX as soon as it starts, then validates
    the one database it is sent. Forked before dbt runs, so the import overlaps dbt's work."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("fork")
        self.connection, child_end = context.Pipe()
        self.process = context.Process(target=_serve, args=(child_end,), daemon=True, name="great-expectations")
        self.process.start()
        child_end.close()

    def send(self, database: Path, results_dir: Path, changed_only: bool = False) -> None:
        """Start validating `database` in the child; `receive` waits for the outcome."""
        try:
            self.connection.send((database, results_dir, changed_only))
        except (EOFError, OSError) as error:
            self.connection.close()
            raise RuntimeError(f"the Great Expectations process ended early ({error})") from error

    def receive(self) -> list[SuiteResult]:
        try:
            status, value = self.connection.recv()
        except (EOFError, OSError) as error:
            raise RuntimeError(f"the Great Expectations process ended early ({error})") from error
        finally:
            self.connection.close()
            self.process.join(timeout=5)
        if status != "ok":
            raise RuntimeError(f"Great Expectations failed:\n{value}")
        return value


def _leave_with(parent: int) -> None:
    """End this process as soon as the build that forked it has gone (a build that failed before
    its expectations stage exits without waiting for Great Expectations' import)."""
    while os.getppid() == parent:
        time.sleep(0.2)
    os._exit(0)


def _serve(connection) -> None:
    # dbt's run is the build's critical path: on a busy machine the import waits for spare cycles
    os.nice(10)
    threading.Thread(target=_leave_with, args=(os.getppid(),), daemon=True).start()
    # Great Expectations imports pyspark, where `make spark` installed it, to validate Spark frames;
    # this process validates pandas frames alone and goes without it (0.3-0.4 s of CPU a build)
    sys.modules.setdefault("pyspark", None)
    _gx()
    sql_template()  # compiled while dbt runs
    try:
        database, results_dir, changed_only = connection.recv()
    except EOFError:  # the build stopped before its expectations stage
        return
    try:
        connection.send(("ok", validate(database, results_dir, changed_only=changed_only)))
    except DeclarationError as error:
        connection.send(("error", str(error)))
    except BaseException:  # noqa: BLE001 - sent back whole to the build, which reports it
        connection.send(("error", traceback.format_exc()))


_worker: _Worker | None = None


def warm_up() -> None:
    """Start importing Great Expectations in a process of its own; the next `run` uses it. Where
    processes cannot be forked (Windows), `run` imports it in this process instead."""
    global _worker
    if _worker is None and "fork" in multiprocessing.get_all_start_methods():
        _worker = _Worker()


class Validation:
    """Expectations started on a database: in the Great Expectations process when `warm_up` started
    one (the caller can do other work meanwhile), else in this process when `result` is asked for."""

    def __init__(self, database: Path, results_dir: Path, changed_only: bool) -> None:
        global _worker
        self.database, self.results_dir, self.changed_only = database, results_dir, changed_only
        self.started = time.perf_counter()
        self.worker, _worker = _worker, None
        self.error: str | None = None
        if self.worker:
            try:
                self.worker.send(database, results_dir, changed_only)
            except RuntimeError as error:
                self.error = str(error)

    @property
    def in_background(self) -> bool:
        """True when the expectations run in their own process while the caller goes on."""
        return self.worker is not None and self.error is None

    def result(self) -> tuple[bool, str]:
        """(all passed, the summary to print), once the expectations have run."""
        if self.error is not None:
            return False, f"  FAILED: {self.error}"
        try:
            outcomes = (
                self.worker.receive()
                if self.worker
                else validate(self.database, self.results_dir, changed_only=self.changed_only)
            )
        except (DeclarationError, RuntimeError) as error:
            return False, f"  FAILED: {error}"
        text = summary(outcomes, time.perf_counter() - self.started)
        return all(not outcome.failed for outcome in outcomes), text


def start(database: Path, results_dir: Path = settings.RESULTS_DIR, changed_only: bool = False) -> Validation:
    """Start validating every mart of `database`; `.result()` waits for the verdict. `changed_only`:
    an incremental build's, whose row-level expectations read the rows it changed (see `validate`)."""
    return Validation(database, results_dir, changed_only)


def run(database: Path, results_dir: Path = settings.RESULTS_DIR, changed_only: bool = False) -> tuple[bool, str]:
    """Validate every mart of `database`: (all passed, the summary to print)."""
    return start(database, results_dir, changed_only).result()
