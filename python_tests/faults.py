"""Helpers of the fault suite (test_faults.py, test_incremental.py, test_landing_property.py): copies
of a published project, builds started, paused and killed, and what a reader sees afterwards.

SCORE records each fault tried and whether it held (nothing wrong published, the right message);
conftest.py prints `faults held: N / M` at the end of the run.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb

SCORE: dict[str, bool] = {}
TIMEOUT = 1200  # seconds a build may take on a loaded machine before a test gives up on it


def record(fault: str, held: bool) -> None:
    SCORE[fault] = held


def copy_published(published: tuple[Path, Path], destination: Path) -> tuple[Path, Path]:
    """A copy of a published project (its warehouse, exports link and publish state) and documents."""
    project, documents = published
    ignore = shutil.ignore_patterns("build", "target", "logs", "__pycache__")
    return (
        Path(shutil.copytree(project, destination / "project", ignore=ignore, symlinks=True)),
        Path(shutil.copytree(documents, destination / "documents")),
    )


def environment(documents: Path, **extra: str) -> dict[str, str]:
    values = dict(os.environ, SOURCE_DOCUMENTS_DIR=str(documents))
    for name in (
        "PIPELINE_PAUSE_AT",
        "PIPELINE_PAUSE_SECONDS",
        "PIPELINE_RESUME_DIR",
        "DUCKDB_MEMORY_LIMIT",
        "LANDING_DIR",
    ):
        values.pop(name, None)
    values.update(extra)
    return values


@dataclass
class Running:
    """A `python -m pipeline ...` started in the background, its output going to a log file."""

    process: subprocess.Popen
    log: Path

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_for(self, text: str, timeout: float = TIMEOUT) -> bool:
        """Wait until `text` is in the output; False if the process ended (or time ran out) first."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text in self.output():
                return True
            if self.process.poll() is not None:
                return text in self.output()
            time.sleep(0.2)
        return False

    def kill(self) -> None:
        """SIGKILL: no handler, no cleanup, as a crash or an OOM kill would."""
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=60)

    def finish(self, timeout: float = TIMEOUT) -> int:
        return self.process.wait(timeout=timeout)


def start(
    project: Path, documents: Path, *arguments: str, log_name: str = "build", log_dir: Path | None = None, **extra: str
) -> Running:
    log = (log_dir or project.parent) / f"{log_name}.log"
    with log.open("w", encoding="utf-8") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "pipeline", *arguments],
            cwd=project,
            env=environment(documents, **extra),
            stdout=output,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    return Running(process, log)


def run(project: Path, documents: Path, *arguments: str, **extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *arguments],
        cwd=project,
        env=environment(documents, **extra),
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
        timeout=TIMEOUT,
    )


def checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass(frozen=True)
class Published:
    """What a reader finds in a project: the warehouse's bytes and build, and what exports/ holds."""

    checksum: str
    build_id: str | None
    exports_target: str | None
    exports_build_id: str | None

    @property
    def consistent(self) -> bool:
        """The warehouse and the exports come from the same build."""
        return self.build_id is not None and self.build_id == self.exports_build_id


def published_state(project: Path) -> Published:
    warehouse = project / "warehouse.duckdb"
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        try:
            build_id = connection.execute("select build_id from audit.build_info").fetchone()[0]
        except duckdb.Error:
            build_id = None
    link = project / "exports"
    manifest = link / "manifest.json"
    exports_build_id = json.loads(manifest.read_text(encoding="utf-8"))["build_id"] if manifest.is_file() else None
    return Published(
        checksum=checksum(warehouse),
        build_id=build_id,
        exports_target=os.readlink(link) if link.is_symlink() else None,
        exports_build_id=exports_build_id,
    )


def leftovers(project: Path) -> list[str]:
    """Work files and exports folders that no published or kept build owns, and an open journal."""
    found = []
    work = project / "build" / "work"
    if work.is_dir():
        found += [f"build/work/{path.name}" for path in work.iterdir()]
    if (project / ".publish" / "journal.json").exists():
        found.append(".publish/journal.json")
    kept = set()
    for warehouse in (project / "warehouse.duckdb", project / ".publish" / "previous" / "warehouse.duckdb"):
        if warehouse.is_file():
            # a warehouse that records no build id keeps no exports folder
            with duckdb.connect(str(warehouse), read_only=True) as connection, contextlib.suppress(duckdb.Error):
                kept.add(connection.execute("select build_id from audit.build_info").fetchone()[0])
    versions = project / ".exports"
    if versions.is_dir():
        found += [f".exports/{path.name}" for path in versions.iterdir() if path.name not in kept]
    return found


def write_csv(path: Path, header: list[str], rows: list[list], bom: bool = False) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


FIGURE_COLUMNS = [
    "figure_id", "source_id", "paragraph_number", "subject_as_written", "item_as_written", "metric_id",
    "metric_as_written", "period_as_written", "value_as_written", "range_position", "direction_as_written", "quote",
]  # fmt: skip
SOURCE_COLUMNS = ["source_id", "title", "published_date", "language", "text_path", "section"]
ENTITY_COLUMNS = ["entity_id", "entity_name", "entity_type", "parent_entity_id", "description"]
ALIAS_COLUMNS = ["alias", "entity_id", "note"]


def figure_row(figure_id, source_id, paragraph, subject, metric, period, value, position="", direction="") -> list:
    sentence = f"{subject} reported {metric.replace('_', ' ')} of {value} for {period}."
    return [figure_id, source_id, paragraph, subject, "", metric, metric, period, value, position, direction, sentence]


def reorder(header: list[str], rows: list[list], order: list[str]) -> tuple[list[str], list[list]]:
    """The same table with its columns in `order`."""
    positions = [header.index(name) for name in order]
    return order, [[row[position] for position in positions] for row in rows]
