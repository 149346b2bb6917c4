"""The lean published file: only what readers use, written from the build's state.

dbt builds into the state (settings.STATE_PATH, kept between builds: seeds, staging, intermediate
tables and the marts). Once every test and expectation has passed, this module writes a new file
holding only the reader schemas (settings.READER_SCHEMAS: marts, audit, semantic), each table with
its constraints and descriptions, in one transaction; the publish then renames that file over
warehouse.duckdb. The published file itself is never written to.

An incremental build whose state was, before it ran, the state of the published file (the same
build id) publishes without rewriting every table: a copy of the published file is brought up to
date, table by table, with only the rows of the sources and entities the build changed replaced
in the tables kept per source or entity (the models' meta kept_per in dbt's manifest; a table
whose rows of those sources or entities are unchanged is left as it is); the other tables are small
and are replaced whole (or left as they are when unchanged). Every table is then checked against
the state by its row count and the sum of its rows' hashes, so a published file changed since it
was published (a row planted, changed or removed in a table the build did not touch) is noticed
and a new file written.
"""

from __future__ import annotations

import contextlib
import json
import shutil
from pathlib import Path

import duckdb
import jinja2

from pipeline import settings
from pipeline.literals import identifier, sql_string

SQL_DIR = Path(__file__).parent / "sql"


def query(name: str) -> str:
    schemas = ", ".join(sql_string(schema) for schema in settings.READER_SCHEMAS)
    return jinja2.Template((SQL_DIR / name).read_text(encoding="utf-8")).render(schemas=schemas)


class PublishedFileMismatch(Exception):
    """A published file brought up to date by changed rows does not hold the state's row counts."""


def kept_per(manifest: Path) -> dict[tuple[str, str], dict]:
    """(schema, table) -> the meta of each model kept per source or entity, from dbt's manifest."""
    nodes = json.loads(manifest.read_text(encoding="utf-8"))["nodes"].values()
    return {
        (node["schema"], node.get("alias") or node["name"]): node["config"]["meta"]
        for node in nodes
        if node.get("resource_type") == "model"
        and (node.get("config", {}).get("meta") or {}).get("kept_per") in ("source", "entity")
    }


def fingerprint(connection, name: str) -> tuple:
    """The row count and the sum of the rows' hashes of table `name`: equal for the same rows (as a
    multiset) whatever their order, and differing, but for a hash collision, when a row was added,
    removed or changed. One scan of the table."""
    return connection.execute(
        f"select count(*), sum(hash(fingerprinted)::hugeint) from {name} as fingerprinted"
    ).fetchone()


def published_ddl(connection) -> dict[tuple[str, str], str]:
    """(schema, table) -> the DDL of each table of the reader schemas in the file being written."""
    rows = connection.execute(query("published_tables.sql")).fetchall()
    return {(schema, table): sql for schema, table, sql in rows}


def recreate_table(connection, schema: str, table: str, create_statement: str) -> None:
    """Table `schema.table` anew from the state: its DDL and rows (descriptions: `describe`)."""
    name = f"{identifier(schema)}.{identifier(table)}"
    connection.execute(f"drop table if exists {name}")
    connection.execute(create_statement)
    connection.execute(f"insert into {name} select * from state.{name}")


def describe(connection, schema: str, table: str, comments: list[tuple]) -> None:
    """Set the description of table `schema.table` (column None) and of its columns."""
    name = f"{identifier(schema)}.{identifier(table)}"
    for column, column_comment in comments:
        if column is None:
            connection.execute(f"comment on table {name} is {sql_string(column_comment)}")
        else:
            connection.execute(f"comment on column {name}.{identifier(column)} is {sql_string(column_comment)}")


def update_published_file(
    state: Path, previous: Path, destination: Path, manifest: Path, unchanged: set[tuple[str, str]] | None = None
) -> int:
    """Write `destination` as a copy of `previous` (the published file of the build the state was at
    before this incremental build) with the changed rows of `state` applied; return the number of
    tables. A table whose DDL differs from the state's (the build records, whose column types follow
    their values) is written anew. Raises PublishedFileMismatch when a table's rows then differ from
    the state's (row count or sum of row hashes: `fingerprint`). Given `unchanged`, adds to it the
    (schema, table) of each table left as the previous file had it (the same rows as the state's)."""
    for leftover in (destination, destination.with_name(destination.name + ".wal")):
        leftover.unlink(missing_ok=True)
    destination.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(previous, destination)
    metas = kept_per(manifest)
    template = jinja2.Template((SQL_DIR / "publish_changed_rows.sql").read_text(encoding="utf-8"))
    with settings.connect(destination) as connection:
        connection.execute(f"attach {sql_string(str(state))} as state (read_only)")
        try:
            tables = connection.execute(query("reader_tables.sql")).fetchall()
            comments: dict[tuple[str, str], list[tuple]] = {}
            for schema, table, column, column_comment in connection.execute(
                query("reader_column_comments.sql")
            ).fetchall():
                comments.setdefault((schema, table), []).append((column, column_comment))
            existing = published_ddl(connection)
            # (schema, table) -> the fingerprints of the copy and the state of a table left unchanged
            checked: dict[tuple[str, str], tuple] = {}
            # (schema, table) of the tables kept per source or entity left as they were
            left: set[tuple[str, str]] = set()
            connection.execute("begin")
            for schema, table, create_statement, _ in tables:
                meta = metas.get((schema, table), {})
                name = f"{identifier(schema)}.{identifier(table)}"
                if existing.get((schema, table)) != create_statement:
                    recreate_table(connection, schema, table, create_statement)
                    continue
                if not meta:
                    # a table replaced whole: unchanged (the same fingerprint as the state's) is left
                    # as it is, since rewriting it would only leave free blocks in the file
                    pair = (fingerprint(connection, name), fingerprint(connection, f"state.{name}"))
                    if pair[0] == pair[1]:
                        checked[(schema, table)] = pair
                        continue
                options = {
                    "name": name,
                    "kept_per": meta.get("kept_per"),
                    "entity_column": identifier(meta.get("entity_column") or "entity_id"),
                }
                if meta:
                    # a table kept per source or entity whose rows of the changed sources or entities
                    # are those the copy holds already is left as it is (checked whole below)
                    copy_rows, state_rows = (
                        connection.execute(template.render(mode="fingerprint", relation=relation, **options)).fetchone()
                        for relation in (name, f"state.{name}")
                    )
                    if copy_rows == state_rows:
                        left.add((schema, table))
                        continue
                sql = template.render(**options)
                for statement in sql.split(";\n"):
                    connection.execute(statement)
            # descriptions as the state has them now (catalogue entries only: no rows are rewritten)
            for schema, table, _, table_comment in tables:
                described = [(None, table_comment)] if table_comment else []
                describe(connection, schema, table, described + comments.get((schema, table), []))
            connection.execute("commit")
            different = [
                f"{schema}.{table}"
                for schema, table, _, _ in tables
                if (schema, table) not in checked
                and fingerprint(connection, f"{identifier(schema)}.{identifier(table)}")
                != fingerprint(connection, f"state.{identifier(schema)}.{identifier(table)}")
            ]
        except Exception:
            with contextlib.suppress(duckdb.Error):  # no transaction open when it failed before `begin`
                connection.execute("rollback")
            raise
        finally:
            connection.execute("detach state")
        connection.execute("checkpoint")
    if different:
        raise PublishedFileMismatch(", ".join(different))
    if unchanged is not None:
        unchanged.update(checked, left)
    return len(tables)


def write_published_file(state: Path, destination: Path) -> int:
    """Write `destination` (named warehouse.duckdb) with the reader schemas of `state`; return the
    number of tables written."""
    for leftover in (destination, destination.with_name(destination.name + ".wal")):
        leftover.unlink(missing_ok=True)
    destination.parent.mkdir(parents=True, exist_ok=True)
    with settings.connect(destination) as connection:
        connection.execute(f"attach {sql_string(str(state))} as state (read_only)")
        try:
            tables = connection.execute(query("reader_tables.sql")).fetchall()
            comments = connection.execute(query("reader_column_comments.sql")).fetchall()
            connection.execute("begin")
            for schema in sorted({row[0] for row in tables}):
                connection.execute(f"create schema if not exists {identifier(schema)}")
            for schema, table, create_statement, table_comment in tables:
                name = f"{identifier(schema)}.{identifier(table)}"
                connection.execute(create_statement)
                connection.execute(f"insert into {name} select * from state.{name}")
                if table_comment:
                    connection.execute(f"comment on table {name} is {sql_string(table_comment)}")
            for schema, table, column, column_comment in comments:
                connection.execute(
                    f"comment on column {identifier(schema)}.{identifier(table)}.{identifier(column)} "
                    f"is {sql_string(column_comment)}"
                )
            connection.execute("commit")
        finally:
            connection.execute("detach state")
        connection.execute("checkpoint")
    return len(tables)
