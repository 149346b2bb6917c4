"""Numbers written against their unit or their cents ("185c", "254,000oz", "3.2mt", "5,000t", "40MW",
"120km", "12¢", "412p"): each is one number of the text, whole, so the coverage test sees it, and a
figure whose value is written so builds with the value its unit gives (cents and pence a hundredth of
the currency, a unit of measure the number as written). The fixture is
python_tests/fixtures/karoo_platinum_2025_09_09, a South African miner (rand, its cents written "c").

Before the unit and cent forms could be written against the number, "185c", "40MW", "12¢" and "412p"
were no number at all or a bare "12" (a figure a user forgot was never reported), and "254,000oz"
was read as "254"."""

from __future__ import annotations

import duckdb
import pytest
from conftest import add_fixture_article, copy_project, figure_mismatches
from fixture_articles import assert_published, build_with_articles, open_warehouse
from test_document_mentions import COVERAGE_TEST, drop_row, failing_rows

from pipeline import dbt

SOURCE = "karoo_platinum_2025_09_09"

EXPECTED = {
    # (value, unit, currency_code, period_label, qualifier, is_forecast)
    "kp_interim_dividend_2025h1": (1.85, "ZAR", "ZAR", "2025-H1", "exact", False),  # 185 rand cents
    "kp_pgm_production_2025h1": (254_000.0, "count", "", "2025-H1", "exact", False),
    "kp_ore_milled_2025h1": (3.2e6, "count", "", "2025-H1", "exact", False),  # m(illion) t(onnes)
    "kp_chrome_stockpiled_2025h1": (5_000.0, "count", "", "2025-H1", "exact", False),
    "kp_solar_capacity_now": (40.0, "count", "", "as of 2025-09-09", "exact", False),
    "kp_copper_credit_2025h1": (0.12, "USD", "USD", "2025-H1", "exact", False),  # 12 US cents
    "kp_london_share_price_2025_09_09": (4.12, "GBP", "GBP", "2025-09-09", "exact", False),  # 412 pence
}

# every number of the text that is no period, whole, in reading order
MENTIONS = ["185c", "254,000oz", "3.2mt", "5,000t", "40MW", "120km", "12¢", "412p"]


@pytest.fixture(scope="module")
def glued_build(tmp_path_factory):
    return build_with_articles(tmp_path_factory.mktemp("glued_units"), SOURCE)


@pytest.fixture(scope="module")
def warehouse(glued_build):
    yield from open_warehouse(glued_build)


def test_an_article_with_units_written_against_numbers_publishes(glued_build):
    assert_published(glued_build[1])


def test_values_written_against_their_unit_or_cents_parse(warehouse):
    assert figure_mismatches(warehouse, SOURCE, EXPECTED) == {}


def test_each_number_written_against_letters_is_one_whole_mention(glued_build):
    project, _ = glued_build
    with duckdb.connect(str(project / "build" / "state" / "warehouse.duckdb"), read_only=True) as state:
        found = state.execute(
            "select mention_as_written, is_accounted_for from intermediate.int_document_mentions "
            "where source_id = ? and mention_kind <> 'period' order by paragraph_number, mention_start",
            [SOURCE],
        ).fetchall()
    assert [text for text, _ in found] == MENTIONS
    assert all(accounted for _, accounted in found)


def test_a_number_word_against_letters_is_not_a_number(glued_build):
    """A number word takes a unit or a currency form of letters only apart: "Tencent" (the first
    article's) is a company, not ten cents. Written against it, "ten" + "cent" was read as a value."""
    project, _ = glued_build
    with duckdb.connect(str(project / "build" / "state" / "warehouse.duckdb"), read_only=True) as state:
        found = state.execute(
            "select mention_as_written from intermediate.int_document_number_mentions "
            "where lower(paragraph_text) like '%tencent%' and lower(mention_as_written) like 'tencent%'"
        ).fetchall()
    assert found == []


@pytest.fixture(scope="module")
def forgotten_dividend(tmp_path_factory):
    """The fixture with the dividend's figure row left out, as a user who forgot "185c" writes it."""
    folder = tmp_path_factory.mktemp("glued_forgotten")
    project = copy_project(folder / "project")
    add_fixture_article(project, SOURCE)
    drop_row(project / "seeds" / "articles" / "article_figures.csv", "kp_interim_dividend_2025h1,")
    database = folder / "warehouse.duckdb"
    for command in (["seed"], ["run", "--select", "+int_document_mentions"]):
        prepared = dbt.invoke(
            command, database=database, project_dir=project, target_path=folder / "target", quiet=True
        )
        assert prepared.success, prepared.describe(database)
    run = dbt.invoke(
        ["test", "--select", COVERAGE_TEST],
        database=database,
        project_dir=project,
        target_path=folder / "target",
        quiet=True,
    )
    return run, database


def test_a_forgotten_figure_written_in_cents_is_reported(forgotten_dividend):
    run, database = forgotten_dividend
    assert not run.success
    rows = failing_rows(run, database, COVERAGE_TEST)
    assert [(row["paragraph_number"], row["mention_as_written"]) for row in rows] == [(4, "185c")]
