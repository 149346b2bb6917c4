"""A hold-out article for the draft's measure (python -m lab.draft_score --fixture
daesan_shipbuilding_2025_10_29): written before any rule of the draft was changed in the session
that added it, and never tuned on. Daesan Shipbuilding (python_tests/fixtures/
daesan_shipbuilding_2025_10_29/), a South Korean shipbuilder reporting in won ("312 billion won",
"3.84 trillion won", a share price of "38,750 won") that writes its orders in US dollars ("$9.2
billion", a bare "$" in a won source), with a dollar conversion in brackets ("($218 million)") that is
the same figure and is ignored; calendar periods ("the third quarter of 2025", a headline's "41% rise in
third-quarter profit", "the first nine months of 2025", "the end of September", "in 2024"), "a year earlier"
and "the same period of 2024", a margin and the margin it "widened" from, number words ("six",
"two"), a target, guidance ("expects ... about 15 trillion won"), an investment "by 2028", a
share-price move on the day the article gives as "Wednesday", a market figure and a rival's results.

The test shows its curated rows go through the whole build as a user adds them; every expected value
below is worked out from the written text (the comment says how), never read back from the warehouse.
"""

from __future__ import annotations

import pytest
from conftest import figure_mismatches
from fixture_articles import assert_published, build_with_articles, open_warehouse

DAESAN = "daesan_shipbuilding_2025_10_29"  # published Wednesday 29 October 2025, in won
NOW = "as of 2025-10-29"
BILLION = 10**9
TRILLION = 10**12

# Daesan keeps calendar years: "the third quarter of 2025" is July to September 2025, and "a year
# earlier" and "the same period of 2024" the third quarter of 2024. A fall ("fell") is negative.
# figure_id: (value, unit, currency_code, period_label, qualifier, is_forecast)
DAESAN_FIGURES = {
    "ds_operating_profit_growth_headline": (
        41 / 100,
        "ratio",
        "",
        "2025-Q3",
        "exact",
        False,
    ),  # "41% rise in third-quarter profit"
    "ds_operating_profit_growth_2025q3": (41 / 100, "ratio", "", "2025-Q3", "exact", False),
    "ds_operating_profit_2025q3": (312 * BILLION, "KRW", "KRW", "2025-Q3", "exact", False),
    "ds_operating_profit_2024q3": (221 * BILLION, "KRW", "KRW", "2024-Q3", "exact", False),  # "a year earlier"
    "ds_revenue_growth_2025q3": (18 / 100, "ratio", "", "2025-Q3", "exact", False),
    "ds_revenue_2025q3": (3.84 * TRILLION, "KRW", "KRW", "2025-Q3", "exact", False),
    "ds_lng_carrier_deliveries_2025q3": (6, "count", "", "2025-Q3", "exact", False),  # "six ... in the quarter"
    "ds_net_profit_2025q3": (245.6 * BILLION, "KRW", "KRW", "2025-Q3", "exact", False),
    "ds_net_profit_2024q3": (158.3 * BILLION, "KRW", "KRW", "2024-Q3", "exact", False),  # "the same period"
    "ds_operating_margin_2025q3": (8.1 / 100, "ratio", "", "2025-Q3", "exact", False),
    "ds_operating_margin_2024q3": (6.8 / 100, "ratio", "", "2024-Q3", "exact", False),  # "widened ... from 6.8%"
    # "$" in a won source is the US dollar (the won is no dollar); January to September 2025
    "ds_new_orders_2025_9m": (9.2 * BILLION, "USD", "USD", "2025-9M", "exact", False),
    "ds_order_target_progress_2025_9m": (68 / 100, "ratio", "", "2025-9M", "exact", False),
    # "its annual target of $13.5 billion": an aim for a year not yet over, so a forecast
    "ds_order_target_2025": (13.5 * BILLION, "USD", "USD", "FY2025", "exact", True),
    "ds_order_backlog_2025_09_30": (41.7 * BILLION, "USD", "USD", "2025-09-30", "exact", False),
    # "The company expects full-year revenue of about 15 trillion won, up from 13.1 trillion won in 2024"
    "ds_revenue_2025_forecast": (15 * TRILLION, "KRW", "KRW", "FY2025", "approx", True),
    "ds_revenue_2024": (13.1 * TRILLION, "KRW", "KRW", "FY2024", "exact", False),
    "ds_employee_count_now": (11_400, "count", "", NOW, "approx", False),  # "about 11,400"
    "ds_shipyard_count_now": (2, "count", "", NOW, "exact", False),  # "two"
    "ds_share_price_day_change_2025_10_29": (4.3 / 100, "ratio", "", "2025-10-29", "exact", False),
    "ds_closing_share_price_2025_10_29": (38_750, "KRW", "KRW", "2025-10-29", "exact", False),  # "38,750 won"
    "ds_global_ship_orders_growth_2025_9m": (-22 / 100, "ratio", "", "2025-9M", "exact", False),  # "fell 22%"
    "hh_operating_profit_growth_2025q3": (27 / 100, "ratio", "", "2025-Q3", "exact", False),  # "a 27% rise"
    "hh_operating_profit_2025q3": (540 * BILLION, "KRW", "KRW", "2025-Q3", "exact", False),
    # "would invest 600 billion won ... by 2028": a year after publication, so a forecast
    "ds_welding_automation_investment_2028": (600 * BILLION, "KRW", "KRW", "FY2028", "exact", True),
}


@pytest.fixture(scope="module")
def holdout_build(tmp_path_factory):
    """A copy of the project with the hold-out fixture's seed rows and text added, built and published."""
    return build_with_articles(tmp_path_factory.mktemp("holdout_daesan"), DAESAN)


@pytest.fixture()
def warehouse(holdout_build):
    yield from open_warehouse(holdout_build)


def test_daesan_article_publishes_with_seed_rows_and_text_alone(holdout_build):
    assert_published(holdout_build[1])


def test_every_daesan_figure_has_the_value_worked_out_from_the_text(warehouse):
    assert figure_mismatches(warehouse, DAESAN, DAESAN_FIGURES) == {}
