"""How a build tells who holds a DuckDB file (pipeline/publish.py): DuckDB takes an exclusive fcntl
lock for a read-write connection and a shared one for a read-only one. Each holder here is another
process, as a reader's notebook or a plain `dbt build` would be."""

from __future__ import annotations

import subprocess
import sys

import duckdb
import pytest

from pipeline import publish

# a process that opens the file (read-only with "ro") and keeps it open until its input closes
HOLD = (
    "import duckdb, sys; c = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == 'ro'); "
    "print('open', flush=True); sys.stdin.read()"
)


@pytest.fixture
def database(tmp_path):
    path = tmp_path / "warehouse.duckdb"
    duckdb.connect(str(path)).execute("create table t as select 1 as x").close()
    return path


def holding(database, mode):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(database), mode], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout.readline() == "open\n"
    return holder


@pytest.mark.parametrize(("mode", "writer", "anyone"), [(None, False, False), ("ro", False, True), ("rw", True, True)])
def test_a_reader_and_a_writer_are_told_apart(database, mode, writer, anyone):
    holder = holding(database, mode) if mode else None
    try:
        assert (publish.writer_holds(database), publish.anyone_holds(database)) == (writer, anyone)
    finally:
        if holder:
            holder.stdin.close()
            holder.wait()
    # once the holder is gone, nobody holds the file
    assert not publish.writer_holds(database) and not publish.anyone_holds(database)


def test_a_missing_file_has_no_writer(tmp_path):
    assert not publish.writer_holds(tmp_path / "missing.duckdb")
