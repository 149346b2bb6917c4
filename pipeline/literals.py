"""Paths and values as SQL string literals, wherever they enter SQL the pipeline writes."""

from __future__ import annotations


def sql_string(text: str) -> str:
    """`text` as a DuckDB string literal: a quote in a file name stays part of the name."""
    return "'" + text.replace("'", "''") + "'"
