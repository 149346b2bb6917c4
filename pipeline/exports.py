"""Parquet exports of every mart, for BI tools and notebooks that should not open the database.

Each build writes a complete, new folder `.exports/<build id>/` (one Parquet file per mart and a
manifest.json), then points the `exports` symlink at it with one atomic rename, as part of the
publish (pipeline/publish.py). A reader that opens `exports/<table>.parquet` gets a whole file from
one build, never a half-written one. The folders of the published build and of the previous one
(for rollback) are kept; any other is removed by the next build.

A large mart kept per source (its model's meta `export_partitions: {files: N, order_by: [...]}`:
fct_figures, fct_market_metrics) is exported as a folder of up to N files,
`exports/<table>/part-NN.parquet`, each holding the sources whose hash falls in it, rows ordered by
`order_by` (columns unique together: source and figure or statement id); the manifest's `file` is
the glob that reads them all (`read_parquet('exports/fct_figures/*.parquet')`). An incremental
build whose lean file was brought up to date from the published one (so only its changed sources'
rows differ) writes only the files of its changed sources, each from the previous build's file
(the rows of its other sources) and the changed sources' rows, the only rows read from the mart;
the other files are hard links to the previous build's files (never written in place), checked
against the previous manifest's byte counts. A full build writes every file; its files hold the
same rows in the same order as those an incremental build leaves.
"""

from __future__ import annotations

import json
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline import settings
from pipeline.literals import identifier, sql_string

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


# Name of the table-level `meta` key (model config) that exports a mart as that many files by source.
PARTITIONS_META_KEY = "export_partitions"


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


def declared_partitions(dbt_manifest: Path) -> dict[str, dict]:
    """mart -> how it is exported by source (model meta `export_partitions`: `files`, the number of
    files, and `order_by`, the columns ordering each file's rows: unique together)."""
    manifest = json.loads(dbt_manifest.read_text(encoding="utf-8"))
    return {
        node.get("alias") or node["name"]: meta[PARTITIONS_META_KEY]
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model"
        and node["schema"] == "marts"
        and (meta := (node.get("config") or {}).get("meta") or {}).get(PARTITIONS_META_KEY)
    }


def describe_tables(
    connection: duckdb.DuckDBPyConnection,
    dbt_manifest: Path = DBT_MANIFEST,
    partitioned: frozenset[str] = frozenset(),
    reused: dict[str, dict] | None = None,
) -> list[dict]:
    """Each mart: its description, columns, row count and the sources it holds (for the marts in
    `partitioned`, the sources are listed per file by `write_partitions` instead; for those in
    `reused`, the previous manifest's entry, whose rows are the same, gives them, but for a mart
    without a source column, which holds every source of this build)."""
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
    all_sources: list[str] | None = None  # every source (dim_sources), read once for the marts without source_id
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
        if "source_id" not in names and all_sources is None:
            all_sources = [
                row[0] for row in connection.execute("select source_id from marts.dim_sources order by 1").fetchall()
            ]
        if reused and table in reused:
            entry = {**reused[table], "description": description, "columns": columns}
            if "source_id" not in names:
                # a mart without a source column draws on every source: those of this build, not the
                # previous one's (a source added since is one of them)
                entry["source_ids"] = list(all_sources)
            described.append(entry)
            continue
        if table in partitioned:
            source_ids = []
        elif "source_id" in names:
            source_ids = [
                row[0]
                for row in connection.execute(f"select distinct source_id from marts.{table} order by 1").fetchall()
            ]
        else:
            source_ids = list(all_sources)
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


def link_or_copy(source: Path, target: Path) -> None:
    """A hard link to a previous build's file (never written in place: shared safely), or a copy."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def partition_file(table: str, partition: int) -> str:
    return f"{table}/part-{partition:02d}.parquet"


def partition_of(partitions: int) -> str:
    """The SQL expression of a row's file among `partitions` (by its source_id)."""
    return f"hash(source_id) % {int(partitions)}"


def read_manifest(folder: Path | None) -> dict | None:
    """The manifest of the exports folder `folder`; None when there is none. Read once per build: it
    lists the sources of every mart, tens of MB in a large warehouse."""
    if folder is None or not (folder / "manifest.json").is_file():
        return None
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


def previous_partitions(manifest: dict | None, table: str) -> dict[int, dict]:
    """The files of `table` in a previous exports folder (its `manifest`), by partition."""
    for described in (manifest or {}).get("tables", []):
        if described["table"] == table:
            return {part["partition"]: part for part in described.get("partitions", [])}
    return {}


def reusable(previous: Path, part: dict) -> bool:
    """True when the previous build's file is there as its manifest describes it."""
    path = previous / part["file"]
    return path.is_file() and path.stat().st_size == part["bytes"]


class PartitionWriter:
    """One file of a mart exported by source, written a batch at a time."""

    def __init__(self, folder: Path, table: str, partition: int, schema: pa.Schema) -> None:
        self.partition = partition
        self.file = partition_file(table, partition)
        self.path = folder / self.file
        self.writer = pq.ParquetWriter(self.path, schema, compression="snappy")
        self.sources: set[str] = set()
        self.rows = 0

    def write(self, batch: pa.RecordBatch) -> None:
        self.writer.write_batch(batch)
        self.sources.update(pc.unique(batch.column("source_id")).to_pylist())
        self.rows += batch.num_rows

    def close(self) -> dict:
        """Close the file; what the manifest says of it."""
        self.writer.close()
        return {
            "partition": self.partition,
            "file": self.file,
            "row_count": self.rows,
            "bytes": self.path.stat().st_size,
            "source_ids": sorted(self.sources),
        }


def write_batches(
    batches: pa.RecordBatchReader, table: dict, folder: Path, file_metadata: dict[str, str], only: int | None = None
) -> dict[int, dict]:
    """Write `batches` (rows of `table` ordered by their column `export_partition`, then by the rows'
    order) into one file per partition; return what the manifest says of each file written. With
    `only`, every row is of that partition (the batches have no `export_partition` column). A
    partition with no rows gets no file."""
    column_names = [column["name"] for column in table["columns"]]
    written: dict[int, dict] = {}
    writer: PartitionWriter | None = None
    for batch in batches:
        if only is None:
            keys = batch.column("export_partition")
            pieces = [(partition, batch.filter(pc.equal(keys, partition))) for partition in pc.unique(keys).to_pylist()]
        else:
            pieces = [(only, batch)] if batch.num_rows else []
        for partition, piece in pieces:
            part = piece.select(column_names)
            if writer is None or writer.partition != partition:
                if writer is not None:
                    written[writer.partition] = writer.close()
                schema = documented_schema(part.schema, table["columns"], file_metadata)
                writer = PartitionWriter(folder, table["table"], partition, schema)
            writer.write(part)
    if writer is not None:
        written[writer.partition] = writer.close()
    return written


def write_partitions(
    connection: duckdb.DuckDBPyConnection,
    table: dict,
    partitioning: dict,
    folder: Path,
    file_metadata: dict[str, str],
    previous: Path | None,
    changed_sources: set[str] | None,
    previous_manifest: dict | None = None,
) -> dict[str, int]:
    """Export `table` as files by source (see the module's docstring) into `folder`: every file, or,
    given the exports folder of the build the lean file was brought up to date from (`previous`,
    its manifest `previous_manifest`) and the sources the build changed, the files of those sources
    only, with hard links to the previous files for the others. Fills table's `partitions` and
    `source_ids`; returns how many files were written and reused."""
    name, key = table["table"], partition_of(partitioning["files"])
    order_by = ", ".join(f'"{column}"' for column in partitioning["order_by"])
    (folder / name).mkdir(parents=True, exist_ok=True)
    before = previous_partitions(previous_manifest, name) if changed_sources is not None else {}
    kept: dict[int, dict] = {}
    if before and all(reusable(previous, part) for part in before.values()):
        written = write_changed_partitions(
            connection, table, key, order_by, folder, file_metadata, previous, before, changed_sources
        )
        # (an empty mart's file, row_count 0, is never kept: a full build would not write it)
        kept = {partition: part for partition, part in before.items() if partition not in written and part["row_count"]}
        written = {partition: part for partition, part in written.items() if part is not None}
    else:
        # rows in one order, whichever build writes the file
        rows = connection.sql(
            f'select {key} as export_partition, * from marts."{name}" order by export_partition, {order_by}'
        )
        written = write_batches(rows.fetch_record_batch(BATCH_ROWS), table, folder, file_metadata)
    for part in kept.values():
        link_or_copy(previous / part["file"], folder / part["file"])
    parts = sorted([*written.values(), *kept.values()], key=lambda part: part["partition"])
    if not parts:
        # an empty mart: one file with its columns, so that the manifest's glob reads
        empty = connection.sql(f'select * from marts."{name}" limit 0').fetch_arrow_table()
        schema = documented_schema(empty.schema, table["columns"], file_metadata)
        pq.write_table(empty.cast(schema), folder / partition_file(name, 0), compression="snappy")
        parts = [{"partition": 0, "file": partition_file(name, 0), "row_count": 0,
                  "bytes": (folder / partition_file(name, 0)).stat().st_size, "source_ids": []}]  # fmt: skip
    table["file"] = f"{name}/*.parquet"
    table["partitions"] = parts
    table["source_ids"] = sorted({source for part in parts for source in part["source_ids"]})
    return {"written": len(written), "reused": len(kept)}


def write_changed_partitions(
    connection: duckdb.DuckDBPyConnection,
    table: dict,
    key: str,
    order_by: str,
    folder: Path,
    file_metadata: dict[str, str],
    previous: Path,
    before: dict[int, dict],
    changed_sources: set[str],
) -> dict[int, dict | None]:
    """The files of the partitions holding a changed source, each written from the previous build's
    file of that partition (the rows of its other sources, which the lean file has as the previous
    build exported them) and the changed sources' rows now, in the order a full build writes them:
    of the mart, only the changed sources' rows are read. partition -> what the manifest says of its
    file, or None for a partition left with no rows (it has no file, as in a full build)."""
    name = table["table"]
    changed = sorted(changed_sources)
    types = connection.execute(
        "select column_name, data_type from duckdb_columns() where schema_name = 'marts' and table_name = ? "
        "order by column_index",
        [name],
    ).fetchall()
    # the changed sources' rows, read once (the mart's source_id column is scanned, the other columns
    # only where a changed source's rows are); held in the connection's temporary storage
    connection.execute(
        f'create or replace temp table export_changed_rows as select {key} as export_partition, * from marts."{name}" '
        "where source_id in (select unnest(?::varchar[]))",
        [changed],
    )
    partitions = [
        row[0]
        for row in connection.execute(
            f"select distinct {key} from (select unnest(?::varchar[]) as source_id) order by 1", [changed]
        ).fetchall()
    ]
    columns = ", ".join(identifier(column) for column, _ in types)
    # the previous file's columns as the mart's types (Parquet keeps the values, not every DuckDB type)
    casts = ", ".join(
        f"cast({identifier(column)} as {data_type}) as {identifier(column)}" for column, data_type in types
    )
    written: dict[int, dict | None] = {}
    try:
        for partition in partitions:
            now = f"select {columns} from export_changed_rows where export_partition = {int(partition)}"
            if before.get(partition, {}).get("row_count"):
                earlier = (
                    f"select {casts} from read_parquet({sql_string(str(previous / before[partition]['file']))}) "
                    "where source_id is null or source_id not in (select unnest(?::varchar[]))"
                )
                rows = connection.execute(f"select * from ({earlier} union all {now}) order by {order_by}", [changed])
            else:
                rows = connection.execute(f"{now} order by {order_by}")
            files = write_batches(rows.fetch_record_batch(BATCH_ROWS), table, folder, file_metadata, only=partition)
            written[partition] = files.get(partition)
    finally:
        connection.execute("drop table if exists export_changed_rows")
    return written


def reusable_marts(previous: Path | None, manifest: dict | None, unchanged: set[str]) -> dict[str, dict]:
    """mart -> its entry in the `manifest` of the exports folder `previous`, for each mart of
    `unchanged` (its rows are those the previous build exported) whose one file is there as that
    manifest describes it (its bytes); a mart exported by source is left to `write_partitions`."""
    if previous is None or not unchanged or manifest is None:
        return {}
    return {
        entry["table"]: entry
        for entry in manifest.get("tables", [])
        if entry["table"] in unchanged
        and "partitions" not in entry
        and "bytes" in entry
        and (previous / entry["file"]).is_file()
        and (previous / entry["file"]).stat().st_size == entry["bytes"]
    }


def write_exports(
    database: Path,
    build_id: str,
    dbt_manifest: Path = DBT_MANIFEST,
    previous: Path | None = None,
    changed_sources: set[str] | None = None,
    unchanged_marts: set[str] | None = None,
) -> Path:
    """Write every mart of `database` as Parquet, with a manifest, into a new version folder. Column
    units come from `dbt_manifest`, the manifest of the dbt build that made `database`. Given the
    exports folder `previous` of the build `database` was brought up to date from and the sources
    changed since (`changed_sources`), the marts exported by source rewrite only the changed
    sources' files, and the marts of `unchanged_marts` (the same rows as the previous build's) are
    hard links to the previous folder's files."""
    folder = VERSIONS_DIR / build_id
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    built_at = datetime.now(UTC).isoformat(timespec="seconds")
    partitioned = declared_partitions(dbt_manifest)
    with settings.connect(database, read_only=True) as connection:
        version = connection.execute("select version()").fetchone()[0]
        previous_manifest = read_manifest(previous) if changed_sources is not None or unchanged_marts else None
        reused = reusable_marts(previous, previous_manifest, (unchanged_marts or set()) - set(partitioned))
        tables = describe_tables(connection, dbt_manifest, frozenset(partitioned), reused)
        for table in tables:
            file_metadata = {
                "table": table["table"],
                "description": table["description"],
                "built_at": built_at,
                "duckdb_version": version,
            }
            if table["table"] in partitioned:
                files = write_partitions(
                    connection,
                    table,
                    partitioned[table["table"]],
                    folder,
                    file_metadata,
                    previous,
                    changed_sources,
                    previous_manifest,
                )
                print(
                    f"exports: {table['table']}: wrote {files['written']} of its {len(table['partitions'])} files, "
                    f"kept {files['reused']} unchanged from the previous build",
                    flush=True,
                )
                continue
            if table["table"] in reused:
                link_or_copy(previous / table["file"], folder / table["file"])
                continue
            write_parquet(connection, table, folder / table["file"], file_metadata)
            table["bytes"] = (folder / table["file"]).stat().st_size
    if reused:
        print(f"exports: kept {len(reused)} unchanged marts' files from the previous build", flush=True)
    manifest = {
        "built_at": built_at,
        "duckdb_version": version,
        "build_id": build_id,
        "note": "Paths are relative to this manifest's folder.",
        "tables": tables,
    }
    (folder / "manifest.json").write_text(manifest_text(manifest), encoding="utf-8")
    return folder


def manifest_text(manifest: dict) -> str:
    """The manifest as JSON, one line per table: json's indented output is written by its pure-Python
    encoder, over a second of CPU for the source lists of a 10^6-figure warehouse (11 MB)."""
    head = {key: value for key, value in manifest.items() if key != "tables"}
    lines = [f"  {json.dumps(key)}: {json.dumps(value)}," for key, value in head.items()]
    tables = ",\n".join(f"    {json.dumps(table)}" for table in manifest["tables"])
    return "{\n" + "\n".join(lines) + '\n  "tables": [\n' + tables + "\n  ]\n}\n"


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
