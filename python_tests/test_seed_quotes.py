"""Every figure in the seeds is in the article: quotes are verbatim, numbers are covered."""

from __future__ import annotations

import re
from collections import Counter

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
URL = re.compile(r"\?url=\S+|https?://\S+")
YEAR = re.compile(r"^(19|20)\d\d$")

# Number tokens of the article that are not figures, by paragraph (non-empty lines counted from 1).
# Four-digit years are periods, not figures, and are left out by rule (YEAR); so is an image URL.
NOT_FIGURES = {
    3: ["17", "07", "52"],  # publication date and time: "Wed, Apr 17 2024 07:52 AM EST"
    7: ["1"],  # section number "1."
    12: ["12"],  # day of the date "April 12, 2024"
    13: ["9"],  # threshold of a claim ("has not exceeded 9 billion yuan"), kept in the claims seed
    43: ["3"],  # part of a model's name, "GPT-3"
}


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


def figure_token(figure: dict[str, str]) -> str:
    """The number token a figure row stands for: its own end of a range, else the only number."""
    tokens = NUMBER.findall(figure["value_as_written"])
    return tokens[1] if figure["range_position"] == "second" else tokens[0]


def test_every_number_in_the_article_is_a_figure(figures, documents):
    for source_id, text in documents.items():
        stated = Counter()
        for number, paragraph in enumerate(document_paragraphs(text), start=1):
            for token in NUMBER.findall(URL.sub("", paragraph)):
                if not YEAR.match(token):
                    stated[(number, token)] += 1
        for number, tokens in NOT_FIGURES.items():
            for token in tokens:
                stated[(number, token)] -= 1
        seeded = Counter(
            (int(figure["paragraph_number"]), figure_token(figure))
            for figure in figures
            # a number written in words ("three") has no digits to count here
            if figure["source_id"] == source_id and NUMBER.search(figure["value_as_written"])
        )
        missing = sorted((stated - seeded).elements())
        extra = sorted((seeded - stated).elements())
        assert (missing, extra) == ([], []), f"numbers with no figure: {missing}; figures with no number: {extra}"


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
