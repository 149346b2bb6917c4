"""The spare file: an incremental build brings the file published before the previous one up to date
in place instead of copying warehouse.duckdb, and copies it when the spare cannot be trusted (a
reader holds it, a row was planted in it, a build was killed after changing it, a rollback).

One project, built stepwise: a full build, then one incremental build per landed document (the
third publish keeps the first spare), a reader, a planted row, a killed build, a rollback; every
published file is compared with the build's state, and the last one and its exports with a full
build of the same landed files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest
from conftest import copy_project
from faults import record, run, start
from test_incremental import BATCHES, HEADERS, STATE, build, figure, land, marts, same_rows

SPARE = ".publish/spare/warehouse.duckdb"
IN_PLACE = "to the spare file in place"
# a value of the document landed by the second step, changed in place before the fourth
CHANGED = "19.5 billion yuan"


def add_one(number: int, value: str | None = None, subject: str = "Polar Cloud") -> str:
    """Land-ready batch of one new document (its source and two figures of a known provider)."""
    batch = f"batch_spare_{number:02d}"
    source = f"spare_doc_{number:02d}"
    BATCHES[batch] = {
        "sources": [[source, f"{subject} note {number}", f"2024-03-{number:02d}", "en", f"{source}.txt", "News"]],
        "entities": [],
        "entity_aliases": [],
        "figures": [
            figure(
                f"{source}_rev",
                source,
                1,
                subject,
                "revenue",
                str(2000 + number),
                value or f"{number}.5 billion yuan",
            ),
            figure(f"{source}_loss", source, 2, subject, "net_loss", str(2000 + number), f"RMB {number}00 million"),
        ],
    }
    return batch


def remove(landing: Path, batch: str) -> None:
    for kind in HEADERS:
        (landing / kind / f"{batch}.csv").unlink()


def inode(path: Path) -> tuple[int, int]:
    status = path.stat()
    return status.st_dev, status.st_ino


def reader_tables(database: Path) -> dict[str, list[tuple]]:
    """Every table of the reader schemas but the build records (which name the build), sorted."""
    with duckdb.connect(str(database), read_only=True) as connection:
        names = connection.execute(
            "select schema_name, table_name from duckdb_tables() where schema_name in ('marts', 'audit', 'semantic')"
            " and table_name not in ('build_info', 'audit_changes')"
        ).fetchall()
        return {
            f"{schema}.{table}": connection.execute(f"select * from {schema}.{table} order by all").fetchall()
            for schema, table in names
        }


def published_is_state(project: Path) -> list[str]:
    """The reader tables the published file holds otherwise than the build's state."""
    published, state = reader_tables(project / "warehouse.duckdb"), reader_tables(project / STATE)
    return sorted(name for name in state if not same_rows(state[name], published.get(name, []))) + sorted(
        set(published) - set(state)
    )


def exports_differ(project: Path) -> list[str]:
    """The marts whose exported files hold other rows than the published file."""
    manifest = json.loads((project / "exports" / "manifest.json").read_text(encoding="utf-8"))
    different = []
    with duckdb.connect(str(project / "warehouse.duckdb"), read_only=True) as connection:
        for table in manifest["tables"]:
            files = str(project / "exports" / table["file"])
            counts = connection.execute(
                f"select (select count(*) from marts.{table['table']}), (select count(*) from read_parquet('{files}'))"
            ).fetchone()
            extra = connection.execute(
                f"select count(*) from (select * from read_parquet('{files}') except all"
                f" select * from marts.{table['table']})"
            ).fetchone()[0]
            if counts[0] != counts[1] or extra:
                different.append(table["table"])
    return different


@pytest.fixture(scope="module")
def steps(published, tmp_path_factory):
    _, documents = published
    project = copy_project(tmp_path_factory.mktemp("spare") / "project")
    landing = project / "landing"
    found: dict = {"project": project, "documents": documents}

    def killed_at(point: str) -> str:
        """The output of an incremental build of the landing folder killed when it reached `point`."""
        paused = start(project, documents, "build", "--incremental", "--landing", str(landing), log_name=point,
                       PIPELINE_PAUSE_AT=point)  # fmt: skip
        reached = paused.wait_for(f"PAUSED at {point}")
        paused.kill()
        assert reached, paused.output()[-4000:]
        return paused.output()

    def step(name: str, *arguments: str) -> str:
        done = build(project, documents, *arguments)
        assert done.returncode == 0, name + done.stdout[-4000:] + done.stderr[-3000:]
        found[name] = {"stdout": done.stdout, "state_differs": published_is_state(project)}
        return done.stdout

    land(landing, "batch_000001")
    step("full")
    # the second publish keeps the previous file; the third, the first spare
    land(landing, add_one(1))
    step("add 1", "--incremental")
    # of another provider: its source and entity are changed by this build only
    land(landing, add_one(2, subject="Alibaba Cloud"))
    step("add 2", "--incremental")
    # the spare is the full build's file: the builds since added documents 1 and 2; this one changes
    # document 1 in place and adds document 3 (document 2's rows are those of the build before)
    found["spare inode"] = inode(project / SPARE)
    land(landing, add_one(1, CHANGED))
    land(landing, add_one(3))
    step("spare used", "--incremental")
    found["published inode"] = inode(project / "warehouse.duckdb")
    found["exports differ"] = exports_differ(project)

    # a reader opened the spare when it was published, and still reads it
    with duckdb.connect(str(project / SPARE), read_only=True) as reader:
        before = reader.execute("select * from marts.fct_figures order by all").fetchall()
        land(landing, add_one(4))
        step("reader", "--incremental")
        found["reader rows kept"] = reader.execute("select * from marts.fct_figures order by all").fetchall() == before

    # a row planted in the spare after it was published
    with duckdb.connect(str(project / SPARE)) as connection:
        connection.execute("insert into marts.fct_figures select * from marts.fct_figures limit 1")
    land(landing, add_one(5))
    step("planted", "--incremental")
    found["planted rows"] = reader_tables(project / "warehouse.duckdb")["marts.fct_figures"]

    # a build killed after it brought the spare up to date, before it published it
    land(landing, add_one(6))
    found["killed"] = {"stdout": killed_at("exports-written"), "spare left": (project / SPARE).exists()}
    step("after kill", "--incremental")

    # a rollback, then two documents added: the first is written anew (the state is not the
    # published file's), the second uses the spare the first's publish kept
    rolled = run(project, documents, "rollback")
    assert rolled.returncode == 0, rolled.stdout + rolled.stderr
    land(landing, add_one(7))
    step("add 7 after rollback", "--incremental")
    # the spare lacks document 7, the published file has it, this build removes it: the exports
    # must not keep the published build's files of marts the spare and the state agree on
    remove(landing, "batch_spare_07")
    land(landing, add_one(8))
    step("add 8 after rollback", "--incremental")

    full = copy_project(tmp_path_factory.mktemp("spare_full") / "project")
    shutil.copytree(landing, full / "landing")
    found["last marts"] = marts(project / "warehouse.duckdb")
    found["last exports differ"] = exports_differ(project)

    # a build killed between the rename of its file over warehouse.duckdb and the renames of
    # `previous` and the spare: the rollback run next first finishes its publish from the journal
    files = {name: inode(project / name) for name in ("warehouse.duckdb", ".publish/previous/warehouse.duckdb")}
    land(landing, add_one(9))
    killed_at("warehouse-published")
    killed_file = inode(project / "warehouse.duckdb")
    rolled = run(project, documents, "rollback")
    assert rolled.returncode == 0, rolled.stdout + rolled.stderr
    found["interrupted publish"] = {
        "output": rolled.stdout,
        "spare": inode(project / SPARE) == files[".publish/previous/warehouse.duckdb"],
        "published": inode(project / "warehouse.duckdb") == files["warehouse.duckdb"],
        "previous": inode(project / ".publish/previous/warehouse.duckdb") == killed_file,
    }

    done = build(full, documents)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-3000:]
    found["full"] = full
    return found


def test_the_third_incremental_publish_brings_the_spare_up_to_date_in_place(steps):
    """The spare (the full build's file) holds none of the changes of the two builds since: its
    rows of their documents are replaced too, and it becomes the published file, with no copy."""
    for name in ("add 1", "add 2"):
        assert "spare file not used: there is none" in steps[name]["stdout"], steps[name]["stdout"][-3000:]
        assert "to a copy of warehouse.duckdb" in steps[name]["stdout"]
    used = steps["spare used"]
    assert IN_PLACE in used["stdout"] and "copying" not in used["stdout"], used["stdout"][-3000:]
    assert steps["published inode"] == steps["spare inode"]
    assert used["state_differs"] == []
    assert steps["exports differ"] == []


def test_a_spare_a_reader_holds_is_not_written_and_the_reader_keeps_its_rows(steps):
    found = steps["reader"]
    assert "spare file not used: a reader still has it open; copying warehouse.duckdb" in found["stdout"]
    assert "to a copy of warehouse.duckdb" in found["stdout"] and IN_PLACE not in found["stdout"]
    assert steps["reader rows kept"]
    assert found["state_differs"] == []
    record("spare held by a reader", steps["reader rows kept"] and found["state_differs"] == [])


def test_a_row_planted_in_the_spare_is_never_published(steps):
    found = steps["planted"]
    assert "the spare file changed since it was published" in found["stdout"], found["stdout"][-3000:]
    assert "copying warehouse.duckdb instead" in found["stdout"] and "to a copy of warehouse.duckdb" in found["stdout"]
    assert found["state_differs"] == []
    rows = steps["planted rows"]
    assert len(rows) == len(set(rows))  # the planted row repeated one: it is not there
    record("row planted in the spare", found["state_differs"] == [])


def test_a_spare_changed_by_a_killed_build_is_never_used_or_published(steps):
    """The build brought the spare up to date in its work folder and was killed: the next build
    finds no spare (the work folder is removed), writes the file anew from its state (which the
    killed build left at its own build) and publishes it whole."""
    killed = steps["killed"]
    assert IN_PLACE in killed["stdout"], killed["stdout"][-3000:]
    assert not killed["spare left"]
    after = steps["after kill"]
    assert IN_PLACE not in after["stdout"] and "wrote" in after["stdout"], after["stdout"][-3000:]
    assert after["state_differs"] == []
    record("build killed after changing the spare", after["state_differs"] == [])


def test_after_a_rollback_the_spare_of_the_next_publish_is_used(steps):
    first, second = steps["add 7 after rollback"], steps["add 8 after rollback"]
    assert IN_PLACE not in first["stdout"] and "new file" in first["stdout"], first["stdout"][-3000:]
    assert IN_PLACE in second["stdout"], second["stdout"][-3000:]
    assert first["state_differs"] == [] and second["state_differs"] == []


def test_the_marts_reached_through_the_spare_are_a_full_builds(steps):
    """The last file published is the spare brought up to date (after the rollback); its marts and
    exports are those of a full build of the same landed files."""
    assert IN_PLACE in steps["add 8 after rollback"]["stdout"]
    stepwise, full = steps["last marts"], marts(steps["full"] / "warehouse.duckdb")
    assert sorted(stepwise) == sorted(full)
    assert [table for table in full if not same_rows(full[table], stepwise[table])] == []
    assert steps["last exports differ"] == []


def test_an_interrupted_publish_is_finished_with_its_spare_before_a_rollback(steps):
    """Finishing the publish makes the file `previous` named the spare and the file replaced the
    previous one, as the publish would have; the rollback then swaps only the published and the
    previous file."""
    found = steps["interrupted publish"]
    assert "finished the publish of build" in found["output"], found["output"]
    assert found["spare"] and found["published"] and found["previous"], found
