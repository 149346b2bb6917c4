"""The fault suite: crashes, concurrent builds, stale state and hostile files never leave anything
wrong published, and every failure says what and where, once.

Each fault runs the real pipeline (`python -m pipeline build`) in a copy of a published project. A
crash is a real SIGKILL of the build process, at a boundary where the build pauses when
PIPELINE_PAUSE_AT names it (pipeline/faults.py); the boundaries after the dbt stage share one
build, whose files are copied at each (what a SIGKILL there leaves) before it goes on to the next.
Builds of different copies run at the same time. Each fault is scored (faults.SCORE); conftest.py
prints `faults held: N / M`.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from faults import (
    ALIAS_COLUMNS,
    ENTITY_COLUMNS,
    FIGURE_COLUMNS,
    SOURCE_COLUMNS,
    checksum,
    copy_published,
    figure_row,
    leftovers,
    published_state,
    record,
    reorder,
    run,
    start,
    write_csv,
)

BOUNDARIES = [
    "locked",
    "checked",
    "dbt-built",
    "validated",
    "exports-written",
    "warehouse-published",
    "exports-switched",
]
BEFORE_COMMIT = BOUNDARIES[:5]
# the boundaries a build reaches once its candidate is built: one build passes them all (below)
AFTER_DBT = BOUNDARIES[2:]
NOT_CHANGED = "The published warehouse.duckdb was not changed."
TRACEBACK = "Traceback (most recent call last)"


def build_id_in(output: str) -> str | None:
    found = re.search(r"^build (\S+): work files", output, re.MULTILINE)
    return found.group(1) if found else None


# ---------------------------------------------------------------------------------------------
# crashes at each boundary, and a second build while one runs


def snapshot(project: Path, folder: Path) -> Path:
    """The files of `project` as they are now, copied into `folder` (links kept as links)."""
    return Path(shutil.copytree(project, folder / "project", symlinks=True))


@pytest.fixture(scope="module")
def crashes(published, tmp_path_factory) -> dict:
    """For each boundary, a copy whose build was SIGKILLed there, what a reader found before, right
    after the kill and after the next build's recovery (that build killed as soon as it recovered).

    The builds killed at locked and checked run in copies of their own. One build runs dbt for all
    the others: it pauses at each boundary from dbt-built on, where its project's files are copied
    (what a SIGKILL there leaves: a killed process writes nothing more, and the kernel drops its
    locks, which a copy never had) before it is let go on to the next, and it is SIGKILLed at the
    last. While it is paused at dbt-built (holding the lock, its candidate written), a second build
    is started there, once refusing at once, once with --wait; a third waits for the lock and is
    the recovery of the build's own project."""
    copies = {boundary: copy_published(published, tmp_path_factory.mktemp(boundary)) for boundary in BOUNDARIES[:2]}
    chain_folder = tmp_path_factory.mktemp("after_dbt")
    project, documents = copy_published(published, chain_folder)
    copies[AFTER_DBT[-1]] = project, documents
    before = published_state(project)
    result: dict = {boundary: {"before": published_state(copies[boundary][0])} for boundary in copies}
    result |= {boundary: {"before": before} for boundary in AFTER_DBT}
    builds = {
        boundary: start(project, documents, "build", PIPELINE_PAUSE_AT=boundary)
        for boundary, (project, documents) in copies.items()
        if boundary not in AFTER_DBT
    }
    resume = chain_folder / "resume"
    resume.mkdir()
    chain = start(project, documents, "build", PIPELINE_PAUSE_AT=",".join(AFTER_DBT), PIPELINE_RESUME_DIR=str(resume))
    for boundary, running in builds.items():
        result[boundary]["paused"] = running.wait_for(f"PAUSED at {boundary}")
        result[boundary]["killed_build_id"] = build_id_in(running.output())
        running.kill()

    concurrency: dict = {}
    for boundary in AFTER_DBT:
        result[boundary]["paused"] = chain.wait_for(f"PAUSED at {boundary}")
        result[boundary]["killed_build_id"] = build_id_in(chain.output())
        if boundary == AFTER_DBT[-1]:
            chain.kill()
            builds[boundary] = chain
            break
        copies[boundary] = snapshot(project, tmp_path_factory.mktemp(boundary)), documents
        if boundary == "dbt-built":
            concurrency = second_builds(project, documents)
        (resume / boundary).touch()

    for boundary in BOUNDARIES:
        killed = copies[boundary][0]
        result[boundary]["after_kill"] = published_state(killed)
        result[boundary]["journal_after_kill"] = (killed / ".publish" / "journal.json").exists()
        result[boundary]["log"] = builds.get(boundary, chain).output()

    recoveries = {
        boundary: start(project, documents, "build", log_name="recovery", PIPELINE_PAUSE_AT="locked")
        for boundary, (project, documents) in copies.items()
        if boundary != AFTER_DBT[-1]
    }
    # the build waiting for the lock recovers the project of the build it waited for, once that is killed
    recoveries[AFTER_DBT[-1]] = concurrency["waiter"]
    for boundary, running in recoveries.items():
        result[boundary]["recovered"] = running.wait_for("PAUSED at locked")
        result[boundary]["recovery_log"] = running.output()
        running.kill()
        project = copies[boundary][0]
        result[boundary]["after_recovery"] = published_state(project)
        result[boundary]["leftovers"] = leftovers(project)
        previous = project / ".publish" / "previous" / "warehouse.duckdb"
        result[boundary]["previous_checksum"] = published_state_checksum(previous)
    concurrency["waiter_recovered"] = result[AFTER_DBT[-1]]["recovered"]
    result["concurrency"] = concurrency
    return result


def second_builds(project: Path, documents: Path) -> dict:
    """While a build is paused in `project` after its dbt stage: a second build refusing at once,
    one waiting a second, and one waiting for as long as it takes (left running)."""
    # the paused build's candidate: its state (dbt's whole warehouse, build/state), and any lean file
    # it wrote to its own work folder
    candidates = [project / "build" / "state" / "warehouse.duckdb"]
    candidates = [path for path in candidates if path.exists()]
    candidates += [path for path in (project / "build" / "work").glob("*/warehouse.duckdb")]
    second = run(project, documents, "build")
    second_waiting = run(project, documents, "build", "--wait", "1")
    waiter = start(project, documents, "build", "--wait", "3600", log_name="waiter", PIPELINE_PAUSE_AT="locked")
    return {
        "candidates": candidates,
        "candidates_after": [path for path in candidates if path.exists()],
        "second": second,
        "second_waiting": second_waiting,
        "waiter": waiter,
        "waiter_waited": waiter.wait_for("waiting for another build"),
    }


def published_state_checksum(path: Path) -> str | None:
    return checksum(path) if path.is_file() else None


@pytest.mark.parametrize("boundary", BOUNDARIES)
def test_a_build_killed_at_any_boundary_leaves_one_whole_publish(crashes, boundary):
    found = crashes[boundary]
    before, after_kill, after_recovery = found["before"], found["after_kill"], found["after_recovery"]
    problems = []
    if not found["paused"]:
        problems.append(f"the build never reached {boundary}:\n{found['log'][-3000:]}")
    if boundary in BEFORE_COMMIT:
        if after_kill != before:
            problems.append(f"killed before publishing, yet what readers see changed: {before} -> {after_kill}")
        if after_recovery != before:
            problems.append(f"the next build's recovery changed the publish: {before} -> {after_recovery}")
    else:
        # killed after warehouse.duckdb was replaced: the journal says so, and the next build finishes
        # the publish (exports/ switched to the same build) before anything else
        killed = found["killed_build_id"]
        if after_kill.build_id != killed or not (found["journal_after_kill"] or after_kill.consistent):
            problems.append(f"killed after the commit point: {after_kill}, journal {found['journal_after_kill']}")
        if not (after_recovery.consistent and after_recovery.build_id == killed):
            problems.append(f"after recovery the warehouse and exports differ: {after_recovery}")
        if found["previous_checksum"] != before.checksum:
            problems.append("the warehouse published before is not kept as the previous one")
    if not after_recovery.consistent:
        problems.append(f"warehouse and exports/ are from different builds after recovery: {after_recovery}")
    if found["leftovers"]:
        problems.append(f"the next build left work files of the killed one: {found['leftovers']}")
    if not found["recovered"]:
        problems.append(f"the next build did not start:\n{found['recovery_log'][-3000:]}")
    record(f"SIGKILL at {boundary}", not problems)
    assert problems == []


def test_a_second_build_refuses_while_one_runs_and_leaves_it_alone(crashes):
    found = crashes["concurrency"]
    second, waiting = found["second"], found["second_waiting"]
    held = (
        second.returncode == 1
        and "holds the build lock" in second.stderr
        and NOT_CHANGED in second.stderr
        and waiting.returncode == 1
        and "after waiting 1 s" in waiting.stderr
        and len(found["candidates"]) == 1
        and found["candidates_after"] == found["candidates"]
        and TRACEBACK not in second.stdout + second.stderr
    )
    record("second build while one runs", held)
    assert second.returncode == 1, second.stdout[-2000:] + second.stderr[-2000:]
    assert "holds the build lock" in second.stderr and NOT_CHANGED in second.stderr
    assert "after waiting 1 s" in waiting.stderr
    assert len(found["candidates"]) == 1 and found["candidates_after"] == found["candidates"]


def test_a_build_told_to_wait_starts_when_the_running_one_ends(crashes):
    found = crashes["concurrency"]
    held = found["waiter_waited"] and found["waiter_recovered"]
    record("build waiting for the lock", held)
    assert found["waiter_waited"] and found["waiter_recovered"]


# ---------------------------------------------------------------------------------------------
# stale state and hostile files: each scenario one build, all run at the same time

ARTICLE_SOURCE = "kingsoft_cloud_2024_04_17"
RESTATED_SOURCE = "zz_restated_2024_05_02"


def restated_document() -> tuple[list[list], list[list]]:
    """A later landed document that states Kingsoft Cloud's 2022 revenue differently from the
    article (in paragraph 1, before the article's paragraph 14) and its 2023 revenue the same."""
    sources = [[RESTATED_SOURCE, "Kingsoft Cloud restated", "2024-05-02", "en", "restated.txt", "News"]]
    figures = [
        figure_row("zz_ksc_revenue_2022", RESTATED_SOURCE, 1, "Kingsoft Cloud", "revenue", "2022", "8.5 billion yuan"),
        figure_row("zz_ksc_revenue_2023", RESTATED_SOURCE, 1, "Kingsoft Cloud", "revenue", "2023", "7.05 billion yuan"),
    ]
    return sources, figures


def leave_stale_wal(project: Path) -> int:
    """A read-write connection that changes the published file and is killed before it checkpoints:
    its write-ahead log stays beside warehouse.duckdb. Returns the revenue figures a reader sees then."""
    script = (
        "import duckdb, os\n"
        "connection = duckdb.connect('warehouse.duckdb')\n"
        "connection.execute(\"delete from marts.fct_figures where metric_id = 'revenue'\")\n"
        "connection.execute('create table audit.injected as select 1 as x')\n"
        "os.kill(os.getpid(), 9)\n"
    )
    subprocess.run([sys.executable, "-c", script], cwd=project, check=False)
    assert (project / "warehouse.duckdb.wal").exists()
    with duckdb.connect(str(project / "warehouse.duckdb"), read_only=True) as connection:
        return connection.execute("select count(*) from marts.fct_figures where metric_id = 'revenue'").fetchone()[0]


def setup_stale_state(project: Path) -> dict:
    """A stale write-ahead log, a folder of the user's own named exports/, and the restated
    document and the hostile files landed: a build that must succeed, and say what it did."""
    facts: dict = {"revenue_figures_before": count_revenue(project)}
    facts["revenue_figures_with_wal"] = leave_stale_wal(project)
    exports = project / "exports"
    exports.unlink()
    exports.mkdir()
    (exports / "my_notes.txt").write_text("an analyst's own file\n", encoding="utf-8")
    sources, figures = restated_document()
    write_csv(project / "landing" / "sources" / "restated.csv", SOURCE_COLUMNS, sources)
    write_csv(project / "landing" / "figures" / "restated.csv", FIGURE_COLUMNS, figures)
    facts["landed_figures"] = figures + setup_hostile_files(project)
    return facts


def landed_revenue(facts: dict) -> int:
    """The revenue figures the stale-state scenario landed."""
    return sum(1 for row in facts["landed_figures"] if row[FIGURE_COLUMNS.index("metric_id")] == "revenue")


def count_revenue(project: Path) -> int:
    with duckdb.connect(str(project / "warehouse.duckdb"), read_only=True) as connection:
        return connection.execute("select count(*) from marts.fct_figures where metric_id = 'revenue'").fetchone()[0]


HOSTILE_SOURCE = "o_brien_2024_03_01"


def setup_hostile_files(project: Path) -> list[list]:
    """Landed files with their columns in another order (one CSV with a byte-order mark, one
    Parquet), and a file name holding a quote."""
    landing = project / "landing"
    entities = [["obrien_cloud", "O'Brien Cloud", "cloud_provider", "", "A cloud provider; it's named O'Brien."]]
    aliases = [["O'Brien Cloud", "obrien_cloud", "Canonical name."]]
    sources = [[HOSTILE_SOURCE, "O'Brien's results", "2024-03-01", "en", "obrien.txt", "News"]]
    figures = [
        figure_row("ob_revenue_2022", HOSTILE_SOURCE, 1, "O'Brien Cloud", "revenue", "2022", "12.5 billion yuan"),
        figure_row("ob_revenue_2023", HOSTILE_SOURCE, 2, "O'Brien Cloud", "revenue", "2023", "15 billion yuan"),
        figure_row("ob_nodes_2023", HOSTILE_SOURCE, 3, "O'Brien Cloud", "cdn_node_count", "2023", "over 300"),
    ]
    # by position, the reordered header would put the period in value_as_written and the value in
    # period_as_written, and the subject in item_as_written
    figure_order = [
        "quote", "value_as_written", "period_as_written", "figure_id", "item_as_written", "subject_as_written",
        "source_id", "paragraph_number", "metric_as_written", "metric_id", "direction_as_written", "range_position",
    ]  # fmt: skip
    write_csv(landing / "entities" / "o'brien.csv", *reorder(ENTITY_COLUMNS, entities, ENTITY_COLUMNS[::-1]), bom=True)
    write_csv(landing / "entity_aliases" / "o'brien.csv", *reorder(ALIAS_COLUMNS, aliases, ALIAS_COLUMNS[::-1]))
    write_csv(landing / "sources" / "o'brien.csv", *reorder(SOURCE_COLUMNS, sources, SOURCE_COLUMNS[::-1]), bom=True)
    header, rows = reorder(FIGURE_COLUMNS, figures[:2], figure_order)
    write_csv(landing / "figures" / "o'brien.csv", header, rows, bom=True)
    staging = project.parent / "staging.csv"
    header, rows = reorder(FIGURE_COLUMNS, figures[2:], figure_order[::-1])
    write_csv(staging, header, rows)
    with duckdb.connect() as connection:
        connection.execute(
            "copy (select * replace (cast(paragraph_number as integer) as paragraph_number) "
            f"from read_csv('{staging}', all_varchar = true)) "
            f"to '{landing / 'figures' / 'parquet_reordered.parquet'}' (format parquet)"
        )
    return figures


DUPLICATE_SOURCE = "aa_copy_2024_06_01"


def setup_duplicate_document(project: Path) -> dict:
    """The restated document landed, and landed again under new ids in another file."""
    sources, figures = restated_document()
    write_csv(project / "landing" / "sources" / "restated.csv", SOURCE_COLUMNS, sources)
    write_csv(project / "landing" / "figures" / "restated.csv", FIGURE_COLUMNS, figures)
    copies = [["aa_" + row[0][3:], DUPLICATE_SOURCE, *row[2:]] for row in figures]
    copy_source = [[DUPLICATE_SOURCE, "A copy", "2024-06-01", "en", "copy.txt", "News"]]
    write_csv(project / "landing" / "sources" / "copy.csv", SOURCE_COLUMNS, copy_source)
    write_csv(project / "landing" / "figures" / "copy.csv", FIGURE_COLUMNS, copies)
    return {}


def setup_retyped_column(project: Path) -> dict:
    sources, figures = restated_document()
    sources[0][2] = "early May 2024"
    write_csv(project / "landing" / "sources" / "restated.csv", SOURCE_COLUMNS, sources)
    write_csv(project / "landing" / "figures" / "restated.csv", FIGURE_COLUMNS, figures)
    return {}


def setup_bad_headers(project: Path) -> dict:
    sources, figures = restated_document()
    landing = project / "landing"
    write_csv(landing / "sources" / "restated.csv", SOURCE_COLUMNS, sources)
    without_quote = [row[:-1] for row in figures]
    write_csv(landing / "figures" / "missing.csv", FIGURE_COLUMNS[:-1], without_quote)
    write_csv(landing / "figures" / "extra.csv", [*FIGURE_COLUMNS, "comment"], [[*row, "x"] for row in figures])
    doubled = FIGURE_COLUMNS.copy()
    doubled[4] = "subject_as_written"
    write_csv(landing / "figures" / "doubled.csv", doubled, figures)
    for kind in ("entity_aliases", "entities"):
        (landing / kind).mkdir(parents=True, exist_ok=True)
    with duckdb.connect() as connection:
        connection.execute(
            f"copy (select 'x' as alias, 'kingsoft_cloud' as entity_id) "
            f"to '{landing / 'entity_aliases' / 'no_note.parquet'}' (format parquet)"
        )
        connection.execute(
            "copy (select 'e1' as entity_id, 'E' as entity_name, 'company' as entity_type, "
            "'' as parent_entity_id, 'd' as description, 'two' as note) "
            f"to '{landing / 'entities' / 'typed.parquet'}' (format parquet)"
        )
        connection.execute(
            "copy (select 's1' as source_id, 't' as title, 'soon' as published_date, 'en' as language, "
            "'s.txt' as text_path, 'News' as section) "
            f"to '{landing / 'sources' / 'retyped.parquet'}' (format parquet)"
        )
    return {}


BAD_HEADER_MESSAGES = {
    "CSV missing column": "landing/figures/missing.csv: column 'quote' is missing",
    "CSV extra column": "landing/figures/extra.csv: column 'comment' is not a column of figures files",
    "CSV column named twice": "landing/figures/doubled.csv: names column 'subject_as_written' twice",
    "Parquet missing column": "landing/entity_aliases/no_note.parquet: column 'note' is missing",
    "Parquet extra column": "landing/entities/typed.parquet: column 'note' is not a column of entities files",
    "Parquet mistyped column": "landing/sources/retyped.parquet: column 'published_date' is VARCHAR",
}


def setup_nothing(project: Path) -> dict:
    return {}


def make_unwritable(project: Path) -> dict:
    folder = project / ".exports"
    completed = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, text=True, check=False)
    return {"unwritable": folder if completed.returncode == 0 else None}


def mount_small_disk(project: Path) -> dict:
    """Move the project onto a file system with a few MB free (a tmpfs, as root)."""
    used = sum(path.stat().st_size for path in project.rglob("*") if path.is_file() and not path.is_symlink())
    mount_point = project.parent / "small_disk"
    mount_point.mkdir()
    size_kib = (used + 4 * 1024 * 1024) // 1024
    completed = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kib}k", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        return {"mounted": None}
    moved = mount_point / "project"
    shutil.copytree(project, moved, symlinks=True)
    return {"mounted": mount_point, "project": moved}


SCENARIOS = {
    # name: (prepare the copy, extra environment)
    # the hostile files land in the same build as the stale state (setup_stale_state)
    "stale_state": (setup_stale_state, {}),
    "duplicate_document": (setup_duplicate_document, {}),
    "retyped_column": (setup_retyped_column, {}),
    "bad_headers": (setup_bad_headers, {}),
    "memory_limit": (setup_nothing, {"DUCKDB_MEMORY_LIMIT": "3XB"}),
    "unwritable": (make_unwritable, {}),
    "disk_full": (mount_small_disk, {}),
}


@pytest.fixture(scope="module")
def outcomes(published, tmp_path_factory):
    """Each scenario's copy prepared, then all built at once; name -> facts, state before, result."""
    prepared = {}
    for name, (prepare, extra) in SCENARIOS.items():
        folder = tmp_path_factory.mktemp(name)
        project, documents = copy_published(published, folder)
        facts = prepare(project)
        project = facts.get("project", project)
        prepared[name] = {"project": project, "documents": documents, "facts": facts, "extra": extra, "logs": folder}
        prepared[name]["before"] = published_state(project)
    running = {
        name: start(
            found["project"],
            found["documents"],
            "build",
            log_name=f"{name}_build",
            log_dir=found["logs"],
            **found["extra"],
        )
        for name, found in prepared.items()
    }
    for name, process in running.items():
        found = prepared[name]
        found["returncode"] = process.finish()
        found["output"] = process.output()
        found["after"] = published_state(found["project"])
    yield prepared
    for found in prepared.values():
        if found["facts"].get("unwritable"):
            subprocess.run(["chattr", "-i", str(found["facts"]["unwritable"])], check=False)
        if found["facts"].get("mounted"):
            subprocess.run(["umount", str(found["facts"]["mounted"])], check=False)


def failed_cleanly(found: dict, *words: str) -> list[str]:
    """What is wrong with a build that should fail: its exit code, message or the publish."""
    output = found["output"]
    problems = []
    if found["returncode"] != 1:
        problems.append(f"exit code {found['returncode']}")
    problems += [f"message lacks {word!r}" for word in ("BUILD FAILED:", NOT_CHANGED, *words) if word not in output]
    if output.count("BUILD FAILED:") > 1:
        problems.append("BUILD FAILED said more than once")
    if TRACEBACK in output:
        problems.append("a raw traceback")
    if found["after"] != found["before"]:
        problems.append(f"the publish changed: {found['before']} -> {found['after']}")
    return problems


def held(fault: str, found: dict, problems: list[str]) -> None:
    """Record whether `fault` held (no problems) for the run's summary; if not, fail with the build's output."""
    record(fault, not problems)
    assert problems == [], found["output"][-4000:]


def test_a_stale_write_ahead_log_is_never_replayed_onto_a_new_publish(outcomes):
    found = outcomes["stale_state"]
    project = found["project"]
    facts = found["facts"]
    assert facts["revenue_figures_with_wal"] < facts["revenue_figures_before"]  # the fault is real
    with duckdb.connect(str(project / "warehouse.duckdb"), read_only=True) as connection:
        revenue = connection.execute("select count(*) from marts.fct_figures where metric_id = 'revenue'").fetchone()[0]
        injected = connection.execute(
            "select count(*) from duckdb_tables() where schema_name = 'audit' and table_name = 'injected'"
        ).fetchone()[0]
    held = (
        found["returncode"] == 0
        and revenue == facts["revenue_figures_before"] + landed_revenue(facts)
        and injected == 0
        and "moved warehouse.duckdb.wal aside" in found["output"]
        and any((project / ".publish" / "stale").glob("warehouse.duckdb.wal.*"))
    )
    record("stale warehouse.duckdb.wal", held)
    assert found["returncode"] == 0, found["output"][-4000:]
    assert (revenue, injected) == (facts["revenue_figures_before"] + landed_revenue(facts), 0)
    assert "moved warehouse.duckdb.wal aside" in found["output"]


def test_a_users_own_exports_folder_is_moved_aside_not_deleted(outcomes):
    found = outcomes["stale_state"]
    project = found["project"]
    moved = list(project.glob("exports.yours-*"))
    held = (
        len(moved) == 1
        and (moved[0] / "my_notes.txt").read_text(encoding="utf-8") == "an analyst's own file\n"
        and (project / "exports").is_symlink()
        and "exports/ was a folder of your own" in found["output"]
        and found["after"].consistent
    )
    record("user's own exports/ folder", held)
    assert len(moved) == 1 and (moved[0] / "my_notes.txt").is_file()
    assert "exports/ was a folder of your own" in found["output"]
    assert found["after"].consistent


def test_a_landed_source_contradicting_the_article_is_listed_and_the_article_wins(outcomes):
    project = outcomes["stale_state"]["project"]
    with duckdb.connect(str(project / "warehouse.duckdb"), read_only=True) as connection:
        revenue_2022 = connection.execute(
            "select revenue_cny from marts.fct_company_financials where company_id = 'kingsoft_cloud' "
            "and fiscal_year = 2022"
        ).fetchone()[0]
        conflicts = connection.execute(
            "select first_statement_id, second_statement_id, first_source_id, second_source_id, preferred_figure_id, "
            "first_quote, second_quote from marts.fct_figure_conflicts "
            "where conflict_kind = 'different_value_across_sources'"
        ).fetchall()
    held = revenue_2022 == 8.108e9 and [row[:5] for row in conflicts] == [
        ("ksc_revenue_2022", "zz_ksc_revenue_2022", ARTICLE_SOURCE, RESTATED_SOURCE, "ksc_revenue_2022")
    ]
    record("cross-source contradiction", held)
    assert revenue_2022 == 8.108e9  # the article's, not the later landed 8.5 billion
    # listed once, with both quotes; 7.05 billion (landed) and 7.047 billion (article) agree within rounding
    assert [row[:5] for row in conflicts] == [
        ("ksc_revenue_2022", "zz_ksc_revenue_2022", ARTICLE_SOURCE, RESTATED_SOURCE, "ksc_revenue_2022")
    ]
    assert "8.108 billion yuan" in conflicts[0][5] and "8.5 billion yuan" in conflicts[0][6]


def test_the_build_reports_what_changed_against_the_previous_publish(outcomes):
    found = outcomes["stale_state"]
    with duckdb.connect(str(found["project"] / "warehouse.duckdb"), read_only=True) as connection:
        changes = connection.execute("select figure_id, change_kind from audit.publish_changes order by 1").fetchall()
        counts = connection.execute(
            "select previous_build_id, figures_added, figures_removed, figures_changed from audit.build_info"
        ).fetchone()
    landed = sorted(row[0] for row in found["facts"]["landed_figures"])
    assert changes == [(figure_id, "added") for figure_id in landed]
    assert counts == (found["before"].build_id, len(landed), 0, 0)
    assert f"{len(landed)} figures added, 0 removed, 0 changed" in found["output"]


def test_rollback_publishes_the_previous_warehouse_and_exports_and_back(outcomes):
    found = outcomes["stale_state"]
    project, documents = found["project"], found["documents"]
    first = run(project, documents, "rollback")
    after_first = published_state(project)
    second = run(project, documents, "rollback")
    after_second = published_state(project)
    held = (
        first.returncode == 0
        and after_first.checksum == found["before"].checksum
        and after_first.consistent
        and second.returncode == 0
        and after_second == found["after"]
    )
    record("rollback", held)
    assert first.returncode == 0, first.stdout + first.stderr
    assert after_first.checksum == found["before"].checksum and after_first.consistent
    assert second.returncode == 0 and after_second == found["after"]


def test_landed_files_are_read_by_column_name_whatever_their_order_bom_or_name(outcomes):
    found = outcomes["stale_state"]
    assert found["returncode"] == 0, found["output"][-4000:]
    with duckdb.connect(str(found["project"] / "warehouse.duckdb"), read_only=True) as connection:
        figures = connection.execute(
            "select figure_id, entity_id, period_label, value_as_written, value, paragraph_number "
            "from marts.fct_figures where source_id = ? order by figure_id",
            [HOSTILE_SOURCE],
        ).fetchall()
        source = connection.execute(
            "select title, published_date from marts.dim_sources where source_id = ?", [HOSTILE_SOURCE]
        ).fetchone()
        entity = connection.execute(
            "select entity_name, description from marts.dim_entities where entity_id = 'obrien_cloud'"
        ).fetchone()
    # the landing listing is the build's own state (build/state), not part of what readers open
    with duckdb.connect(str(found["project"] / "build" / "state" / "warehouse.duckdb"), read_only=True) as connection:
        files = [row[0] for row in connection.execute("select landed_file from staging.base_landing__files").fetchall()]
    expected = [
        ("ob_nodes_2023", "obrien_cloud", "FY2023", "over 300", 300.0, 3),
        ("ob_revenue_2022", "obrien_cloud", "FY2022", "12.5 billion yuan", 12.5e9, 1),
        ("ob_revenue_2023", "obrien_cloud", "FY2023", "15 billion yuan", 15e9, 2),
    ]
    held = figures == expected and source is not None and str(source[1]) == "2024-03-01"
    record("CSV and Parquet columns in another order, a BOM, a quote in the file name", held)
    assert figures == expected
    assert (source[0], str(source[1])) == ("O'Brien's results", "2024-03-01")
    assert entity == ("O'Brien Cloud", "A cloud provider; it's named O'Brien.")
    assert "figures/o'brien.csv" in files


def test_a_document_landed_again_under_new_ids_is_refused(outcomes):
    found = outcomes["duplicate_document"]
    problems = failed_cleanly(found, "assert_no_duplicate_documents", RESTATED_SOURCE, DUPLICATE_SOURCE)
    held("duplicate document under new ids", found, problems)


def test_a_value_of_the_wrong_type_names_the_file_and_column(outcomes):
    found = outcomes["retyped_column"]
    problems = failed_cleanly(
        found, "landed file sources/restated.csv: column published_date: 'early May 2024' is not a valid date"
    )
    held("CSV value of the wrong type", found, problems)


@pytest.mark.parametrize("fault", list(BAD_HEADER_MESSAGES))
def test_a_landed_file_with_wrong_columns_is_rejected_naming_file_and_column(outcomes, fault):
    found = outcomes["bad_headers"]
    problems = failed_cleanly(found, BAD_HEADER_MESSAGES[fault])
    held(fault, found, problems)


def test_a_bad_memory_limit_setting_is_named(outcomes):
    found = outcomes["memory_limit"]
    problems = failed_cleanly(found, "DUCKDB_MEMORY_LIMIT='3XB' is not a memory size DuckDB accepts")
    held("bad DUCKDB_MEMORY_LIMIT", found, problems)


def test_a_folder_the_build_cannot_write_is_named(outcomes):
    found = outcomes["unwritable"]
    if found["facts"]["unwritable"] is None:
        pytest.skip("chattr +i is not available here")
    problems = failed_cleanly(found, "permission denied:", str(found["project"] / ".exports"))
    held("unwritable folder", found, problems)


def test_a_full_disk_fails_the_build_with_the_published_files_untouched(outcomes):
    found = outcomes["disk_full"]
    if found["facts"]["mounted"] is None:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    problems = failed_cleanly(found, "disk full")
    if list((found["project"] / "build" / "work").glob("*")):
        problems.append("the failed build left its work files")
    held("disk full", found, problems)
