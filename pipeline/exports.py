"""Parquet exports of every mart, for BI tools and notebooks that should not open the database.

Each build writes a complete, new folder `.exports/<build id>/` (one Parquet file per mart and a
manifest.json), then points the `exports` symlink at it with one atomic rename. A reader that
opens `exports/<table>.parquet` gets a whole file from one build, never a half-written one.
"""

from __future__ import annotations

import json
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from pipeline import settings

EXPORTS_LINK = settings.ROOT / "exports"
VERSIONS_DIR = settings.ROOT / ".exports"
KEEP_VERSIONS = 2

UNIT_SUFFIXES = {"_cny": "CNY", "_usd": "USD", "_ratio": "ratio (a fraction: 0.5 is 50%)", "_count": "count"}


def column_unit(table: str, column: str) -> str:
    """Unit of a column, read from its name's suffix; `value`-like columns take the row's `unit`."""
    for suffix, unit in UNIT_SUFFIXES.items():
        if column.endswith(suffix):
            return unit
    if column in {
        "value",
        "value_low",
        "value_high",
        "stated_value",
        "computed_value",
        "difference",
        "band_low",
        "band_high",
        "implied_value",
        "tolerance",
    }:
        return "see the row's unit column" if table != "fct_claim_checks" else "ratio, or the metric's unit"
    if column == "share_price_usd" or column.endswith("_price_usd"):
        return "USD"
    return ""


def sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def describe_tables(connection: duckdb.DuckDBPyConnection) -> list[dict]:
    tables = connection.execute("""
        select table_name, coalesce(comment, '') from duckdb_tables()
        where schema_name = 'marts' order by table_name""").fetchall()
    described = []
    for table, description in tables:
        columns = [
            {"name": name, "type": data_type, "description": comment or "", "unit": column_unit(table, name)}
            for name, data_type, comment in connection.execute(
                """
                select column_name, data_type, coalesce(comment, '') from duckdb_columns()
                where schema_name = 'marts' and table_name = ? order by column_index""",
                [table],
            ).fetchall()
        ]
        names = {column["name"] for column in columns}
        source_ids = (
            [
                row[0]
                for row in connection.execute(f"select distinct source_id from marts.{table} order by 1").fetchall()
            ]
            if "source_id" in names
            else [row[0] for row in connection.execute("select source_id from marts.dim_sources order by 1").fetchall()]
        )
        row_count = connection.execute(f"select count(*) from marts.{table}").fetchone()[0]
        described.append(
            {
                "table": table,
                "file": f"{table}.parquet",
                "description": description,
                "row_count": row_count,
                "source_ids": source_ids,
                "columns": columns,
            }
        )
    return described


def write_exports(database: Path, build_id: str) -> Path:
    """Write every mart of `database` as Parquet, with a manifest, into a new version folder."""
    folder = VERSIONS_DIR / build_id
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    built_at = datetime.now(UTC).isoformat(timespec="seconds")
    with settings.connect(database, read_only=True) as connection:
        version = connection.execute("select version()").fetchone()[0]
        tables = describe_tables(connection)
        for table in tables:
            metadata = {
                "table": table["table"],
                "description": table["description"],
                "built_at": built_at,
                "duckdb_version": version,
                "columns": json.dumps(table["columns"]),
            }
            metadata_sql = ", ".join(f"{sql_string(key)}: {sql_string(value)}" for key, value in metadata.items())
            target = folder / table["file"]
            connection.execute(
                f"copy (select * from marts.{table['table']}) to {sql_string(str(target))} "
                f"(format parquet, kv_metadata {{{metadata_sql}}})"
            )
    manifest = {
        "built_at": built_at,
        "duckdb_version": version,
        "build_id": build_id,
        "note": "Paths are relative to this manifest's folder.",
        "tables": tables,
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return folder


def switch_exports(folder: Path) -> None:
    """Point the `exports` symlink at `folder` in one rename, then drop old versions."""
    if EXPORTS_LINK.exists() and not EXPORTS_LINK.is_symlink():
        shutil.rmtree(EXPORTS_LINK)
    temporary = EXPORTS_LINK.with_name("exports.new")
    temporary.unlink(missing_ok=True)
    temporary.symlink_to(os.path.relpath(folder, EXPORTS_LINK.parent), target_is_directory=True)
    os.replace(temporary, EXPORTS_LINK)
    versions = sorted(path for path in VERSIONS_DIR.iterdir() if path.is_dir())
    for old in versions[:-KEEP_VERSIONS]:
        if old != folder:
            shutil.rmtree(old, ignore_errors=True)
