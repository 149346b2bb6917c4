"""Checks folded into one data test per model (fewer dbt nodes, a faster build) still fail for
each fault they replaced: relationships_columns (several columns naming the same parent),
relationships_parents (columns naming rows of different parents), not_null_columns (several
required columns), each naming the column at fault, and primary_key (unique and not null)."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from pipeline import dbt, seed_checks

FOLDED = {
    # test name: (statement that breaks one of its columns, the column it must name)
    "fct_company_financials_currencies_are_units": (
        "update marts.fct_company_financials set rd_expense_currency = 'not_a_unit' "
        "where rd_expense_currency is not null and fiscal_year = (select min(fiscal_year) "
        "from marts.fct_company_financials where rd_expense_currency is not null)",
        "rd_expense_currency",
    ),
    "article_period_references_figures_exist": (
        # the article's seed has no rows: one whose compared figure does not exist
        "insert into raw.article_period_references by name select min(figure_id) as figure_id, "
        "'no_such_figure' as period_reference_figure_id from raw.article_figures",
        "period_reference_figure_id",
    ),
    "curated_claim_kinds_required_columns": (
        "update raw.curated_claim_kinds set explanation = null where claim_kind = (select min(claim_kind) "
        "from raw.curated_claim_kinds)",
        "explanation",
    ),
    "article_figures_required_columns": (
        "update raw.article_figures set subject_as_written = null where figure_id = (select min(figure_id) "
        "from raw.article_figures)",
        "subject_as_written",
    ),
    "stg_curated__entities_required_columns": (
        # a view over the seed
        "update raw.curated_entities set entity_type = null where entity_id = (select min(entity_id) "
        "from raw.curated_entities)",
        "entity_type",
    ),
}


# relationships_parents: one column of each mart names no row of its parent. Apart from FOLDED:
# fct_claim_checks_parents_exist reads stg_curated__claim_kinds, a view that refuses the claim kind
# FOLDED breaks.
PARENTS = {
    "fct_figures_parents_exist": (
        "update marts.fct_figures set metric_id = 'no_such_metric' where figure_id = (select min(figure_id) "
        "from marts.fct_figures)",
        "metric_id",
    ),
    "fct_claim_checks_parents_exist": (
        "update marts.fct_claim_checks set figures_source_id = 'no_such_source' where claim_id = "
        "(select min(claim_id) from marts.fct_claim_checks)",
        "figures_source_id",
    ),
    "fct_market_metrics_parents_exist": (
        "update marts.fct_market_metrics set unit = 'not_a_unit' where statement_id = "
        "(select min(statement_id) from marts.fct_market_metrics)",
        "unit",
    ),
    "fct_share_price_events_parents_exist": (
        "update marts.fct_share_price_events set share_price_currency = 'not_a_unit' where event_id = "
        "(select min(event_id) from marts.fct_share_price_events where share_price_currency is not null)",
        "share_price_currency",
    ),
    "fct_cdn_nodes_parents_exist": (
        "update marts.fct_cdn_nodes set figure_id = 'no_such_figure' where fiscal_year = "
        "(select min(fiscal_year) from marts.fct_cdn_nodes)",
        "figure_id",
    ),
    "fct_cloud_revenue_parents_exist": (
        "update marts.fct_cloud_revenue set provider_id = 'no_such_company' where fiscal_year = "
        "(select min(fiscal_year) from marts.fct_cloud_revenue)",
        "provider_id",
    ),
}

# a NULL passes a relationships test, as with dbt's own: (statement, test, column it must not name)
NULL_PASSES = {
    "FOLDED": (
        "update marts.fct_company_financials set net_loss_currency = null "
        "where fiscal_year = (select max(fiscal_year) from marts.fct_company_financials)",
        "fct_company_financials_currencies_are_units",
        "net_loss_currency",
    ),
    "PARENTS": (
        "update marts.fct_claim_checks set entity_id = null "
        "where claim_id = (select max(claim_id) from marts.fct_claim_checks)",
        "fct_claim_checks_parents_exist",
        "entity_id",
    ),
}


def run_tests(database: Path, target: Path, cases: dict[str, tuple[str, str]]) -> dbt.DbtRun:
    return dbt.invoke(["test", "--select", " ".join(cases)], database=database, target_path=target, quiet=True)


@pytest.mark.parametrize("group", ["FOLDED", "PARENTS"])
def test_each_folded_test_fails_for_its_fault_and_names_the_column(group, warehouse_path, tmp_path):
    cases = {"FOLDED": FOLDED, "PARENTS": PARENTS}[group]
    database = tmp_path / "warehouse.duckdb"
    shutil.copyfile(warehouse_path, database)
    passing = run_tests(database, tmp_path / "target", cases)
    assert passing.success, passing.describe(database)
    ran = {unique_id.split(".")[2] for unique_id in dbt.node_seconds(passing.result) if unique_id.startswith("test.")}
    assert ran == set(cases)  # every name above is a test of the project
    null_statement, null_test, null_column = NULL_PASSES[group]
    with duckdb.connect(str(database)) as connection:
        connection.execute(null_statement)
        for statement, _ in cases.values():
            connection.execute(statement)
    failing = run_tests(database, tmp_path / "target", cases)
    failed = {failure.unique_id.split(".")[2]: failure for failure in failing.failures}
    assert set(failed) == set(cases), failing.describe(database)
    with duckdb.connect(str(database), read_only=True) as connection:
        for name, (_, column) in cases.items():
            rows = connection.sql(failed[name].compiled_code).fetchall()
            named = {str(value) for row in rows for value in row}
            assert column in named, (name, rows)
            if name == null_test:
                assert null_column not in named, rows


PRIMARY_KEYS = {
    # primary_key test: (the table it reads, or the seed its view reads, and its key column)
    "primary_key_stg_curated__marts_mart": ("raw.curated_marts", "mart"),
    "primary_key_vocabulary_unit_kinds_unit_kind": ("raw.vocabulary_unit_kinds", "unit_kind"),
    "primary_key_fct_figures_figure_id": ("marts.fct_figures", "figure_id"),
}


def primary_key_failures(connection: duckdb.DuckDBPyConnection, compiled_sql: str) -> set[tuple[str, object, int]]:
    return {(str(failure), key, int(rows)) for failure, key, rows in connection.sql(compiled_sql).fetchall()}


def test_primary_key_fails_for_a_repeated_key_and_for_a_null_key_and_says_which(warehouse_path, tmp_path):
    """primary_key (one node in place of unique + not_null) fails for a key held twice and for a
    NULL key, each failure row saying which; the rows' other values do not matter."""
    database = tmp_path / "warehouse.duckdb"
    shutil.copyfile(warehouse_path, database)
    target = tmp_path / "target"
    selection = ["test", "--select", " ".join(PRIMARY_KEYS)]
    passing = dbt.invoke(selection, database=database, target_path=target, quiet=True)
    assert passing.success, passing.describe(database)
    ran = {unique_id.split(".")[2] for unique_id in dbt.node_seconds(passing.result) if unique_id.startswith("test.")}
    assert ran == set(PRIMARY_KEYS)  # every name above is a test of the project
    repeated = {}
    with duckdb.connect(str(database)) as connection:
        for name, (table, key) in PRIMARY_KEYS.items():
            repeated[name] = connection.execute(f"select min({key}) from {table}").fetchone()[0]
            # the same key again (a copy of its row), and a row with no key
            connection.execute(f"insert into {table} select * from {table} where {key} = ?", [repeated[name]])
            connection.execute(
                f"insert into {table} select * replace (null as {key}) from {table} where {key} = ? limit 1",
                [repeated[name]],
            )
    failing = dbt.invoke(selection, database=database, target_path=target, quiet=True)
    failed = {failure.unique_id.split(".")[2]: failure for failure in failing.failures}
    assert set(failed) == set(PRIMARY_KEYS), failing.describe(database)
    with duckdb.connect(str(database), read_only=True) as connection:
        for name in PRIMARY_KEYS:
            assert primary_key_failures(connection, failed[name].compiled_code) == {
                ("duplicate key", repeated[name], 2),
                ("null key", None, 1),
            }, name


def test_the_seed_check_for_repeated_keys_reads_primary_key_columns_too():
    """`python -m pipeline check` reports a repeated key of a seed as file:line before dbt runs: a
    seed column tested by primary_key is such a key, as one tested by unique is."""
    keys = seed_checks.unique_columns()
    assert "currency_code" in keys["vocabulary_currencies"]
    assert "unit_kind" in keys["vocabulary_unit_kinds"]
    assert "figure_id" in keys["article_figures"]  # a unique test
