"""`make bench`: the whole pipeline against the DuckDB-only floor, at growing corpus sizes.

For each size: generate a corpus of landed files (deterministic), run the full pipeline on a copy of
the project (`python -m pipeline build --landing ...`: dbt build with tests, expectations, publish),
run the floor (lab/sql/floor.sql: the same parsing, normalisation and mart aggregation in plain DuckDB
SQL), and compare. At the sizes of $BENCH_SPARK_SIZES, the same project's `dbt build` also runs on
Apache Spark (`--target spark`, in-process) on the same landed files. At each size with an
add-one target (10^6 and 10^7) and at the largest size, right after that size's full build, the
incremental runs: one more document landed and loaded with `build --incremental`, then a batch of
1,000 documents, then that one document changed (its file landed again with one quote edited); for
each, the time until a new reader sees the change (the build's publish, warehouse and exports
together, expectations included), against a warm build of the article alone. Generated quotes are
lengthened to about 170 characters, as long as the article's, so the published file's bytes per
figure are those of real text. Each run is a separate process, so its
peak memory is its own.

Sizes: $BENCH_SIZES (comma-separated figure counts), default 1000,100000,1000000,10000000.
$BENCH_SPARK_SIZES: default 100000,1000000; empty for none (needs `make spark`).
From $BENCH_ONE_THREAD_FROM figures on (default 5000000), the full build runs with `--threads 1`:
two models at once would share DuckDB's memory limit. The incremental builds run with the profile's
threads at every size (their models read the changed rows only).
BENCH_REUSE_CORPUS=1 keeps a corpus already generated for a size (under build/bench/SIZE/landing).
Results: printed, and kept by size in bench/measured.json (a size measured again replaces its own
entry, the other sizes' stay), from which bench/RESULTS.md's tables are written for every size ever
measured, each with its date; the notes below RESULTS.md's tables (after NOTES_MARKER) are kept as
they are. What each build printed (its stages' times, the lean file's and the exports') is in
build/bench/SIZE/full_build.log and build/bench/SIZE/<change>.log, every node's seconds of this run in
build/bench/results.json.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

from lab.corpus import FIGURES_PER_DOCUMENT, default_companies
from lab.projects import copy_project
from pipeline import settings
from pipeline.literals import sql_string

DEFAULT_SIZES = [1_000, 100_000, 1_000_000, 10_000_000]
DEFAULT_SPARK_SIZES = [100_000, 1_000_000]
DEFAULT_ONE_THREAD_FROM = 5_000_000
WORK = settings.BUILD_DIR / "bench"
RESULTS = settings.ROOT / "bench" / "RESULTS.md"
MEASURED = settings.ROOT / "bench" / "measured.json"
# RESULTS.md's text from this line on is the readers' notes, kept when the tables are written again
NOTES_MARKER = "<!-- make bench writes the text above; the notes below are kept as they are -->"
SEED = 20240417
QUOTE_CHARS = 170  # the article's quotes average 168.5 characters
BATCH_DOCUMENTS = 1_000
# Targets of issue 16, checked at the sizes measured: (figures, seconds added to a warm article build)
ADD_ONE_MARGIN = {1_000_000: 5.0, 10_000_000: 10.0}
FLOOR_RATIO_TARGET = {1_000_000: 3.0, 10_000_000: 1.5}
BYTES_PER_FIGURE_TARGET = 200
PEAK_TARGET_MIB = 4 * 1024


# the 1-minute load average at the start of each measured run: the machine is shared
LOADS: list[float] = []


def measured(cwd: Path, command: list[str], environment: dict[str, str] | None = None, log: Path | None = None) -> dict:
    """Run `command` in a fresh process; its wall time, the peak resident memory of its process tree's
    largest process (ru_maxrss of waited-for children), and the peak of the whole tree's resident
    memory sampled every half second (for Spark, whose JVM dbt does not wait for). What the command
    printed is written to `log`, if given (a build's stages say there what their time went to)."""
    LOADS.append(os.getloadavg()[0])
    completed = subprocess.run(
        [sys.executable, "-m", "lab.measure", str(cwd), *command],
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.ROOT,
        env=dict(os.environ, **(environment or {})),
    )
    result = json.loads(completed.stdout)
    if log:
        log.write_text(result["stdout"] + result["stderr"], encoding="utf-8")
    if result["returncode"] != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result['stdout'][-4000:]}\n{result['stderr'][-4000:]}")
    return result


def project_copy(destination: Path) -> Path:
    """A fresh copy of the project (what an earlier run left there removed first)."""
    shutil.rmtree(destination, ignore_errors=True)
    return copy_project(destination)


def build_summary(project: Path) -> dict:
    """What the last `python -m pipeline build` in `project` recorded: stage timings and counts."""
    return json.loads((project / settings.SUMMARY_PATH.relative_to(settings.ROOT)).read_text(encoding="utf-8"))


def generate(size: int, landing: Path, seed: int = SEED, extra: list[str] | None = None) -> dict:
    shutil.rmtree(landing, ignore_errors=True)
    command = [sys.executable, "-m", "lab.corpus", "--figures", str(size), "--seed", str(seed)]
    command += ["--out", str(landing), "--format", "parquet", "--quote-chars", str(QUOTE_CHARS), *(extra or [])]
    return measured(settings.ROOT, command)


def run_size(size: int) -> dict:
    folder = WORK / str(size)
    landing = folder / "landing"
    summary = landing / "_corpus.json"
    reusable = summary.exists() and json.loads(summary.read_text())["figures"] == size
    reusable = reusable and json.loads(summary.read_text()).get("quote_chars") == QUOTE_CHARS
    if os.environ.get("BENCH_REUSE_CORPUS") and reusable:
        # generation is not timed; at 10^7 it takes longer than the pipeline, so a rerun may keep it
        print(f"\n== {size:,} figures: reusing the corpus in {landing}", flush=True)
        for leftover in [*landing.rglob("zz_one_document_*"), *landing.rglob("zz_batch_*")]:
            leftover.unlink()
    else:
        print(f"\n== {size:,} figures: generating the corpus", flush=True)
        generated = generate(size, landing)
        print(f"   generated in {generated['seconds']:.1f} s", flush=True)

    one_thread_from = int(os.environ.get("BENCH_ONE_THREAD_FROM", DEFAULT_ONE_THREAD_FROM))
    threads = ["--threads", "1"] if size >= one_thread_from else []
    command = ["python", "-m", "pipeline", "build", *threads]
    print(f"   pipeline: {' '.join(command)} (dbt build with tests, expectations, publish)", flush=True)
    project = project_copy(folder / "project")
    pipeline = measured(
        project,
        [sys.executable, "-m", "pipeline", "build", "--landing", str(landing), *threads],
        log=folder / "full_build.log",
    )
    summary = build_summary(project)
    stages = summary["timings"]
    print(f"   pipeline {pipeline['seconds']:.1f} s, peak {pipeline['peak_mib']:.0f} MiB; stages {stages}", flush=True)

    print("   floor: lab/sql/floor.sql in plain DuckDB", flush=True)
    floor_database = folder / "floor.duckdb"
    floor_database.unlink(missing_ok=True)
    floor = measured(settings.ROOT, [sys.executable, "-m", "lab.floor", str(landing), str(floor_database)])
    print(f"   floor {floor['seconds']:.1f} s, peak {floor['peak_mib']:.0f} MiB", flush=True)
    spark = run_spark(folder, project, landing) if size in spark_sizes() else None
    return {
        "spark": spark,
        "threads": 1 if threads else None,
        "size": size,
        "pipeline_seconds": pipeline["seconds"],
        "pipeline_cpu_seconds": pipeline.get("cpu_seconds", float("nan")),
        "pipeline_peak_mib": pipeline["peak_mib"],
        "stages": stages,
        "landed": summary["landed_figures"],
        "rejected": summary["rejected_figures"],
        "published_bytes": summary["published_bytes"],
        "dbt_node_seconds": summary.get("dbt_node_seconds", {}),
        "floor_seconds": floor["seconds"],
        "floor_peak_mib": floor["peak_mib"],
        "project": project,
        "landing": landing,
    }


def spark_sizes() -> list[int]:
    sizes = os.environ.get("BENCH_SPARK_SIZES", ",".join(map(str, DEFAULT_SPARK_SIZES)))
    return [int(size) for size in sizes.split(",") if size.strip()]


def run_spark(folder: Path, project: Path, landing: Path) -> dict:
    """`dbt build --target spark` of the project copy on the same landed files (no expectations or
    publish: those read DuckDB files); checks that fct_figures has as many rows as the DuckDB build's."""
    print("   Spark: dbt build --target spark (dbt-spark session, local pyspark)", flush=True)
    spark_dir = folder / "spark"
    shutil.rmtree(spark_dir, ignore_errors=True)
    command = [
        sys.executable, "-m", "pipeline.dbt", "build", "--target", "spark", "--exclude-resource-type", "unit_test",
        "--project-dir", str(project), "--profiles-dir", str(project), "--target-path", str(spark_dir / "target"),
        "--log-path", str(spark_dir / "logs"), "--vars", json.dumps({"landing_dir": str(landing)}),
    ]  # fmt: skip
    run = measured(project, command, {"DBT_SPARK_DIR": str(spark_dir)})
    published = project / settings.PUBLISHED_PATH.name
    spark_figures = spark_dir / "warehouse" / "marts.db" / "fct_figures"
    with settings.connect(published, read_only=True) as connection:
        duckdb_rows = connection.execute("select count(*) from marts.fct_figures").fetchone()[0]
        spark_rows = connection.execute(
            f"select count(*) from read_parquet({sql_string(f'{spark_figures}/*.parquet')})"
        ).fetchone()[0]
    if spark_rows != duckdb_rows:
        raise RuntimeError(f"fct_figures: {spark_rows:,} rows on Spark, {duckdb_rows:,} on DuckDB")
    print(f"   Spark {run['seconds']:.1f} s, peak {run['tree_peak_mib']:.0f} MiB (JVM and Python); "
          f"fct_figures {spark_rows:,} rows on both engines", flush=True)  # fmt: skip
    return {"seconds": run["seconds"], "peak_mib": run["tree_peak_mib"], "fct_figures": spark_rows}


def land(generated: Path, landing: Path, prefix: str) -> None:
    """Copy a generated corpus's files into `landing` under names starting with `prefix`."""
    for kind_folder in sorted(generated.iterdir()):
        if kind_folder.is_dir():
            for file in kind_folder.iterdir():
                target = landing / kind_folder.name / f"{prefix}{file.name}"
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(file, target)


def incremental_build(result: dict, what: str) -> dict:
    """`build --incremental` of one size's project; the time until a new reader sees it. With the
    profile's threads at every size: an incremental build's models read the changed rows, not the
    whole corpus, so two at once fit in DuckDB's memory limit where two full-build models may not."""
    started = time.time()
    run = measured(
        result["project"],
        [sys.executable, "-m", "pipeline", "build", "--incremental", "--landing", str(result["landing"])],
        log=result["project"].parent / f"{what.replace(' ', '_').replace(',', '')}.log",
    )
    summary = build_summary(result["project"])
    seen = summary["published_at"] - started
    print(f"   {what}: seen by a new reader after {seen:.1f} s (process {run['seconds']:.1f} s, "
          f"CPU {run.get('cpu_seconds', float('nan')):.1f} s), "
          f"peak {run['peak_mib']:.0f} MiB; stages {summary['timings']}; "
          f"stages' CPU {summary.get('cpu_timings', {})}", flush=True)  # fmt: skip
    return {"what": what, "seconds": run["seconds"], "seen_seconds": seen, "peak_mib": run["peak_mib"],
            "cpu_seconds": run.get("cpu_seconds", float("nan")),
            "stages": summary["timings"], "cpu_stages": summary.get("cpu_timings", {}),
            "published_bytes": summary["published_bytes"],
            "dbt_node_seconds": summary.get("dbt_node_seconds", {})}  # fmt: skip


def warm_article_build() -> dict:
    """Wall and CPU seconds of a warm `python -m pipeline build` of the article alone (nothing
    landed): the second of two builds of a fresh project copy."""
    project = project_copy(WORK / "article" / "project")
    empty = WORK / "article" / "empty_landing"
    empty.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "pipeline", "build", "--landing", str(empty)]
    measured(project, command)
    warm = measured(project, command)
    print(f"   warm article build: {warm['seconds']:.1f} s (CPU {warm.get('cpu_seconds', float('nan')):.1f} s)",
          flush=True)  # fmt: skip
    return warm


def change_one_document(figures_file: Path) -> None:
    """Edit one quote of the document in `figures_file` and write the file again (a corrected document)."""
    import duckdb

    changed = figures_file.with_name(figures_file.name + ".new")
    with duckdb.connect() as connection:
        connection.execute(
            f"copy (select * replace (case when figure_id = (select min(figure_id) from read_parquet(?)) "
            f"then quote || ' (corrected)' else quote end as quote) from read_parquet(?)) "
            f"to {sql_string(str(changed))} (format parquet)",
            [str(figures_file), str(figures_file)],
        )
    os.replace(changed, figures_file)


def incremental_runs(result: dict, warm: dict) -> dict:
    """Add one document, a batch of 1,000, change the one document: each with build --incremental.
    `warm` is the warm article build the add-one target is measured against."""
    print(f"\n== incremental builds on the {result['size']:,}-figure warehouse", flush=True)
    universe = ["--companies", str(default_companies(result["size"])), "--no-registry"]
    one = WORK / "one_document"
    generate(FIGURES_PER_DOCUMENT, one, seed=SEED + 1, extra=universe)
    land(one, result["landing"], "zz_one_document_")
    runs = [incremental_build(result, "add one document")]
    batch = WORK / "batch"
    generate(FIGURES_PER_DOCUMENT * BATCH_DOCUMENTS, batch, seed=SEED + 2, extra=universe)
    land(batch, result["landing"], "zz_batch_")
    runs.append(incremental_build(result, f"add a batch of {BATCH_DOCUMENTS:,} documents"))
    change_one_document(next((result["landing"] / "figures").glob("zz_one_document_*")))
    runs.append(incremental_build(result, "change one document"))
    return {
        "warm_article_seconds": warm["seconds"],
        "warm_article_cpu_seconds": warm.get("cpu_seconds", float("nan")),
        "runs": runs,
        "size": result["size"],
    }


def stage_times(run: dict) -> str:
    """Each stage's wall and CPU seconds: `dbt build 12.3/10.1 s`."""
    cpu = run.get("cpu_stages", {})
    return ", ".join(f"{name} {wall:.1f}/{cpu.get(name, float('nan')):.1f} s" for name, wall in run["stages"].items())


def table(results: list[dict], incrementals: list[dict]) -> str:
    header = (
        "| figures | pipeline s | pipeline CPU s | dbt build s | expectations s | publish s | peak MiB | figures/s "
        "| floor s | floor peak MiB | ratio to floor | rejected | published bytes/figure |\n"
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    )
    rows = [
        f"| {r['size']:,}{' (1 thread)' if r['threads'] == 1 else ''} | {r['pipeline_seconds']:.1f} "
        f"| {r['pipeline_cpu_seconds']:.1f} "
        f"| {r['stages'].get('dbt build', float('nan')):.1f} "
        f"| {r['stages'].get('expectations', float('nan')):.1f} | {r['stages'].get('publish', float('nan')):.1f} "
        f"| {r['pipeline_peak_mib']:.0f} | {r['size'] / r['pipeline_seconds']:,.0f} | {r['floor_seconds']:.1f} "
        f"| {r['floor_peak_mib']:.0f} | {r['pipeline_seconds'] / r['floor_seconds']:.1f}x | {r['rejected']} "
        f"| {r['published_bytes'] / max(r['landed'], 1):.0f} |"
        for r in results
    ]
    text = "\n".join([header, *rows])
    for incremental in incrementals:
        text += (
            f"\n\nIncremental builds (`build --incremental`) on the {incremental['size']:,}-figure warehouse. "
            "Seen after: from the start of the build until a new reader opens the new warehouse.duckdb and "
            "exports/ (the publish; expectations included). Warm build of the article alone: "
            f"{incremental['warm_article_seconds']:.1f} s (CPU {incremental['warm_article_cpu_seconds']:.1f} s).\n\n"
            "| change | seen after s | process s | CPU s | peak MiB | stages (wall s / CPU s) |\n"
            "|---|---:|---:|---:|---:|---|\n"
        )
        text += "\n".join(
            f"| {run['what']} | {run['seen_seconds']:.1f} | {run['seconds']:.1f} | {run['cpu_seconds']:.1f} "
            f"| {run['peak_mib']:.0f} "
            f"| {stage_times(run)} |"
            for run in incremental["runs"]
        )
    on_spark = [r for r in results if r["spark"]]
    if on_spark:
        text += (
            "\n\nThe same `dbt build` (seeds, models, every data test) on DuckDB and on Apache Spark "
            "(`--target spark`, dbt-spark's in-process session, local pyspark on the same 2 cores), "
            "on the same landed Parquet files. Spark's peak is its JVM and dbt's Python together.\n\n"
            "| figures | DuckDB dbt build s | Spark dbt build s | Spark / DuckDB | Spark peak MiB "
            "| fct_figures rows (both) |\n|---:|---:|---:|---:|---:|---:|\n"
        )
        text += "\n".join(
            f"| {r['size']:,} | {r['stages'].get('dbt build', float('nan')):.1f} | {r['spark']['seconds']:.1f} "
            f"| {r['spark']['seconds'] / r['stages'].get('dbt build', float('nan')):.1f}x "
            f"| {r['spark']['peak_mib']:.0f} | {r['spark']['fct_figures']:,} |"
            for r in on_spark
        )
    return text


NODES_SHOWN = 12


def profile_summary(nodes: dict[str, float]) -> dict:
    """What RESULTS.md shows of a run's node seconds (`dbt_node_seconds`, largest first): the count
    and sum of the nodes, the data tests' sum, the dbt invocation and the largest NODES_SHOWN nodes."""
    models = {key: value for key, value in nodes.items() if not key.startswith("(")}
    return {
        "nodes": len(models),
        "seconds": sum(models.values()),
        "tests": sum(value for key, value in models.items() if key.startswith("test.")),
        "invocation": nodes.get("(dbt invocation)", float("nan")),
        "largest": [[key, value] for key, value in list(models.items())[:NODES_SHOWN]],
    }


def node_profile(results: list[dict], incrementals: list[dict]) -> str:
    """Where dbt's time went (each node's own seconds, from dbt's result objects; with 2 threads
    they overlap, so they add up to more than the dbt stage): the largest size's full build and the
    first incremental run of each size."""
    runs = [(f"full build, {r['size']:,} figures", r["dbt_profile"]) for r in results[-1:]]
    runs += [
        (f"{run['what']}, {incremental['size']:,} figures", run["dbt_profile"])
        for incremental in incrementals
        for run in incremental["runs"][:1]
    ]
    text = []
    for title, profile in runs:
        text.append(
            f"**{title}**: {profile['nodes']} nodes, {profile['seconds']:.1f} s in all (data tests "
            f"{profile['tests']:.1f} s); the dbt invocation {profile['invocation']:.1f} s.\n\n"
            "| node | s |\n|---|---:|\n"
            + "\n".join(f"| {key.split('.', 2)[-1]} | {value:.1f} |" for key, value in profile["largest"])
        )
    return "## Where dbt's time goes\n\n" + "\n\n".join(text)


def verdict(measured_value: float, limit: float, unit: str) -> str:
    if measured_value <= limit:
        return f"met ({limit - measured_value:,.1f} {unit} to spare)"
    return f"missed by {measured_value - limit:,.1f} {unit}"


def targets(results: list[dict], incrementals: list[dict]) -> str:
    """The targets of issue 16 at the sizes measured, each met or missed by how much."""
    rows = []
    for r in results:
        if r["size"] in FLOOR_RATIO_TARGET:
            ratio = r["pipeline_seconds"] / r["floor_seconds"]
            rows.append((f"{r['size']:,} figures: full build within {FLOOR_RATIO_TARGET[r['size']]}x the floor",
                         f"{ratio:.2f}x", verdict(ratio, FLOOR_RATIO_TARGET[r["size"]], "x")))  # fmt: skip
        per_figure = r["published_bytes"] / max(r["landed"], 1)
        rows.append((f"{r['size']:,} figures: published file under {BYTES_PER_FIGURE_TARGET} bytes a figure",
                     f"{per_figure:.0f} bytes", verdict(per_figure, BYTES_PER_FIGURE_TARGET, "bytes")))  # fmt: skip
    for incremental in [each for each in incrementals if each["size"] in ADD_ONE_MARGIN]:
        limit = incremental["warm_article_seconds"] + ADD_ONE_MARGIN[incremental["size"]]
        seen = incremental["runs"][0]["seen_seconds"]
        rows.append((f"{incremental['size']:,} figures: add one document within the warm article build + "
                     f"{ADD_ONE_MARGIN[incremental['size']]:.0f} s ({limit:.1f} s)",
                     f"{seen:.1f} s", verdict(seen, limit, "s")))  # fmt: skip
        # the same target in CPU seconds: on a shared machine, wall seconds depend on the others' load
        cpu_limit = incremental["warm_article_cpu_seconds"] + ADD_ONE_MARGIN[incremental["size"]]
        cpu = incremental["runs"][0]["cpu_seconds"]
        rows.append((f"{incremental['size']:,} figures: the same in CPU seconds (warm article build "
                     f"{incremental['warm_article_cpu_seconds']:.1f} + {ADD_ONE_MARGIN[incremental['size']]:.0f} s)",
                     f"{cpu:.1f} s", verdict(cpu, cpu_limit, "s")))  # fmt: skip
    largest = max(results, key=lambda r: r["size"]) if results else None
    if largest:
        largest_runs = [run for each in incrementals if each["size"] == largest["size"] for run in each["runs"]]
        peak = max([largest["pipeline_peak_mib"], *[run["peak_mib"] for run in largest_runs]])
        rows.append((f"{largest['size']:,} figures: peak memory under 4 GiB", f"{peak:,.0f} MiB",
                     verdict(peak, PEAK_TARGET_MIB, "MiB")))  # fmt: skip
    return "## Targets\n\n| target | measured | |\n|---|---|---|\n" + "\n".join(
        f"| {name} | {value} | {outcome} |" for name, value, outcome in rows
    )


def kept(result: dict) -> dict:
    """A run's figures as bench/measured.json keeps them: its node seconds summarised, no paths."""
    found = {key: value for key, value in result.items() if key not in ("dbt_node_seconds", "project", "landing")}
    if "dbt_node_seconds" in result:
        found["dbt_profile"] = profile_summary(result["dbt_node_seconds"])
    if "runs" in result:
        found["runs"] = [kept(run) for run in result["runs"]]
    return found


def merge_measured(measured: dict, path: Path = MEASURED) -> dict:
    """bench/measured.json with the sizes of `measured` (size -> entry) replaced or added; returned."""
    merged = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    merged.update({str(size): entry for size, entry in measured.items()})
    path.write_text(json.dumps(dict(sorted(merged.items(), key=lambda item: int(item[0]))), indent=1) + "\n", "utf-8")
    return merged


def results_text(merged: dict) -> str:
    """RESULTS.md's tables, targets and node profile for every size of `merged` (bench/measured.json)."""
    entries = [merged[size] for size in sorted(merged, key=int)]
    results = [entry["result"] for entry in entries]
    incrementals = [entry["incremental"] for entry in entries if entry.get("incremental")]
    text = table(results, incrementals) + "\n\n" + targets(results, incrementals)
    text += (
        "\n\nMeasured (each size's full build and incremental runs are measured together; the machine's 2 cores "
        "are shared with other work, so the 1-minute load average at the start of each measured run is given):\n\n"
    )
    text += "\n".join(
        f"- {int(size):,} figures: {entry['date']}, {entry['machine']}, load {min(entry['loads']):.1f} "
        f"to {max(entry['loads']):.1f}"
        for size, entry in sorted(merged.items(), key=lambda item: int(item[0]))
    )
    return text + "\n\n" + node_profile(results, incrementals)


def write_results(text: str, path: Path = RESULTS) -> None:
    """RESULTS.md: the introduction and `text`, then the notes its earlier text kept after NOTES_MARKER
    (an earlier file without the marker is kept whole, under a heading of its own)."""
    notes = ""
    if path.exists():
        earlier = path.read_text(encoding="utf-8")
        notes = (
            earlier.split(NOTES_MARKER, 1)[1].lstrip("\n")
            if NOTES_MARKER in earlier
            else ("## Earlier results (as written before)\n\n" + earlier)
        )
    path.write_text(
        "# Benchmark\n\nMeasured by `make bench` ($BENCH_SIZES picks the sizes it measures; a size measured again "
        "replaces its own rows, the other sizes' are kept, each with its date below). "
        "Pipeline: `python -m pipeline build` (dbt build with every test, expectations, publish with exports). "
        "Floor: `lab/sql/floor.sql` (the same parsing, normalisation and mart aggregation in plain DuckDB). "
        "Peak memory: largest resident set of the run's processes. Corpus generation is not timed in either. "
        f"From {int(os.environ.get('BENCH_ONE_THREAD_FROM', DEFAULT_ONE_THREAD_FROM)):,} figures on, the "
        "full build runs one model at a time (`--threads 1`), so each large model has DuckDB's whole "
        "memory limit; incremental builds run with the profile's threads at every size.\n\n"
        + text
        + "\n\n"
        + NOTES_MARKER
        + "\n\n"
        + notes,
        encoding="utf-8",
    )


def main() -> int:
    sizes = [int(size) for size in os.environ.get("BENCH_SIZES", ",".join(map(str, DEFAULT_SIZES))).split(",")]
    WORK.mkdir(parents=True, exist_ok=True)
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    results, incrementals, measured, warm = [], [], {}, None
    for size in sorted(sizes):
        first_load = len(LOADS)
        results.append(run_size(size))
        entry = {"date": time.strftime("%Y-%m-%d %H:%M"), "machine": machine, "result": kept(results[-1])}
        if size in ADD_ONE_MARGIN or size == max(sizes):
            warm = warm or warm_article_build()
            incrementals.append(incremental_runs(results[-1], warm))
            entry["incremental"] = kept(incrementals[-1])
        measured[size] = entry | {"loads": LOADS[first_load:]}
    # every node's seconds of every run, for a closer look than the table's largest nodes
    everything = {"results": results, "incrementals": incrementals}
    (WORK / "results.json").write_text(json.dumps(everything, default=str, indent=1), encoding="utf-8")
    text = results_text(merge_measured(measured))
    write_results(text)
    print("\n" + text)
    print(f"\nwritten to {RESULTS.relative_to(settings.ROOT)} (and {MEASURED.relative_to(settings.ROOT)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
