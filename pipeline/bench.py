"""`make bench`: the whole pipeline against the DuckDB-only floor, at growing corpus sizes.

For each size: generate a corpus of landed files (deterministic), run the full pipeline on a copy of
the project (`python -m pipeline build --landing ...`: dbt build with tests, expectations, publish),
run the floor (bench/floor.sql: the same parsing, normalisation and mart aggregation in plain DuckDB
SQL), and compare. At the largest size, one more document is landed and loaded with
`build --incremental`. Each run is a separate process, so its peak memory is its own.

Sizes: $BENCH_SIZES (comma-separated figure counts), default 1000,100000,1000000,10000000.
BENCH_REUSE_CORPUS=1 keeps a corpus already generated for a size (under build/bench/SIZE/landing).
Results: printed, and written to bench/RESULTS.md.
"""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from pipeline import settings
from pipeline.corpus import FIGURES_PER_DOCUMENT, default_companies

DEFAULT_SIZES = [1_000, 100_000, 1_000_000, 10_000_000]
WORK = settings.BUILD_DIR / "bench"
RESULTS = settings.ROOT / "bench" / "RESULTS.md"
PROJECT_PARTS = ["dbt_project.yml", "profiles.yml", "models", "seeds", "macros", "tests", "pipeline", "gx"]
SEED = 20240417

MEASURE = """
import json, resource, subprocess, sys, time
started = time.perf_counter()
completed = subprocess.run(sys.argv[2:], cwd=sys.argv[1], capture_output=True, text=True)
seconds = time.perf_counter() - started
peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"seconds": seconds, "peak_mib": peak_kib / 1024, "returncode": completed.returncode,
                  "stdout": completed.stdout, "stderr": completed.stderr}))
"""


def measured(cwd: Path, command: list[str]) -> dict:
    """Run `command` in a fresh process; its wall time and the peak resident memory of its process tree's
    largest process (ru_maxrss of waited-for children)."""
    completed = subprocess.run(
        [sys.executable, "-c", MEASURE, str(cwd), *command], capture_output=True, text=True, check=True
    )
    result = json.loads(completed.stdout)
    if result["returncode"] != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result['stdout'][-4000:]}\n{result['stderr'][-4000:]}")
    return result


def project_copy(destination: Path) -> Path:
    shutil.rmtree(destination, ignore_errors=True)
    destination.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = settings.ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__", "uncommitted"))
        elif source.is_file():
            shutil.copy2(source, destination / part)
    return destination


def stage_timings(output: str) -> dict[str, float]:
    match = re.search(r"^timings: (.*)$", output, re.MULTILINE)
    if not match:
        return {}
    return {name: float(seconds) for name, seconds in re.findall(r"([a-z ]+?) ([0-9.]+) s(?:, |$)", match.group(1))}


def generate(size: int, landing: Path, seed: int = SEED, extra: list[str] | None = None) -> dict:
    shutil.rmtree(landing, ignore_errors=True)
    command = [sys.executable, "-m", "pipeline.corpus", "--figures", str(size), "--seed", str(seed)]
    command += ["--out", str(landing), "--format", "parquet", *(extra or [])]
    return measured(settings.ROOT, command)


def run_size(size: int) -> dict:
    folder = WORK / str(size)
    landing = folder / "landing"
    summary = landing / "_corpus.json"
    if os.environ.get("BENCH_REUSE_CORPUS") and summary.exists() and json.loads(summary.read_text())["figures"] == size:
        # generation is not timed; at 10^7 it takes longer than the pipeline, so a rerun may keep it
        print(f"\n== {size:,} figures: reusing the corpus in {landing}", flush=True)
        for leftover in landing.rglob("zz_one_document_*"):
            leftover.unlink()
    else:
        print(f"\n== {size:,} figures: generating the corpus", flush=True)
        generated = generate(size, landing)
        print(f"   generated in {generated['seconds']:.1f} s", flush=True)

    print("   pipeline: python -m pipeline build (dbt build with tests, expectations, publish)", flush=True)
    project = project_copy(folder / "project")
    environment_note = {"SOURCE_DOCUMENTS_DIR": str(settings.documents_dir())}
    os.environ.update(environment_note)
    pipeline = measured(project, [sys.executable, "-m", "pipeline", "build", "--landing", str(landing)])
    stages = stage_timings(pipeline["stdout"])
    rejected = re.search(r"landed figures: ([0-9,]+) in the warehouse, ([0-9,]+) rejected", pipeline["stdout"])
    print(f"   pipeline {pipeline['seconds']:.1f} s, peak {pipeline['peak_mib']:.0f} MiB; stages {stages}", flush=True)

    print("   floor: bench/floor.sql in plain DuckDB", flush=True)
    floor_database = folder / "floor.duckdb"
    floor_database.unlink(missing_ok=True)
    floor = measured(
        settings.ROOT,
        [sys.executable, "-c", "import sys; from pipeline.floor import run_floor; run_floor(sys.argv[1], sys.argv[2])",
         str(landing), str(floor_database)],
    )  # fmt: skip
    print(f"   floor {floor['seconds']:.1f} s, peak {floor['peak_mib']:.0f} MiB", flush=True)
    return {
        "size": size,
        "pipeline_seconds": pipeline["seconds"],
        "pipeline_peak_mib": pipeline["peak_mib"],
        "stages": stages,
        "landed": rejected.group(1) if rejected else "?",
        "rejected": rejected.group(2) if rejected else "?",
        "floor_seconds": floor["seconds"],
        "floor_peak_mib": floor["peak_mib"],
        "project": project,
        "landing": landing,
    }


def add_one_document(result: dict) -> dict:
    """Land one more document next to the largest corpus and load it with build --incremental."""
    extra = WORK / "one_document"
    # another seed, the same universe of companies; the registry is already landed
    universe = ["--companies", str(default_companies(result["size"])), "--no-registry"]
    generate(FIGURES_PER_DOCUMENT, extra, seed=SEED + 1, extra=universe)
    for kind_folder in sorted(extra.iterdir()):
        if kind_folder.is_dir():
            for file in kind_folder.iterdir():
                target = result["landing"] / kind_folder.name / f"zz_one_document_{file.name}"
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(file, target)
    incremental = measured(
        result["project"],
        [sys.executable, "-m", "pipeline", "build", "--incremental", "--landing", str(result["landing"])],
    )
    return {"seconds": incremental["seconds"], "peak_mib": incremental["peak_mib"],
            "stages": stage_timings(incremental["stdout"])}  # fmt: skip


def table(results: list[dict], incremental: dict | None) -> str:
    header = (
        "| figures | pipeline s | dbt build s | expectations s | publish s | peak MiB | figures/s | floor s "
        "| floor peak MiB | ratio to floor | rejected |\n"
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    )
    rows = [
        f"| {r['size']:,} | {r['pipeline_seconds']:.1f} | {r['stages'].get('dbt build', float('nan')):.1f} "
        f"| {r['stages'].get('expectations', float('nan')):.1f} | {r['stages'].get('publish', float('nan')):.1f} "
        f"| {r['pipeline_peak_mib']:.0f} | {r['size'] / r['pipeline_seconds']:,.0f} | {r['floor_seconds']:.1f} "
        f"| {r['floor_peak_mib']:.0f} | {r['pipeline_seconds'] / r['floor_seconds']:.1f}x | {r['rejected']} |"
        for r in results
    ]
    text = "\n".join([header, *rows])
    if incremental:
        text += (
            f"\n\nAdding one document ({FIGURES_PER_DOCUMENT} figures) to the {results[-1]['size']:,}-figure "
            f"warehouse with `build --incremental`: {incremental['seconds']:.1f} s, "
            f"peak {incremental['peak_mib']:.0f} MiB "
            f"(stages: {', '.join(f'{k} {v:.1f} s' for k, v in incremental['stages'].items())})."
        )
    return text


def main() -> int:
    sizes = [int(size) for size in os.environ.get("BENCH_SIZES", ",".join(map(str, DEFAULT_SIZES))).split(",")]
    WORK.mkdir(parents=True, exist_ok=True)
    results = []
    for size in sizes:
        results.append(run_size(size))
    incremental = add_one_document(results[-1]) if results else None
    text = table(results, incremental)
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    RESULTS.write_text(
        f"# Benchmark\n\nMeasured by `make bench` on {time.strftime('%Y-%m-%d')} ({machine}).\n"
        "Pipeline: `python -m pipeline build` (dbt build with every test, expectations, publish with exports). "
        "Floor: `bench/floor.sql` (the same parsing, normalisation and mart aggregation in plain DuckDB). "
        "Peak memory: largest resident set of the run's processes. Corpus generation is not timed in either.\n\n"
        + text
        + "\n",
        encoding="utf-8",
    )
    print("\n" + text)
    print(f"\nwritten to {RESULTS.relative_to(settings.ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
