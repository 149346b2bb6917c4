"""The one way this project runs dbt: in-process, through dbt's programmatic API (`dbtRunner`).

Every caller (the build, the docs site, the seed check, the tests) goes through `invoke`. What
happened comes from the result objects dbt returns for this invocation, never from its printed
output or from a `run_results.json` left by an earlier run.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import settings

FAILED_STATUSES = {"error", "fail", "runtime error"}


@dataclass(frozen=True)
class NodeFailure:
    """One node of this run that failed: a model or seed in error, or a test that found rows."""

    unique_id: str
    status: str
    message: str
    compiled_code: str | None
    failures: int | None

    @property
    def is_failed_test(self) -> bool:
        return self.unique_id.startswith("test.") and self.status == "fail"


@dataclass
class DbtRun:
    """The outcome of one dbt invocation."""

    command: list[str]
    success: bool
    seconds: float
    node_count: int = 0
    failures: list[NodeFailure] = field(default_factory=list)
    exception: BaseException | None = None
    result: object = None

    def describe(self, database: Path | None = None, row_limit: int = 10) -> str:
        """What went wrong, one block per failed node; for a failed data test, the rows it returned
        (its compiled query, from this run's result, re-read on `database`)."""
        lines: list[str] = []
        if self.exception is not None:
            lines.append(f"- dbt {' '.join(self.command[:1])} stopped: {_one_line(self.exception)}")
        for failure in self.failures:
            lines.append(f"- {failure.unique_id}: {failure.message}")
            if failure.is_failed_test and failure.compiled_code and database is not None:
                lines.append(offending_rows(database, failure.compiled_code, row_limit))
        if not lines and not self.success:
            lines.append(f"- dbt {' '.join(self.command[:1])} failed without naming a node (see dbt's output above)")
        return "\n".join(lines)


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__


# a value longer than this is shown in full under the table of a failed test's rows, not cut
TABLE_VALUE_CHARS = 60


def offending_rows(database: Path, compiled_sql: str, limit: int = 10) -> str:
    """The first rows a failed test's query returns on `database`, as an indented table; a value
    longer than TABLE_VALUE_CHARS (a quote, the list of files a key is found in) is cut there in the
    table and written whole below it, under its row number and column."""
    import duckdb

    try:
        with settings.connect(database, read_only=True) as connection:
            frame = connection.sql(f"select * from ({compiled_sql}) as failures limit {limit}").df()
    except duckdb.Error as error:
        return f"    (could not read the failing rows: {_one_line(error)})"
    lines = frame.to_string(index=False, max_colwidth=TABLE_VALUE_CHARS).splitlines()
    for number, row in enumerate(frame.itertuples(index=False), start=1):
        for column, value in zip(frame.columns, row, strict=True):
            if len(str(value)) > TABLE_VALUE_CHARS:
                lines.append(f"row {number}, {column}: {value}")
    return "\n".join("    " + line for line in lines)


@contextlib.contextmanager
def _environment(values: dict[str, str]) -> Iterator[None]:
    """Set environment variables for the length of one invocation (profiles.yml reads them)."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _failures(result: object) -> tuple[list[NodeFailure], int]:
    """Failed nodes of a run's result object, and how many nodes ran."""
    node_results = getattr(result, "results", None) or []
    failed = []
    for node_result in node_results:
        status = str(getattr(node_result, "status", "")).lower()
        if status not in FAILED_STATUSES:
            continue
        node = getattr(node_result, "node", None)
        failed.append(
            NodeFailure(
                unique_id=getattr(node, "unique_id", "?"),
                status=status,
                message=" ".join(str(getattr(node_result, "message", "") or "").split()),
                compiled_code=getattr(node, "compiled_code", None),
                failures=getattr(node_result, "failures", None),
            )
        )
    return failed, len(node_results)


def node_seconds(result: object) -> dict[str, float]:
    """Seconds each node of a run's result object took (dbt's own execution_time), by unique id."""
    return {
        getattr(getattr(node_result, "node", None), "unique_id", "?"): float(
            getattr(node_result, "execution_time", 0.0)
        )
        for node_result in (getattr(result, "results", None) or [])
    }


def _release_duckdb() -> None:
    """Close the DuckDB database dbt-duckdb keeps open in this process after a run, so the file
    can be opened again (read-only, or renamed into place) once dbt is done with it."""
    try:
        from dbt.adapters.duckdb.connections import DuckDBConnectionManager
    except ImportError:  # pragma: no cover - dbt-duckdb is always installed with the project
        return
    with DuckDBConnectionManager._LOCK:
        environment = DuckDBConnectionManager._ENV
        DuckDBConnectionManager._ENV = None
        if environment is not None:
            environment.close()


def invoke(
    command: list[str],
    *,
    database: Path | str | None = None,
    project_dir: Path = settings.ROOT,
    target_path: Path | None = None,
    variables: dict | None = None,
    target: str | None = None,
    threads: int | None = None,
    quiet: bool = False,
    environment: dict[str, str] | None = None,
    manifest: object = None,
) -> DbtRun:
    """Run one dbt command (`["build", "--select", ...]`) on the project in this process.

    `database` is the DuckDB file the dev target writes (profiles.yml reads $DBT_DUCKDB_PATH);
    `variables` become `--vars`; `quiet` keeps dbt's progress lines off the console; `manifest`,
    the result of a `parse` with the same project, variables and target, spares dbt its parse.
    """
    from dbt.cli.main import dbtRunner

    arguments = [*command, "--project-dir", str(project_dir), "--profiles-dir", str(project_dir)]
    if target_path is not None:
        arguments += ["--target-path", str(target_path), "--log-path", str(Path(target_path) / "logs")]
    if variables:
        arguments += ["--vars", json.dumps(variables)]
    if target:
        arguments += ["--target", target]
    if threads:
        arguments += ["--threads", str(threads)]
    if quiet:
        arguments = ["--quiet", *arguments]
    values = dict(environment or {})
    # dbt.log at warn: its warnings and errors (stack traces included). Each level below costs: debug
    # (every statement of every node) about a tenth of a build's time, info (a start and an end line
    # per node, formatted and written) about a tenth of the dbt stage's CPU time, measured by
    # A/B. DBT_LOG_LEVEL_FILE=info or debug in the environment brings those lines back.
    values.setdefault("DBT_LOG_LEVEL_FILE", os.environ.get("DBT_LOG_LEVEL_FILE", "warn"))
    if database is not None:
        values["DBT_DUCKDB_PATH"] = str(database)
    started = time.perf_counter()
    with _environment(values), contextlib.chdir(project_dir):
        try:
            outcome = dbtRunner(manifest=manifest).invoke(arguments)
        finally:
            _release_duckdb()
    failures, node_count = _failures(outcome.result)
    return DbtRun(
        command=command,
        success=bool(outcome.success),
        seconds=time.perf_counter() - started,
        node_count=node_count,
        failures=failures,
        exception=outcome.exception,
        result=outcome.result,
    )


def parse(**options) -> DbtRun:
    """`dbt parse` without writing any artifact; the parsed project (a dbt Manifest) is the run's
    `result`, to hand to `invoke(..., manifest=...)` (with the same options) and `write_manifest`.
    Partial parsing still keeps its state (target/partial_parse.msgpack) for the next parse."""
    return invoke(["parse", "--no-write-json"], **options)


def set_aside_written_sql(target_path: Path) -> threading.Thread:
    """Move what an earlier run wrote (target/compiled, target/run, the manifests) out of dbt's way and
    delete them in a background thread; returns that thread. dbt rewrites one or two files a node:
    writing over an existing file truncates it, which frees its disk blocks, and on a file system
    that discards freed blocks at once (ext4 mounted with `discard`, as here) that waits about
    2.5 ms a file inside the node's run. New files in new folders do not free anything."""
    aside = target_path / f".set-aside-{os.getpid()}-{time.monotonic_ns()}"
    leftovers = [path for path in target_path.glob(".set-aside-*") if path.is_dir()]
    for name in ("compiled", "run", "manifest.json", "semantic_manifest.json"):
        if (target_path / name).exists():
            aside.mkdir(parents=True, exist_ok=True)
            os.replace(target_path / name, aside / name)
    folders = [*leftovers, *([aside] if aside.exists() else [])]
    thread = threading.Thread(
        target=lambda: [shutil.rmtree(folder, ignore_errors=True) for folder in folders],
        name="delete-earlier-sql",
        daemon=True,
    )
    thread.start()
    return thread


def write_manifest(manifest: object, target_path: Path) -> None:
    """Write dbt's manifest.json and semantic_manifest.json for `manifest` into `target_path`, as a
    run without --no-write-json would. dbt writes them twice a run (after parsing and after the
    run), each through the pure-Python JSON encoder; this writes them once, with the C encoder,
    written aside and renamed into place."""
    from dbt.parser.manifest import write_semantic_manifest
    from dbt_common.utils.encoding import JSONEncoder

    target_path.mkdir(parents=True, exist_ok=True)
    content = manifest.writable_manifest().to_dict(omit_none=False, context={"artifact": True})
    partial = target_path / "manifest.json.partial"
    partial.write_text(json.dumps(content, cls=JSONEncoder), encoding="utf-8")
    os.replace(partial, target_path / "manifest.json")
    write_semantic_manifest(manifest=manifest, target_path=str(target_path))


def main(argv: list[str]) -> int:
    """`python -m pipeline.dbt COMMAND ...`: dbt through this wrapper, for callers that want a
    process of their own (the Spark comparison, the benchmark). Failures are listed at the end."""
    run = invoke(argv)
    if not run.success:
        print("\ndbt failed:\n" + run.describe())
    return 0 if run.success else 1


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
