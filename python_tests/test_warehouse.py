"""The built warehouse: every figure present, marts computed from figures, docs persisted."""

from __future__ import annotations

import math
import shutil

import duckdb
import pytest

MARTS = [
    "dim_companies",
    "dim_entities",
    "dim_metrics",
    "dim_sources",
    "fct_figures",
    "fct_company_financials",
    "fct_company_interim_financials",
    "fct_cloud_revenue",
    "fct_cdn_nodes",
    "fct_price_cuts",
    "fct_market_metrics",
    "fct_share_price_events",
    "fct_claim_checks",
    "fct_figure_conflicts",
]


def rows(connection, sql: str) -> list[dict]:
    cursor = connection.execute(sql)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def test_marts_are_tables_in_the_marts_schema(warehouse):
    found = {
        row["table_name"]: row["table_type"]
        for row in rows(
            warehouse, "select table_name, table_type from information_schema.tables where table_schema = 'marts'"
        )
    }
    assert found == {name: "BASE TABLE" for name in MARTS}


def test_fct_figures_holds_every_seeded_figure_once(warehouse, figures):
    built = [row["figure_id"] for row in rows(warehouse, "select figure_id from marts.fct_figures")]
    assert sorted(built) == sorted(figure["figure_id"] for figure in figures)


def test_every_column_of_every_model_and_seed_has_a_persisted_description(warehouse):
    """Every relation the build creates (seeds, staging, intermediate, marts, audit) and each of its
    columns carries its description (persist_docs), so none is undocumented."""
    undocumented = rows(
        warehouse,
        """
        select schema_name, table_name, column_name from duckdb_columns()
        where database_name = current_database() and schema_name <> 'main' and coalesce(comment, '') = ''""",
    )
    relations = rows(
        warehouse,
        """
        select schema_name, table_name from duckdb_tables()
        where database_name = current_database() and schema_name <> 'main' and coalesce(comment, '') = ''
        union all
        select schema_name, view_name from duckdb_views()
        where database_name = current_database() and not internal and schema_name <> 'main'
            and coalesce(comment, '') = ''""",
    )
    built = rows(warehouse, "select distinct schema_name from duckdb_tables() where database_name = current_database()")
    assert {"raw", "staging", "intermediate", "marts", "audit"} <= {row["schema_name"] for row in built}
    assert (undocumented, relations) == ([], [])


def figure(connection, figure_id: str) -> dict:
    return rows(connection, f"select * from marts.fct_figures where figure_id = '{figure_id}'")[0]


@pytest.mark.parametrize(
    ("figure_id", "value", "unit", "qualifier"),
    [
        ("ksc_revenue_2021", 9.061e9, "CNY", "exact"),
        ("tencent_cloud_cdn_nodes_2023", 2800, "count", "lower_bound"),
        ("ksc_revenue_yoy_growth_2022", -0.0972, "ratio", "exact"),
        ("ksc_share_change_from_peak_2024_04_12", -0.95, "ratio", "upper_bound"),
        ("alibaba_cloud_core_price_cut_2023_04_to", -0.50, "ratio", "range_low"),
        ("ksc_closing_share_price_2024_04_12", 2.70, "USD", "exact"),
        ("mega_model_training_cost_initial_from", 2e8, "CNY", "range_low"),
        ("ksc_ai_model_images_2023", 3, "count", "exact"),  # "three ... mega model images"
    ],
)
def test_values_as_written_become_base_units(warehouse, figure_id, value, unit, qualifier):
    row = figure(warehouse, figure_id)
    assert (row["unit"], row["qualifier"]) == (unit, qualifier)
    assert math.isclose(row["value"], value, rel_tol=1e-12)


def test_a_number_in_words_with_a_pronoun_subject_is_the_lead_entity_s_figure(warehouse):
    row = figure(warehouse, "ksc_ai_model_images_2023")
    assert (row["value_as_written"], row["subject_as_written"]) == ("three", "it")
    assert (row["entity_id"], row["subject_resolution"], row["period_label"]) == (
        "kingsoft_cloud",
        "lead_entity",
        "FY2023",
    )


def test_forecasts_are_derived_from_the_sentence(warehouse):
    forecasts = {
        row["figure_id"] for row in rows(warehouse, "select figure_id from marts.fct_figures where is_forecast")
    }
    # "it is predicted that by 2023 ... will reach 60%"; "Guosheng Securities' previous forecast, the cost ..."
    assert forecasts == {
        "china_cloud_adoption_rate_2023",
        "gpt3_training_cost_per_run",
        "llm_training_cost_from",
        "llm_training_cost_to",
    }


def test_golden_mountain_cloud_is_kingsoft_cloud(warehouse):
    row = figure(warehouse, "ksc_cdn_nodes_2023")
    assert (row["subject_as_written"], row["entity_id"], row["entity_name"]) == (
        "Golden Mountain Cloud",
        "kingsoft_cloud",
        "Kingsoft Cloud",
    )


def test_financials_are_computed_from_the_figures(warehouse):
    figures = {row["figure_id"]: row for row in rows(warehouse, "select * from marts.fct_figures")}
    financials = {
        row["fiscal_year"]: row
        for row in rows(warehouse, "select * from marts.fct_company_financials where company_id = 'kingsoft_cloud'")
    }
    assert sorted(financials) == list(range(2018, 2024))
    revenue = {year: figures[f"ksc_revenue_{year}"]["value"] for year in (2018, 2021, 2022, 2023)}
    public = {year: figures[f"ksc_public_cloud_revenue_{year}"]["value"] for year in (2022, 2023)}
    year_2023 = financials[2023]
    assert math.isclose(year_2023["revenue_yoy_growth_ratio"], revenue[2023] / revenue[2022] - 1)
    assert math.isclose(year_2023["public_cloud_share_ratio"], public[2023] / revenue[2023])
    assert math.isclose(year_2023["industry_cloud_revenue_cny"], revenue[2023] - public[2023])
    assert year_2023["is_industry_cloud_revenue_derived"] is True
    assert math.isclose(year_2023["rd_intensity_ratio"], figures["ksc_rd_expense_2023"]["value"] / revenue[2023])
    assert math.isclose(year_2023["net_loss_margin_ratio"], figures["ksc_net_loss_2023"]["value"] / revenue[2023])
    rate_2023 = rows(
        warehouse, "select units_per_usd from raw.reference_fx_rates where currency_code = 'CNY' and year = 2023"
    )[0]
    assert math.isclose(year_2023["revenue_usd"], revenue[2023] / rate_2023["units_per_usd"])
    assert (year_2023["revenue_amount"], year_2023["revenue_currency"]) == (revenue[2023], "CNY")
    assert financials[2019]["has_stated_figures"] is False and financials[2019]["revenue_cny"] is None
    assert financials[2021]["revenue_yoy_growth_ratio"] is None  # 2020 is not stated


def test_share_price_drawdowns_follow_from_the_prices(warehouse):
    events = {row["event_type"]: row for row in rows(warehouse, "select * from marts.fct_share_price_events")}
    close, peak, ipo = (events[name]["share_price"] for name in ("close", "peak", "ipo"))
    assert {events[name]["share_price_currency"] for name in ("close", "peak", "ipo")} == {"USD"}
    assert math.isclose(events["close"]["drawdown_from_peak_ratio"], close / peak - 1)
    assert math.isclose(events["close"]["change_from_ipo_ratio"], close / ipo - 1)
    assert events["first_day"]["is_price_derived"] is True


def test_every_mart_row_traces_to_figures(warehouse):
    known = {row["figure_id"] for row in rows(warehouse, "select figure_id from marts.fct_figures")}
    for mart in [
        "fct_company_financials",
        "fct_cloud_revenue",
        "fct_cdn_nodes",
        "fct_price_cuts",
        "fct_market_metrics",
        "fct_share_price_events",
    ]:
        columns = [
            row["column_name"]
            for row in rows(
                warehouse,
                f"""
            select column_name from information_schema.columns
            where table_schema = 'marts' and table_name = '{mart}' and column_name like '%figure_id%'""",
            )
        ]
        for row in rows(warehouse, f"select {', '.join(columns)} from marts.{mart}"):
            cited = {part for value in row.values() if value for part in value.split(", ")}
            assert cited <= known, (mart, cited - known)


REACH_TEST = "assert_reported_figures_reach_a_mart_of_their_metric"


def test_a_figure_no_mart_of_its_metric_cites_is_returned(warehouse_path, tmp_path):
    """The reach-a-mart data test, run as dbt compiled it on a copy of the warehouse whose CDN mart
    lost its rows: it returns every figure that mart cited (their metric belongs to it alone) and
    none of a metric fct_figures takes, which fct_figures cites by its own row."""
    compiled = next((warehouse_path.parent / "target" / "compiled").rglob(f"tests/{REACH_TEST}.sql"))
    sql = compiled.read_text(encoding="utf-8")
    copy = tmp_path / "warehouse.duckdb"  # the same name: the compiled SQL names the database by it
    shutil.copy(warehouse_path, copy)
    with duckdb.connect(str(copy)) as connection:
        assert rows(connection, sql) == []
        only_cdn = "select metric_id from marts.dim_metrics where marts = 'fct_cdn_nodes'"
        cited = {
            figure_id.strip()
            for row in rows(connection, "select figure_id, figure_ids from marts.fct_cdn_nodes")
            for figure_id in [row["figure_id"], *row["figure_ids"].split(",")]
        }
        cited_cdn_figures = {
            row["figure_id"]
            for row in rows(connection, f"select figure_id from marts.fct_figures where metric_id in ({only_cdn})")
            if row["figure_id"] in cited
        }
        assert cited_cdn_figures
        connection.execute("delete from marts.fct_cdn_nodes")
        returned = rows(connection, sql)
        with_fct_figures = {
            row["metric_id"]
            for row in rows(connection, "select metric_id from marts.dim_metrics where marts like '%fct_figures%'")
        }
    assert {row["figure_id"] for row in returned} == cited_cdn_figures
    assert not {row["metric_id"] for row in returned} & with_fct_figures
