"""A second hold-out article for the draft's measure (python -m lab.draft_score --fixture
murray_basin_vintners_2025_08_14): written before any rule of the draft was changed in the session
that added it, and never tuned on. Murray Basin Vintners (python_tests/fixtures/
murray_basin_vintners_2025_08_14/), an Adelaide wine producer reporting in Australian dollars
("A$214 million", and a bare "$488 million" that is the source's dollar), whose fiscal year runs
October to September and is named by the year it ends in: "the third quarter of fiscal 2025" and
"Q3 FY25" (April to June 2025), "the first half of fiscal 2025", "a year earlier" and "the
same quarter of fiscal 2024", "120 basis points" narrowed, number words ("nine", "three", "Roughly a
quarter"), ranges ("A$930 million to A$960 million", "2% to 3%"), a share-price move ("fell 6.5% to
A$2.87"), a headcount ("employs about 1,850 people"), pronoun subjects ("Its", "It", "The company").

The test shows its curated rows go through the whole build as a user adds them; every expected value
below is worked out from the written text (the comment says how), never read back from the warehouse.
"""

from __future__ import annotations

import pytest
from conftest import figure_mismatches
from fixture_articles import assert_published, build_with_articles, open_warehouse

VINTNERS = "murray_basin_vintners_2025_08_14"  # published 14 August 2025, in Australian dollars
BPS = 1 / 100  # a basis point is a hundredth of a percentage point
NOW = "as of 2025-08-14"

# Fiscal 2025 is October 2024 to September 2025: its third quarter is April to June 2025, its first half
# October 2024 to March 2025. A fall ("fell", "down", "narrowed") is negative.
# figure_id: (value, unit, currency_code, period_label, qualifier, is_forecast)
VINTNERS_FIGURES = {
    "mb_revenue_growth_headline": (-8 / 100, "ratio", "", "FY2025-Q3", "exact", False),
    "mb_revenue_growth_fy2025q3": (-8 / 100, "ratio", "", "FY2025-Q3", "exact", False),
    "mb_revenue_fy2025q3": (214e6, "AUD", "AUD", "FY2025-Q3", "exact", False),
    "mb_revenue_fy2024q3": (233e6, "AUD", "AUD", "FY2024-Q3", "exact", False),  # "a year earlier"
    "mb_net_profit_fy2025q3": (9.6e6, "AUD", "AUD", "FY2025-Q3", "exact", False),
    "mb_net_profit_fy2024q3": (15.2e6, "AUD", "AUD", "FY2024-Q3", "exact", False),  # "the same quarter"
    "mb_gross_margin_change_fy2025q3": (-120 * BPS, "percentage_point", "", "FY2025-Q3", "exact", False),
    "mb_gross_margin_fy2025q3": (41.3 / 100, "ratio", "", "FY2025-Q3", "exact", False),
    "mb_export_revenue_fy2025q3": (88e6, "AUD", "AUD", "FY2025-Q3", "exact", False),  # "Q3 FY25"
    "mb_export_revenue_growth_fy2025q3": (-15 / 100, "ratio", "", "FY2025-Q3", "exact", False),
    "mb_revenue_fy2025_h1": (488e6, "AUD", "AUD", "FY2025-H1", "exact", False),  # "$" of an AUD source
    "mb_net_profit_fy2025_h1": (31e6, "AUD", "AUD", "FY2025-H1", "exact", False),
    "mb_vineyard_count_now": (9, "count", "", NOW, "exact", False),  # "nine"
    "mb_winery_count_now": (3, "count", "", NOW, "exact", False),  # "three"
    "mb_employee_count_now": (1850, "count", "", NOW, "approx", False),  # "about 1,850"
    # "It expects revenue of A$930 million to A$960 million for fiscal 2025": a range, a forecast
    "mb_revenue_fy2025_low": (930e6, "AUD", "AUD", "FY2025", "range_low", True),
    "mb_revenue_fy2025_high": (960e6, "AUD", "AUD", "FY2025", "range_high", True),
    "mb_net_debt_2025_06_30": (265e6, "AUD", "AUD", "2025-06-30", "exact", False),  # "30 June 2025"
    "mb_uk_supermarket_sales_share_now": (1 / 4, "ratio", "", NOW, "approx", False),  # "Roughly a quarter"
    "mb_share_price_day_change_2025_08_14": (-6.5 / 100, "ratio", "", "2025-08-14", "exact", False),
    "mb_closing_share_price_2025_08_14": (2.87, "AUD", "AUD", "2025-08-14", "exact", False),  # "A$2.87"
    # "are expected to fall 2% to 3% in 2026": a market keeps calendar years; a range, a forecast; a
    # fall, so the end written second (-3%) is the range's low end and the first (-2%) its high end
    "mb_wine_export_growth_2026_low": (-2 / 100, "ratio", "", "FY2026", "range_high", True),
    "mb_wine_export_growth_2026_high": (-3 / 100, "ratio", "", "FY2026", "range_low", True),
}


@pytest.fixture(scope="module")
def holdout_build(tmp_path_factory):
    """A copy of the project with the hold-out fixture's seed rows and text added, built and published."""
    return build_with_articles(tmp_path_factory.mktemp("holdout_vintners"), VINTNERS)


@pytest.fixture()
def warehouse(holdout_build):
    yield from open_warehouse(holdout_build)


def test_vintners_article_publishes_with_seed_rows_and_text_alone(holdout_build):
    assert_published(holdout_build[1])


def test_every_vintners_figure_has_the_value_worked_out_from_the_text(warehouse):
    assert figure_mismatches(warehouse, VINTNERS, VINTNERS_FIGURES) == {}
