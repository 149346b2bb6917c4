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
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import settings

EXPORTS_LINK = settings.EXPORTS_LINK
VERSIONS_DIR = settings.EXPORTS_VERSIONS_DIR

# Rows per Arrow batch read from DuckDB and per Parquet row group written (DuckDB's own row group
# size): the writer holds one batch at a time, so a mart of any size exports in bounded memory.
BATCH_ROWS = 122_880
# Where `dbt build` leaves its manifest: the source of each column's declared unit (`meta`).
DBT_MANIFEST = settings.ROOT / "target" / "manifest.json"
# Keys of a mart column's `meta` (model YAML) that document it, copied to its Parquet field and the
# manifest: `unit` (CNY, USD, ratio, count, ...) or `unit_column` (the column of the same row that
# holds the unit, for a value whose unit varies by row).
DOC_META_KEYS = ("unit", "unit_column")


class ExportError(Exception):
    """The exports cannot be documented as declared (no dbt manifest, or a mart missing from it)."""


def declared_column_docs(dbt_manifest: Path) -> dict[tuple[str, str], dict[str, dict[str, str]]]:
    """(schema, table) -> column -> its documenting `meta` entries, from dbt's manifest. A column
    declares its unit once, in the model YAML (`meta: {unit: CNY}`); one that declares none gets none."""
    if not dbt_manifest.is_file():
        raise ExportError(f"{dbt_manifest} not found: run the dbt build that made the warehouse first")
    manifest = json.loads(dbt_manifest.read_text(encoding="utf-8"))
    declared: dict[tuple[str, str], dict[str, dict[str, str]]] = {}
    for node in manifest["nodes"].values():
        if node["resource_type"] != "model":
            continue
        columns = {}
        for name, column in node.get("columns", {}).items():
            meta = {**(column.get("config") or {}).get("meta", {}), **(column.get("meta") or {})}
            columns[name] = {key: str(meta[key]) for key in DOC_META_KEYS if meta.get(key) not in (None, "")}
        declared[(node["schema"], node.get("alias") or node["name"])] = columns
    return declared


def describe_tables(connection: duckdb.DuckDBPyConnection, dbt_manifest: Path = DBT_MANIFEST) -> list[dict]:
    declared = declared_column_docs(dbt_manifest)
    tables = connection.execute("""
        select table_name, coalesce(comment, '') from duckdb_tables()
        where schema_name = 'marts' order by table_name""").fetchall()
    missing = [table for table, _ in tables if ("marts", table) not in declared]
    if missing:
        raise ExportError(
            f"{dbt_manifest} has no model for marts.{', marts.'.join(missing)}: it is not the manifest of the "
            "build that made this warehouse; rebuild (python -m pipeline build)"
        )
    described = []
    for table, description in tables:
        columns = [
            {
                "name": name,
                "type": data_type,
                "description": comment or "",
                **declared[("marts", table)].get(name, {}),
            }
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


def documented_schema(schema: pa.Schema, columns: list[dict], file_metadata: dict[str, str]) -> pa.Schema:
    """`schema` with each field's description and unit in its own metadata, and `file_metadata`
    (the table's description, the build) as the schema's."""
    docs = {column["name"]: column for column in columns}
    fields = []
    for field in schema:
        column = docs.get(field.name, {})
        field_metadata = {key: column[key] for key in ("description", *DOC_META_KEYS) if column.get(key)}
        fields.append(field.with_metadata(field_metadata))
    return pa.schema(fields, metadata=file_metadata)


def write_parquet(
    connection: duckdb.DuckDBPyConnection, table: dict, target: Path, file_metadata: dict[str, str]
) -> None:
    """Stream `marts.<table>` into one Parquet file, a batch at a time (DuckDB's COPY cannot write
    per-field metadata, and fetching the whole table at once would not fit for large marts)."""
    query = f'select * from marts."{table["table"]}"'
    batches = connection.sql(query).fetch_record_batch(BATCH_ROWS)
    schema = documented_schema(batches.schema, table["columns"], file_metadata)
    with pq.ParquetWriter(target, schema, compression="snappy") as writer:
        for batch in batches:
            writer.write_batch(batch)


def write_exports(database: Path, build_id: str, dbt_manifest: Path = DBT_MANIFEST) -> Path:
    """Write every mart of `database` as Parquet, with a manifest, into a new version folder. Column
    units come from `dbt_manifest`, the manifest of the dbt build that made `database`."""
    folder = VERSIONS_DIR / build_id
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    built_at = datetime.now(UTC).isoformat(timespec="seconds")
    with settings.connect(database, read_only=True) as connection:
        version = connection.execute("select version()").fetchone()[0]
        tables = describe_tables(connection, dbt_manifest)
        for table in tables:
            file_metadata = {
                "table": table["table"],
                "description": table["description"],
                "built_at": built_at,
                "duckdb_version": version,
            }
            write_parquet(connection, table, folder / table["file"], file_metadata)
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
