"""Seed configuration: types for every column, reference data identical to its source."""

from __future__ import annotations

from pipeline import settings
from pipeline.seed_checks import declared_column_types, seed_files


def test_every_seed_column_has_a_declared_type():
    declared = declared_column_types()
    missing = []
    for path in seed_files():
        header = path.read_text(encoding="utf-8").splitlines()[0].split(",")
        missing += [f"{path.stem}.{column}" for column in header if column not in declared.get(path.stem, {})]
    assert missing == []


def test_reference_rates_are_a_copy_of_the_shared_reference():
    shared = settings.ROOT.parent / "shared" / "reference" / "usd_cny_annual_average.csv"
    if not shared.is_file():
        import pytest

        pytest.skip(f"{shared} is absent")
    seed = settings.SEEDS_DIR / "reference" / "reference_usd_cny_rates.csv"
    assert seed.read_bytes() == shared.read_bytes()
