"""The draft's measure (lab/draft_score.py) adds fixtures to a copy of the project the way the tests
do: a catalogue row two fixtures both carry is added once (added twice, the build joins a figure to
both metric rows and the measure counted that figure twice, one copy always "missed")."""

from __future__ import annotations

from lab.draft_score import new_rows

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
