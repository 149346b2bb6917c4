"""Seed configuration: a declared type for every seed column."""

from __future__ import annotations

from pipeline.seed_checks import declared_column_types, seed_files


def test_every_seed_column_has_a_declared_type():
    declared = declared_column_types()
    missing = []
    for path in seed_files():
        header = path.read_text(encoding="utf-8").splitlines()[0].split(",")
        missing += [f"{path.stem}.{column}" for column in header if column not in declared.get(path.stem, {})]
    assert missing == []
