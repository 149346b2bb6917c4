"""Swap a checked candidate database in as the published warehouse, atomically."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb


def checkpoint(database: Path) -> None:
    """Fold any write-ahead log into the file, so the file alone holds the whole warehouse."""
    with duckdb.connect(str(database)) as connection:
        connection.execute("checkpoint")
    wal = database.with_name(database.name + ".wal")
    if wal.exists():
        raise RuntimeError(f"{wal} still exists after a checkpoint; refusing to publish a partial file")


def publish(candidate: Path, published: Path) -> None:
    """Replace `published` by `candidate` in one rename: readers that have the old file open keep
    their snapshot; new connections see the new one. Nothing is ever half-written."""
    checkpoint(candidate)
    os.replace(candidate, published)
