"""The rows of a failed data test as a build prints them (pipeline/dbt.py offending_rows): nothing of a
value is lost, however long (the files a repeated key is found in, a quote)."""

from __future__ import annotations

import duckdb

from pipeline import dbt


def test_a_long_value_is_written_whole_below_the_table(tmp_path):
    database = tmp_path / "warehouse.duckdb"
    duckdb.connect(str(database)).close()
    places = ", ".join(f"landed_file: batch_{number:06d}.csv" for number in range(1, 9))
    shown = dbt.offending_rows(
        database, f"select 'fig_1' as figure_id, '{places}' as found_in union all select 'fig_2', 'x'"
    )
    lines = shown.splitlines()
    # the header and the two rows, then the one value the table cut
    assert "fig_1" in lines[1] and "fig_2" in lines[2]
    assert lines[3:] == [f"    row 1, found_in: {places}"]


def test_a_failing_query_is_named_not_raised(tmp_path):
    database = tmp_path / "warehouse.duckdb"
    duckdb.connect(str(database)).close()
    assert "could not read the failing rows" in dbt.offending_rows(database, "select * from missing_table")
