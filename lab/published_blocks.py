"""Where an incremental publish's copy-and-update puts its blocks: for two published files (the one
a build copied and the one it published), DuckDB's total and free blocks of each and, per table,
its data blocks before and after, how many were kept and how many are new.
Usage: python -m lab.published_blocks BEFORE.duckdb AFTER.duckdb"""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb

from pipeline.literals import sql_string


def table_blocks(path: Path) -> tuple[tuple[int, int], dict[str, set[int]]]:
    """(total blocks, free blocks) of `path` and the data block ids of each of its tables."""
    with duckdb.connect(str(path), read_only=True) as connection:
        sizes = connection.execute("select total_blocks, free_blocks from pragma_database_size()").fetchone()
        tables = connection.execute(
            "select schema_name || '.' || table_name from duckdb_tables() where database_name = current_database()"
        ).fetchall()
        blocks = {
            name: {
                row[0]
                for row in connection.execute(
                    f"select distinct block_id from pragma_storage_info({sql_string(name)}) where block_id is not null"
                ).fetchall()
            }
            for (name,) in tables
        }
    return sizes, blocks


def main(before: Path, after: Path) -> None:
    (total_before, free_before), old = table_blocks(before)
    (total_after, free_after), new = table_blocks(after)
    print(f"before: {before.stat().st_size:,} bytes, {total_before} blocks, {free_before} free")
    print(f"after:  {after.stat().st_size:,} bytes, {total_after} blocks, {free_after} free")
    print(f"{'table':40} {'before':>6} {'after':>6} {'kept':>6} {'new':>6}")
    for name in sorted(set(old) | set(new)):
        was, now = old.get(name, set()), new.get(name, set())
        print(f"{name:40} {len(was):6} {len(now):6} {len(was & now):6} {len(now - was):6}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
