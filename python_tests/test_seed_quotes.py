"""Every figure in the seeds is in the article: quotes are verbatim. That every number of the article is a
figure is the dbt test assert_every_number_mention_is_accounted_for (python_tests/test_document_mentions.py)."""

from __future__ import annotations

import re


def fold(text: str) -> str:
    return " ".join(text.split())


def document_paragraphs(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def test_every_quote_is_verbatim_in_its_paragraph(figures, documents):
    wrong = []
    for figure in figures:
        paragraphs = document_paragraphs(documents[figure["source_id"]])
        number = int(figure["paragraph_number"])
        paragraph = fold(paragraphs[number - 1]) if 0 < number <= len(paragraphs) else ""
        if fold(figure["quote"]) not in paragraph:
            wrong.append(figure["figure_id"])
    assert wrong == []


def test_every_value_as_written_is_in_its_quote(figures):
    wrong = [
        figure["figure_id"]
        for figure in figures
        if figure["value_as_written"] not in figure["quote"]
        and not all(part in figure["quote"] for part in figure["value_as_written"].split(" to "))
    ]
    assert wrong == []


def test_figure_ids_are_readable_and_unique(figures):
    ids = [figure["figure_id"] for figure in figures]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9]+(?:_[a-z0-9]+)*", figure_id) for figure_id in ids)


def test_every_claim_quote_is_verbatim_and_holds_its_words(documents):
    from conftest import read_csv

    from pipeline import settings

    claims = read_csv(settings.SEEDS_DIR / "articles" / "article_claims.csv")
    wrong = []
    for claim in claims:
        paragraphs = document_paragraphs(documents[claim["source_id"]])
        paragraph = fold(paragraphs[int(claim["paragraph_number"]) - 1])
        if fold(claim["quote"]) not in paragraph or claim["claim_as_written"] not in claim["quote"]:
            wrong.append(claim["claim_id"])
    assert claims and wrong == []
