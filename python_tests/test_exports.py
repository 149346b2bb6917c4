"""Parquet exports and SQL clients: what BI tools read."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import duckdb
import sqlalchemy


def test_every_mart_is_exported_with_its_manifest(published):
    project, _ = published
    exports = project / "exports"
    assert exports.is_symlink()  # swapped in one rename, never half-written
    manifest = json.loads((exports / "manifest.json").read_text(encoding="utf-8"))
    with duckdb.connect(str(project / "warehouse.duckdb"), read_only=True) as connection:
        marts = {
            row[0]
            for row in connection.execute(
                "select table_name from duckdb_tables() where schema_name = 'marts'"
            ).fetchall()
        }
        for table in manifest["tables"]:
            parquet = exports / table["file"]
            counted = connection.execute(f"select count(*) from read_parquet('{parquet}')").fetchone()[0]
            in_mart = connection.execute(f"select count(*) from marts.{table['table']}").fetchone()[0]
            assert counted == in_mart == table["row_count"]
            different = connection.execute(
                f"select count(*) from (select * from marts.{table['table']} "
                f"except select * from read_parquet('{parquet}'))"
            ).fetchone()[0]
            assert different == 0, table["table"]
    assert {table["table"] for table in manifest["tables"]} == marts
    assert manifest["duckdb_version"].startswith("v1.4")


def test_parquet_files_carry_column_descriptions_and_units(published):
    project, _ = published
    with duckdb.connect() as connection:
        metadata = dict(
            connection.execute(
                "select decode(key), decode(value) from parquet_kv_metadata(?)",
                [str(project / "exports" / "fct_company_financials.parquet")],
            ).fetchall()
        )
    columns = {column["name"]: column for column in json.loads(metadata["columns"])}
    assert columns["revenue_cny"]["unit"] == "CNY" and columns["revenue_usd"]["unit"] == "USD"
    assert all(column["description"] for column in columns.values())
    assert metadata["table"] == "fct_company_financials"


def test_exports_open_from_any_working_directory(published, tmp_path):
    project, _ = published
    script = (
        "import duckdb, sys; print(duckdb.sql(\"select count(*) from read_parquet('"
        + str(project / "exports" / "fct_figures.parquet")
        + "')\").fetchone()[0])"
    )
    completed = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert int(completed.stdout) > 0


def test_sqlalchemy_readers_keep_reading_every_mart_while_a_build_runs(published, tmp_path):
    project, documents = published
    engine = sqlalchemy.create_engine(f"duckdb:///{project / 'warehouse.duckdb'}", connect_args={"read_only": True})
    with engine.connect() as connection:
        marts = [
            row[0]
            for row in connection.execute(
                sqlalchemy.text("select table_name from duckdb_tables() where schema_name = 'marts'")
            )
        ]
    environment = dict(os.environ, SOURCE_DOCUMENTS_DIR=str(documents))
    # the build's output goes to a file: a pipe nobody reads while polling would fill and stall it
    log = tmp_path / "build.log"
    with log.open("w", encoding="utf-8") as output_file:
        build = subprocess.Popen(
            [sys.executable, "-m", "pipeline", "build"],
            cwd=project,
            env=environment,
            stdout=output_file,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    rounds = 0
    while build.poll() is None:
        with engine.connect() as connection:
            for mart in marts:
                assert (
                    connection.execute(sqlalchemy.text(f"select count(*) from marts.{mart}")).scalar() > 0
                    or mart == "fct_figure_conflicts"
                )
        rounds += 1
        time.sleep(0.2)
    output = log.read_text(encoding="utf-8")
    assert build.returncode == 0, output[-3000:]
    assert rounds >= 3
    engine.dispose()
