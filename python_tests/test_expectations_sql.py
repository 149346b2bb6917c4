"""Large marts are validated in SQL, not in memory: the SQL form of each suite must pass on the
published warehouse and fail on exactly the same expectations as Great Expectations on a faulty one."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from pipeline import expectations

FAULTS = [
    # a revenue a thousand times too small (a slip of scale)
    "update marts.fct_figures set value = value / 1000 where figure_id = 'ksc_revenue_2023'",
    # a qualifier no mart knows (units are checked by dbt, against the vocabulary seeds)
    "update marts.fct_figures set qualifier = 'roughly' where figure_id = 'ksc_rd_expense_2023'",
    # a figure loaded twice
    "insert into marts.fct_figures select * from marts.fct_figures where figure_id = 'ksc_net_loss_2022'",
    # a price cut whose shallowest cut is deeper than its deepest
    "update marts.fct_price_cuts set shallowest_price_change_ratio = deepest_price_change_ratio - 0.1",
    # an entity without a name
    "update marts.dim_entities set entity_name = null where entity_id = 'redis'",
]


def failing(outcomes) -> set[tuple[str, str]]:
    """(table, expectation and its arguments) of every failed expectation, whichever way it ran."""
    return {(outcome.table, failure.split(";")[0]) for outcome in outcomes for failure in outcome.failed}


@pytest.fixture(scope="module")
def faulty(published, tmp_path_factory):
    project, _ = published
    database = tmp_path_factory.mktemp("faulty") / "warehouse.duckdb"
    shutil.copyfile(project / "warehouse.duckdb", database)
    with duckdb.connect(str(database)) as connection:
        for statement in FAULTS:
            connection.execute(statement)
    return database


def validate(database, tmp_path, monkeypatch, sql_rows: int):
    monkeypatch.setattr(expectations, "SQL_ROWS", sql_rows)
    return expectations.validate(database, tmp_path / f"results_{sql_rows}")


def test_every_suite_has_a_sql_form_that_passes_on_the_published_warehouse(published, tmp_path, monkeypatch):
    project, _ = published
    outcomes = validate(project / "warehouse.duckdb", tmp_path, monkeypatch, sql_rows=-1)
    in_sql = {outcome.table for outcome in outcomes if outcome.in_sql}
    with_check_columns = {suite.table for suite in expectations.suites() if suite.check_columns is not None}
    assert in_sql == {suite.table for suite in expectations.suites()} - with_check_columns
    assert failing(outcomes) == set()


def test_sql_and_great_expectations_fail_the_same_expectations(faulty, tmp_path, monkeypatch):
    in_memory = failing(validate(faulty, tmp_path, monkeypatch, sql_rows=10**12))
    in_sql = failing(validate(faulty, tmp_path, monkeypatch, sql_rows=-1))
    assert len(in_memory) >= len(FAULTS)
    assert in_sql == in_memory
