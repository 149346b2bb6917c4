"""Reading a built warehouse's marts, shared by the tests. Imports nothing of the project, so a test
module run as a script (test_baseline_marts.py writes its snapshot that way) can use it."""

from __future__ import annotations


def mart_columns(connection, mart: str) -> list[str]:
    """The names of the columns of marts.<mart>, in their order."""
    return [
        name
        for (name,) in connection.execute(
            "select column_name from duckdb_columns() where schema_name = 'marts' and table_name = ? "
            "order by column_index",
            [mart],
        ).fetchall()
    ]
