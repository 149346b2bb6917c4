"""The expectation suites of gx/expectations/*.yml: they load, they pass on the published warehouse,
every one of them fails on a fault made for it, and the SQL path for large marts gives the same
verdicts (and the same counts of offending rows) as Great Expectations on the same data."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from pipeline import expectation_suites, expectations

# One fault per declared expectation (some trip others too); each is a statement on a copy of the
# published warehouse. The test below fails if an expectation is declared that no fault trips.
FAULTS = [
    # fct_figures: a billion written as a million (a thousand times off its own series)
    "update marts.fct_figures set value = value / 1000 where figure_id = 'ksc_revenue_2023'",
    # a share above 100%, an amount below zero, a fraction of a node, paragraph 0
    "update marts.fct_figures set value = 1.6218 where figure_id = 'ksc_public_cloud_revenue_share_2023'",
    "update marts.fct_figures set value = -value where figure_id = 'ksc_rd_expense_2023'",
    "update marts.fct_figures set value = 1700.5 where figure_id = 'ksc_cdn_nodes_2023'",
    "update marts.fct_figures set paragraph_number = 0 where figure_id = 'ksc_cash_2023'",
    # fct_company_financials: a segment above its total, a negative derived segment, dollars not at the rate
    "update marts.fct_company_financials set public_cloud_revenue_cny = 9e9 where fiscal_year = 2022",
    "update marts.fct_company_financials set industry_cloud_revenue_cny = -1 where fiscal_year = 2023",
    "update marts.fct_company_financials set revenue_usd = revenue_usd * 2 where fiscal_year = 2021",
    # a share above 1, R&D above revenue, a loss over ten times revenue
    "update marts.fct_company_financials set public_cloud_share_ratio = 1.2 where fiscal_year = 2022",
    "update marts.fct_company_financials set rd_intensity_ratio = 1.5 where fiscal_year = 2021",
    "update marts.fct_company_financials set net_loss_margin_ratio = 12 where fiscal_year = 2023",
    # fct_share_price_events: a price of zero, a price above the peak, changes that disagree with the prices
    "update marts.fct_share_price_events set share_price = 0 where event_type = 'first_day'",
    "update marts.fct_share_price_events set drawdown_from_peak_ratio = 0.5 where event_type = 'ipo'",
    "update marts.fct_share_price_events set drawdown_from_peak_ratio = -0.5 where event_type = 'close'",
    "update marts.fct_share_price_events set change_from_ipo_ratio = 1.0 where event_type = 'peak'",
    # a stated fall from the IPO price and from the peak written as rises
    "update marts.fct_share_price_events set stated_change_from_ipo_ratio = 0.84 where event_type = 'close'",
    "update marts.fct_share_price_events set stated_change_from_peak_ratio = 0.95 where event_type = 'close'",
    # fct_cloud_revenue: an implied prior year that the stated growth does not give
    "update marts.fct_cloud_revenue set implied_prior_year_revenue_cny = 2 * implied_prior_year_revenue_cny "
    "where provider_id = 'alibaba_cloud'",
    # ranges upside down: a price cut, a market range, a claim's band, a conflict's two statements
    "update marts.fct_price_cuts set shallowest_price_change_ratio = deepest_price_change_ratio - 0.1 "
    "where price_cut_id = 'tianyi_cloud_discount__all_cloud_products'",
    "update marts.fct_market_metrics set value_high = value_low - 1 where statement_id = 'llm_training_cost_from'",
    "update marts.fct_claim_checks set band_high = band_low - 1 where claim_id = 'ksc_revenue_yoy_2022'",
    "update marts.fct_figure_conflicts set first_value_high = first_value_low - 1 "
    "where conflict_id = 'ksc_net_loss_2022__ksc_operating_loss_2022'",
    "update marts.fct_figure_conflicts set second_value_high = second_value_low - 1 "
    "where conflict_id = 'ksc_net_loss_2023__ksc_operating_loss_2023'",
    # fct_claim_checks: a negative tolerance, a difference that is not computed less stated
    "update marts.fct_claim_checks set tolerance = -1 where claim_id = 'ksc_public_cloud_share_2023'",
    "update marts.fct_claim_checks set difference = difference + 1 where claim_id = 'ksc_revenue_yoy_2023'",
    # dim_metrics: a range upside down; dim_sources: a source with no figures
    "update marts.dim_metrics set max_value = -2 where metric_id = 'price_change'",
    "update marts.dim_sources set figure_count = 0",
]
ROW_COUNT = "expect_table_row_count_to_be_between"


def verdicts(outcomes) -> dict[tuple[str, int], tuple[bool, int | None]]:
    """(mart, position in its declaration) -> (success, offending rows), whichever path ran."""
    return {
        (outcome.table, number): (verdict.success, verdict.unexpected_count)
        for outcome in outcomes
        for number, verdict in enumerate(outcome.verdicts)
    }


def copy_with(published, folder: Path, statements: list[str]) -> Path:
    project, _ = published
    database = folder / "warehouse.duckdb"
    shutil.copyfile(project / "warehouse.duckdb", database)
    with duckdb.connect(str(database)) as connection:
        for statement in statements:
            changed = connection.execute(statement).fetchone()[0]
            assert changed, f"the fault changed no row (the data it was written for changed): {statement}"
    return database


@pytest.fixture(scope="module")
def declared() -> dict[tuple[str, int], dict]:
    return {
        (declaration.mart, number): expectation
        for declaration in expectations.load_declarations()
        for number, expectation in enumerate(declaration.expectations)
    }


def test_the_published_warehouse_passes_every_suite_on_both_paths(published, tmp_path, declared):
    project, _ = published
    for sql_rows in (10**12, -1):  # every mart through Great Expectations, then every mart in SQL
        outcomes = expectations.validate(project / "warehouse.duckdb", tmp_path / str(sql_rows), sql_rows=sql_rows)
        assert {outcome.table for outcome in outcomes if outcome.in_sql} == (
            {mart for mart, _ in declared} if sql_rows < 0 else set()
        )
        assert [failure for outcome in outcomes for failure in outcome.failed] == []
        assert set(verdicts(outcomes)) == set(declared)
        assert (tmp_path / str(sql_rows) / "expectations" / "fct_figures.json").is_file()


def test_every_expectation_fails_on_its_fault_with_the_same_verdict_in_sql(published, tmp_path, declared):
    database = copy_with(published, tmp_path, FAULTS)
    in_memory = verdicts(expectations.validate(database, tmp_path / "gx", sql_rows=10**12))
    in_sql = verdicts(expectations.validate(database, tmp_path / "sql", sql_rows=-1))
    assert in_sql == in_memory
    passed = [key for key, (success, _) in in_memory.items() if success]
    never_failed = [(key, declared[key]) for key in passed if declared[key]["type"] != ROW_COUNT]
    assert never_failed == [], "declared expectations no fault trips: add a fault to FAULTS"


def test_an_empty_mart_fails_its_row_count_on_both_paths(published, tmp_path, declared):
    database = copy_with(published, tmp_path, ["delete from marts.fct_figures"])
    row_counts = {key for key, expectation in declared.items() if expectation["type"] == ROW_COUNT}
    assert row_counts == {("fct_figures", 0)}
    for sql_rows in (10**12, -1):
        outcome = verdicts(expectations.validate(database, tmp_path / str(sql_rows), sql_rows=sql_rows))
        assert outcome[("fct_figures", 0)][0] is False


def test_a_failure_names_the_mart_the_expectation_and_the_rows(published, tmp_path):
    database = copy_with(published, tmp_path, FAULTS[:1])
    for sql_rows in (10**12, -1):
        outcomes = expectations.validate(database, tmp_path / str(sql_rows), sql_rows=sql_rows)
        text = expectations.summary(outcomes, 0.0)
        [line] = [line for line in text.splitlines() if "FAILED" in line]
        assert line.startswith("  FAILED fct_figures: expect_column_values_to_be_between")
        assert "'column': 'ratio_to_series_median'" in line
        assert "'figure_id': 'ksc_revenue_2023'" in line and "1 row(s)" in line


def test_a_suite_file_with_mistakes_is_refused_naming_the_file_and_every_mistake(tmp_path):
    (tmp_path / "fct_figures.yml").write_text(
        """mart: fct_figures
index_columns: [figure_id]
expectations:
  - type: expect_column_values_to_be_between
    kwargs: {min_value: 0}
  - type: expect_column_values_to_match_regex
    kwargs: {column: quote, regex: x}
  - type: expect_column_values_to_be_between
    kwargs: {column: value, min_value: 0, row_condition: 'unit == "CNY"'}
  - type: expect_column_values_to_not_be_null
    kwargs: {column: value}
""",
        encoding="utf-8",
    )
    (tmp_path / "fct_other.yml").write_text("mart: fct_figures\nindex_columns: []\nexpectations: []\n", "utf-8")
    with pytest.raises(expectations.DeclarationError) as error:
        expectations.load_declarations(tmp_path)
    message = str(error.value)
    for words in [
        "fct_figures.yml",
        "expectation 1 (expect_column_values_to_be_between): kwargs needs 'column'",
        "expectation 2: type 'expect_column_values_to_match_regex' is not one of",
        "expectation 3: use a check column instead of a row_condition",
        "expectation 4: expect_column_values_to_not_be_null is structure, dbt's to check: use a not_null constraint",
        "fct_other.yml",
        "mart is 'fct_figures', the file name says 'fct_other'",
        "index_columns is empty",
        "no expectations",
    ]:
        assert words in message, message


def test_a_suite_naming_a_missing_column_fails_naming_its_mart_and_the_column(published, tmp_path):
    project, _ = published
    folder = tmp_path / "suites"
    folder.mkdir()
    (folder / "dim_sources.yml").write_text(
        """mart: dim_sources
index_columns: [source_id]
check_columns:
  figures_per_page: mart.figure_count / mart.page_count
expectations:
  - type: expect_column_values_to_be_between
    kwargs: {column: figures_per_page, min_value: 0}
""",
        encoding="utf-8",
    )
    (folder / "dim_metrics.yml").write_text(
        """mart: dim_metrics
index_columns: [metric_id]
expectations:
  - type: expect_column_values_to_be_between
    kwargs: {column: typical_value, min_value: 0}
""",
        encoding="utf-8",
    )
    database = project / "warehouse.duckdb"
    for sql_rows in (10**12, -1):
        metrics, sources = expectations.validate(database, tmp_path / "r", sql_rows=sql_rows, folder=folder)
        [failure] = sources.failed
        assert sources.table == "dim_sources" and "dim_sources.yml" in failure and "page_count" in failure
        [failure] = metrics.failed
        assert metrics.table == "dim_metrics" and "typical_value" in failure and "could not be evaluated" in failure


def with_changes(database: Path, entities: list[str], sources: list[str]) -> Path:
    """Give a copy of the published warehouse what an incremental build leaves in its state: the
    entities (int_changed_cells) and sources (int_changed_sources) it changed."""
    with duckdb.connect(str(database)) as connection:
        connection.execute("create schema if not exists intermediate")
        connection.execute(
            "create table intermediate.int_changed_cells as select unnest(?::varchar[]) as entity_id", [entities]
        )
        connection.execute(
            "create table intermediate.int_changed_sources as select unnest(?::varchar[]) as source_id", [sources]
        )
    return database


@pytest.mark.parametrize("sql_rows", [10**12, -1])
def test_an_incremental_build_checks_the_rows_of_the_changed_entities_and_the_whole_table(
    published, tmp_path, sql_rows
):
    for folder in ("changed", "other", "emptied"):
        (tmp_path / folder).mkdir()
    # a billion written as a million in Kingsoft Cloud's revenue: read when Kingsoft Cloud changed
    changed = with_changes(copy_with(published, tmp_path / "changed", FAULTS[:1]), ["kingsoft_cloud"], [])
    outcomes = {outcome.table: outcome for outcome in expectations.validate(
        changed, tmp_path / "results", sql_rows=sql_rows, changed_only=True)}  # fmt: skip
    assert outcomes["fct_figures"].changed_only and len(outcomes["fct_figures"].failed) == 1
    assert "'figure_id': 'ksc_revenue_2023'" in outcomes["fct_figures"].failed[0]
    # the same fault when only another entity changed: not among the rows this build changed
    other = with_changes(copy_with(published, tmp_path / "other", FAULTS[:1]), ["alibaba_cloud"], [])
    outcomes = {outcome.table: outcome for outcome in expectations.validate(
        other, tmp_path / "results", sql_rows=sql_rows, changed_only=True)}  # fmt: skip
    assert outcomes["fct_figures"].failed == []
    # a full build's validation reads every row and fails on it
    full = {outcome.table: outcome for outcome in expectations.validate(other, tmp_path / "results", sql_rows=sql_rows)}
    assert len(full["fct_figures"].failed) == 1 and not full["fct_figures"].changed_only
    # table-level expectations read the whole mart: an emptied mart fails its row count even when
    # the changed rows are none; a source with no figures fails dim_sources when it is a changed one
    emptied = copy_with(published, tmp_path / "emptied", ["delete from marts.fct_figures", *FAULTS[-1:]])
    with_changes(emptied, [], ["kingsoft_cloud_2024_04_17"])
    outcomes = verdicts(expectations.validate(emptied, tmp_path / "results", sql_rows=sql_rows, changed_only=True))
    assert outcomes[("fct_figures", 0)][0] is False
    assert outcomes[("dim_sources", 0)][0] is False


def test_only_the_check_columns_an_expectation_uses_are_computed():
    """The row count of fct_figures (table-level: read on every row of an incremental build too)
    computes no check column: its median over each entity's series is a scan of the whole mart.
    An expectation on one check column computes that one alone."""
    (declaration,) = [each for each in expectations.load_declarations() if each.mart == "fct_figures"]
    row_count = replace(
        declaration, expectations=[each for each in declaration.expectations if each["type"] == ROW_COUNT]
    )
    on_median = replace(
        declaration,
        expectations=[
            each for each in declaration.expectations if each["kwargs"].get("column") == "ratio_to_series_median"
        ],
    )
    assert row_count.expectations and on_median.expectations
    counted = expectation_suites.render_sql(row_count, "violations", changed_only=True)
    assert not [name for name in declaration.check_columns if name in counted]
    median = expectation_suites.render_sql(on_median, "violations", changed_only=True)
    assert [name for name in declaration.check_columns if name in median] == ["ratio_to_series_median"]
    # the columns an offending-rows query selects are computed too
    offending = expectation_suites.render_sql(row_count, "offending", only=0, columns=["metric_min_value"], limit=5)
    assert [name for name in declaration.check_columns if name in offending] == ["metric_min_value"]
