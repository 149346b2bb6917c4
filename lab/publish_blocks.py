"""How much an incremental publish's copy-and-update grows the published file, and whether DuckDB
gives the space back: a synthetic published table (quotes of about 170 characters, 50 figures a
source) is written, copied, and one 50-figure source added to the copy in several ways; prints
the bytes per figure and DuckDB's free blocks of each. Usage: python -m lab.publish_blocks [figures]."""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROWS = """select 'figure_' || range as figure_id, 'source_' || (range // 50) as source_id,
    random() * 1e9 as value,
    md5(range::varchar) || md5((range + 1)::varchar) || md5((range + 2)::varchar) || md5((range + 3)::varchar)
    || md5((range + 4)::varchar) as quote
from range({start}, {stop})"""


def write_fresh(path: Path, figures: int) -> None:
    with duckdb.connect(str(path)) as connection:
        connection.execute(f"create table figures as {ROWS.format(start=0, stop=figures)}")
        connection.execute("checkpoint")


def add_source(path: Path, figures: int, how: str) -> None:
    """Add one 50-figure source (and rewrite source 0's rows, as a changed document) to `path`."""
    new = ROWS.format(start=figures, stop=figures + 50)
    with duckdb.connect(str(path)) as connection:
        if how == "replace table":
            connection.execute(
                f"create or replace table figures as select * from figures where source_id <> 'source_0' "
                f"union all {ROWS.format(start=0, stop=50)} union all {new}"
            )
        elif how == "delete all + insert all":
            connection.execute("begin")
            connection.execute("create temporary table everything as select * from figures")
            connection.execute("delete from figures")
            connection.execute(f"insert into figures select * from everything union all {new}")
            connection.execute("commit")
        else:
            connection.execute("begin")
            connection.execute("delete from figures where source_id = 'source_0'")
            connection.execute(f"insert into figures {ROWS.format(start=0, stop=50)} union all {new}")
            connection.execute("commit")
        connection.execute("checkpoint")
        if how == "delete+insert, force checkpoint":
            connection.execute("force checkpoint")
        if how == "delete+insert, vacuum":
            connection.execute("vacuum figures")
            connection.execute("checkpoint")


def blocks(path: Path) -> tuple[int, int]:
    with duckdb.connect(str(path), read_only=True) as connection:
        return connection.execute("select total_blocks, free_blocks from pragma_database_size()").fetchone()


def main(figures: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="publish_blocks_"))
    try:
        published = folder / "published.duckdb"
        write_fresh(published, figures)
        print(f"{figures:,} figures, duckdb {duckdb.__version__}")
        print(f"{'how':34} {'bytes/figure':>12} {'total blocks':>12} {'free blocks':>11} {'seconds':>8}")
        total, free = blocks(published)
        print(f"{'published (fresh)':34} {published.stat().st_size / figures:12.1f} {total:12} {free:11} {'':>8}")
        for how in (
            "delete+insert",
            "delete+insert, force checkpoint",
            "delete+insert, vacuum",
            "replace table",
            "delete all + insert all",
            "delete+insert, twice",
        ):
            copy = folder / "copy.duckdb"
            shutil.copyfile(published, copy)
            started = time.perf_counter()
            add_source(copy, figures, how)
            if how == "delete+insert, twice":
                add_source(copy, figures, how)
            seconds = time.perf_counter() - started
            total, free = blocks(copy)
            print(f"{how:34} {copy.stat().st_size / (figures + 50):12.1f} {total:12} {free:11} {seconds:8.2f}")
            copy.unlink()
        fresh = folder / "fresh.duckdb"
        started = time.perf_counter()
        write_fresh(fresh, figures + 50)
        total, free = blocks(fresh)
        seconds = time.perf_counter() - started
        per_figure = fresh.stat().st_size / (figures + 50)
        print(f"{'new file (full rewrite)':34} {per_figure:12.1f} {total:12} {free:11} {seconds:8.2f}")
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
