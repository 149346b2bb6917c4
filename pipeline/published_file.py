"""The lean published file: only what readers use, written from the build's state.

dbt builds into the state (settings.STATE_PATH, kept between builds: seeds, staging, intermediate
tables and the marts). Once every test and expectation has passed, this module writes a new file
holding only the reader schemas (settings.READER_SCHEMAS: marts, audit, semantic), each table with
its constraints and descriptions, in one transaction; the publish then renames that file over
warehouse.duckdb. Nothing is copied from the published file, and it is never written to.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from pipeline import settings
from pipeline.literals import sql_string

SQL_DIR = Path(__file__).parent / "sql"


def identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def query(name: str) -> str:
    schemas = ", ".join(sql_string(schema) for schema in settings.READER_SCHEMAS)
    return jinja2.Template((SQL_DIR / name).read_text(encoding="utf-8")).render(schemas=schemas)


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
