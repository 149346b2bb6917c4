"""Paths, values and names as SQL literals, wherever they enter SQL the pipeline writes."""

from __future__ import annotations


def sql_string(text: str) -> str:
    """`text` as a DuckDB string literal: a quote in a file name stays part of the name."""
    return "'" + text.replace("'", "''") + "'"


def identifier(name: str) -> str:
    """`name` as a quoted DuckDB identifier (a schema, table, column or attached database)."""
    return '"' + name.replace('"', '""') + '"'
