"""A range joined by a dash ("$5bn-$5.3bn", "8–10%", "12 - 15%") and a multiple written "40x": an
article that writes them so is added with one figure row per value (per end of a range, like "15% to
50%") and builds: the ends parse (the first takes the unit, scale and currency of the last), a
multiple is a value of unit multiple, and the coverage test finds each range as one number of the
text. The fixture is python_tests/fixtures/ridgeway_robotics_2025_11_05."""

from __future__ import annotations

import duckdb
import pytest
from conftest import figure_mismatches
from fixture_articles import assert_published, build_with_articles, open_warehouse

SOURCE = "ridgeway_robotics_2025_11_05"

EXPECTED = {
    # (value, unit, currency_code, period_label, qualifier, is_forecast)
    "ridgeway_revenue_2026_low": (5e9, "USD", "USD", "FY2026", "range_low", True),
    "ridgeway_revenue_2026_high": (5.3e9, "USD", "USD", "FY2026", "range_high", True),
    "ridgeway_growth_2026_low": (0.08, "ratio", "", "FY2026", "range_low", True),
    "ridgeway_growth_2026_high": (0.10, "ratio", "", "FY2026", "range_high", True),
    "ridgeway_revenue_2024": (4.6e9, "USD", "USD", "FY2024", "exact", False),
    "ridgeway_orders_growth_2024_low": (0.12, "ratio", "", "FY2024", "range_low", False),
    "ridgeway_orders_growth_2024_high": (0.15, "ratio", "", "FY2024", "range_high", False),
    "ridgeway_pe_2024": (40.0, "multiple", "", "FY2024", "exact", False),
    "ridgeway_pe_2023": (25.0, "multiple", "", "FY2023", "exact", False),
}


@pytest.fixture(scope="module")
def dash_build(tmp_path_factory):
    return build_with_articles(tmp_path_factory.mktemp("dash_ranges"), SOURCE)


@pytest.fixture(scope="module")
def warehouse(dash_build):
    yield from open_warehouse(dash_build)


def test_an_article_with_dash_ranges_publishes(dash_build):
    assert_published(dash_build[1])


def test_both_ends_of_each_dash_range_parse(warehouse):
    assert figure_mismatches(warehouse, SOURCE, EXPECTED) == {}


def test_each_dash_range_is_one_number_of_the_text(dash_build):
    project, _ = dash_build
    # the build's state (the published file holds the marts only)
    with duckdb.connect(str(project / "build" / "state" / "warehouse.duckdb"), read_only=True) as state:
        ranges = state.execute(
            "select mention_as_written from intermediate.int_document_number_mentions "
            "where source_id = ? and mention_kind = 'range' order by paragraph_number, mention_start",
            [SOURCE],
        ).fetchall()
    assert [text for (text,) in ranges] == ["$5bn-$5.3bn", "8–10%", "12 - 15%"]
