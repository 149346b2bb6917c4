"""Parquet exports and SQL clients: what BI tools read."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import duckdb
import pyarrow.parquet as pq
import pytest
import sqlalchemy
import yaml

from pipeline import exports, settings


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


NUMERIC_TYPES = ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "FLOAT", "DOUBLE", "DECIMAL")


def declared_in_yaml() -> dict[str, dict[str, dict]]:
    """model -> column -> its `meta`, read straight from the mart YAML files (not through dbt)."""
    declared: dict[str, dict[str, dict]] = {}
    for path in (settings.ROOT / "models" / "marts").rglob("*.yml"):
        for model in yaml.safe_load(path.read_text(encoding="utf-8")).get("models") or []:
            declared[model["name"]] = {
                column["name"]: {**(column.get("config") or {}).get("meta", {}), **(column.get("meta") or {})}
                for column in model.get("columns", [])
            }
    return declared


def test_parquet_fields_carry_their_description_and_declared_unit(published):
    project, _ = published
    # the docs' example, as they show it
    revenue = pq.read_schema(project / "exports/fct_company_financials.parquet").field("revenue_cny").metadata
    assert revenue[b"unit"] == b"CNY" and revenue[b"description"]

    declared = declared_in_yaml()
    with duckdb.connect(str(project / "warehouse.duckdb"), read_only=True) as connection:
        tables = connection.execute(
            "select table_name, comment from duckdb_tables() where schema_name = 'marts'"
        ).fetchall()
        for table, table_comment in tables:
            # a mart exported as a folder of files by source (fct_figures): every file has the schema
            files = sorted((project / "exports").glob(f"{table}/*.parquet"))
            files = files or [project / "exports" / f"{table}.parquet"]
            schemas = [pq.read_schema(file) for file in files]
            schema = schemas[0]
            assert all(other.equals(schema, check_metadata=True) for other in schemas)
            assert schema.metadata[b"description"].decode() == table_comment
            assert schema.metadata[b"table"].decode() == table
            comments = dict(
                connection.execute(
                    "select column_name, comment from duckdb_columns() where schema_name = 'marts' and table_name = ?",
                    [table],
                ).fetchall()
            )
            assert schema.names == list(comments)
            for name, comment in comments.items():
                metadata = {key.decode(): value.decode() for key, value in (schema.field(name).metadata or {}).items()}
                meta = declared[table][name]
                expected = {"description": comment}
                expected |= {key: str(meta[key]) for key in ("unit", "unit_column") if key in meta}
                assert metadata == expected, f"{table}.{name}"


def test_every_numeric_mart_column_declares_its_unit(warehouse):
    """A number without a unit cannot be read; the unit is declared once, in the column's YAML meta.
    A `unit_column` must name a column of the same table."""
    declared = declared_in_yaml()
    numeric = warehouse.execute(
        "select table_name, column_name, data_type from duckdb_columns() where schema_name = 'marts'"
    ).fetchall()
    undeclared = []
    for table, column, data_type in numeric:
        meta = declared[table].get(column, {})
        if data_type.startswith(NUMERIC_TYPES) and not (meta.get("unit") or meta.get("unit_column")):
            undeclared.append(f"{table}.{column}")
        if meta.get("unit_column"):
            assert meta["unit_column"] in declared[table], f"{table}.{column}: no column {meta['unit_column']}"
    assert not undeclared, "numeric mart columns with no `meta: {unit: ...}` in their YAML: " + ", ".join(undeclared)


def test_exports_refuse_a_dbt_manifest_without_the_marts(warehouse_path, tmp_path):
    manifest = json.loads((warehouse_path.parent / "target" / "manifest.json").read_text(encoding="utf-8"))
    manifest["nodes"] = {
        key: node for key, node in manifest["nodes"].items() if node.get("name") != "fct_company_financials"
    }
    stale = tmp_path / "manifest.json"
    stale.write_text(json.dumps(manifest), encoding="utf-8")
    with (
        duckdb.connect(str(warehouse_path), read_only=True) as connection,
        pytest.raises(exports.ExportError, match="marts.fct_company_financials"),
    ):
        exports.describe_tables(connection, stale)


def test_parquet_writer_streams_a_large_table_in_row_groups(tmp_path):
    """More rows than one batch: written batch by batch (one row group each), nothing lost or changed."""
    rows = 2 * exports.BATCH_ROWS + 1000
    database = tmp_path / "large.duckdb"
    with duckdb.connect(str(database)) as connection:
        connection.execute("create schema marts")
        connection.execute(
            "create table marts.big as select range as figure_id, 'quote ' || range as quote, "
            "range * 1.5 as value_cny, date '2020-01-01' + (range % 1000)::integer as period_start_date "
            f"from range({rows})"
        )
        table = {
            "table": "big",
            "columns": [{"name": "value_cny", "description": "An amount.", "unit": "CNY"}],
        }
        target = tmp_path / "big.parquet"
        exports.write_parquet(connection, table, target, {"table": "big"})
        different = connection.execute(
            f"select count(*) from (select * from marts.big except select * from read_parquet('{target}'))"
        ).fetchone()[0]
    metadata = pq.read_metadata(target)
    assert metadata.num_rows == rows and different == 0
    assert metadata.num_row_groups == -(-rows // exports.BATCH_ROWS)
    schema = pq.read_schema(target)
    assert schema.field("value_cny").metadata == {b"description": b"An amount.", b"unit": b"CNY"}
    assert schema.field("quote").metadata is None


def test_exports_open_from_any_working_directory(published, tmp_path):
    project, _ = published
    script = (
        "import duckdb, sys; print(duckdb.sql(\"select count(*) from read_parquet('"
        + str(project / "exports" / "fct_figures" / "*.parquet")
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
                # the article states no conflicts and no figure for a quarter or half of a company's year
                assert connection.execute(
                    sqlalchemy.text(f"select count(*) from marts.{mart}")
                ).scalar() > 0 or mart in (
                    "fct_figure_conflicts",
                    "fct_company_interim_financials",
                )
        rounds += 1
        time.sleep(0.2)
    output = log.read_text(encoding="utf-8")
    assert build.returncode == 0, output[-3000:]
    assert rounds >= 3
    engine.dispose()


def export_by_source(database, folder, previous=None, changed=None) -> dict:
    """marts.statements of `database` exported as files by source into `folder` (from the exports
    folder `previous` and its changed sources, when given); its manifest entry."""
    with duckdb.connect(str(database), read_only=True) as connection:
        names = connection.execute(
            "select column_name from duckdb_columns() where table_name = 'statements' order by column_index"
        ).fetchall()
        table = {"table": "statements", "columns": [{"name": name} for (name,) in names]}
        earlier = json.loads((previous / "manifest.json").read_text(encoding="utf-8")) if previous else None
        partitioning = {"files": 8, "order_by": ["source_id", "statement_id"]}
        files = exports.write_partitions(
            connection, table, partitioning, folder, {"table": "statements"}, previous, changed, earlier
        )
    (folder / "manifest.json").write_text(json.dumps({"tables": [table]}), encoding="utf-8")
    return table | files


def test_an_export_by_source_rewrites_the_changed_sources_files_as_a_full_export_writes_them(tmp_path):
    """Files by source written from the previous build's files and the changed sources' rows hold
    what a full export writes, in its order: a source changed, one removed (its file left with no
    rows is gone), one added; columns of types Parquet does not keep as such come back as they were."""
    database = tmp_path / "warehouse.duckdb"
    with duckdb.connect(str(database)) as connection:
        connection.execute("create schema marts")
        connection.execute(
            "create table marts.statements as select 'source_' || (range // 3) as source_id, range as statement_id, "
            "(range * 1.25)::decimal(18, 3) as amount, range::hugeint * 1000000000000 as large, "
            "date '2024-01-01' + range::integer as stated_on, ['tag_' || range] as tags, "
            "case when range % 5 = 0 then null else 'quote ' || range end as quote from range(60)"
        )
        # a source alone in its file, removed below: that file has no rows left
        alone = connection.execute("""
            select min(source_id) from (
                select source_id, count(*) over (partition by hash(source_id) % 8) as sharing
                from (select distinct source_id from marts.statements)
            ) where sharing = 1""").fetchone()[0]
    assert alone is not None
    first = export_by_source(database, tmp_path / "first")
    changed = {"source_3", alone, "source_new"}
    with duckdb.connect(str(database)) as connection:
        connection.execute(
            "update marts.statements set amount = amount + 1, quote = 'changed' where source_id = 'source_3'"
        )
        connection.execute("delete from marts.statements where source_id = ?", [alone])
        connection.execute(
            "insert into marts.statements select 'source_new', 100 + range, 1.5, 7, date '2025-01-01', [], null "
            "from range(4)"
        )
        touched = {
            row[0]
            for row in connection.execute(
                "select distinct hash(unnest(?::varchar[])) % 8", [sorted(changed)]
            ).fetchall()
        }
    incremental = export_by_source(database, tmp_path / "incremental", tmp_path / "first", changed)
    full = export_by_source(database, tmp_path / "full")
    # the touched files written again (the removed source's is gone), the others linked
    assert incremental["written"] == len({part["partition"] for part in full["partitions"]} & touched)
    assert incremental["reused"] == len({part["partition"] for part in first["partitions"]} - touched) > 0
    without_bytes = [
        [{key: value for key, value in part.items() if key != "bytes"} for part in table["partitions"]]
        for table in (incremental, full)
    ]
    assert without_bytes[0] == without_bytes[1]
    assert alone not in incremental["source_ids"] and "source_new" in incremental["source_ids"]
    for part in full["partitions"]:
        rows = pq.read_table(tmp_path / "incremental" / part["file"])
        assert rows.equals(pq.read_table(tmp_path / "full" / part["file"])), part["file"]
