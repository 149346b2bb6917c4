"""Parquet exports of every mart, for BI tools and notebooks that should not open the database.

Each build writes a complete, new folder `.exports/<build id>/` (one Parquet file per mart and a
manifest.json), then points the `exports` symlink at it with one atomic rename, as part of the
publish (pipeline/publish.py). A reader that opens `exports/<table>.parquet` gets a whole file from
one build, never a half-written one. The folders of the published build and of the previous one
(for rollback) are kept; any other is removed by the next build.
"""

from __future__ import annotations

import json
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from pipeline import settings

EXPORTS_LINK = settings.EXPORTS_LINK
VERSIONS_DIR = settings.EXPORTS_VERSIONS_DIR

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


def version_folder(build_id: str) -> Path:
    """The exports folder of one build."""
    return VERSIONS_DIR / build_id


def linked_build_id() -> str | None:
    """The build whose folder `exports` points at; None when it is not our link."""
    if not EXPORTS_LINK.is_symlink():
        return None
    target = (EXPORTS_LINK.parent / os.readlink(EXPORTS_LINK)).resolve()
    return target.name if target.parent == VERSIONS_DIR.resolve() else None


def foreign_exports() -> Path | None:
    """`exports` when it is something of the user's (a folder or file, not the link builds make)."""
    return EXPORTS_LINK if EXPORTS_LINK.exists() and not EXPORTS_LINK.is_symlink() else None


def move_aside(path: Path) -> Path:
    """Rename a user's own `exports` out of the way (never delete it); return where it went."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    destination = path.with_name(f"{path.name}.yours-{stamp}")
    counter = 1
    while destination.exists():
        destination = path.with_name(f"{path.name}.yours-{stamp}-{counter}")
        counter += 1
    os.replace(path, destination)
    return destination


def switch_exports(folder: Path) -> str | None:
    """Point the `exports` symlink at `folder` in one rename. A user's own `exports` folder is moved
    aside first, never deleted; the returned note says where it went."""
    note = None
    own = foreign_exports()
    if own is not None:
        moved = move_aside(own)
        note = (
            f"exports/ was a folder of your own, not the link builds publish: moved it to {moved.name}/ "
            "(nothing in it was deleted)"
        )
    temporary = EXPORTS_LINK.with_name("exports.new")
    if temporary.is_symlink() or temporary.exists():
        temporary.unlink()
    temporary.symlink_to(os.path.relpath(folder, EXPORTS_LINK.parent), target_is_directory=True)
    os.replace(temporary, EXPORTS_LINK)
    return note


def prune_versions(keep: set[str]) -> list[str]:
    """Remove every exports folder but those of the builds in `keep`; return the names removed."""
    if not VERSIONS_DIR.is_dir():
        return []
    removed = []
    for folder in sorted(VERSIONS_DIR.iterdir()):
        if folder.name not in keep:
            if folder.is_dir() and not folder.is_symlink():
                shutil.rmtree(folder)
            else:
                folder.unlink()
            removed.append(folder.name)
    return removed
