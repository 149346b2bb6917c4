"""Landed files and incremental builds: adding a batch with `build --incremental`, changing a file in
place and deleting one give the same marts as a full rebuild; an
incremental build loads only the new or changed files, keeps bad rows out, and refuses to run on a
warehouse built from other models."""

from __future__ import annotations

import csv
import hashlib
import json
import math
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from conftest import copy_project, replace_in_file
from faults import record

from pipeline import publish

FIGURE_COLUMNS = [
    "figure_id", "source_id", "paragraph_number", "subject_as_written", "item_as_written", "metric_id",
    "metric_as_written", "period_as_written", "value_as_written", "range_position", "direction_as_written", "quote",
]  # fmt: skip


def figure(figure_id, source_id, paragraph, subject, metric, period, value, position="", direction=""):
    sentence = f"{subject} reported {metric.replace('_', ' ')} of {value} for {period}."
    return [figure_id, source_id, paragraph, subject, "", metric, metric, period, value, position, direction, sentence]


def cut(figure_id, source_id, paragraph, subject, product, period, value):
    """A price cut of `subject`'s `product` (its item as written)."""
    row = figure(figure_id, source_id, paragraph, subject, "price_change", period, value, "", "cut")
    return [*row[:4], product, *row[5:]]


BATCHES = {
    "batch_000001": {
        "sources": [["polar_2024_01", "Polar Cloud results", "2024-01-20", "en", "polar.txt", "News"]],
        "entities": [["polar_cloud", "Polar Cloud", "cloud_provider", "", "A cloud provider."]],
        "entity_aliases": [
            ["Polar Cloud", "polar_cloud", "Canonical name."],
            ["Polaris Yun", "polar_cloud", "Pinyin."],
        ],
        "figures": [
            figure("polar_rev_2022", "polar_2024_01", 1, "Polar Cloud", "revenue", "2022", "12.5 billion yuan"),
            figure("polar_rev_2023", "polar_2024_01", 1, "polaris yun ", "revenue", "2023", "¥14.1 billion"),
            figure("polar_cdn_2023", "polar_2024_01", 2, "Polar Cloud", "cdn_node_count", "2023", "over 1,200"),
            figure("polar_loss_2023", "polar_2024_01", 3, "Polar Cloud", "net_loss", "2023", "RMB 800 million"),
            figure("polar_bad_value", "polar_2024_01", 4, "Polar Cloud", "revenue", "2021", "twelve-ish billion"),
            # fct_price_cuts, kept per provider: this source changes in place in the last build
            cut("polar_cut_2023", "polar_2024_01", 5, "Polar Cloud", "CDN", "2023", "30%"),
        ],
    },
    "batch_000002": {
        "sources": [["ksc_2024_06", "Kingsoft Cloud history", "2024-06-01", "en", "ksc.txt", "News"]],
        "entities": [],
        "entity_aliases": [],
        "figures": [
            figure("ksc2_rd_2019", "ksc_2024_06", 1, "Golden Mountain Cloud", "rd_expense", "2019", "1.2 billion yuan"),
            figure("ksc2_growth", "ksc_2024_06", 2, "Kingsoft Cloud", "revenue_yoy_growth", "2019", "20%", "", "rose"),
            figure("ksc2_unknown", "ksc_2024_06", 3, "Nobody Cloud", "revenue", "2019", "3 billion yuan"),
            # a cut of a provider the article states cuts of: its cuts are computed again, the article's with it
            cut("ksc2_alibaba_cut", "ksc_2024_06", 4, "Alibaba Cloud", "CDN", "2019", "20%"),
            # a node count the article states otherwise: a disagreement with the article, whose row of
            # dim_sources counts it though the article is no changed source, and the other providers'
            # ranks of the year move
            figure("ksc2_cdn_2023", "ksc_2024_06", 5, "Golden Mountain Cloud", "cdn_node_count", "2023", "over 5,000"),
        ],
    },
}
HEADERS = {
    "figures": FIGURE_COLUMNS,
    "sources": ["source_id", "title", "published_date", "language", "text_path", "section"],
    "entities": ["entity_id", "entity_name", "entity_type", "parent_entity_id", "description"],
    "entity_aliases": ["alias", "entity_id", "note"],
}
BATCHES["batch_000003"] = {
    "sources": [["polar_2024_02", "Polar Cloud history", "2024-02-10", "en", "polar2.txt", "News"]],
    "entities": [],
    "entity_aliases": [],
    "figures": [figure("polar_rev_2021", "polar_2024_02", 1, "Polar Cloud", "revenue", "2021", "11 billion yuan")],
}
REJECTED = {"polar_bad_value", "ksc2_unknown"}


def land(landing: Path, batch: str, changes: dict[str, str] | None = None) -> None:
    """Write a batch's files; `changes` replaces values as written (figure_id -> new value)."""
    for kind, rows in BATCHES[batch].items():
        if kind == "figures" and changes:
            rows = [[*row[:8], changes.get(row[0], row[8]), *row[9:]] for row in rows]
        folder = landing / kind
        folder.mkdir(parents=True, exist_ok=True)
        with (folder / f"{batch}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(HEADERS[kind])
            writer.writerows(rows)


def command(
    project: Path, documents: Path, *arguments: str, landing: str = "landing", environment: dict | None = None
) -> dict:
    return {
        "args": [sys.executable, "-m", "pipeline", "build", "--landing", str(project / landing), *arguments],
        "cwd": project,
        "env": dict(os.environ, SOURCE_DOCUMENTS_DIR=str(documents), **(environment or {})),
        "stdin": subprocess.DEVNULL,
    }


def build(
    project: Path, documents: Path, *arguments: str, landing: str = "landing", environment: dict | None = None
) -> subprocess.CompletedProcess:
    return subprocess.run(
        **command(project, documents, *arguments, landing=landing, environment=environment),
        capture_output=True,
        text=True,
        check=False,
    )


def build_at_once(*builds: dict) -> list[subprocess.CompletedProcess]:
    """Run several builds (of different projects) at the same time; their results in order."""
    running = [subprocess.Popen(**build, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for build in builds]
    results = []
    for process, build_command in zip(running, builds, strict=True):
        stdout, stderr = process.communicate()
        results.append(subprocess.CompletedProcess(build_command["args"], process.returncode, stdout, stderr))
    return results


def marts(database: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(database), read_only=True) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "select table_name from duckdb_tables() where schema_name = 'marts'"
            ).fetchall()
        ]
        return {table: connection.execute(f"select * from marts.{table} order by all").fetchall() for table in tables}


def same_rows(left: list[tuple], right: list[tuple]) -> bool:
    def same(a, b):
        if isinstance(a, float) and isinstance(b, float):
            return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12) or (math.isnan(a) and math.isnan(b))
        return a == b

    return len(left) == len(right) and all(
        len(x) == len(y) and all(same(a, b) for a, b in zip(x, y, strict=True))
        for x, y in zip(left, right, strict=True)
    )


CHANGED_IN_PLACE = {"polar_loss_2023": "RMB 900 million"}


# the build's whole warehouse (staging included), kept between builds; readers' file holds the marts
STATE = "build/state/warehouse.duckdb"


def per_file_rows(database: Path) -> dict[str, int]:
    with duckdb.connect(str(database), read_only=True) as connection:
        return dict(
            connection.execute(
                "select regexp_extract(landed_file, '[^/]+$'), count(*) from staging.stg_landing__figures group by 1"
            ).fetchall()
        )


@pytest.fixture(scope="module")
def builds(published, tmp_path_factory):
    """A full build of the final landing, and the same reached stepwise: a full build of batch 1, an
    incremental one adding batches 2 and 3, then an incremental one after batch 1's figures file was
    changed in place and batch 3's files deleted. (A moved landing folder: test_landing_property.)"""
    _, documents = published
    full = copy_project(tmp_path_factory.mktemp("full") / "project")
    land(full / "landing", "batch_000001", CHANGED_IN_PLACE)
    land(full / "landing", "batch_000002")
    stepwise = copy_project(tmp_path_factory.mktemp("stepwise") / "project")
    land(stepwise / "landing", "batch_000001")
    full_run, first = build_at_once(command(full, documents), command(stepwise, documents))
    assert full_run.returncode == 0, full_run.stdout[-3000:] + full_run.stderr[-3000:]
    assert first.returncode == 0, first.stdout[-3000:] + first.stderr[-3000:]

    land(stepwise / "landing", "batch_000002")
    land(stepwise / "landing", "batch_000003")
    # dbt's log of this build keeps every query it ran (test_an_incremental_build_lists_...)
    second = build(stepwise, documents, "--incremental", environment={"DBT_LOG_LEVEL_FILE": "debug"})
    assert second.returncode == 0, second.stdout[-3000:] + second.stderr[-3000:]
    after_second = per_file_rows(stepwise / STATE)

    land(stepwise / "landing", "batch_000001", CHANGED_IN_PLACE)
    for kind in BATCHES["batch_000003"]:
        (stepwise / "landing" / kind / "batch_000003.csv").unlink()
    third = build(stepwise, documents, "--incremental")
    assert third.returncode == 0, third.stdout[-3000:] + third.stderr[-3000:]
    return full, stepwise, full_run, second, after_second, third


def test_incremental_build_gives_the_marts_of_a_full_rebuild(builds):
    full, stepwise, *_ = builds
    full_marts, stepwise_marts = marts(full / "warehouse.duckdb"), marts(stepwise / "warehouse.duckdb")
    assert sorted(full_marts) == sorted(stepwise_marts)
    different = [table for table in full_marts if not same_rows(full_marts[table], stepwise_marts[table])]
    assert different == []
    # the landed figures reach the marts an incremental build recomputes per provider or whose other
    # rows it ranks again, so their comparison is not vacuous
    with duckdb.connect(str(stepwise / "warehouse.duckdb"), read_only=True) as connection:
        reached = connection.execute(
            "select (select count(*) from marts.fct_price_cuts"
            " where figure_ids in ('polar_cut_2023', 'ksc2_alibaba_cut')),"
            " (select count(*) from marts.fct_cdn_nodes where provider_id = 'polar_cloud'),"
            " (select count(*) from marts.fct_cloud_revenue where provider_id = 'polar_cloud')"
        ).fetchone()
    assert reached == (2, 1, 2), reached
    # a landed node count disagrees with the article's: the article's conflict_count in dim_sources
    # changes though the article is no changed source
    with duckdb.connect(str(full / "warehouse.duckdb"), read_only=True) as connection:
        disagreements = connection.execute(
            "select count(*) from marts.fct_figure_conflicts where 'ksc_2024_06' in (first_source_id, second_source_id)"
            " and 'kingsoft_cloud_2024_04_17' in (first_source_id, second_source_id)"
        ).fetchone()[0]
    assert disagreements == 1, disagreements


def test_an_incremental_build_publishes_its_changed_rows_into_a_copy_of_the_published_file(builds):
    # the marts compared above are those of the files published this way
    _, _, _, second, _, third = builds
    for run in (second, third):
        assert "applied the changed rows of" in run.stdout, run.stdout[-3000:]
        assert "writing a new file" not in run.stdout


def exported_files(project: Path, table: str) -> dict[str, list[tuple]]:
    """The rows of each Parquet file of a mart exported as a folder of files, in file order."""
    return {
        file.name: [tuple(row.values()) for row in pq.read_table(file).to_pylist()]
        for file in sorted((project / "exports" / table).glob("*.parquet"))
    }


def test_an_incremental_publish_rewrites_only_the_changed_sources_export_files(builds):
    """fct_figures is exported as files by source: an incremental build rewrites the files of its
    changed sources and keeps the others, and the files then hold the rows a full build writes, in
    the same order."""
    full, stepwise, _, second, _, third = builds
    for run in (second, third):
        kept = re.search(r"exports: fct_figures: wrote (\d+) of its (\d+) files, kept (\d+)", run.stdout)
        assert kept, run.stdout[-3000:]
        assert int(kept[1]) >= 1 and int(kept[3]) >= 1, kept[0]  # some rewritten, some kept
    full_files, stepwise_files = exported_files(full, "fct_figures"), exported_files(stepwise, "fct_figures")
    assert sorted(full_files) == sorted(stepwise_files) and len(full_files) > 1
    assert [name for name in full_files if not same_rows(full_files[name], stepwise_files[name])] == []
    manifest = json.loads((stepwise / "exports" / "manifest.json").read_text(encoding="utf-8"))
    described = next(table for table in manifest["tables"] if table["table"] == "fct_figures")
    assert described["file"] == "fct_figures/*.parquet"
    assert sum(part["row_count"] for part in described["partitions"]) == described["row_count"]
    assert sum(len(rows) for rows in stepwise_files.values()) == described["row_count"]


def test_an_incremental_publish_links_the_export_files_of_unchanged_marts(builds):
    """A mart the lean file kept as the published one had it is not exported again: its file is a
    hard link to the previous build's. Every mart exported as one file then holds the rows a full
    build writes, and the manifest's row count is the file's (a stale link would differ)."""
    full, stepwise, _, second, _, third = builds
    for run in (second, third):
        kept = re.search(r"exports: kept (\d+) unchanged marts' files from the previous build", run.stdout)
        assert kept and int(kept[1]) >= 1, run.stdout[-3000:]
    manifest = json.loads((stepwise / "exports" / "manifest.json").read_text(encoding="utf-8"))
    single = [table for table in manifest["tables"] if "partitions" not in table]
    assert single
    for table in single:
        rows = [tuple(row.values()) for row in pq.read_table(stepwise / "exports" / table["file"]).to_pylist()]
        expected = [tuple(row.values()) for row in pq.read_table(full / "exports" / table["file"]).to_pylist()]
        assert same_rows(sorted(rows, key=repr), sorted(expected, key=repr)), table["table"]
        assert len(rows) == table["row_count"], table["table"]


def described_exports(project: Path) -> list[dict]:
    """What the exports manifest says of each mart, but the byte counts (a file linked from an
    earlier build holds the same rows, with that build's time in its metadata)."""
    manifest = json.loads((project / "exports" / "manifest.json").read_text(encoding="utf-8"))
    return [
        {key: value for key, value in table.items() if key not in ("bytes", "partitions")}
        | {"partitions": [{k: v for k, v in part.items() if k != "bytes"} for part in table.get("partitions", [])]}
        for table in manifest["tables"]
    ]


def test_an_incremental_publish_writes_the_exports_manifest_of_a_full_build(builds):
    """The manifest of exports partly linked from the previous build says what a full build's says:
    each mart's files, row counts and sources (a mart without a source column draws on every source
    of this build, one added or removed since included)."""
    full, stepwise, *_ = builds
    full_tables, stepwise_tables = described_exports(full), described_exports(stepwise)
    assert [table["table"] for table in stepwise_tables] == [table["table"] for table in full_tables]
    assert [table["table"] for table, other in zip(stepwise_tables, full_tables, strict=True) if table != other] == []


def test_the_loaded_files_sources_kept_stepwise_are_those_of_the_loaded_figures(builds):
    """An incremental build reads the sources of the files it added or changed only, and keeps the
    others' from the build before: after a file was changed in place and another deleted, the state
    holds each loaded file's sources as its figures give them."""
    _, stepwise, *_ = builds
    with duckdb.connect(str(stepwise / STATE), read_only=True) as connection:
        kept = "select landed_file, landed_file_hash, source_id from build_state.loaded_file_sources"
        loaded = "select distinct landed_file, landed_file_hash, source_id from intermediate.int_figures_resolved"
        assert connection.execute(f"select count(*) from ({kept})").fetchone()[0] > 0
        for left, right in ((kept, loaded), (loaded, kept)):
            assert connection.execute(f"select count(*) from ({left} except all {right})").fetchone()[0] == 0


def test_landed_figures_reach_the_marts_through_their_aliases(builds):
    full, *_ = builds
    with duckdb.connect(str(full / "warehouse.duckdb"), read_only=True) as connection:
        values = dict(
            connection.execute(
                "select figure_id, value from marts.fct_figures where source_id in ('polar_2024_01', 'ksc_2024_06')"
            ).fetchall()
        )
        companies = {row[0] for row in connection.execute("select company_id from marts.dim_companies").fetchall()}
    assert values["polar_rev_2023"] == 14.1e9  # "polaris yun " resolved through a landed alias
    assert values["ksc2_rd_2019"] == 1.2e9  # "Golden Mountain Cloud" through the curated alias
    assert "polar_cloud" in companies
    assert REJECTED.isdisjoint(values)


def test_bad_landed_rows_are_rejected_and_reported_with_their_file(builds):
    full, _, full_run, *_ = builds
    with duckdb.connect(str(full / "warehouse.duckdb"), read_only=True) as connection:
        rejected = dict(
            connection.execute("select figure_id, landed_file from audit.audit_rejected_figures").fetchall()
        )
    assert set(rejected) == REJECTED
    assert rejected["polar_bad_value"].endswith("figures/batch_000001.csv")
    assert "2 rejected" in full_run.stdout
    assert "batch_000001.csv: value ... does not parse" in full_run.stdout


def test_incremental_build_loads_only_the_new_file(builds):
    _, _, _, second, after_second, _ = builds
    # the build's state is brought up to date in place: nothing is copied
    assert f"incremental: bringing {STATE} up to date in place" in second.stdout
    assert "started from a copy" not in second.stdout
    # loaded once each: a second load of batch 1 would double its rows
    assert after_second == {"batch_000001.csv": 6, "batch_000002.csv": 5, "batch_000003.csv": 1}


def test_a_file_changed_in_place_and_a_deleted_one_are_seen_incrementally(builds):
    _, stepwise, _, _, _, third = builds
    with duckdb.connect(str(stepwise / "warehouse.duckdb"), read_only=True) as connection:
        loss = connection.execute("select value from marts.fct_figures where figure_id = 'polar_loss_2023'").fetchone()
        retracted = connection.execute(
            "select count(*) from marts.fct_figures where figure_id = 'polar_rev_2021'"
        ).fetchone()[0]
        sources = {row[0] for row in connection.execute("select source_id from marts.dim_sources").fetchall()}
    per_file = per_file_rows(stepwise / STATE)
    changed = loss == (9e8,) and per_file.get("batch_000001.csv") == 6 and "rebuilding in full" not in third.stdout
    deleted = retracted == 0 and "polar_2024_02" not in sources and "batch_000003.csv" not in per_file
    record("file changed in place (--incremental)", changed)
    record("file deleted (--incremental)", deleted)
    assert loss == (9e8,), third.stdout[-3000:]
    assert per_file == {"batch_000001.csv": 6, "batch_000002.csv": 5}
    assert retracted == 0 and "polar_2024_02" not in sources
    assert "rebuilding in full" not in third.stdout


def test_incremental_build_refuses_a_warehouse_built_from_other_models(builds, published, tmp_path):
    _, stepwise, *_ = builds
    _, documents = published
    # in a copy of the stepwise project (its state and publish too): a refused build leaves the state
    # needing a full build, which the later tests of the stepwise project would then have to run
    project = Path(shutil.copytree(stepwise, tmp_path / "project", symlinks=True))
    replace_in_file(project / "models" / "marts" / "core" / "fct_figures.sql", "with\n", "-- a changed model\nwith\n")
    refused = build(project, documents, "--incremental")
    assert refused.returncode == 1
    assert "Run a full build" in refused.stderr


def test_incremental_build_refuses_a_warehouse_built_from_other_seeds(builds, published, tmp_path):
    # placed before the tests that leave the stepwise state failed (a failed state is built in full)
    _, stepwise, *_ = builds
    _, documents = published
    project = Path(shutil.copytree(stepwise, tmp_path / "project", symlinks=True))
    seed = sorted((project / "seeds").rglob("*.csv"))[0]
    seed.write_text(seed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    refused = build(project, documents, "--incremental")
    assert refused.returncode == 1
    assert "Run a full build" in refused.stderr


def compiled_test(project: Path, name: str) -> str:
    found = list((project / "target" / "compiled").rglob(f"{name}.sql"))
    assert found, f"no compiled {name} under {project / 'target'}"
    return found[0].read_text(encoding="utf-8")


def test_an_incremental_build_tests_only_the_rows_it_changed(builds):
    """On an incremental build a row-level test of a model kept per source reads the changed
    sources' rows, and primary_key reads those and the rows sharing a key with them; a full build
    reads all."""
    full, stepwise, *_ = builds
    # and so does the singular test that every figure is published or rejected (tables kept per source)
    for name in (
        "primary_key_fct_figures_figure_id",
        "assert_every_figure_is_published_or_rejected",
        # a view over every figure, kept per source for its tests: its unique test reads the changed
        # sources' ids
        "unique_int_figures_stated_figure_id",
        "primary_key_int_company_statements_statement_id",
    ):
        assert "int_changed_sources" in compiled_test(stepwise, name)
        assert "int_changed_sources" not in compiled_test(full, name)
    # tests of models not kept per source read everything
    assert "int_changed_sources" not in compiled_test(stepwise, "accepted_values_dim_entities_*")


def test_an_incremental_build_lists_the_landed_files_from_the_landed_figures_table(builds):
    """int_figures_resolved lists the files it has not loaded yet and those changed since it loaded them from
    stg_landing__figures, not through the view int_figures_stated, which joins every figure to its source
    (at 10^7 figures 2.2 CPU s a list)."""
    _, stepwise, *_ = builds
    log = (stepwise / "logs" / "dbt.log").read_text(encoding="utf-8")
    listed = set(re.findall(r"select distinct landed_file, landed_file_hash(?: as landed_file_hash)? from (\S+)", log))
    # the log holds the queries of int_figures_resolved's incremental run (the retraction of changed files)
    assert 'delete from "warehouse"."intermediate"."int_figures_resolved"' in log
    assert '"warehouse"."intermediate"."int_figures_stated"' not in listed, sorted(listed)


def test_the_changed_sources_read_the_landed_figures_of_the_new_files_only(builds):
    """int_changed_sources finds the figures files not loaded as they are now from the listing, and reads
    the landed figures of those files only, not every landed figure against the files loaded (at 10^7
    figures 0.5-0.7 CPU s a build); the stepwise builds check that it still finds them."""
    _, stepwise, *_ = builds
    changed = compiled_test(stepwise, "int_changed_sources")
    sources = changed[changed.index("new_file_sources as (") : changed.index("gone_file_sources as (")]
    assert "inner join new_files" in sources and "left join" not in sources, sources


CHANGED_KEYS = ("int_changed_sources", "int_changed_cells")


def ancestors(nodes: dict, unique_id: str) -> set[str]:
    found, pending = set(), [unique_id]
    while pending:
        for parent in nodes.get(pending.pop(), {}).get("depends_on", {}).get("nodes", []):
            if parent not in found:
                found.add(parent)
                pending.append(parent)
    return found


def test_the_narrowed_tests_read_the_changed_keys_of_their_own_build(builds):
    """A test narrowed to what changed reads int_changed_sources or int_changed_cells: dbt must build
    that model before the test, or the test reads the keys the last build changed. Every test of the
    last incremental build that reads one of them is built after it; the landed figures, which
    int_changed_sources is built from, are tested by the files not loaded yet instead."""
    _, stepwise, *_ = builds
    manifest = json.loads((stepwise / "target" / "manifest.json").read_text(encoding="utf-8"))
    nodes = manifest["nodes"]
    by_name = {node["name"]: unique_id for unique_id, node in nodes.items() if node["resource_type"] == "model"}
    tests = {Path(node["path"]).stem: unique_id for unique_id, node in nodes.items() if node["resource_type"] == "test"}
    read, unordered = 0, []
    for compiled in (stepwise / "target" / "compiled").rglob("*.sql"):
        if compiled.stem not in tests:
            continue
        text = compiled.read_text(encoding="utf-8")
        before = ancestors(nodes, tests[compiled.stem])
        for name in CHANGED_KEYS:
            if re.search(rf"\b{name}\b", text):
                read += 1
                if by_name[name] not in before:
                    unordered.append(f"{compiled.stem} reads {name}")
    assert read > 20, read  # the narrowed tests were compiled
    assert unordered == []
    landed = compiled_test(stepwise, "primary_key_stg_landing__figures_figure_id*")
    assert "loaded_files" in landed and "int_changed_sources" not in landed, landed


def test_the_share_price_events_read_the_statement_columns_they_use(builds):
    """fct_share_price_events reads the statements' columns it uses, not every column with its quote
    (DuckDB keeps the statements it reads twice in memory)."""
    full, stepwise, *_ = builds
    for project in (full, stepwise):
        events = compiled_test(project, "fct_share_price_events")
        assert not re.search(r"select \* from \S+int_company_statements", events), events[:2000]


def test_the_cloud_revenue_reads_the_company_year_columns_it_uses(builds):
    """fct_cloud_revenue reads the company years' columns it uses, not every metric of fct_company_financials
    (DuckDB keeps the company years it reads twice in memory); the stepwise builds check its rows."""
    full, stepwise, *_ = builds
    for project in (full, stepwise):
        revenue = compiled_test(project, "fct_cloud_revenue")
        company_years = revenue[revenue.index("company_years as (") : revenue.index("figures as (")]
        assert "fct_company_financials" in company_years, company_years
        assert not re.search(r"select \* from \S+fct_company_financials", company_years), company_years


def test_the_cloud_revenue_looks_up_the_growth_figures_among_those_of_their_metric(builds):
    """fct_cloud_revenue looks the qualifier of the growth figures its company years cite up among the
    figures of the growth metric only, not among every figure id; the stepwise builds check its rows."""
    full, stepwise, *_ = builds
    for project in (full, stepwise):
        revenue = compiled_test(project, "fct_cloud_revenue")
        figures = revenue[revenue.index("\nfigures as (") : revenue.index("annual as (")]
        assert "where metric_id = 'revenue_yoy_growth'" in figures, figures


def test_the_figure_conflicts_read_the_statements_of_the_changed_cells_once(builds):
    """On an incremental build fct_figure_conflicts reads the statements of the changed cells' entities
    and periods, in one scan, not every statement twice (once to list the sources stating a changed
    cell, once for their statements); the full rebuild test checks its pairs stay a full build's."""
    full, stepwise, *_ = builds
    for project, incremental in ((stepwise, True), (full, False)):
        conflicts = compiled_test(project, "fct_figure_conflicts")
        statements = conflicts[conflicts.index("statements as (") : conflicts.index("figures as (")]
        assert ("int_changed_cells" in statements) == incremental, statements
        assert "int_changed_sources" not in statements, statements
        # the statements' pairs, and the quotes of the few conflicting ones
        assert conflicts.count("int_figure_statements") == 2, conflicts[:3000]


def test_the_figure_conflicts_compare_sources_from_the_statements_they_read(builds):
    """On an incremental build fct_figure_conflicts bands the single figures of the changed cells it
    compares across sources from the statements it reads for the pairs within a source, not from a
    second read of every figure (int_figures_normalised: at 10^7 figures a second scan of as many rows);
    a full build reads the figures. The stepwise builds check that the marts stay a full build's, with
    a conflict across sources among them."""
    full, stepwise, *_ = builds
    for project, incremental in ((stepwise, True), (full, False)):
        conflicts = compiled_test(project, "fct_figure_conflicts")
        assert ("int_figures_normalised" not in conflicts) == incremental, conflicts[:3000]
        figures = conflicts[conflicts.index("\nfigures as (") : conflicts.index("preferred as (")]
        assert ("from statements as single_statements" in figures) == incremental, figures


def test_the_preferred_figures_are_read_where_they_are_stored(builds):
    """On an incremental build int_figures_preferred reads the preferred figures' columns by their
    rowid (DuckDB reads only the blocks holding them), not every column of every figure; a full build
    reads them by figure_id."""
    full, stepwise, *_ = builds
    for project, incremental in ((stepwise, True), (full, False)):
        preferred = compiled_test(project, "int_figures_preferred")
        assert ("preferred.rowid in (" in preferred) == incremental, preferred[-1500:]
        assert ("normalised.rowid as figure_row" in preferred) == incremental, preferred[:1500]


def test_a_relationships_parents_test_looks_each_value_up_in_its_parent(builds):
    """relationships_parents looks each value up in its parent, not among the parent's distinct values
    (for fct_cdn_nodes every figure_id of fct_figures); test_folded_tests checks it still fails."""
    full, stepwise, *_ = builds
    for project in (full, stepwise):
        parents = compiled_test(project, "fct_cdn_nodes_parents_exist")
        assert "not exists" in parents and "distinct" not in parents, parents


def test_the_cdn_node_mart_reads_the_quotes_it_shows_only(builds):
    """fct_cdn_nodes joins, on a full build, the quotes of node-count figures, not every accepted
    quote; on an incremental build, the quotes it showed for the counts of unchanged sources, and the
    other counts' quotes looked up by their sources (not among every figure id)."""
    full, stepwise, *_ = builds
    nodes = compiled_test(full, "fct_cdn_nodes")
    quotes = nodes[nodes.index("quotes as (") : nodes.index("final as (")]
    assert "metric_id = 'cdn_node_count'" in quotes, quotes
    nodes = compiled_test(stepwise, "fct_cdn_nodes")
    quotes = nodes[nodes.index("looked_up as (") : nodes.index("final as (")]
    assert "kept_rows.quote" in quotes and "resolved.source_id in (select looked_up.source_id" in quotes, quotes


def test_touched_aliases_are_matched_to_earlier_figures_by_name(builds):
    """int_earlier_figures_touched computes the alias key of each distinct name written as a subject or
    an item, not of every earlier figure's subject and item; test_landing_property checks that an alias
    landed for an earlier figure still resolves it again."""
    _, stepwise, *_ = builds
    touched = compiled_test(stepwise, "int_earlier_figures_touched")
    assert "lower(trim(names.name_as_written))" in touched, touched
    assert "lower(trim(figures." not in touched, touched


def test_the_earlier_figures_touched_are_looked_up_by_what_was_touched(builds):
    """int_earlier_figures_touched (read by its tests and by the build after dbt) looks up the figures of
    each touched source, entity and alias and reads the landed files of those only, by where they are
    stored; the names are read only when an alias was touched. test_landing_property checks that a
    touched registry still rebuilds in full."""
    _, stepwise, *_ = builds
    touched = compiled_test(stepwise, "int_earlier_figures_touched")
    assert touched.count("where exists (select 1 from touched_keys)") == 2, touched
    earlier = touched[
        touched.index("earlier_figures as (") : touched.index("final as (", touched.index("earlier_figures as ("))
    ]
    assert "figures.rowid in (select touched_figures.figure_row from touched_figures)" in earlier, earlier


def test_the_reach_a_mart_test_keeps_the_citations_of_the_figures_it_checks(builds):
    """The reach-a-mart test keeps only the citations of the figures it checks before taking their
    distinct pairs and joining them, not every citation of the marts it reads whole (fct_cdn_nodes,
    fct_price_cuts); test_warehouse checks that it still returns a figure no mart of its metric cites."""
    full, stepwise, *_ = builds
    for project in (full, stepwise):
        reach = compiled_test(project, "assert_reported_figures_reach_a_mart_of_their_metric")
        cited = reach[reach.index("cited as (") : reach.index("unreached_ids as (")]
        assert "where figure_id in (select bound.figure_id from bound)" in cited, cited[-1500:]


def test_an_incremental_build_reads_only_the_new_sources_files(builds):
    """stg_landing__sources appends the sources files not loaded yet, as stg_landing__figures does: the
    last stepwise build (a figures file changed in place, batch 3 deleted) reads no sources file, where
    a full build reads them all; the full rebuild test checks that batch 3's source is retracted."""
    full, stepwise, *_ = builds
    assert "sources/batch_000001.csv" in compiled_test(full, "stg_landing__sources")
    assert "sources/batch_" not in compiled_test(stepwise, "stg_landing__sources")


def test_the_narrowed_tests_still_catch_a_lost_figure_and_a_duplicate_document(builds, tmp_path):
    """On an incremental build the published-or-rejected and duplicate-documents tests read the
    changed sources only; run as compiled on a copy of the state, they still catch a figure of a
    changed source lost from fct_figures and a document landed again under a new id beside a changed
    one, and they do not re-read what the last build checked (a duplicate of two unchanged sources)."""
    _, stepwise, *_ = builds
    lost_test = compiled_test(stepwise, "assert_every_figure_is_published_or_rejected")
    duplicate_test = compiled_test(stepwise, "assert_no_duplicate_documents")
    assert "int_changed_sources" in lost_test and "int_changed_sources" in duplicate_test
    state = tmp_path / "warehouse.duckdb"  # the compiled tests name the catalog "warehouse"
    shutil.copyfile(stepwise / STATE, state)
    if (stepwise / f"{STATE}.wal").exists():
        shutil.copyfile(stepwise / f"{STATE}.wal", tmp_path / "warehouse.duckdb.wal")
    with duckdb.connect(str(state)) as connection:
        changed = {
            row[0] for row in connection.execute("select source_id from intermediate.int_changed_sources").fetchall()
        }
        assert "polar_2024_01" in changed and "ksc_2024_06" not in changed, changed
        assert connection.execute(lost_test).fetchall() == []
        assert connection.execute(duplicate_test).fetchall() == []

        connection.execute("delete from marts.fct_figures where figure_id = 'polar_loss_2023'")
        lost = connection.execute(f"select figure_id from ({lost_test}) as found").fetchall()
        assert lost == [("polar_loss_2023",)]

        for source_id in ("polar_2024_01", "ksc_2024_06"):
            connection.execute(
                "insert into intermediate.int_document_contents select 'zz_copy_of_' || source_id, landed_file, "
                "figure_count, content_fingerprint from intermediate.int_document_contents where source_id = ?",
                [source_id],
            )
        duplicates = connection.execute(
            f"select source_id, duplicate_source_id from ({duplicate_test}) as found"
        ).fetchall()
        # the copy of the unchanged source is a pair the last build checked: a full build reads it
        assert duplicates == [("polar_2024_01", "zz_copy_of_polar_2024_01")]


def test_a_narrowed_primary_key_test_reads_the_changed_keys_while_it_scans(builds, tmp_path):
    """On an incremental build the primary_key test of a model kept per source reads every row whose key
    a changed row holds, then the changed rows with a NULL key: two reads DuckDB filters while it scans,
    where one condition with an OR read every key and joined it twice. Run as compiled on a copy of the
    state, it still catches a changed source's row with a NULL key and one repeating another source's key."""
    _, stepwise, *_ = builds
    key_test = compiled_test(stepwise, "primary_key_int_figure_statements_statement_id")
    assert "union all" in key_test and "tested_rows.statement_id is null and" in key_test, key_test
    state = tmp_path / "warehouse.duckdb"  # the compiled tests name the catalog "warehouse"
    shutil.copyfile(stepwise / STATE, state)
    if (stepwise / f"{STATE}.wal").exists():
        shutil.copyfile(stepwise / f"{STATE}.wal", tmp_path / "warehouse.duckdb.wal")
    with duckdb.connect(str(state)) as connection:
        assert connection.execute(key_test).fetchall() == []
        changed, unchanged = (
            connection.execute(
                "select min(source_id) from intermediate.int_figure_statements"
                f" where source_id {kind} (select source_id from intermediate.int_changed_sources)"
            ).fetchone()[0]
            for kind in ("in", "not in")
        )
        assert changed and unchanged, (changed, unchanged)
        old_key = connection.execute(
            "select min(statement_id) from intermediate.int_figure_statements where source_id = ?", [unchanged]
        ).fetchone()[0]
        for key in (old_key, None):
            connection.execute(
                "insert into intermediate.int_figure_statements select * replace (cast(? as varchar) as statement_id)"
                " from intermediate.int_figure_statements where source_id = ? limit 1",
                [key, changed],
            )
        found = connection.execute(f"select failure, key_value from ({key_test}) as found order by 1").fetchall()
        assert found == [("duplicate key", old_key), ("null key", None)], found


# A value changed in place in the published file, for a source no build since has changed: the row
# counts stay the state's, so only the recorded SHA-256, or with no record a fingerprint of every
# row, tells the copy from the published build (a row planted or removed changes a row count too).
TAMPERING = "update marts.fct_figures set value = value + 1 where figure_id = 'ksc2_rd_2019'"


@pytest.fixture(scope="module")
def tampered(builds, published):
    """The published file of the stepwise project (after `builds`) tampered with, with its SHA-256
    record and then without: the incremental build run next each time, with nothing new landed, its
    output and the marts it published (by whether the record was there).
    (Defined before the test that leaves the stepwise project with a failed build.)"""
    full, stepwise, *_ = builds
    _, documents = published
    # the tampering must meet the copy-and-update publish, which an incremental build takes when the
    # state is whole (its marker written) and the published file is of the build the state holds;
    # when an earlier test left it otherwise, first an incremental build publishing by the copy (after
    # a full one, if that is what the state needs)
    state_whole = (stepwise / STATE).with_name("state.json").is_file()
    if not state_whole or publish.build_id_of(stepwise / STATE) != publish.build_id_of(stepwise / "warehouse.duckdb"):
        for _ in range(2):
            settled = build(stepwise, documents, "--incremental")
            assert settled.returncode == 0, settled.stdout[-3000:] + settled.stderr[-3000:]
            if "applied the changed rows of" in settled.stdout:
                break
        assert "applied the changed rows of" in settled.stdout, settled.stdout[-3000:]
    runs = {}
    # the tampering with the SHA-256 recorded at the publish, then with no record (a file published
    # before records were kept), where every table is checked whole
    for recorded in (True, False):
        with duckdb.connect(str(stepwise / "warehouse.duckdb")) as connection:
            connection.execute(TAMPERING)
        # the build would bring the spare up to date instead of copying the published file
        # (test_spare_file.py): without it, the build copies the tampered file
        shutil.rmtree(stepwise / ".publish" / "spare", ignore_errors=True)
        if not recorded:
            (stepwise / ".publish" / "published.json").unlink()
        run = build(stepwise, documents, "--incremental")
        assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
        runs[recorded] = (run, marts(stepwise / "warehouse.duckdb"))
    return marts(full / "warehouse.duckdb"), runs


@pytest.mark.parametrize("recorded", [True, False], ids=["recorded", "unrecorded"])
def test_a_published_file_changed_since_it_was_published_is_not_copied_into_the_next(tampered, recorded):
    """The incremental publish copies the published file and replaces only the changed sources'
    rows. When the copy's SHA-256 is not the one recorded at its publish (here: a value changed in
    the published file for a source the build did not touch) it writes a new file; with no record,
    the copy brought up to date is checked whole against the build's state, which the tampering
    makes differ. Either way the tampering does not survive: the published marts are a full
    build's."""
    full_marts, runs = tampered
    run, published_marts = runs[recorded]
    assert f"incremental: bringing {STATE} up to date in place" in run.stdout, run.stdout[-3000:]
    if recorded:
        assert "warehouse.duckdb changed since it was published" in run.stdout, run.stdout[-3000:]
    else:
        assert "differs from the state in marts.fct_figures" in run.stdout, run.stdout[-3000:]
    assert "writing a new file" in run.stdout and "wrote" in run.stdout
    different = [table for table in full_marts if not same_rows(full_marts[table], published_marts.get(table, []))]
    assert different == []
    assert sorted(published_marts) == sorted(full_marts)


def test_each_publish_records_the_sha256_of_the_file_it_published(builds):
    """The record an incremental build checks its copy of the published file against: the build id
    and SHA-256 of the file published last."""
    _, stepwise, *_ = builds
    record = json.loads((stepwise / ".publish" / "published.json").read_text(encoding="utf-8"))
    assert record["build_id"] == publish.build_id_of(stepwise / "warehouse.duckdb")
    assert record["sha256"] == hashlib.sha256((stepwise / "warehouse.duckdb").read_bytes()).hexdigest()


def test_a_new_row_repeating_an_old_key_fails_an_incremental_build(builds, published):
    """unique on an incremental build still compares the new rows with every old one, from the landed
    figures on: their key test reads the files not loaded yet, not the sources the last build changed."""
    _, stepwise, *_ = builds
    _, documents = published
    # the key of a source the last build did not change: a test reading that build's changed sources
    # would not see the old row
    BATCHES["batch_000009"] = {
        "sources": [["dup_2024_07", "Kingsoft Cloud again", "2024-07-01", "en", "dup.txt", "News"]],
        "entities": [],
        "entity_aliases": [],
        "figures": [
            figure("ksc2_rd_2019", "dup_2024_07", 1, "Golden Mountain Cloud", "rd_expense", "2019", "1.3 billion yuan")
        ],
    }
    land(stepwise / "landing", "batch_000009")
    failed = build(stepwise, documents, "--incremental")
    assert failed.returncode == 1, failed.stdout[-3000:]
    assert "primary_key_stg_landing__figures_figure_id" in failed.stderr, failed.stderr[-3000:]
    assert "duplicate key ksc2_rd_2019" in failed.stderr, failed.stderr[-3000:]
    # and it names the landed files holding the key
    assert "figures/batch_000002.csv, figures/batch_000009.csv" in failed.stderr, failed.stderr[-3000:]


def test_an_incremental_build_leaves_out_what_the_seeds_alone_make(builds):
    _, _, full_run, second, _, third = builds
    for run in (second, third):
        assert re.search(r"incremental: left out \d+ nodes, \d+ seeds and the models and tests", run.stdout), run.stdout
    assert "left out" not in full_run.stdout
