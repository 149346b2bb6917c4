"""Write, audit, publish: build into a candidate file of this build's own, check it, then swap it in.

One build runs at a time (pipeline/lock.py). The published warehouse.duckdb and exports/ are
replaced only when check (seeds and documents) and the landing checks, every dbt test and every expectation pass, in one
journaled publish (pipeline/publish.py); on any failure both are left as they were, and the build
says what failed and where, once: `BUILD FAILED: ...` then `The published warehouse.duckdb was not
changed.`
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import hashlib
import json
import logging
import os
import resource
import shutil
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path

import duckdb

from pipeline import changes, check, dbt, expectations, exports, incremental, publish, published_file, settings
from pipeline.errors import BuildFailed, classify, describe_os_error
from pipeline.faults import pause
from pipeline.landing_checks import check_landing
from pipeline.lock import BuildLock
from pipeline.preflight import preflight
from pipeline.published_file import (
    PublishedFileMismatch,
    update_published_file,
    update_spare_file,
    write_published_file,
)
from pipeline.selection import incremental_arguments as leave_out_seed_only
from reports.claims import render as render_claims

BUILD_INFO_SQL = Path(__file__).parent / "sql" / "build_info.sql"
NOT_CHANGED = f"The published {settings.PUBLISHED_PATH.name} was not changed."


def stage(name: str) -> float:
    print(f"\n== {name}", flush=True)
    return time.perf_counter()


def cpu_seconds() -> float:
    """CPU seconds (user and system) of this process and its children waited for so far (the Great
    Expectations process counts once it has been joined, in the expectations stage)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def note(lines: list[str]) -> None:
    for line in lines:
        print(f"note: {line}", flush=True)


def run_check() -> None:
    """`python -m pipeline check` in process, without dbt: the seed files' structure, then, when the
    SQL check's last dbt pass compiled still holds (build/check/compiled.json), the models and data
    tests check runs, on that SQL. When it does not hold, the dbt stage runs the same models and
    tests, and a failure of those tests is reported as file:line too (failed_check_tests)."""
    result = check.check_result(dbt_allowed=False)
    if result.problems:
        raise BuildFailed(
            f"check found {len(result.problems)} problem(s) in the seeds and documents:\n"
            + "\n".join(f"  {problem}" for problem in result.problems)
        )
    files = len(list(settings.SEEDS_DIR.rglob("*.csv")))
    if result.how == "compiled SQL reused":
        print(
            f"seeds ({files} files) and documents OK: check's models and tests, on the SQL its last dbt pass compiled"
        )
    else:
        print(
            f"seed files OK ({files} files); the SQL check compiled is missing or out of date (python -m pipeline "
            "check saves it), so the dbt stage runs its models and tests"
        )


def run_landing_checks(landing: Path) -> None:
    problems, notes = check_landing(landing)
    note(notes)
    if problems:
        raise BuildFailed(
            "landed files rejected (their columns must be those of their kind, matched by header name):\n"
            + "\n".join(f"  {problem}" for problem in problems)
        )
    if not landing.is_dir():
        print(f"no landing folder at {landing}: nothing landed (any landed rows a warehouse held are retracted)")
        return
    landed = sum(
        1
        for kind in settings.project_vars()["landing_kinds"]
        for path in (landing / kind).glob("*")
        if path.suffix in (".csv", ".parquet")
    )
    print(f"landed files OK ({landed} files under {landing})")


def project_fingerprint() -> str:
    """A hash of everything that shapes or checks the warehouse besides landed files
    (settings.FINGERPRINTED: the project and selector files, seeds, models, macros, singular tests and
    expectation suites). An incremental build is only valid on a warehouse built from the same."""
    digest = hashlib.sha256()
    parts = []
    for part in settings.FINGERPRINTED:
        path = settings.ROOT / part
        if part.endswith("/"):
            parts += sorted(found for found in path.rglob("*") if found.is_file() and "__pycache__" not in found.parts)
        elif path.is_file():
            parts.append(path)
    for path in parts:
        digest.update(path.relative_to(settings.ROOT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def record_build(candidate: Path, build_id: str, mode: str, report: changes.ChangeReport) -> None:
    """audit.build_info of the candidate: its build id, fingerprint, mode and change counts."""
    create, *comments = changes.statements(BUILD_INFO_SQL.name)
    with settings.connect(candidate) as connection:
        connection.execute(
            create,
            [
                build_id,
                project_fingerprint(),
                mode,
                report.previous_build_id,
                report.added,
                report.removed,
                report.changed,
            ],
        )
        for statement in comments:
            connection.execute(statement)


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
            f"the project changed since {published.name} was built (one of {', '.join(settings.FINGERPRINTED)}):"
            " an incremental build would leave the loaded rows as the old code made them, checked by the old"
            " tests and expectations alone. Run a full build: python -m pipeline build"
        )


def prepare_candidate(candidate: Path, published: Path, incremental_build: bool) -> None:
    """Ready `candidate`, the warehouse dbt builds into: a fresh empty one for a full build. For an
    incremental one, `published` is the whole warehouse of an earlier build (the build's state):
    when it is `candidate` itself, dbt brings it up to date in place; otherwise it is copied first
    (the property test keeps every step's warehouse)."""
    if incremental_build:
        if not published.exists():
            raise BuildFailed(
                f"--incremental needs the state of an earlier build ({published}); run a full build first"
            )
        check_fingerprint(published, project_fingerprint())
        if published.resolve() == candidate.resolve():
            return
    for leftover in (candidate, publish.wal_of(candidate)):
        leftover.unlink(missing_ok=True)
    candidate.parent.mkdir(parents=True, exist_ok=True)
    if incremental_build:
        shutil.copyfile(published, candidate)
        print(f"incremental: started from a copy of {published} ({published.stat().st_size / 1e6:.0f} MB)")


# how write_lean_file says the published file was brought up to date rather than written anew
APPLIED = "applied the changed rows of"
# unit tests check the models' logic, not the data: `make test` runs them, publishing does not
DBT_BUILD = ["build", "--exclude-resource-type", "unit_test"]
# Seconds of each node of the last dbt build (from dbt's result objects), for the build summary
NODE_SECONDS: dict[str, float] = {}


def run_dbt_build(
    candidate: Path,
    landing: Path,
    threads: int | None = None,
    arguments: list[str] = DBT_BUILD,
    target_path: Path | None = None,
    incremental_build: bool = False,
) -> None:
    started = time.perf_counter()
    options = {"database": candidate, "variables": {"landing_dir": str(landing)}, "target_path": target_path}
    # parsed first, so the build needs no artifact written: dbt would write manifest.json twice (after
    # its parse and after the run) and run_results.json, about a second; it is written once below
    parsed = dbt.parse(**options)
    if not parsed.success:
        raise BuildFailed(classify(f"dbt parse failed:\n{parsed.describe(candidate)}"))
    if incremental_build:  # the seeds and what is built from them alone are as the state holds them
        arguments, left_out = leave_out_seed_only(parsed.result, arguments, options["variables"])
        print(left_out, flush=True)
    target = target_path or settings.ROOT / "target"
    deleting = dbt.set_aside_written_sql(target)
    run = dbt.invoke([*arguments, "--no-write-json"], threads=threads, manifest=parsed.result, **options)
    # the manifest the exports (columns' units) and the lean file (kept_per) read, and MetricFlow's;
    # no run_results.json: one an earlier build left would describe another run
    dbt.write_manifest(parsed.result, target)
    (target / "run_results.json").unlink(missing_ok=True)
    deleting.join()
    NODE_SECONDS.clear()
    NODE_SECONDS.update(dbt.node_seconds(run.result))
    NODE_SECONDS["(dbt invocation)"] = time.perf_counter() - started
    if not run.success:
        raise BuildFailed(classify(f"dbt {arguments[0]} failed:\n" + failed_check_tests(run, candidate)))


def failed_check_tests(run: dbt.DbtRun, candidate: Path) -> str:
    """What a failed dbt stage says: the failed tests that check runs as `file:line: ...` lines
    (what check itself would print), then every other failure as dbt describes it."""
    try:
        problems = check.failed_test_problems(run, candidate, settings.ROOT)
    except duckdb.Error:
        return run.describe(candidate)
    others = dataclasses.replace(
        run, failures=[failure for failure in run.failures if not check.is_check_test(failure)]
    )
    lines = [f"- {problem}" for problem in problems]
    if others.failures or others.exception is not None:
        lines.append(others.describe(candidate))
    return "\n".join(lines) if lines else run.describe(candidate)


def build_candidate(
    candidate: Path,
    landing: Path,
    incremental_build: bool,
    threads: int | None = None,
    published: Path = settings.STATE_PATH,
    arguments: list[str] = DBT_BUILD,
    target_path: Path | None = None,
    incremental_arguments: list[str] | None = None,
) -> str:
    """Build the candidate (stage 2): a fresh one, or the whole warehouse of an earlier build
    (`published`: the state, brought up to date in place, or copied when it is another file) with
    the landed files it does not hold as they are now. An incremental build whose earlier figures a change of the landed
    sources, entities or aliases touches is done again in full. Returns the mode it was built in.
    `arguments` and `target_path` are dbt's (the property test builds without data tests), and
    `incremental_arguments` dbt's on an incremental build, when they differ (the property test
    selects only the models landed rows reach there)."""
    prepare_candidate(candidate, published, incremental_build)
    run_dbt_build(
        candidate,
        landing,
        threads,
        (incremental_build and incremental_arguments) or arguments,
        target_path,
        incremental_build,
    )
    if incremental_build:
        touched = incremental.earlier_figures_touched(candidate)
        if touched:
            print(
                f"incremental: {touched:,} figures loaded by earlier builds name a source, entity or alias that "
                "landed files added, changed or removed since; rebuilding in full so they are resolved again",
                flush=True,
            )
            prepare_candidate(candidate, published, False)
            run_dbt_build(candidate, landing, threads, arguments, target_path)
            incremental_build = False
    incremental.record_loaded_state(candidate)
    return "incremental" if incremental_build else "full"


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


def report_expectations(validation: expectations.Validation) -> None:
    """Wait for the expectations' verdict, print it; a failure fails the build."""
    passed, text = validation.result()
    print(text)
    results = settings.RESULTS_DIR.relative_to(settings.ROOT)
    print(f"results: {results}/expectations/*.json (suites: gx/expectations/*.yml)")
    if not passed:
        raise BuildFailed("expectations failed (see FAILED lines above)")


def free_space() -> str:
    """Where the build writes, and the space left there now (after its work files were removed)."""
    try:
        free = shutil.disk_usage(settings.ROOT).free
    except OSError:
        return f"the build writes its work files, dbt's target/ and the exports under {settings.ROOT}"
    return (
        f"the build writes its work files, dbt's target/ and the exports under {settings.ROOT}: "
        f"{free / 1e6:,.0f} MB free there now; it needs about twice the size of warehouse.duckdb"
    )


def new_build_id() -> str:
    return time.strftime("%Y%m%dT%H%M%S") + f"-{os.getpid()}"


class Build:
    """One build: its id, its work folder and candidate, and what it has done so far."""

    def __init__(self, landing: Path, landing_given: bool, incremental_build: bool, threads: int | None) -> None:
        self.landing = landing
        self.landing_given = landing_given
        self.incremental = incremental_build
        self.threads = threads
        self.build_id = new_build_id()
        self.work = settings.WORK_DIR / self.build_id
        # dbt builds into the build's state (build/state/warehouse.duckdb, kept between builds and
        # brought up to date in place by --incremental); the same path from build to build, so dbt
        # keeps its parsed project (partial parsing). The published file is a new lean one, written
        # from the state into this build's folder once everything passed (pipeline/published_file.py).
        self.candidate = settings.STATE_PATH
        self.lean = self.work / settings.PUBLISHED_PATH.name
        self.state_touched = False
        self.export_folder: Path | None = None
        self.published = False
        self.stage = "start"
        self.timings: dict[str, float] = {}
        self.cpu_timings: dict[str, float] = {}  # CPU seconds of each stage (a shared machine's fairer figure)
        self.cpu_mark = cpu_seconds()
        self.published_at: float | None = None  # when a new reader could first see this build (epoch seconds)
        self.state_build_before: str | None = None  # the build the state held before an incremental build
        self.lean_digest: published_file.FileDigest | None = None  # the lean file's SHA-256, recorded once published
        # the spare file claimed for this build (`claim_spare`), or why it is not used
        self.spare: tuple[str, str, published_file.FileDigest] | None = None
        self.spare_unused: str | None = None

    def run(self) -> dict[str, float]:
        try:
            return self.stages()
        except BuildFailed as failure:
            disk_full = str(failure).startswith("disk full") or "disk full:" in str(failure)
            self.discard(keep_candidate=not disk_full)
            if disk_full:
                raise BuildFailed(f"{failure}\n{free_space()}") from None
            raise
        except OSError as error:
            self.discard(keep_candidate=False)
            raise BuildFailed(f"{self.stage}: {describe_os_error(error)}") from None
        except duckdb.Error as error:
            message = classify(" ".join(str(error).split()))
            disk_full = message.startswith("disk full")
            self.discard(keep_candidate=not disk_full)
            raise BuildFailed(f"{self.stage}: {message}" + (f"\n{free_space()}" if disk_full else "")) from None
        except (KeyboardInterrupt, SystemExit):
            self.discard(keep_candidate=True)
            raise
        except Exception as error:
            self.discard(keep_candidate=True)
            details = settings.FAILED_DIR / "traceback.txt"
            try:
                details.parent.mkdir(parents=True, exist_ok=True)
                details.write_text(traceback.format_exc(), encoding="utf-8")
                where = f" (traceback in {details.relative_to(settings.ROOT)})"
            except OSError:
                where = ""
            raise BuildFailed(f"{self.stage}: unexpected {type(error).__name__}: {error}{where}") from None
        finally:
            shutil.rmtree(self.work, ignore_errors=True)

    def cpu_lap(self) -> float:
        """CPU seconds since the last lap (the first: since the build started)."""
        now = cpu_seconds()
        lap, self.cpu_mark = now - self.cpu_mark, now
        return lap

    def make_work_folder(self) -> None:
        self.work.mkdir(parents=True)

    def discard(self, keep_candidate: bool) -> None:
        """After a failure before publishing: remove this build's exports folder and lean file. The
        build's state stays where dbt left it, to query, unless the disk is full; an incremental
        build uses it only if its dbt stage had finished (settings.STATE_MARKER)."""
        if self.published:
            return
        if self.export_folder is not None:
            shutil.rmtree(self.export_folder, ignore_errors=True)
        self.lean.unlink(missing_ok=True)
        if not self.state_touched or not self.candidate.exists():
            return
        if keep_candidate:
            print(
                f"the failed build's warehouse is kept to query: {self.candidate.relative_to(settings.ROOT)} "
                "(until the next build)",
                file=sys.stderr,
            )
            return
        settings.STATE_MARKER.unlink(missing_ok=True)
        for leftover in (self.candidate, publish.wal_of(self.candidate)):
            leftover.unlink(missing_ok=True)

    def state_is_whole(self) -> bool:
        """True when the build's state was left whole by a build whose dbt stage finished."""
        return settings.STATE_MARKER.is_file() and self.candidate.is_file()

    def stages(self) -> dict[str, float]:
        self.stage = "recovery of earlier builds"
        note(publish.recover())
        pause("locked")
        self.stage = "checks before the build"
        note(preflight(self.landing, self.landing_given))
        expectations.warm_up()  # Great Expectations' import overlaps the seed checks and dbt's run
        self.make_work_folder()
        print(f"build {self.build_id}: work files in {self.work.relative_to(settings.ROOT)}/")

        self.stage = "stage 1/4 check of the seeds and documents, landing checks"
        started = stage("1/4 check of the seeds and documents (python -m pipeline check), landing checks")
        run_check()
        run_landing_checks(self.landing)
        self.timings["check"] = time.perf_counter() - started
        self.cpu_timings["check"] = self.cpu_lap()
        print(f"stage 1 took {self.timings['check']:.1f} s")
        pause("checked")

        if self.incremental and not self.state_is_whole():
            print(
                f"incremental: no whole build state in {settings.STATE_DIR.relative_to(settings.ROOT)}/ (a first "
                "build, or the last one failed or was killed in its dbt stage); building in full",
                flush=True,
            )
            self.incremental = False
        mode = "incremental: only files not loaded yet" if self.incremental else "full"
        self.stage = "stage 2/4 dbt build"
        started = stage(f"2/4 dbt build (seeds, models, tests) into the build state ({mode})")
        self.state_touched = True
        settings.STATE_MARKER.unlink(missing_ok=True)
        if self.incremental:
            print(f"incremental: bringing {self.candidate.relative_to(settings.ROOT)} up to date in place")
            self.state_build_before = publish.build_id_of(self.candidate)
            self.claim_spare()
        built_mode = build_candidate(self.candidate, self.landing, self.incremental, self.threads)
        landed, rejected = report_rejections(self.candidate)
        published = settings.PUBLISHED_PATH
        previous_build = publish.build_id_of(published)
        # an incremental build of the published file's own state changed only its changed sources' figures
        same_state = built_mode == "incremental" and previous_build is not None
        same_state = same_state and self.state_build_before == previous_build
        report = changes.compare(self.candidate, published, previous_build, changed_sources_only=same_state)
        record_build(self.candidate, self.build_id, built_mode, report)
        incremental.record_build_changes(self.candidate, self.build_id, self.state_build_before, built_mode)
        settings.STATE_MARKER.write_text(json.dumps({"build_id": self.build_id, "mode": built_mode}), encoding="utf-8")
        self.timings["dbt build"] = time.perf_counter() - started
        self.cpu_timings["dbt build"] = self.cpu_lap()
        pause("dbt-built")

        self.stage = "stage 3/4 Great Expectations"
        started = stage("3/4 Great Expectations on the candidate's marts")
        # an incremental build's row-level expectations read the rows it changed; a full build, all
        validation = expectations.start(self.candidate, changed_only=built_mode == "incremental")
        written = None
        if validation.in_background:
            # the lean file and the exports only read the state, as Great Expectations does in its own
            # process: they are written meanwhile, and published only if every expectation passes
            print("Great Expectations validates in its own process; the lean file and exports are written meanwhile")
            self.stage = "stage 3/4 Great Expectations, with the lean file and exports written meanwhile"
            written = self.write_publishable(built_mode)
        self.stage = "stage 3/4 Great Expectations"
        report_expectations(validation)
        self.timings["expectations"] = time.perf_counter() - started
        self.cpu_timings["expectations"] = self.cpu_lap()
        if written is not None:
            print(f"stage 3 took {self.timings['expectations']:.1f} s: {written} written while Great Expectations ran")
        pause("validated")

        self.stage = "stage 4/4 publish"
        if written is None:
            started = stage("4/4 publish: the lean warehouse file and Parquet exports, then both together")
            self.write_publishable(built_mode)
        else:
            started = stage("4/4 publish: the lean warehouse file and Parquet exports (written in stage 3) together")
        pause("exports-written")
        note(publish.publish(self.lean, self.build_id, self.export_folder))
        self.published = True
        self.published_at = time.time()  # a new reader sees this build from here on
        self.record_published_digest()
        self.timings["publish"] = time.perf_counter() - started
        self.cpu_timings["publish"] = self.cpu_lap()
        parquet_files = len(list(self.export_folder.rglob("*.parquet")))
        print(
            f"published {published.name} (build {self.build_id}) and exports/ -> "
            f"{self.export_folder.relative_to(settings.ROOT)} ({parquet_files} Parquet files and manifest.json)"
        )
        for line in report.lines():
            print(line)
        print("timings: " + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in self.timings.items()))
        print("CPU: " + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in self.cpu_timings.items()))
        self.after_publish(landed, rejected)
        return self.timings

    def write_publishable(self, built_mode: str) -> str:
        """Write the lean warehouse file and the Parquet exports of this build (not published yet);
        say how long each took. The exports read the build's state, whose reader tables the lean
        file holds (checked). When the lean file is the published one with the changed rows applied,
        the exports start in a thread of their own as soon as the lean file's update knows which
        marts it leaves as they were, and are written while it goes on."""
        started, cpu = time.perf_counter(), time.process_time()
        self.export_folder = exports.version_folder(self.build_id)
        background: list[ExportsThread] = []

        def start_exports(unchanged: set[tuple[str, str]]) -> None:
            if background:
                # begun for the spare file, which was then not published: they are begun again
                with contextlib.suppress(Exception):
                    background.pop().join()
            background.append(ExportsThread(self.candidate, self.build_id, self.exports_to_reuse(unchanged)))

        how = self.write_lean_file(built_mode, start_exports)
        lean_seconds = time.perf_counter() - started
        # hashed while the exports, Great Expectations and the publish go on; recorded once published
        self.lean_digest = published_file.FileDigest(self.lean)
        print(f"{how}: {self.lean.stat().st_size / 1e6:,.1f} MB in {lean_seconds:.1f} s")
        if background and how.startswith(APPLIED):
            exports_seconds = background[0].join()
            overlapped = ", begun while the lean file was written"
        else:
            if background:
                # begun for a copy that was then not published: its files are written again, whole
                with contextlib.suppress(Exception):
                    background[0].join()
            exports_started = time.perf_counter()
            exports.write_exports(self.candidate, self.build_id)
            exports_seconds, overlapped = time.perf_counter() - exports_started, ""
        return (
            f"the lean file ({lean_seconds:.1f} s) and the Parquet exports ({exports_seconds:.1f} s{overlapped}), "
            f"CPU {time.process_time() - cpu:.1f} s together"
        )

    def exports_to_reuse(self, unchanged: set[tuple[str, str]]) -> dict:
        """For exports written while the lean file is the published one being brought up to date with
        the changed rows (an incremental build of the published file's state), given the tables it
        leaves as they were (`unchanged`): the published build's exports folder and the sources
        changed, so that the marts exported by source rewrite only those sources' files, and the
        marts left as they were are linked from that folder rather than written again. Nothing when
        the exports published are not that build's: every file is written."""
        previous = self.state_build_before
        if not previous or exports.linked_build_id() != previous:
            return {}
        with settings.connect(self.candidate, read_only=True) as connection:
            changed = connection.execute("select source_id from intermediate.int_changed_sources").fetchall()
        return {
            "previous": exports.version_folder(previous),
            "changed_sources": {row[0] for row in changed},
            "unchanged_marts": {table for schema, table in unchanged if schema == "marts"},
        }

    def write_lean_file(self, built_mode: str, on_decided: Callable[[set[tuple[str, str]]], None]) -> str:
        """The lean file to publish: after an incremental build from the state of the published file,
        the spare file brought up to date in place when it can be (`claim_spare`), else a copy of
        the published file with the changed rows applied (`on_decided` is called with the tables the
        published file has as the state has them, once known); else a new file. Says which."""
        published = settings.PUBLISHED_PATH
        schemas = ", ".join(settings.READER_SCHEMAS)
        if (
            built_mode == "incremental"
            and self.state_build_before
            and self.state_build_before == (publish.build_id_of(published))
        ):
            spare, self.spare = self.spare, None
            since = spare and incremental.builds_since(self.candidate, self.build_id, spare[0])
            if spare and not since:
                self.spare_unused = f"the builds since its build {spare[0]} are not all incremental builds"
            if self.spare_unused:
                print(f"spare file not used: {self.spare_unused}; copying {published.name}", flush=True)
            elif spare:
                spare_build, spare_digest, hashing = spare
                try:
                    tables = update_spare_file(
                        self.lean,
                        self.candidate,
                        published,
                        exports.DBT_MANIFEST,
                        spare_digest,
                        since,
                        on_decided=on_decided,
                        hashing=hashing,
                    )
                    return (
                        f"{APPLIED} {tables} tables ({schemas}) to the spare file in place (build {spare_build}, "
                        f"with the rows changed by builds {', '.join(reversed(since))}): no copy"
                    )
                except PublishedFileMismatch as mismatch:
                    print(f"{mismatch}: copying {published.name} instead")
                except duckdb.IOException as error:
                    if "lock" not in str(error).lower():
                        raise
                    print(f"spare file not used: a reader opened it meanwhile ({error}); copying {published.name}")
            try:
                tables = update_published_file(
                    self.candidate,
                    published,
                    self.lean,
                    exports.DBT_MANIFEST,
                    published_digest=published_file.recorded_digest(self.state_build_before),
                    on_decided=on_decided,
                )
                return f"{APPLIED} {tables} tables ({schemas}) to a copy of {published.name}"
            except PublishedFileMismatch as mismatch:
                print(f"{mismatch}: writing a new file")
        tables = write_published_file(self.candidate, self.lean)
        return f"wrote {tables} tables of the reader schemas ({schemas}) to a new file"

    def claim_spare(self) -> None:
        """Before an incremental build's dbt stage: move the spare file (settings.SPARE_PATH) to this
        build's lean file path and start hashing it (`self.spare`: its build id, the SHA-256 recorded
        when it was published and the hash under way), when this build may bring it up to date in
        place: the state and the published file are of the same build, whose publish record names
        the spare's build and SHA-256; the builds since the spare's are incremental builds whose
        changes the state kept (their changed rows are what it lacks); it has no other name (the
        published or previous file); no reader holds it open. Once moved, nothing but this build
        can open it, so it is hashed while dbt builds; a build that does not publish it removes it
        with its work files. Else `self.spare_unused` says why (printed if the build copies the
        published file)."""
        spare, published = settings.SPARE_PATH, settings.PUBLISHED_PATH
        if not self.state_build_before or self.state_build_before != publish.build_id_of(published):
            return None  # the lean file is written anew: no copy either
        record = published_file.read_record()
        entry = record.get("spare") if record.get("build_id") == self.state_build_before else None

        def not_used(reason: str) -> None:
            self.spare_unused = reason

        if not spare.is_file():
            return not_used(f"there is none ({spare.relative_to(settings.ROOT)}: kept from the third publish on)")
        if not isinstance(entry, dict) or not entry.get("build_id") or not entry.get("sha256"):
            return not_used("the publish record does not name its build and SHA-256")
        others = [path.stat() for path in (published, settings.PREVIOUS_PATH) if path.exists()]
        own = spare.stat()
        if any((other.st_dev, other.st_ino) == (own.st_dev, own.st_ino) for other in others):
            return not_used("it is the published or the previous file too (after a rollback)")
        since = incremental.builds_since(self.candidate, self.state_build_before, entry["build_id"], most=2)
        if since is None:
            return not_used(
                f"the builds since its build {entry['build_id']} are not all incremental builds whose changes "
                "the state kept"
            )
        try:
            held = publish.anyone_holds(spare)
        except OSError as error:
            return not_used(f"it cannot be opened for writing ({error})")
        if held:
            return not_used("a reader still has it open")
        try:
            os.replace(spare, self.lean)
        except OSError as error:
            return not_used(f"it could not be moved to the build's work folder ({error})")
        self.spare = (entry["build_id"], entry["sha256"], published_file.FileDigest(self.lean))
        return None

    def record_published_digest(self) -> None:
        """Record the published file's SHA-256 for the next incremental build's copy of it, and the
        build id and SHA-256 of the previous and spare files, as recorded by the publishes that
        published them. A failure is a warning: without the record, that build checks every table
        of its copy whole."""
        try:
            digests = published_file.recorded_digests(published_file.read_record())
            kept = {}
            for name, path in (("previous", settings.PREVIOUS_PATH), ("spare", settings.SPARE_PATH)):
                build_id = publish.build_id_of(path)
                if build_id in digests:
                    kept[name] = {"build_id": build_id, "sha256": digests[build_id]}
            published_file.record_digest(self.build_id, self.lean_digest.result(), kept=kept)
        except OSError as error:
            with contextlib.suppress(OSError):
                settings.PUBLISHED_DIGEST_PATH.unlink(missing_ok=True)
            print(f"warning: published, but its SHA-256 could not be recorded: {error}", file=sys.stderr)

    def after_publish(self, landed: int, rejected: int) -> None:
        """The summary and the claims report: the warehouse is published already, so a failure here
        is a warning, not a failed build."""
        try:
            settings.SUMMARY_PATH.parent.mkdir(parents=True, exist_ok=True)
            settings.SUMMARY_PATH.write_text(
                json.dumps(
                    {
                        "timings": self.timings,
                        "cpu_timings": self.cpu_timings,
                        "landed_figures": landed,
                        "rejected_figures": rejected,
                        "published_at": self.published_at,
                        "published_bytes": settings.PUBLISHED_PATH.stat().st_size,
                        "dbt_node_seconds": dict(sorted(NODE_SECONDS.items(), key=lambda item: -item[1])),
                    },
                    indent=2,
                ),
                encoding="utf-8",
            )
            print("\n== claims report\n" + render_claims(settings.PUBLISHED_PATH))
        except (OSError, duckdb.Error) as error:
            print(f"warning: published, but the summary or claims report failed: {error}", file=sys.stderr)


def build(
    incremental: bool = False,
    landing: Path | None = None,
    threads: int | None = None,
) -> dict[str, float]:
    """Check, build, validate and publish; return the seconds each stage took. The caller holds the
    build lock."""
    given = landing is not None or "LANDING_DIR" in os.environ
    return Build(landing or settings.landing_dir(), given, incremental, threads).run()


class ExportsThread:
    """The Parquet exports of a build written in a thread of their own (DuckDB, Arrow and the file
    system calls release the GIL), so that they overlap the lean file's update."""

    def __init__(self, database: Path, build_id: str, reuse: dict) -> None:
        self.error: BaseException | None = None
        self.seconds = 0.0
        self.thread = threading.Thread(target=self.run, args=(database, build_id, reuse), name="exports", daemon=True)
        self.thread.start()

    def run(self, database: Path, build_id: str, reuse: dict) -> None:
        started = time.perf_counter()
        try:
            exports.write_exports(database, build_id, **reuse)
        except BaseException as error:  # raised again in the build's thread, by `join`
            self.error = error
        self.seconds = time.perf_counter() - started

    def join(self) -> float:
        """Wait for the exports; their seconds, or the error they failed with."""
        self.thread.join()
        if self.error is not None:
            raise self.error
        return self.seconds


class WithoutStackTraces(logging.Filter):
    """Keeps dbt's stack traces (of an error it did not expect, such as a full disk) off the
    console: the build reports the failure once, by its stage. dbt still writes them to logs/dbt.log.
    dbt prints through the Python logger `stdout_log` (dbt_common's console logger)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "Traceback (most recent call last)" not in record.getMessage()


def quiet_failures() -> None:
    # a log handler that cannot write (a full disk) must not print its own traceback either
    logging.raiseExceptions = False
    console = logging.getLogger("stdout_log")
    if not any(isinstance(existing, WithoutStackTraces) for existing in console.filters):
        console.addFilter(WithoutStackTraces())


def interrupt(signal_number: int, frame: object) -> None:
    raise KeyboardInterrupt(f"signal {signal_number}")


def fail(message: str) -> None:
    print(f"\nBUILD FAILED: {message}", file=sys.stderr)
    print(NOT_CHANGED, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline build")
    parser.add_argument(
        "--incremental",
        action="store_true",
        help="start from the published warehouse and load only landed files it does not hold as they are now",
    )
    parser.add_argument("--landing", type=Path, help="folder of landed files (default: $LANDING_DIR or landing/)")
    parser.add_argument(
        "--threads",
        type=int,
        help="models dbt builds at once (default: profiles.yml's 2); they share DuckDB's memory limit, "
        "so with tens of millions of landed figures, 1 keeps each large model within it",
    )
    parser.add_argument(
        "--wait",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="when another build is running, wait up to SECONDS for it to finish (default: refuse at once)",
    )
    arguments = parser.parse_args(argv)
    if arguments.threads is not None and arguments.threads < 1:
        parser.error("--threads must be 1 or more")
    landing = arguments.landing.resolve() if arguments.landing else None
    signal.signal(signal.SIGTERM, interrupt)
    quiet_failures()
    try:
        with BuildLock(arguments.wait):
            build(incremental=arguments.incremental, landing=landing, threads=arguments.threads)
    except BuildFailed as failure:
        fail(str(failure))
        return 1
    except OSError as error:  # the lock's own folder, before any stage
        fail(describe_os_error(error))
        return 1
    except KeyboardInterrupt:
        fail("interrupted (Ctrl-C or SIGTERM); this build's work files were removed")
        return 130
    return 0


def rollback_main(argv: list[str] | None = None) -> int:
    """`python -m pipeline rollback`: publish the previous warehouse (and its exports) again."""
    argparse.ArgumentParser(
        prog="python -m pipeline rollback",
        description="Publish the warehouse (and exports) replaced by the last publish again; a second rollback "
        "returns to the one rolled back from.",
    ).parse_args(argv)
    try:
        with BuildLock(0.0, purpose="rollback"):
            note(publish.recover())
            for line in publish.rollback():
                print(line)
    except BuildFailed as failure:
        print(f"\nROLLBACK FAILED: {failure}", file=sys.stderr)
        print(NOT_CHANGED, file=sys.stderr, flush=True)
        return 1
    except (OSError, duckdb.Error) as error:
        message = describe_os_error(error) if isinstance(error, OSError) else classify(str(error))
        print(f"\nROLLBACK FAILED: {message}", file=sys.stderr)
        print("Run `python -m pipeline rollback` again: an interrupted rollback is finished first.", file=sys.stderr)
        return 1
    return 0
