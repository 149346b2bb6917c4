"""Two more articles nobody on the team had seen, written in other styles, go in by their text and
seed rows alone (after the grammar rows and macros their first try showed were missing).

- Deccan Infotech (python_tests/fixtures/deccan_infotech_2025_01_16/), an Indian IT services company
  whose fiscal year runs April to March and is named by the year it ends in: "Rs 1,184 crore",
  "₹10,150 crore", "₹24 lakh crore", "Rs 1,742.50", a headcount written the Indian way ("2,41,560"),
  "the third quarter of fiscal 2025" and "Q3 FY2025" (October to December 2024), "a year earlier"
  against a fiscal quarter, "40 basis points", "the end of December 2024", "between 4.5% and 5%",
  "About a third", "more than half", "nearly double", a dollar amount in a rupee article.
  Added by the README's "Add an article" walkthrough (draft, edit, check, build).
- Corvane Systems (python_tests/fixtures/corvane_systems_2025_05_02/), a US network equipment maker
  whose fiscal year ends in June: "$1.2bn", "$450m", "doubled", "halved", "contracted 4%",
  "120 bps", "more than a third", "nearly 1,100", "between $1.25bn and $1.3bn" for the fourth
  fiscal quarter (a forecast), "the same quarter of fiscal 2024", "₩3.2 trillion" and "₩410 billion"
  in a dollar article, market shares. It reuses the headcount metrics the Deccan fixture adds.

Every expected value below is worked out from the written text (the comment says how), never read
back from the warehouse.
"""

from __future__ import annotations

import math

import pytest
from conftest import figure_mismatches, query_rows
from fixture_articles import (
    assert_published,
    build_with_articles,
    claim_verdicts,
    figures_of,
    open_warehouse,
    units_per_usd,
)

DECCAN = "deccan_infotech_2025_01_16"  # published 16 January 2025
CORVANE = "corvane_systems_2025_05_02"  # published 2 May 2025
CRORE, LAKH = 10**7, 10**5  # the Indian scale words
BPS = 1 / 100  # a basis point is a hundredth of a percentage point

# figure_id: (value, unit, currency_code, period_label, qualifier, is_forecast)
# Deccan's fiscal 2025 is April 2024 to March 2025, so its third quarter is October to December 2024.
DECCAN_FIGURES = {
    "di_net_profit_growth_headline": (9 / 100, "ratio", "", "FY2025-Q3", "exact", False),
    "di_deal_value_multiple_headline": (2, "multiple", "", "FY2025-Q3", "approx", False),  # "nearly double"
    "di_net_profit_fy2025q3": (1184 * CRORE, "INR", "INR", "FY2025-Q3", "exact", False),  # "Rs 1,184 crore"
    "di_net_profit_growth_fy2025q3": (9 / 100, "ratio", "", "FY2025-Q3", "exact", False),
    # "Rs 1,086 crore a year earlier": a year before the quarter it is compared with
    "di_net_profit_fy2024q3": (1086 * CRORE, "INR", "INR", "FY2024-Q3", "exact", False),
    "di_revenue_growth_fy2025q3": (6.2 / 100, "ratio", "", "FY2025-Q3", "exact", False),
    "di_revenue_fy2025q3": (10150 * CRORE, "INR", "INR", "FY2025-Q3", "exact", False),  # "₹10,150 crore"
    # "narrowed by 40 basis points": a fall, in percentage points
    "di_operating_margin_change_fy2025q3": (-40 * BPS, "percentage_point", "", "FY2025-Q3", "exact", False),
    "di_operating_margin_fy2025q3": (20.6 / 100, "ratio", "", "FY2025-Q3", "exact", False),
    # "$1.9 billion" in a rupee article: the rupee is not written "$", so the US dollar
    "di_deal_value_fy2025q3": (1.9 * 10**9, "USD", "USD", "FY2025-Q3", "exact", False),  # "Q3 FY2025"
    "di_deal_value_multiple_fy2025q3": (2, "multiple", "", "FY2025-Q3", "approx", False),
    "di_deal_value_fy2024q3": (980 * 10**6, "USD", "USD", "FY2024-Q3", "exact", False),
    # "Headcount fell by 2,314 to 2,41,560 employees at the end of December 2024"
    "di_headcount_change_2024_12": (-2314, "count", "", "2024-12-31", "exact", False),
    "di_headcount_2024_12": (241_560, "count", "", "2024-12-31", "exact", False),
    "di_revenue_share_banking_now": (1 / 3, "ratio", "", "as of 2025-01-16", "approx", False),  # "About a third"
    "di_revenue_share_north_america_now": (1 / 2, "ratio", "", "as of 2025-01-16", "lower_bound", False),
    # "now expects revenue for fiscal 2025 to grow between 4.5% and 5%": a range, a forecast
    "di_revenue_growth_guidance_fy2025_low": (4.5 / 100, "ratio", "", "FY2025", "range_low", True),
    "di_revenue_growth_guidance_fy2025_high": (5 / 100, "ratio", "", "FY2025", "range_high", True),
    # "₹24 lakh crore by 2026": a lakh of crores; a market keeps calendar years
    "di_it_services_market_size_2026": (24 * LAKH * CRORE, "INR", "INR", "FY2026", "exact", True),
    "di_closing_share_price_2025_01_16": (1742.50, "INR", "INR", "2025-01-16", "exact", False),  # "Rs 1,742.50"
    "di_share_price_daily_change_2025_01_16": (3.4 / 100, "ratio", "", "2025-01-16", "exact", False),
}

# Corvane's fiscal 2025 is July 2024 to June 2025: its third quarter is January to March 2025 and
# its fourth (April to June 2025) ends after publication.
CORVANE_FIGURES = {
    "cv_ai_networking_revenue_multiple_headline": (2, "multiple", "", "FY2025-Q3", "exact", False),  # "double"
    "cv_revenue_fy2025q3": (1.2 * 10**9, "USD", "USD", "FY2025-Q3", "exact", False),  # "$1.2bn"
    # "ahead of the $1.15bn analysts had expected": "expected" comes after the value, the quarter is over
    "cv_revenue_estimate_fy2025q3": (1.15 * 10**9, "USD", "USD", "FY2025-Q3", "exact", False),
    "cv_ai_networking_revenue_multiple_fy2025q3": (2, "multiple", "", "FY2025-Q3", "exact", False),  # "doubled"
    "cv_ai_networking_revenue_fy2025q3": (450 * 10**6, "USD", "USD", "FY2025-Q3", "exact", False),  # "$450m"
    "cv_ai_networking_revenue_share_fy2025q3": (1 / 3, "ratio", "", "FY2025-Q3", "lower_bound", False),
    # "contracted 4%", "widened 120 bps"
    "cv_campus_switching_revenue_growth_fy2025q3": (-4 / 100, "ratio", "", "FY2025-Q3", "exact", False),
    "cv_gross_margin_change_fy2025q3": (120 * BPS, "percentage_point", "", "FY2025-Q3", "exact", False),
    "cv_gross_margin_fy2025q3": (61.3 / 100, "ratio", "", "FY2025-Q3", "exact", False),
    "cv_net_income_fy2025q3": (138 * 10**6, "USD", "USD", "FY2025-Q3", "exact", False),
    "cv_earnings_per_share_fy2025q3": (1.02, "USD", "USD", "FY2025-Q3", "exact", False),  # "$1.02 per share"
    # "$96m in the same quarter of fiscal 2024"
    "cv_net_income_fy2024q3": (96 * 10**6, "USD", "USD", "FY2024-Q3", "exact", False),
    "cv_inventory_multiple_2025_03_31": (1 / 2, "multiple", "", "2025-03-31", "exact", False),  # "halved"
    "cv_inventory_2025_03_31": (310 * 10**6, "USD", "USD", "2025-03-31", "exact", False),  # "the end of March 2025"
    "cv_headcount_change_2025_03_31": (-1100, "count", "", "2025-03-31", "approx", False),  # "cut ... by nearly 1,100"
    "cv_headcount_2025_03_31": (14_200, "count", "", "2025-03-31", "exact", False),
    "cv_revenue_guidance_fy2025q4_low": (1.25 * 10**9, "USD", "USD", "FY2025-Q4", "range_low", True),
    "cv_revenue_guidance_fy2025q4_high": (1.3 * 10**9, "USD", "USD", "FY2025-Q4", "range_high", True),
    "cv_revenue_guidance_fy2025": (4.7 * 10**9, "USD", "USD", "FY2025", "approx", True),  # ends June 2025
    "cv_hanbit_acquisition_price_krw": (3.2 * 10**12, "KRW", "KRW", "unstated", "exact", False),  # "₩3.2 trillion"
    "cv_hanbit_acquisition_price_usd": (2.3 * 10**9, "USD", "USD", "unstated", "approx", False),
    "cv_hanbit_revenue_2024": (410 * 10**9, "KRW", "KRW", "FY2024", "exact", False),  # "₩410 billion in 2024"
    "cv_market_share_2024": (14.5 / 100, "ratio", "", "FY2024", "exact", False),
    "cv_market_share_2023": (11.8 / 100, "ratio", "", "FY2023", "exact", False),
    "cv_after_hours_share_price_change_2025_05_01": (7 / 100, "ratio", "", "2025-05-01", "exact", False),
    "cv_after_hours_share_price_2025_05_01": (88.40, "USD", "USD", "2025-05-01", "exact", False),
}

# 1,184 / 1,086 - 1 = 9.02%, within "9%"; 1.9 / 0.98 = 1.94 times, within "nearly double";
# 450 / 1,200 = 37.5%, "more than a third".
CLAIMS = {
    "di_net_profit_yoy_fy2025q3": "consistent",
    "di_deal_value_double_fy2025q3": "consistent",
    "cv_ai_networking_revenue_share_fy2025q3": "consistent",
}


@pytest.fixture(scope="module")
def new_articles_build(tmp_path_factory):
    """A copy of the project with both fixtures' seed rows and texts added, built and published."""
    return build_with_articles(tmp_path_factory.mktemp("new_articles"), DECCAN, CORVANE)


@pytest.fixture()
def warehouse(new_articles_build):
    yield from open_warehouse(new_articles_build)


def test_both_articles_publish_with_seed_rows_and_text_alone(new_articles_build):
    assert_published(new_articles_build[1])


@pytest.mark.parametrize(("source_id", "expected"), [(DECCAN, DECCAN_FIGURES), (CORVANE, CORVANE_FIGURES)])
def test_every_figure_has_its_value_unit_currency_period_qualifier_and_forecast_flag(warehouse, source_id, expected):
    assert figure_mismatches(warehouse, source_id, expected) == {}


def test_every_claim_gets_the_verdict_worked_out_by_hand(warehouse):
    assert claim_verdicts(warehouse, [DECCAN, CORVANE]) == CLAIMS


def dates(row: dict) -> tuple[str, str, int]:
    return row["period_start_date"].isoformat(), row["period_end_date"].isoformat(), row["fiscal_year"]


def test_a_quarter_of_a_fiscal_year_counts_from_its_first_month(warehouse):
    deccan, corvane = figures_of(warehouse, DECCAN), figures_of(warehouse, CORVANE)
    # fiscal year to March, named by its end: Q3 of fiscal 2025 is October to December 2024
    assert dates(deccan["di_net_profit_fy2025q3"]) == ("2024-10-01", "2024-12-31", 2025)
    assert dates(deccan["di_deal_value_fy2025q3"]) == ("2024-10-01", "2024-12-31", 2025)  # "Q3 FY2025"
    # "a year earlier" than a fiscal quarter is the same quarter of the fiscal year before
    assert deccan["di_net_profit_fy2024q3"]["compared_figure_id"] == "di_net_profit_fy2025q3"
    assert dates(deccan["di_net_profit_fy2024q3"]) == ("2023-10-01", "2023-12-31", 2024)
    assert dates(deccan["di_revenue_growth_guidance_fy2025_low"]) == ("2024-04-01", "2025-03-31", 2025)
    # fiscal year to June, named by its end: Q3 of fiscal 2025 is January to March 2025, Q4 April to June
    assert dates(corvane["cv_revenue_fy2025q3"]) == ("2025-01-01", "2025-03-31", 2025)
    assert dates(corvane["cv_revenue_guidance_fy2025q4_low"]) == ("2025-04-01", "2025-06-30", 2025)
    assert corvane["cv_net_income_fy2024q3"]["compared_figure_id"] == "cv_net_income_fy2025q3"
    assert dates(corvane["cv_net_income_fy2024q3"]) == ("2024-01-01", "2024-03-31", 2024)
    # "the end of March 2025": the month's last day, a date
    assert dates(corvane["cv_inventory_2025_03_31"]) == ("2025-03-31", "2025-03-31", 2025)
    assert corvane["cv_inventory_2025_03_31"]["period_type"] == "date"
    # a bare year stays a calendar year, for a company with a fiscal year too
    assert dates(corvane["cv_market_share_2024"]) == ("2024-01-01", "2024-12-31", 2024)


def test_other_currencies_keep_their_code_and_convert_at_the_year_rate(warehouse):
    deccan, corvane = figures_of(warehouse, DECCAN), figures_of(warehouse, CORVANE)
    hanbit = corvane["cv_hanbit_revenue_2024"]  # "₩410 billion in 2024" in a dollar article
    assert hanbit["entity_id"] == "hanbit_photonics"
    assert math.isclose(hanbit["value_usd"], 410e9 / units_per_usd("KRW", 2024), rel_tol=1e-12)
    price = deccan["di_closing_share_price_2025_01_16"]
    assert math.isclose(price["value_usd"], 1742.50 / units_per_usd("INR", 2025), rel_tol=1e-12)


def test_the_marts_show_the_fiscal_quarters(warehouse):
    interim = {
        (row["company_id"], row["period_label"]): row
        for row in query_rows(
            warehouse,
            "select * from marts.fct_company_interim_financials"
            " where company_id in ('deccan_infotech', 'corvane_systems')",
        )
    }
    assert sorted(interim) == [("corvane_systems", "FY2025-Q3"), ("deccan_infotech", "FY2025-Q3")]
    deccan = interim[("deccan_infotech", "FY2025-Q3")]
    assert (deccan["revenue_amount"], deccan["revenue_currency"], deccan["stated_revenue_yoy_growth_ratio"]) == (
        10150 * CRORE,
        "INR",
        pytest.approx(6.2 / 100, rel=1e-12),
    )
    assert (deccan["period_start_date"].isoformat(), deccan["period_end_date"].isoformat()) == (
        "2024-10-01",
        "2024-12-31",
    )
    corvane = interim[("corvane_systems", "FY2025-Q3")]
    assert (corvane["revenue_amount"], corvane["revenue_currency"]) == (1.2e9, "USD")
    annual = query_rows(
        warehouse,
        "select company_id, fiscal_year, revenue_amount, revenue_currency from marts.fct_company_financials"
        " where company_id = 'hanbit_photonics'",
    )
    assert [(row["fiscal_year"], row["revenue_amount"], row["revenue_currency"]) for row in annual] == [
        (2024, 410e9, "KRW")
    ]
