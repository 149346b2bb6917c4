"""Checks before a build starts, so a setting or a folder it cannot write fails in a second, with
every problem named at once, instead of minutes later in the middle of a stage."""

from __future__ import annotations

import uuid
from pathlib import Path

import duckdb

from pipeline import exports, settings
from pipeline.errors import BuildFailed, describe_os_error
from pipeline.publish import writer_holds


def memory_limit_problem() -> str | None:
    try:
        with duckdb.connect(config={"memory_limit": settings.MEMORY_LIMIT}):
            return None
    except duckdb.Error as error:
        return (
            f"DUCKDB_MEMORY_LIMIT={settings.MEMORY_LIMIT!r} is not a memory size DuckDB accepts "
            f"({' '.join(str(error).split())}); write it like 3GB or 500MB"
        )


def writable_problem(folder: Path) -> str | None:
    """Create and remove a file in `folder` (made if missing): a folder the build cannot write."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".write-check-{uuid.uuid4().hex}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        return describe_os_error(error)
    return None


def preflight(landing: Path, landing_given: bool) -> list[str]:
    """Raise BuildFailed naming every problem found; return notes to print."""
    problems: list[str] = []
    notes: list[str] = []
    memory = memory_limit_problem()
    if memory:
        problems.append(memory)
    folders = [
        settings.ROOT,  # warehouse.duckdb and the exports link are renamed into it
        settings.PUBLISH_DIR,
        settings.EXPORTS_VERSIONS_DIR,
        settings.WORK_DIR,
        settings.STATE_DIR,  # the build's state, kept between builds
        settings.RESULTS_DIR,
        settings.ROOT / "target",  # dbt's compiled SQL and results
        settings.ROOT / "logs",  # dbt's log
    ]
    problems += [problem for problem in map(writable_problem, folders) if problem]
    if landing_given and not landing.is_dir():
        problems.append(f"the landing folder {landing} does not exist (--landing or $LANDING_DIR)")
    if writer_holds(settings.PUBLISHED_PATH):
        problems.append(
            f"{settings.PUBLISHED_PATH.name} is open read-write by another process (a plain `dbt build`, a notebook, "
            "or a DuckDB shell opened without -readonly); close it: readers open the file read-only"
        )
    own = exports.foreign_exports()
    if own is not None:
        notes.append(
            "exports/ is a folder of your own, not the link builds publish: when this build publishes, it is moved "
            "aside to exports.yours-<time>/ (never deleted)"
        )
    if problems:
        raise BuildFailed("the build cannot start:\n" + "\n".join(f"  {problem}" for problem in problems))
    return notes
