"""The grammar's vocabulary is data: values are scaled exactly with every scale and unit word of the
seed, and a new currency goes in with seed rows alone."""

from __future__ import annotations

import csv
import io
import math
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest
from conftest import copy_project, read_csv, run_pipeline

from pipeline import dbt, settings

VALUE_WORDS = settings.SEEDS_DIR / "vocabulary" / "vocabulary_value_words.csv"

# Digits whose last places a rounding to six decimals (the old decimal(18, 6) cast) would lose.
LONG_NUMBERS = ["0.0021505", "1.234567891", "98765.4321012", "0.000000123"]


def words_of(word_class: str) -> list[dict[str, str]]:
    return [row for row in read_csv(VALUE_WORDS) if row["word_class"] == word_class]


def parse(warehouse_path: Path, tmp_path: Path, values: list[str]) -> dict[str, float]:
    """magnitude of each value as written, parsed by the staging grammar (stage_figures) in dbt."""
    literal = ", ".join("('" + value.replace("'", "''") + "')" for value in values)
    sql = f"""
        with written as (
            select
                value_as_written as figure_id, 's' as source_id, 1 as paragraph_number, 'x' as subject_as_written,
                '' as item_as_written, 'm' as metric_id, 'm' as metric_as_written, '' as period_as_written,
                value_as_written, '' as range_position, '' as direction_as_written, 'q' as quote, 'f' as landed_file
            from (values {literal}) as rows (value_as_written)
        ),
        staged as ({{{{ stage_figures('written', on_error='reject') }}}})
        select figure_id, magnitude, rejection_reason from staged
    """
    run = dbt.invoke(
        ["show", "--inline", sql, "--limit", str(len(values) + 1)],
        database=warehouse_path,
        target_path=tmp_path / "target",
        quiet=True,
    )
    assert run.success, run.describe()
    table = run.result.results[0].agate_table
    rows = {row["figure_id"]: (row["magnitude"], row["rejection_reason"]) for row in table.rows}
    assert {value: reason for value, (_, reason) in rows.items() if reason} == {}
    return {value: float(magnitude) for value, (magnitude, _) in rows.items()}


def test_long_fractions_are_scaled_exactly_with_every_scale_and_unit_word(warehouse_path, tmp_path):
    cases: dict[str, float] = {}
    for scale in words_of("scale"):
        for number in LONG_NUMBERS:
            # the exact product of the digits and the scale, rounded once, to the nearest double
            cases[f"{number} {scale['word']} yuan"] = float(Decimal(number).scaleb(int(scale["number_value"])))
    for unit in words_of("unit"):
        for number in LONG_NUMBERS:
            cases[f"{number} {unit['word']}"] = float(Decimal(number).scaleb(int(unit["number_value"])))
    found = parse(warehouse_path, tmp_path, list(cases))
    wrong = {value: (found[value], expected) for value, expected in cases.items() if found[value] != expected}
    assert wrong == {}
    assert found["0.0021505 trillion yuan"] == 2_150_500_000


# Forms of Indian, Korean and US articles (python_tests/fixtures/deccan_infotech_2025_01_16 and
# corvane_systems_2025_05_02), each with the magnitude its words give: none of them parsed before
# the rows for crore, lakh, Rs, halved and the Indian grouping of digits were added.
CRORE, LAKH = 10**7, 10**5
WRITTEN_FORMS = {
    "Rs 1,184 crore": 1184 * CRORE,  # a crore is ten million
    "Rs. 1,742.50": 1742.5,
    "₹10,150 crore": 10150 * CRORE,
    "₹24 lakh crore": 24 * LAKH * CRORE,  # a lakh of crores: 10^12
    "₹4.5 lakh": 4.5 * LAKH,
    "2,41,560": 241_560,  # Indian grouping: the last three digits, then pairs
    "1,23,45,678": 12_345_678,
    "₩3.2 trillion": 3.2e12,
    "halved": 1 / 2,  # a multiple below one
    "120 bps": 120 / 100,  # basis points, kept in percentage points
}


def test_indian_scale_words_rupee_forms_and_digit_grouping_parse(warehouse_path, tmp_path):
    found = parse(warehouse_path, tmp_path, list(WRITTEN_FORMS))
    assert {value: found[value] for value in WRITTEN_FORMS} == pytest.approx(WRITTEN_FORMS, rel=1e-12)


CURRENCY = "TWD"
DOCUMENT = "formosa_cloud_2024-03-01.txt"
SENTENCE = "Formosa Cloud said its revenue reached upwards of NT$12.5 billion in 2023."
NEW_ROWS = {
    # the currency: one row, with how it is written
    "vocabulary/vocabulary_currencies.csv": [
        {
            "currency_code": CURRENCY,
            "currency_name": "New Taiwan dollar",
            "written_before": "nt$;twd",
            "written_after": "twd;new taiwan dollars",
        }
    ],
    "vocabulary/vocabulary_value_words.csv": [
        {"word": "upwards of", "word_class": "qualifier", "meaning": "lower_bound", "note": "A new word."}
    ],
    # and its rates
    "reference/reference_fx_rates.csv": [
        {
            "currency_code": CURRENCY,
            "year": "2023",
            "units_per_usd": "31.25",
            "rate_kind": "annual average",
            "publisher": "Test publisher",
            "document": "A rate made up for this test",
        }
    ],
    "articles/article_sources.csv": [
        {
            "source_id": "formosa_2024_03_01",
            "title": "Formosa Cloud results",
            "published_date": "2024-03-01",
            "language": "en",
            "text_path": DOCUMENT,
            "section": "News",
        }
    ],
    "articles/article_source_context.csv": [
        {"source_id": "formosa_2024_03_01", "lead_entity_id": "formosa_cloud", "local_currency": CURRENCY, "note": ""}
    ],
    "articles/article_figures.csv": [
        {
            "figure_id": "formosa_revenue_2023",
            "source_id": "formosa_2024_03_01",
            "paragraph_number": "1",
            "subject_as_written": "Formosa Cloud",
            "metric_id": "revenue",
            "metric_as_written": "revenue",
            "period_as_written": "2023",
            "value_as_written": "upwards of NT$12.5 billion",
            "quote": SENTENCE,
        }
    ],
    "curated/curated_entities.csv": [
        {"entity_id": "formosa_cloud", "entity_name": "Formosa Cloud", "entity_type": "cloud_provider"}
    ],
    "curated/curated_entity_aliases.csv": [
        {"alias": "Formosa Cloud", "entity_id": "formosa_cloud", "note": "Canonical name."}
    ],
}


def append(path: Path, new_rows: list[dict[str, str]]) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    buffer = io.StringIO()
    csv.DictWriter(buffer, fieldnames=header, lineterminator="\n").writerows(new_rows)
    path.write_text(path.read_text(encoding="utf-8") + buffer.getvalue(), encoding="utf-8")


@pytest.fixture(scope="module")
def with_a_new_currency(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("currency") / "project")
    for seed, new_rows in NEW_ROWS.items():
        append(project / "seeds" / seed, new_rows)
    (project / "documents" / DOCUMENT).write_text(SENTENCE + "\n", encoding="utf-8")
    completed = run_pipeline(project, project / "documents")
    assert completed.returncode == 0, completed.stdout[-5000:] + completed.stderr[-3000:]
    return project


def test_a_currency_and_a_qualifier_are_added_by_seed_rows_alone(with_a_new_currency):
    with duckdb.connect(str(with_a_new_currency / "warehouse.duckdb"), read_only=True) as connection:
        figure = connection.execute(
            "select value, unit, currency_code, qualifier, value_usd, value_cny, fx_missing_reason"
            " from marts.fct_figures where figure_id = 'formosa_revenue_2023'"
        ).fetchone()
        financials = connection.execute(
            "select revenue_amount, revenue_currency from marts.fct_company_financials"
            " where company_id = 'formosa_cloud' and fiscal_year = 2023"
        ).fetchone()
    # the rates seed is part of the build's state (build/state), not of what readers open
    with duckdb.connect(str(with_a_new_currency / "build" / "state" / "warehouse.duckdb"), read_only=True) as state:
        yuan_per_dollar = state.execute(
            "select units_per_usd from raw.reference_fx_rates where currency_code = 'CNY' and year = 2023"
        ).fetchone()[0]
    value, unit, currency, qualifier, value_usd, value_cny, reason = figure
    assert (value, unit, currency, qualifier, reason) == (12.5e9, CURRENCY, CURRENCY, "lower_bound", None)
    assert math.isclose(value_usd, 12.5e9 / 31.25, rel_tol=1e-12)
    assert math.isclose(value_cny, 12.5e9 / 31.25 * yuan_per_dollar, rel_tol=1e-12)
    assert financials == (12.5e9, CURRENCY)


def test_an_unknown_word_message_names_the_words_with_single_spaces(warehouse_path, tmp_path):
    """The words a value does not know are named as written, one space apart ("zz 1,184 qq" once
    read 'zz   qq', the number's gap kept)."""
    run = dbt.invoke(
        ["show", "--inline", "select {{ value_unknown_words(\"'zz 1,184 qq'\") }} as unknown", "--limit", "1"],
        database=warehouse_path,
        target_path=tmp_path / "target",
        quiet=True,
    )
    assert run.success, run.describe()
    assert [row["unknown"] for row in run.result.results[0].agate_table.rows] == ["zz qq"]
