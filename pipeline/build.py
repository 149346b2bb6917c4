"""Write, audit, publish: build into a candidate file, check it, then swap it in.

The published warehouse.duckdb is replaced only when the seed checks, every dbt test and every
expectation pass; on any failure it is left byte for byte as it was.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import time
from pathlib import Path

import duckdb

from pipeline import dbt, expectations, exports, settings
from pipeline.publish import publish
from pipeline.seed_checks import check_seeds
from reports.claims import render as render_claims


class BuildFailed(Exception):
    """A stage failed; the message says which and why."""


def stage(name: str) -> float:
    print(f"\n== {name}", flush=True)
    return time.perf_counter()


def run_seed_checks() -> None:
    problems = check_seeds()
    if problems:
        raise BuildFailed("seed checks failed:\n" + "\n".join(f"  {problem}" for problem in problems))
    print(f"seed files OK ({len(list(settings.SEEDS_DIR.rglob('*.csv')))} files)")


def project_fingerprint() -> str:
    """A hash of everything that shapes the warehouse besides landed files: seeds, models, macros
    and the project file. An incremental build is only valid on a warehouse built from the same."""
    digest = hashlib.sha256()
    parts = [settings.ROOT / "dbt_project.yml"]
    for folder in ("seeds", "models", "macros"):
        parts += sorted(path for path in (settings.ROOT / folder).rglob("*") if path.is_file())
    for path in parts:
        digest.update(str(path.relative_to(settings.ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def record_build(candidate: Path, fingerprint: str, incremental: bool) -> None:
    with duckdb.connect(str(candidate)) as connection:
        connection.execute(
            "create or replace table audit.build_info as "
            "select ? as project_fingerprint, current_timestamp as built_at, ? as build_mode",
            [fingerprint, "incremental" if incremental else "full"],
        )


def check_fingerprint(published: Path, fingerprint: str) -> None:
    with duckdb.connect(str(published), read_only=True) as connection:
        found = connection.execute(
            "select count(*) from information_schema.tables where table_schema = 'audit' and table_name = 'build_info'"
        ).fetchone()[0]
        recorded = (
            connection.execute("select project_fingerprint from audit.build_info").fetchone()[0] if found else None
        )
    if recorded != fingerprint:
        raise BuildFailed(
            f"seeds, models or macros changed since {published.name} was built: an incremental build would "
            "leave the loaded rows as the old code made them. Run a full build: python -m pipeline build"
        )


def prepare_candidate(candidate: Path, published: Path, incremental: bool) -> None:
    """A fresh empty candidate for a full build; a copy of the published warehouse for an
    incremental one, so the published file is never written to."""
    for leftover in (candidate, candidate.with_name(candidate.name + ".wal")):
        leftover.unlink(missing_ok=True)
    candidate.parent.mkdir(parents=True, exist_ok=True)
    if incremental:
        if not published.exists():
            raise BuildFailed(f"--incremental needs a published {published.name}; run a full build first")
        check_fingerprint(published, project_fingerprint())
        shutil.copyfile(published, candidate)
        print(f"incremental: started from a copy of {published.name} ({published.stat().st_size / 1e6:.0f} MB)")


def run_dbt_build(candidate: Path, landing: Path, threads: int | None = None) -> None:
    # unit tests check the models' logic, not the data: `make test` runs them, publishing does not
    run = dbt.invoke(
        ["build", "--exclude-resource-type", "unit_test"],
        database=candidate,
        variables={"landing_dir": str(landing)},
        threads=threads,
    )
    if not run.success:
        raise BuildFailed("dbt build failed:\n" + run.describe(candidate))


def report_rejections(candidate: Path) -> tuple[int, int]:
    """Say how many landed figures were kept out of the marts, per file and reason; return the
    number landed and the number rejected."""
    with settings.connect(candidate, read_only=True) as connection:
        total = connection.execute("select count(*) from audit.audit_rejected_figures").fetchone()[0]
        landed = connection.execute("select count(*) from staging.stg_landing__figures").fetchone()[0]
        print(f"landed figures: {landed:,} in the warehouse, {total:,} rejected (kept out of the marts)")
        if not total:
            return landed, total
        # reasons differ only in the quoted text: group on the reason with quotes elided
        rows = connection.execute(
            r"""select landed_file, regexp_replace(rejection_reason, '''[^'']*''', '...', 'g') as reason,
                   count(*) as figures, min(figure_id) as example
               from audit.audit_rejected_figures group by all order by figures desc, landed_file limit 20"""
        ).fetchall()
    for landed_file, reason, figures, example in rows:
        print(f"  {figures:>8,}  {landed_file}: {reason} (e.g. figure {example})")
    print("  every rejected row, with its reason: select * from audit.audit_rejected_figures")
    return landed, total


def run_expectations(candidate: Path) -> None:
    passed, text = expectations.run(candidate)
    print(text)
    results = settings.RESULTS_DIR.relative_to(settings.ROOT)
    print(f"results: {results}/expectations/*.json (suites: gx/expectations/*.yml)")
    if not passed:
        raise BuildFailed("expectations failed (see FAILED lines above)")


def build(
    publish_to: Path = settings.PUBLISHED_PATH,
    candidate: Path = settings.CANDIDATE_PATH,
    incremental: bool = False,
    landing: Path | None = None,
    threads: int | None = None,
) -> dict[str, float]:
    """Check, build, validate and publish; return the seconds each stage took."""
    landing = landing or settings.landing_dir()
    expectations.warm_up()  # Great Expectations' import overlaps the seed checks and dbt's run
    timings: dict[str, float] = {}
    started = stage("1/4 seed checks")
    run_seed_checks()
    timings["seed checks"] = time.perf_counter() - started

    mode = "incremental: only files not loaded yet" if incremental else "full"
    started = stage(f"2/4 dbt build (seeds, models, tests) into the candidate ({mode})")
    prepare_candidate(candidate, publish_to, incremental)
    run_dbt_build(candidate, landing, threads)
    record_build(candidate, project_fingerprint(), incremental)
    landed, rejected = report_rejections(candidate)
    timings["dbt build"] = time.perf_counter() - started

    started = stage("3/4 Great Expectations on the candidate's marts")
    run_expectations(candidate)
    timings["expectations"] = time.perf_counter() - started

    started = stage("4/4 publish: Parquet exports, then the warehouse")
    build_id = time.strftime("%Y%m%dT%H%M%S") + f"-{os.getpid()}"
    export_folder = exports.write_exports(candidate, build_id)
    publish(candidate, publish_to)
    if publish_to == settings.PUBLISHED_PATH:
        exports.switch_exports(export_folder)
        print(
            f"exports: exports/ -> {export_folder.relative_to(settings.ROOT)} "
            f"({len(list(export_folder.glob('*.parquet')))} Parquet files and manifest.json)"
        )
    timings["publish"] = time.perf_counter() - started
    print(
        f"published {publish_to.relative_to(settings.ROOT) if publish_to.is_relative_to(settings.ROOT) else publish_to}"
    )
    print("timings: " + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in timings.items()))
    settings.SUMMARY_PATH.parent.mkdir(parents=True, exist_ok=True)
    settings.SUMMARY_PATH.write_text(
        json.dumps({"timings": timings, "landed_figures": landed, "rejected_figures": rejected}, indent=2),
        encoding="utf-8",
    )
    print("\n== claims report\n" + render_claims(publish_to))
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline build")
    parser.add_argument(
        "--incremental",
        action="store_true",
        help="start from the published warehouse and load only landed files it does not hold yet",
    )
    parser.add_argument("--landing", type=Path, help="folder of landed files (default: $LANDING_DIR or landing/)")
    parser.add_argument(
        "--threads",
        type=int,
        help="models dbt builds at once (default: profiles.yml's 2); they share DuckDB's memory limit, "
        "so with tens of millions of landed figures, 1 keeps each large model within it",
    )
    arguments = parser.parse_args(argv)
    landing = arguments.landing.resolve() if arguments.landing else None
    try:
        build(incremental=arguments.incremental, landing=landing, threads=arguments.threads)
    except BuildFailed as failure:
        print(f"\nBUILD FAILED: {failure}", file=sys.stderr)
        print(f"The published {settings.PUBLISHED_PATH.name} was not changed.", file=sys.stderr)
        return 1
    return 0
