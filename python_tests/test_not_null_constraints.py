"""A required mart column is a NOT NULL constraint of the mart's contract, which DuckDB enforces, in
place of a not_null test; the test stays, enabled on the Spark target only, whose Parquet tables do
not enforce constraints. A mart's key columns are NOT NULL constraints too (their not_null test
runs on Spark only) and keep their unique (or unique_combination_of_columns)
test: a not-null constraint with a unique test is the primary-key test dbt-project-evaluator counts."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
import yaml
from conftest import copy_project, replace_in_file

from pipeline import dbt, settings

MARTS = settings.ROOT / "models" / "marts"


def declared_not_null() -> set[tuple[str, str]]:
    """(model, column) of every not_null constraint in the marts' YAML."""
    found = set()
    for path in MARTS.rglob("_*__models.yml"):
        for model in yaml.safe_load(path.read_text(encoding="utf-8")).get("models", []):
            for column in model.get("columns", []):
                if any(constraint.get("type") == "not_null" for constraint in column.get("constraints", [])):
                    found.add((model["name"], column["name"]))
    return found


def test_duckdb_holds_every_declared_constraint_and_refuses_a_null(warehouse_path, tmp_path):
    declared = declared_not_null()
    assert len(declared) >= 30
    database = tmp_path / "warehouse.duckdb"
    shutil.copyfile(warehouse_path, database)
    with duckdb.connect(str(database)) as connection:
        enforced = set(
            connection.execute(
                "select table_name, constraint_column_names[1] from duckdb_constraints() "
                "where schema_name = 'marts' and constraint_type = 'NOT NULL'"
            ).fetchall()
        )
        assert declared <= enforced
        # A mart the article has no rows for (quarters, when it states none) holds its constraints
        # (checked above) but has no row to set to NULL; every other mart must refuse the NULL.
        filled = [
            (table, column)
            for table, column in sorted(declared)
            if connection.execute(f"select count(*) from marts.{table}").fetchone()[0] > 0
        ]
        assert len(filled) >= len(declared) * 3 // 4
        for table, column in filled:
            with pytest.raises(duckdb.ConstraintException, match="NOT NULL constraint failed"):
                connection.execute(f"update marts.{table} set {column} = null")


def listed_tests(target: str, folder: Path) -> set[str]:
    run = dbt.invoke(
        ["ls", "--resource-type", "test", "--output", "name"],
        target=target,
        target_path=folder / target,
        environment={"DBT_SPARK_DIR": str(folder / "spark")},
        quiet=True,
    )
    assert run.success, run.describe()
    return set(run.result)


def test_the_not_null_tests_of_constrained_columns_run_on_spark_only(tmp_path):
    pytest.importorskip("pyspark", reason="dbt-spark is not installed: `make spark` installs it")
    expected = {f"not_null_{table}_{column}" for table, column in declared_not_null()}
    assert expected.isdisjoint(listed_tests("dev", tmp_path))
    assert expected <= listed_tests("spark", tmp_path)


def build_changed_dim_metrics(tmp_path: Path, old: str, new: str) -> tuple[dbt.DbtRun, str]:
    """`dbt build` of dim_metrics and its parents in a copy of the project whose dim_metrics.sql has
    `old` replaced by `new`: the run and what it says went wrong."""
    project = copy_project(tmp_path / "project")
    replace_in_file(project / "models" / "marts" / "core" / "dim_metrics.sql", old, new)
    database = tmp_path / "warehouse.duckdb"
    run = dbt.invoke(
        [
            "build",
            "--select",
            "+dim_metrics",
            "--indirect-selection",
            "cautious",
            "--exclude-resource-type",
            "unit_test",
        ],
        database=database,
        project_dir=project,
        target_path=tmp_path / "target",
        quiet=True,
    )
    return run, run.describe(database)


def test_a_mart_that_yields_a_null_fails_the_build(tmp_path):
    run, message = build_changed_dim_metrics(
        tmp_path, "        definition,\n", "        cast(null as varchar) as definition,\n"
    )
    assert not run.success
    assert "model.kingsoft_warehouse.dim_metrics" in message
    assert "NOT NULL constraint failed: dim_metrics__dbt_tmp.definition" in message


def test_a_mart_that_repeats_a_key_fails_the_build(tmp_path):
    """A key is a NOT NULL constraint and a unique test: a repeated key fails the build."""
    run, message = build_changed_dim_metrics(
        tmp_path,
        "    from metrics\n)",
        "    from metrics\n    union all\n    select * from metrics where metric_id = 'revenue'\n)",
    )
    assert not run.success
    assert "unique_dim_metrics_metric_id" in message
    assert "revenue" in message
