"""`python -m pipeline draft DOCUMENT` drafts the figure and claim rows of a registered document from
the warehouse's own models (int_document_draft_figures, int_document_draft_claims).

The document is python_tests/fixtures/nimbus_data_2025_08_26, registered in a copy of the project as a
user would before drafting: its text, its source and context rows, its company and names; its curated
figure rows are left out. The expected rows below were read off the text by hand."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys

import pytest
from conftest import FIXTURES, append_rows, copy_project

SOURCE_ID = "nimbus_data_2025_08_26"
REGISTRATION = [
    "articles/article_sources.csv",
    "articles/article_source_context.csv",
    "curated/curated_entities.csv",
    "curated/curated_entity_aliases.csv",
]


@pytest.fixture(scope="module")
def drafted(tmp_path_factory):
    folder = tmp_path_factory.mktemp("draft")
    project = copy_project(folder / "project")
    fixture = FIXTURES / SOURCE_ID
    for seed in REGISTRATION:
        append_rows(fixture / "seeds" / seed, project / "seeds" / seed)
    for document in (fixture / "documents").iterdir():
        shutil.copy2(document, project / "documents" / document.name)
    output = folder / "draft_figures.csv"
    completed = subprocess.run(
        [sys.executable, "-m", "pipeline", "draft", "nimbus_data_2025-08-26.txt", "--output", str(output)],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
        timeout=900,
    )
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    with output.open(encoding="utf-8", newline="") as handle:
        figures = list(csv.DictReader(handle))
    with (folder / "draft_claims.csv").open(encoding="utf-8", newline="") as handle:
        claims = list(csv.DictReader(handle))
    return figures, claims


def by_value(rows, value: str) -> dict[str, str]:
    found = [row for row in rows if row["value_as_written"] == value]
    assert len(found) == 1, (value, [row["value_as_written"] for row in rows])
    return found[0]


def test_every_number_of_the_text_gets_a_row_with_its_paragraph_and_sentence(drafted):
    figures, _ = drafted
    values = [(row["paragraph_number"], row["value_as_written"]) for row in figures]
    assert ("4", "S$1.84 billion") in values and ("9", "more than 480") in values and ("9", "up to 35%") in values
    revenue = by_value(figures, "S$1.84 billion")
    assert revenue["quote"].startswith("Nimbus Data Systems, the Singapore-based cloud infrastructure provider,")
    assert revenue["quote"].endswith("moved more of their workloads to its platform.")
    # the years of "the first half of 2025" are its period, not numbers of their own
    assert "2025" not in [row["value_as_written"] for row in figures]


def test_the_guesses_are_named_and_come_from_the_sentence(drafted):
    figures, _ = drafted
    revenue = by_value(figures, "S$1.84 billion")
    assert (revenue["entity_id_guess"], revenue["metric_id"], revenue["period_label_guess"]) == (
        "nimbus_data",
        "revenue",
        "2025-H1",
    )
    assert set(revenue["guessed_fields"].split(";")) >= {"subject_as_written", "metric_id", "period_as_written"}
    nodes = by_value(figures, "more than 480")  # "The company now runs ...": the lead entity, as of publication
    assert (nodes["subject_as_written"], nodes["entity_id_guess"], nodes["metric_id"]) == (
        "The company",
        "nimbus_data",
        "cdn_node_count",
    )
    assert nodes["period_label_guess"] == "as of 2025-08-26"
    cut = by_value(figures, "up to 35%")  # a price cut: whose prices (it) and of what (the item)
    assert (cut["entity_id_guess"], cut["item_as_written"], cut["direction_as_written"]) == (
        "nimbus_data",
        "storage products",
        "cut",
    )
    close = by_value(figures, "S$3.12")
    assert (close["metric_id"], close["period_label_guess"]) == ("closing_share_price", "2025-08-25")


def test_derived_numbers_get_draft_claim_rows(drafted):
    figures, claims = drafted
    ids = {row["value_as_written"]: row["figure_id"] for row in figures if row["paragraph_number"] == "11"}
    found = {row["stated_figure_id"]: row for row in claims}
    change = found[ids["38%"]]
    assert (change["claim_kind"], change["metric_id"], change["reference_metric_id"]) == (
        "change_from_reference",
        "closing_share_price",
        "ipo_share_price",
    )
    assert change["claim_as_written"] == "38% from their listing price"
    growth = next(row for row in claims if row["paragraph_number"] == "4")
    assert (growth["claim_kind"], growth["metric_id"]) == ("yoy_growth", "revenue")


def test_a_paragraph_with_no_period_takes_the_documents_leading_period(drafted):
    """ "Research and development expenses were S$212 million" states no period, nor does its
    paragraph: the draft takes the period the document states first, the headline's "first-half" (the
    latest first half by publication, written "H1 2025"; the lead's "the first half of 2025"), and says
    so; so does the headline's "21%"."""
    figures, _ = drafted
    research = by_value(figures, "S$212 million")
    assert (research["metric_id"], research["period_as_written"], research["period_label_guess"]) == (
        "rd_expense",
        "H1 2025",
        "2025-H1",
    )
    assert "the period the document states first" in research["guess_notes"]
    headline = next(row for row in figures if row["paragraph_number"] == "2" and row["value_as_written"] == "21%")
    assert headline["period_label_guess"] == "2025-H1"
