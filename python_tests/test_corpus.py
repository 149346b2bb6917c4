"""The corpus generator and the benchmark's floor: the generator is deterministic and writes what
it says; a generated corpus goes through the pipeline with exactly its bad rows rejected and its
marts passing every check; the floor (lab/sql/floor.sql, plain DuckDB) computes the same figures."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from conftest import copy_project

from lab import corpus
from lab.floor import run_floor
from pipeline import settings


def generate(out: Path, figures: int, seed: int, *extra: str, file_format: str = "csv") -> subprocess.CompletedProcess:
    completed = subprocess.run(
        [sys.executable, "-m", "lab.corpus", "--figures", str(figures), "--seed", str(seed)]
        + ["--out", str(out), "--format", file_format, *extra],
        cwd=settings.ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return completed


def digests(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != "_corpus.json"  # it records the seconds taken
    }


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_same_seed_writes_the_same_files_and_another_seed_other_documents(tmp_path):
    generate(tmp_path / "a", 1_234, 5, "--batch-figures", "500")
    generate(tmp_path / "b", 1_234, 5, "--batch-figures", "500")
    generate(tmp_path / "c", 1_234, 6, "--batch-figures", "500")
    assert digests(tmp_path / "a") == digests(tmp_path / "b")
    first = {row["value_as_written"] for row in read_rows(tmp_path / "a" / "figures" / "batch_000000.csv")}
    other = {row["value_as_written"] for row in read_rows(tmp_path / "c" / "figures" / "batch_000000.csv")}
    assert first != other


def test_the_corpus_has_the_figures_documents_and_batches_asked_for(tmp_path):
    generate(tmp_path, 1_234, 5, "--batch-figures", "500")
    figure_files = sorted((tmp_path / "figures").glob("*.csv"))
    figures = [row for path in figure_files for row in read_rows(path)]
    sources = [row for path in sorted((tmp_path / "sources").glob("*.csv")) for row in read_rows(path)]
    summary = json.loads((tmp_path / "_corpus.json").read_text(encoding="utf-8"))
    assert len(figures) == 1_234 == summary["figures"]
    assert len({row["figure_id"] for row in figures}) == 1_234
    # 50 figures a document: 24 full documents and one of 34; 10 documents (500 figures) a file
    assert len(sources) == 25 == summary["documents"]
    assert [path.name for path in figure_files] == ["batch_000000.csv", "batch_000001.csv", "batch_000002.csv"]
    assert {row["source_id"] for row in figures} == {row["source_id"] for row in sources}
    # every range has both ends, in the same document, with the same value as written
    ends = {}
    for row in figures:
        if row["range_position"]:
            ends.setdefault((row["source_id"], row["value_as_written"]), []).append(row["range_position"])
    assert ends and all(sorted(positions) == ["first", "second"] for positions in ends.values())
    # every value is in the quote that states it
    assert all(row["value_as_written"] in row["quote"] for row in figures)


def test_generated_names_never_collide_with_the_curated_aliases():
    curated = {
        row["alias"].strip().lower() for row in read_rows(settings.SEEDS_DIR / "curated" / "curated_entity_aliases.csv")
    }
    generated = [
        alias.lower()
        for entity in corpus.company_names(corpus.MAX_COMPANIES) + corpus.market_names()
        for alias in entity["aliases"]
    ]
    assert len(generated) == len(set(generated))
    assert curated.isdisjoint(generated)


def test_no_registry_writes_figures_and_sources_only(tmp_path):
    generate(tmp_path, 100, 9, "--no-registry", "--companies", "80")
    assert sorted(path.name for path in tmp_path.iterdir() if path.is_dir()) == ["figures", "sources"]
    subjects = {row["subject_as_written"] for row in read_rows(tmp_path / "figures" / "batch_000000.csv")}
    universe = {alias for entity in corpus.company_names(80) + corpus.market_names() for alias in entity["aliases"]}
    assert subjects <= universe | {"an unnamed cloud vendor"}


@pytest.fixture(scope="module")
def corpus_build(published, tmp_path_factory):
    """A project with a 5,000-figure corpus (2% bad rows) landed and built, and the floor on the same files."""
    _, documents = published
    root = tmp_path_factory.mktemp("corpus")
    project = copy_project(root / "project")
    landing = project / "landing"
    generate(landing, 5_000, 11, "--bad-per-mille", "20", file_format="parquet")
    completed = subprocess.run(
        [sys.executable, "-m", "pipeline", "build", "--landing", str(landing)],
        cwd=project,
        env=dict(os.environ, SOURCE_DOCUMENTS_DIR=str(documents)),
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    floor_database = root / "floor.duckdb"
    counts = run_floor(landing, floor_database)
    return project, landing, completed, floor_database, counts


def test_a_generated_corpus_builds_and_passes_every_check(corpus_build):
    _, _, completed, _, _ = corpus_build
    assert completed.returncode == 0, completed.stdout[-4000:] + completed.stderr[-4000:]
    assert "landed figures: 5,000 in the warehouse" in completed.stdout


def test_exactly_the_rows_made_bad_are_rejected(corpus_build):
    project, landing, completed, floor_database, _ = corpus_build
    expected = {row["figure_id"]: row["fault"] for row in read_rows(landing / "_expected_rejections.csv")}
    assert len(expected) > 50 and set(expected.values()) == set(corpus.FAULTS)
    with duckdb.connect(str(project / "warehouse.duckdb"), read_only=True) as connection:
        rejected = {
            row[0] for row in connection.execute("select figure_id from audit.audit_rejected_figures").fetchall()
        }
        in_marts = connection.execute(
            "select count(*) from marts.fct_figures where source_id like 'corpus_%'"
        ).fetchone()[0]
    with duckdb.connect(str(floor_database), read_only=True) as connection:
        # the floor parses digits only: it leaves out the article's number in words, a seed figure
        floor_rejected = {
            row[0]
            for row in connection.execute(
                "select figure_id from audit_rejected_figures where landed_file not like 'seeds/%'"
            ).fetchall()
        }
    assert rejected == set(expected) == floor_rejected
    assert in_marts == 5_000 - len(expected)
    assert f"{len(expected):,} rejected" in completed.stdout


def test_the_floor_computes_the_figures_and_financials_the_pipeline_publishes(corpus_build):
    project, _, _, floor_database, counts = corpus_build
    assert counts and not any(counts.values()), counts
    with duckdb.connect(str(project / "warehouse.duckdb"), read_only=True) as connection:
        connection.execute(f"attach '{floor_database}' as floor (read_only)")
        differences = connection.execute(
            """
            select count(*) from marts.fct_figures as pipeline
            full join floor.fct_figures as floor using (figure_id)
            -- the floor parses digits only: a number in words (the article's "three") is the pipeline's alone
            where (pipeline.figure_id is null or regexp_matches(pipeline.value_as_written, '[0-9]'))
                and (pipeline.value is distinct from floor.value
                or pipeline.value_cny is distinct from floor.value_cny
                or pipeline.qualifier is distinct from floor.qualifier
                or pipeline.period_label is distinct from floor.period_label
                or pipeline.entity_id is distinct from floor.entity_id)
            """
        ).fetchone()[0]
        financials = connection.execute(
            """
            select count(*), count(*) filter (where
                pipeline.revenue_cny is distinct from floor.revenue_cny
                or pipeline.industry_cloud_revenue_cny is distinct from floor.industry_cloud_revenue_cny
                or pipeline.net_loss_cny is distinct from floor.net_loss_cny
                or pipeline.revenue_yoy_growth_ratio is distinct from floor.revenue_yoy_growth_ratio)
            from marts.fct_company_financials as pipeline
            full join floor.fct_company_financials as floor using (company_id, fiscal_year)
            """
        ).fetchone()
        sizes = connection.execute(
            """
            select
                (select count(*) from marts.fct_market_metrics), (select count(*) from floor.fct_market_metrics),
                (select count(*) from marts.fct_price_cuts), (select count(*) from floor.fct_price_cuts),
                (select count(*) from marts.fct_cdn_nodes), (select count(*) from floor.fct_cdn_nodes)
            """
        ).fetchone()
    assert differences == 0
    assert financials[0] > 100 and financials[1] == 0
    assert sizes[0::2] == sizes[1::2]
