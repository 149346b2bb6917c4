"""Warm build time of the article's warehouse: `python -m pipeline build`, run RUNS times after one
unmeasured warm-up run, with the median of the whole run and of each stage the build records.

    python -m lab.build_timing [--runs 5] [--project DIR [--project DIR]]   (make bench-build)

`--project` times another checkout (say, main's); given twice, the two are built in turn, so both
see the same load on a shared machine. Each project is built with its own .venv when it has one.
Each run publishes that project's warehouse.duckdb, as `make build` does. Prints figures only:
nothing here passes or fails on a time.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path

from lab.projects import load_average, timed_run
from pipeline import settings

SUMMARY = settings.SUMMARY_PATH.relative_to(settings.ROOT)


def one_build(project: Path, python: str) -> dict[str, float]:
    """Seconds of one build: the whole process (`total`), each stage it recorded, and the CPU
    seconds (user + system) of the build and its children (`cpu`): on a machine shared with other
    work, the figure to compare two projects by."""
    build = timed_run([python, "-m", "pipeline", "build"], project)
    total = build.seconds
    summary = project / SUMMARY
    if summary.exists() and summary.stat().st_mtime >= time.time() - total:
        stages = json.loads(summary.read_text(encoding="utf-8"))["timings"]
    else:
        # an older checkout (say, the original commit) records no summary: its build prints the stages
        stages = printed_stages(build.completed.stdout)
    # start-up, imports, the claims report and exit: the part of the run no stage records
    return {"total": total, **stages, "outside stages": total - sum(stages.values()), "cpu": build.cpu_seconds}


def printed_stages(output: str) -> dict[str, float]:
    """The stages of a build's `timings: seed checks 0.2 s, dbt build 9.1 s, ...` line."""
    line = next((line for line in output.splitlines() if line.startswith("timings: ")), "")
    return {
        name: float(seconds) for name, seconds in re.findall(r"([a-z][a-z ]*?) ([0-9.]+) s", line[len("timings: ") :])
    }


def interpreter(project: Path) -> str:
    venv_python = project / ".venv" / "bin" / "python"
    return str(venv_python) if venv_python.exists() else sys.executable


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lab.build_timing", description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--project",
        type=Path,
        action="append",
        help="checkout to build (default: this one); give it twice to compare two, their runs interleaved "
        "so a change in the machine's load falls on both alike",
    )
    arguments = parser.parse_args(argv)
    projects = [project.resolve() for project in arguments.project or [settings.ROOT]]
    print(
        f"warm build of {', '.join(map(str, projects))} ({arguments.runs} runs each after one warm-up); "
        f"load average {load_average()}",
        flush=True,
    )
    for project in projects:
        one_build(project, interpreter(project))
    runs: dict[Path, list[dict[str, float]]] = {project: [] for project in projects}
    for number in range(1, arguments.runs + 1):
        for project in projects:
            runs[project].append(one_build(project, interpreter(project)))
            stages = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in runs[project][-1].items())
            print(f"  run {number} {project.name}: {stages}", flush=True)
    print(f"load average at the end: {load_average()}")
    for project in projects:
        print(f"{project} median of {arguments.runs}:")
        names = list(dict.fromkeys(name for run in runs[project] for name in run))
        for name in names:
            values = [run[name] for run in runs[project] if name in run]
            print(f"  {name:<14}{statistics.median(values):6.1f} s   (min {min(values):.1f}, max {max(values):.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
