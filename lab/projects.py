"""Copies of a checkout, and commands run in them: what the benchmark, the timing tools and the
tests share. A copy is changed, built or timed in isolation; the checkout itself never is."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from pipeline import settings

# What a build needs: the dbt project, the seeds and documents, the product's and the reports' code,
# the expectation suites, and what `make` reads.
PROJECT_PARTS = [
    "dbt_project.yml",
    "profiles.yml",
    "selectors.yml",
    "models",
    "seeds",
    "macros",
    "tests",
    "documents",
    "pipeline",
    "reports",
    "requirements.lock",
    "Makefile",
    "gx",
]


def copy_project(destination: Path, root: Path = settings.ROOT) -> Path:
    """A copy of the sources of the checkout at `root` in `destination`: no venv, no build output, no
    Python caches, no Great Expectations results; a part an older checkout does not have is skipped."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = root / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__", "uncommitted"))
        elif source.is_file():
            shutil.copy2(source, destination / part)
    return destination


def run(
    command: list[str], cwd: Path, environment: dict[str, str] | None = None, timeout: float | None = None
) -> subprocess.CompletedProcess:
    """`command` run in `cwd`: its output captured as text, no input, a failure returned, not raised."""
    return subprocess.run(
        command,
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
    )


@dataclass(frozen=True)
class TimedRun:
    completed: subprocess.CompletedProcess
    seconds: float  # wall time
    cpu_seconds: float  # user + system of the process and its children: the figure to compare on a shared machine


def timed_run(command: list[str], cwd: Path) -> TimedRun:
    """`command` run in `cwd` (as `run`), with its wall time and CPU seconds; a failure stops the
    timing tool with the end of the command's output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    completed = run(command, cwd)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if completed.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{completed.stdout[-2000:]}{completed.stderr[-2000:]}")
    cpu_seconds = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return TimedRun(completed, seconds, cpu_seconds)


def load_average() -> str:
    """The machine's 1-, 5- and 15-minute load averages, to print beside a wall time."""
    return " ".join(f"{value:.2f}" for value in os.getloadavg())
