"""The draft's measure (lab/draft_score.py) adds fixtures to a copy of the project the way the tests
do: a catalogue row two fixtures both carry is added once (added twice, the build joins a figure to
both metric rows and the measure counted that figure twice, one copy always "missed")."""

from __future__ import annotations

from lab.draft_score import new_rows, pair_rows

HEADER = ["metric_id", "metric_name", "unit_kind"]


def test_a_catalogue_row_already_present_is_not_added_again():
    present = [{"metric_id": "headcount", "metric_name": "Employees", "unit_kind": "count"}]
    added = [
        {"metric_id": "headcount", "metric_name": "Employees", "unit_kind": "count"},
        {"metric_id": "inventory", "metric_name": "Inventory", "unit_kind": "currency"},
    ]
    assert new_rows(HEADER, present, added) == [added[1]]


def test_a_row_that_differs_in_any_column_is_added_and_repeats_within_one_file_once():
    present = [{"metric_id": "headcount", "metric_name": "Employees", "unit_kind": "count"}]
    differing = {"metric_id": "headcount", "metric_name": "Staff", "unit_kind": "count"}
    assert new_rows(HEADER, present, [differing, dict(differing)]) == [differing]


def row(value: str, entity: str) -> dict[str, str]:
    """A curated row and a draft row in one dict (the columns of both that pairing reads)."""
    quote = "Tencent Cloud had over 2,800, and Huawei Cloud had over 2,800 as well."
    return {
        "paragraph_number": "39", "range_position": "", "value_as_written": value, "quote": quote,
        "entity_id": entity, "entity_id_guess": entity, "metric_id": "cdn_node_count",
        "period_label": "FY2023", "period_label_guess": "FY2023",
    }  # fmt: skip


def test_two_figures_of_one_sentence_with_one_value_are_paired_with_the_draft_row_of_their_subject():
    """The draft lists Huawei's "over 2,800" before Tencent's: each curated row still pairs with the
    row naming its subject (paired in the draft's order, both were counted wrong)."""
    curated = [row("over 2,800", "tencent_cloud"), row("over 2,800", "huawei_cloud")]
    proposed = [row("over 2,800", "huawei_cloud"), row("over 2,800", "tencent_cloud")]
    assert pair_rows(curated, proposed) == ([1, 0], [])


def test_a_row_with_no_right_draft_row_still_pairs_with_one_of_its_statement_and_extra_rows_stay_unpaired():
    curated = [row("over 2,800", "tencent_cloud"), row("3,200", "alibaba_cloud")]
    proposed = [row("over 2,800", "huawei_cloud"), row("over 2,800", "huawei_cloud")]
    assert pair_rows(curated, proposed) == ([0, None], [1])
