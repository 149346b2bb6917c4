"""The documents are a source of the warehouse: dbt reads their paragraphs (stg_documents__paragraphs),
finds every number in them with the figures' own grammar (int_document_mentions) and fails the build
when a number is not accounted for, or a quote is not in its paragraph.

One copy of the project is built with three independent faults, each of which one data test must
report: a figure row removed (its number is then no one's), an ignore row that matches no number,
and a quote changed so that it is no longer in its paragraph. The clean project passes the same
tests in the session warehouse (conftest.warehouse_path builds with every data test)."""

from __future__ import annotations

import duckdb
import pytest
from conftest import copy_project, replace_in_file

from pipeline import dbt

FIGURES = "seeds/articles/article_figures.csv"
IGNORED = "seeds/articles/article_ignored_mentions.csv"
COVERAGE_TEST = "assert_every_number_mention_is_accounted_for"
QUOTE_TEST = "assert_quotes_are_verbatim_in_their_paragraph"


def drop_row(path, starts_with: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith(starts_with)]
    assert len(kept) == len(lines) - 1, starts_with
    path.write_text("".join(kept), encoding="utf-8")


@pytest.fixture(scope="module")
def faulty_build(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mentions")
    project = copy_project(folder / "project")
    # 1. one figure row set aside: "Huawei Cloud had over 2,800 as well" (written like Tencent's)
    drop_row(project / FIGURES, "huawei_cloud_cdn_nodes_2023,")
    # 2. an ignore row for a number paragraph 9 does not write
    with (project / IGNORED).open("a", encoding="utf-8") as handle:
        handle.write("kingsoft_cloud_2024_04_17,9,42,not in the text\n")
    # 3. a quote that is not in its paragraph any more
    replace_in_file(project / FIGURES, "with only 1,700 globally.", "with only 1,700 nodes globally.")
    database = folder / "warehouse.duckdb"
    # models first, then the two tests: in one `dbt build` a failing test skips the models after it
    for command in (["seed"], ["run", "--select", "+int_document_mentions"]):
        prepared = dbt.invoke(
            command, database=database, project_dir=project, target_path=folder / "target", quiet=True
        )
        assert prepared.success, prepared.describe(database)
    run = dbt.invoke(
        ["test", "--select", COVERAGE_TEST, QUOTE_TEST],
        database=database,
        project_dir=project,
        target_path=folder / "target",
        quiet=True,
    )
    return run, database


def failing_rows(run: dbt.DbtRun, database, test_name: str) -> list[dict]:
    failure = next((f for f in run.failures if f.unique_id.startswith(f"test.kingsoft_warehouse.{test_name}")), None)
    assert failure is not None and failure.is_failed_test, [f.unique_id for f in run.failures]
    with duckdb.connect(str(database), read_only=True) as connection:
        cursor = connection.execute(failure.compiled_code)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def test_a_removed_figure_row_leaves_its_number_uncovered(faulty_build):
    run, database = faulty_build
    assert not run.success
    rows = failing_rows(run, database, COVERAGE_TEST)
    uncovered = {
        (row["paragraph_number"], row["mention_as_written"]) for row in rows if "is not a figure" in row["problem"]
    }
    assert (20, "over 2,800") in uncovered


def test_an_ignore_row_that_matches_no_number_fails(faulty_build):
    run, database = faulty_build
    rows = failing_rows(run, database, COVERAGE_TEST)
    stale = [row for row in rows if row["seed_file"].endswith("article_ignored_mentions.csv")]
    assert [(row["paragraph_number"], row["mention_as_written"]) for row in stale] == [(9, "42")]
    assert "matches no number" in stale[0]["problem"]


def test_a_quote_not_in_its_paragraph_fails(faulty_build):
    run, database = faulty_build
    rows = failing_rows(run, database, QUOTE_TEST)
    assert [(row["row_id"], row["seed_file"]) for row in rows] == [
        ("ksc_cdn_nodes_2023", "seeds/articles/article_figures.csv")
    ]
    assert "quote is not in the text of kingsoft_cloud_2024_04_17" in rows[0]["problem"]


def test_paragraphs_are_numbered_as_the_seeds_number_them(warehouse, documents):
    from pipeline.documents import fold_whitespace, paragraphs

    for text in documents.values():
        expected = [(number, fold_whitespace(p)) for number, p in enumerate(paragraphs(text), start=1)]
        found = warehouse.execute(
            "select paragraph_number, paragraph_text from staging.stg_documents__paragraphs "
            "where text_path = (select text_path from staging.stg_articles__sources limit 1) order by 1"
        ).fetchall()
        assert found == expected


def test_every_number_of_the_article_is_a_figure_a_period_or_ignored_with_a_reason(warehouse):
    kinds = dict(
        warehouse.execute(
            "select case when covering_figure_ids is not null then 'figure' when mention_kind = 'period' then 'period' "
            "when ignored_reason is not null then 'ignored' when covering_claim_ids is not null then 'claim' "
            "else 'unaccounted' end as kind, count(*) from intermediate.int_document_mentions group by 1"
        ).fetchall()
    )
    assert "unaccounted" not in kinds and kinds["figure"] > 50 and kinds["period"] > 20


def test_a_curated_article_has_nothing_left_to_draft(warehouse):
    count = warehouse.execute("select count(*) from intermediate.int_document_draft_figures").fetchone()[0]
    assert count == 0
