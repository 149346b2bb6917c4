"""A hold-out article for the draft's measure (python -m lab.draft_score --fixture
borealis_timber_2025_12_04): written before any rule of the draft was changed for it, and never
tuned on. Borealis Timber (python_tests/fixtures/borealis_timber_2025_12_04/), a Vancouver lumber
producer reporting in Canadian dollars ("C$1.46 billion", and a bare "$5.38 billion" that is the
source's dollar), whose fiscal year runs November to October and is named by the year it ends in:
"the fourth quarter of fiscal 2025" and "Q4 FY25" (August to October 2025), "a year earlier" and "the
same quarter of fiscal 2024", "350 basis points", number words ("eleven", "two", "About two thirds"),
ranges ("C$350 million to C$400 million", "3% to 4%"), pronoun subjects ("Its", "It", "The
company"), a market forecast for a calendar year.

The test shows its curated rows go through the whole build as a user adds them; every expected value
below is worked out from the written text (the comment says how), never read back from the warehouse.
"""

from __future__ import annotations

import pytest
from conftest import figure_mismatches
from fixture_articles import assert_published, build_with_articles, open_warehouse

BOREALIS = "borealis_timber_2025_12_04"  # published 4 December 2025, in Canadian dollars
BPS = 1 / 100  # a basis point is a hundredth of a percentage point
NOW = "as of 2025-12-04"

# Fiscal 2025 is November 2024 to October 2025, so its fourth quarter is August to October 2025.
# figure_id: (value, unit, currency_code, period_label, qualifier, is_forecast)
BOREALIS_FIGURES = {
    "bt_revenue_growth_headline": (12 / 100, "ratio", "", "FY2025-Q4", "exact", False),
    "bt_revenue_growth_fy2025q4": (12 / 100, "ratio", "", "FY2025-Q4", "exact", False),
    "bt_revenue_fy2025q4": (1.46e9, "CAD", "CAD", "FY2025-Q4", "exact", False),  # "C$1.46 billion"
    "bt_revenue_fy2024q4": (1.30e9, "CAD", "CAD", "FY2024-Q4", "exact", False),  # "a year earlier"
    "bt_net_income_fy2025q4": (84e6, "CAD", "CAD", "FY2025-Q4", "exact", False),
    # "a net loss of C$27 million in the same quarter of fiscal 2024": the quarter of the net income
    "bt_net_loss_fy2024q4": (27e6, "CAD", "CAD", "FY2024-Q4", "exact", False),
    "bt_ebitda_margin_change_fy2025q4": (350 * BPS, "percentage_point", "", "FY2025-Q4", "exact", False),  # widened
    "bt_ebitda_margin_fy2025q4": (14.2 / 100, "ratio", "", "FY2025-Q4", "exact", False),
    "bt_pulp_revenue_fy2025q4": (312e6, "CAD", "CAD", "FY2025-Q4", "exact", False),  # "Q4 FY25"
    "bt_pulp_revenue_growth_fy2025q4": (4 / 100, "ratio", "", "FY2025-Q4", "exact", False),
    "bt_revenue_growth_fy2025": (7.5 / 100, "ratio", "", "FY2025", "exact", False),
    "bt_revenue_fy2025": (5.38e9, "CAD", "CAD", "FY2025", "exact", False),  # "$" in a Canadian-dollar source
    "bt_net_income_fy2025": (196e6, "CAD", "CAD", "FY2025", "exact", False),
    "bt_sawmill_count_now": (11, "count", "", NOW, "exact", False),  # "eleven"
    "bt_pulp_mill_count_now": (2, "count", "", NOW, "exact", False),  # "two"
    "bt_employee_count_now": (7400, "count", "", NOW, "approx", False),  # "about 7,400"
    # "expects capital spending of C$350 million to C$400 million in fiscal 2026": a range, a forecast
    "bt_capital_spending_fy2026_low": (350e6, "CAD", "CAD", "FY2026", "range_low", True),
    "bt_capital_spending_fy2026_high": (400e6, "CAD", "CAD", "FY2026", "range_high", True),
    "bt_net_debt_2025_10_31": (1.9e9, "CAD", "CAD", "2025-10-31", "exact", False),  # "31 October 2025"
    "bt_us_lumber_sales_share_now": (2 / 3, "ratio", "", NOW, "approx", False),  # "About two thirds"
    "bt_share_price_day_change_2025_12_04": (4.1 / 100, "ratio", "", "2025-12-04", "exact", False),
    "bt_closing_share_price_2025_12_04": (38.20, "CAD", "CAD", "2025-12-04", "exact", False),  # "C$38.20"
    # "is expected to grow 3% to 4% in 2026": a market keeps calendar years; a range, a forecast
    "bt_lumber_demand_growth_2026_low": (3 / 100, "ratio", "", "FY2026", "range_low", True),
    "bt_lumber_demand_growth_2026_high": (4 / 100, "ratio", "", "FY2026", "range_high", True),
}


@pytest.fixture(scope="module")
def holdout_build(tmp_path_factory):
    """A copy of the project with the hold-out fixture's seed rows and text added, built and published."""
    return build_with_articles(tmp_path_factory.mktemp("holdout_article"), BOREALIS)


@pytest.fixture()
def warehouse(holdout_build):
    yield from open_warehouse(holdout_build)


def test_holdout_article_publishes_with_seed_rows_and_text_alone(holdout_build):
    assert_published(holdout_build[1])


def test_every_holdout_figure_has_the_value_worked_out_from_the_text(warehouse):
    assert figure_mismatches(warehouse, BOREALIS, BOREALIS_FIGURES) == {}
