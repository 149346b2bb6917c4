"""A second article goes in with its text and seed rows alone, and every number comes out right.

The fixture (python_tests/fixtures/harbour_cloud_2025_03_20/) is an article written as a Hong Kong
business desk would write one, about a Hong Kong-listed cloud company that does not exist: amounts
in HK$ (and one in "$", which a Hong Kong source means as HK$), "last year" and "a year earlier", a
day-first date, quarters, pronoun subjects, forecasts, a range, numbers in words, a change in
percentage points, and derived claims, one of them wrong. Its seed rows are appended to a copy of
the project's seeds and its text put beside the first article's: no model, macro, Python or YAML
file changes. The expected values below were worked out by hand from the text; none is read back
from the warehouse.
"""

from __future__ import annotations

import math

import duckdb
import pytest
from conftest import add_fixture_article, copy_project, figure_mismatches, query_rows, read_csv, run_pipeline
from fixture_articles import units_per_usd

from pipeline import settings

SOURCE_ID = "harbour_cloud_2025_03_20"

# figure_id: (value, unit, currency_code, period_label, qualifier, is_forecast)
FIGURES = {
    "hc_revenue_growth_headline": (0.12, "ratio", "", "FY2024", "exact", False),  # "rises 12%", last year
    "hc_revenue_2024": (8.96e9, "HKD", "HKD", "FY2024", "exact", False),  # "HK$8.96 billion" last year
    "hc_revenue_growth_2024": (0.12, "ratio", "", "FY2024", "exact", False),
    "hc_revenue_2023": (7.9e9, "HKD", "HKD", "FY2023", "exact", False),
    "hc_net_loss_2024": (3.1e8, "HKD", "HKD", "FY2024", "exact", False),
    "hc_net_loss_2023": (5.2e8, "HKD", "HKD", "FY2023", "exact", False),  # "a year earlier" than last year
    "hc_revenue_2024q4": (2.53e9, "HKD", "HKD", "2024-Q4", "exact", False),
    "hc_revenue_growth_2024q4": (0.15, "ratio", "", "2024-Q4", "exact", False),
    "hc_revenue_2023q4": (2.2e9, "HKD", "HKD", "2023-Q4", "exact", False),  # "the same quarter of 2023"
    "hc_public_cloud_revenue_2024": (5.6e9, "HKD", "HKD", "FY2024", "exact", False),
    "hc_public_cloud_share_2024": (0.625, "ratio", "", "FY2024", "exact", False),
    "hc_gross_margin_change_2024": (2.9, "percentage_point", "", "FY2024", "exact", False),  # widened: positive
    "hc_gross_margin_2024": (0.314, "ratio", "", "FY2024", "exact", False),
    "hc_ai_customer_share": (0.2, "ratio", "", "as of 2025-03-20", "approx", False),  # "About one in five", now
    "hc_data_centres_opened_2024": (3, "count", "", "FY2024", "exact", False),  # "three"
    "hc_data_centre_count_2024": (15, "count", "", "2024-12-31", "exact", False),  # "fifteen", end of last year
    "hc_closing_share_price_2025_03_19": (8.8, "HKD", "HKD", "2025-03-19", "exact", False),  # 19 March 2025
    "hc_share_change_from_ipo_2025_03_19": (-0.45, "ratio", "", "2025-03-19", "exact", False),  # down 45%
    "hc_ipo_share_price": (16, "HKD", "HKD", "FY2021", "exact", False),
    "hc_market_value_2025_03_19": (2.6e10, "HKD", "HKD", "2025-03-19", "approx", False),  # "$" in a HK source
    "hc_gpu_price_cut_from": (-0.1, "ratio", "", "2025-01", "range_high", False),  # cut by 10% to 30%
    "hc_gpu_price_cut_to": (-0.3, "ratio", "", "2025-01", "range_low", False),
    "hc_revenue_forecast_2025": (1.05e10, "HKD", "HKD", "FY2025", "exact", True),  # expects ... this year
    "hc_revenue_target_2027": (1.5e10, "HKD", "HKD", "FY2027", "exact", True),  # targets ... by 2027
}

# claim_id: verdict. Revenue of HK$8.96 billion after HK$7.9 billion is 13.4% growth, not the 12%
# stated; 2.53 / 2.2 is 15%; 5.6 / 8.96 is 62.5%; 8.80 / 16 is 45% below the listing price.
CLAIMS = {
    "hc_revenue_yoy_2024": "inconsistent",
    "hc_revenue_yoy_2024q4": "consistent",
    "hc_public_cloud_share_2024": "consistent",
    "hc_share_change_from_ipo_2025_03_19": "consistent",
}


@pytest.fixture(scope="module")
def fixture_build(tmp_path_factory):
    """A copy of the project with the fixture's seed rows and text added, built and published."""
    project = copy_project(tmp_path_factory.mktemp("fixture") / "project")
    add_fixture_article(project, SOURCE_ID)
    completed = run_pipeline(project, project / "documents")
    return project, completed


@pytest.fixture()
def warehouse(fixture_build):
    project, completed = fixture_build
    assert completed.returncode == 0, completed.stdout[-5000:] + completed.stderr[-3000:]
    with duckdb.connect(str(project / "warehouse.duckdb"), read_only=True) as connection:
        yield connection


rows = query_rows


def hkd_per_usd(year: int) -> float:
    """The reference rate of the seed (input, not output): units of HKD per US dollar."""
    rates = read_csv(settings.SEEDS_DIR / "reference" / "reference_fx_rates.csv")
    return next(
        float(row["units_per_usd"]) for row in rates if row["currency_code"] == "HKD" and row["year"] == str(year)
    )


def test_the_article_publishes_with_seed_rows_and_text_alone(fixture_build):
    _, completed = fixture_build
    assert completed.returncode == 0, completed.stdout[-5000:] + completed.stderr[-3000:]
    assert "published warehouse.duckdb" in completed.stdout


def test_every_figure_has_its_value_unit_currency_period_qualifier_and_forecast_flag(warehouse):
    assert figure_mismatches(warehouse, SOURCE_ID, FIGURES) == {}


def test_pronouns_name_the_lead_entity_and_relative_periods_their_figure(warehouse):
    found = {
        row["figure_id"]: row
        for row in rows(warehouse, "select * from marts.fct_figures where source_id = ?", SOURCE_ID)
    }
    assert {row["entity_id"] for figure_id, row in found.items() if "price_cut" not in figure_id} == {"harbour_cloud"}
    assert found["hc_net_loss_2024"]["subject_resolution"] == "lead_entity"  # "Its net loss"
    assert found["hc_revenue_2024"]["subject_resolution"] == "alias"  # "Harbour Cloud Holdings"
    assert found["hc_net_loss_2023"]["compared_figure_id"] == "hc_net_loss_2024"
    assert found["hc_revenue_2023q4"]["compared_figure_id"] == "hc_revenue_2024q4"
    assert (
        found["hc_revenue_2023q4"]["period_start_date"].isoformat(),
        found["hc_revenue_2023q4"]["period_end_date"].isoformat(),
    ) == ("2023-10-01", "2023-12-31")


def test_amounts_keep_their_currency_and_convert_where_a_rate_exists(warehouse):
    found = {
        row["figure_id"]: row
        for row in rows(warehouse, "select * from marts.fct_figures where source_id = ?", SOURCE_ID)
    }
    revenue_2023 = found["hc_revenue_2023"]
    assert math.isclose(revenue_2023["value_usd"], 7.9e9 / hkd_per_usd(2023), rel_tol=1e-12)
    assert revenue_2023["value_cny"] is not None and revenue_2023["fx_missing_reason"] is None
    # 2025's yuan rate is the European Central Bank's (the seed's other publisher ends in 2023)
    market_value = found["hc_market_value_2025_03_19"]
    assert math.isclose(market_value["value_usd"], 2.6e10 / hkd_per_usd(2025), rel_tol=1e-12)
    assert math.isclose(market_value["value_cny"], market_value["value_usd"] * units_per_usd("CNY", 2025), rel_tol=1e-9)
    # no publisher has a 2027 rate: no converted value, and the reason names the rate missing
    target = found["hc_revenue_target_2027"]
    assert (target["value_usd"], target["value_cny"]) == (None, None)
    assert target["fx_missing_reason"] == "no annual rate for HKD in 2027 in seeds/reference/reference_fx_rates.csv"


def test_every_claim_gets_the_verdict_worked_out_by_hand(warehouse):
    found = dict(
        warehouse.execute(
            "select claim_id, verdict from marts.fct_claim_checks where source_id = ?", [SOURCE_ID]
        ).fetchall()
    )
    assert found == CLAIMS


def test_the_marts_show_the_company_in_its_own_currency(warehouse):
    annual = {
        row["fiscal_year"]: row
        for row in rows(warehouse, "select * from marts.fct_company_financials where company_id = 'harbour_cloud'")
    }
    assert sorted(annual) == [2023, 2024]  # the forecasts for 2025 and 2027 stay in fct_figures
    year_2024 = annual[2024]
    assert (year_2024["revenue_amount"], year_2024["revenue_currency"]) == (8.96e9, "HKD")
    assert math.isclose(year_2024["revenue_yoy_growth_ratio"], 8.96 / 7.9 - 1, rel_tol=1e-12)
    assert math.isclose(year_2024["public_cloud_share_ratio"], 0.625, rel_tol=1e-12)
    assert math.isclose(year_2024["industry_cloud_revenue_amount"], 3.36e9, rel_tol=1e-12)
    assert math.isclose(year_2024["revenue_cny"], 8.96e9 / hkd_per_usd(2024) * units_per_usd("CNY", 2024), rel_tol=1e-9)
    interim = {
        row["period_label"]: row
        for row in rows(
            warehouse, "select * from marts.fct_company_interim_financials where company_id = 'harbour_cloud'"
        )
    }
    assert sorted(interim) == ["2023-Q4", "2024-Q4"]
    assert math.isclose(interim["2024-Q4"]["revenue_yoy_growth_ratio"], 2.53 / 2.2 - 1, rel_tol=1e-12)
    assert interim["2024-Q4"]["stated_revenue_yoy_growth_ratio"] == pytest.approx(0.15, rel=1e-12)
    events = {
        row["event_type"]: row
        for row in rows(warehouse, "select * from marts.fct_share_price_events where company_id = 'harbour_cloud'")
    }
    assert (events["close"]["share_price"], events["close"]["share_price_currency"]) == (8.8, "HKD")
    assert math.isclose(events["close"]["change_from_ipo_ratio"], 8.8 / 16 - 1, rel_tol=1e-12)
    cuts = rows(warehouse, "select * from marts.fct_price_cuts where provider_id = 'harbour_cloud'")
    assert [
        (cut["product_id"], cut["deepest_price_change_ratio"], cut["shallowest_price_change_ratio"]) for cut in cuts
    ] == [("gpu_cloud_servers", -0.3, -0.1)]
