"""The article's marts are what they were: every row and column of the marts as built from the
original commit (python_tests/fixtures/baseline_marts/*.csv) is in the current build, unchanged.

What changed by design is listed in python_tests/fixtures/baseline_marts/changes.yml: renamed
columns, added marts, columns and rows, and each value that changed, with why. Anything else that
differs (a value, a lost row or column, an unlisted addition) fails, naming the mart, row and column.

The snapshot was written from a build of the original commit by

    .venv/bin/python python_tests/test_baseline_marts.py BASELINE_WAREHOUSE.duckdb

Values are compared as DuckDB writes them as text (the same pinned DuckDB on both sides), so a
number that moves in its last digit is a change.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

import duckdb
import pytest
import yaml
from marts import mart_columns

FIXTURES = Path(__file__).parent / "fixtures" / "baseline_marts"
NULL = "\\N"  # how a NULL is written in the snapshot (an empty field is an empty string)


def as_text(connection, mart: str, names: list[str]) -> list[tuple]:
    """The rows of `mart`, only `names`, each value as DuckDB's text of it (NULL as None)."""
    selected = ", ".join(f'cast("{name}" as varchar)' for name in names)
    return connection.execute(f'select {selected} from marts."{mart}"').fetchall()


def write_snapshot(database: Path, folder: Path = FIXTURES) -> None:
    """One CSV per mart of `database`, every value as text."""
    with duckdb.connect(str(database), read_only=True) as connection:
        marts = [
            name
            for (name,) in connection.execute(
                "select table_name from duckdb_tables() where schema_name = 'marts'"
            ).fetchall()
        ]
        for mart in sorted(marts):
            names = mart_columns(connection, mart)
            rows = sorted(as_text(connection, mart, names), key=lambda row: [str(value) for value in row])
            with (folder / f"{mart}.csv").open("w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle, lineterminator="\n")
                writer.writerow(names)
                writer.writerows([NULL if value is None else value for value in row] for row in rows)


def read_snapshot(mart: str) -> tuple[list[str], list[tuple]]:
    with (FIXTURES / f"{mart}.csv").open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    return header, [tuple(None if value == NULL else value for value in row) for row in rows]


def changes() -> dict:
    return yaml.safe_load((FIXTURES / "changes.yml").read_text(encoding="utf-8"))


BASELINE_MARTS = sorted(path.stem for path in FIXTURES.glob("*.csv"))


def differences(connection, mart: str, listed: dict) -> list[str]:
    """What differs between the snapshot of `mart` and `connection`'s build, beyond what `listed`
    (changes.yml) allows."""
    header, baseline = read_snapshot(mart)
    renames = (listed.get("renames") or {}).get(mart, {})
    current_names = [renames.get(name, name) for name in header]
    present = mart_columns(connection, mart)
    problems = [f"{mart}: column {name} is gone" for name in current_names if name not in present]
    added = sorted(set(present) - set(current_names))
    if added != sorted((listed.get("added_columns") or {}).get(mart, [])):
        problems.append(
            f"{mart}: columns added {added}, changes.yml lists {(listed.get('added_columns') or {}).get(mart)}"
        )
    if problems:
        return problems
    expected = list(baseline)
    for change in [change for change in listed.get("changed_values") or [] if change["mart"] == mart]:
        position = header.index(change["column"])
        matches = [index for index, row in enumerate(expected) if row[0] == change["key"]]
        if len(matches) != 1 or expected[matches[0]][position] != change["baseline"]:
            problems.append(f"{mart}: changes.yml lists {change}, which the snapshot does not hold")
            continue
        row = list(expected[matches[0]])
        row[position] = change["current"]
        expected[matches[0]] = tuple(row)
    current = Counter(as_text(connection, mart, current_names))
    wanted = Counter(expected)
    for row in sorted((wanted - current).elements(), key=str):
        near = [other for other in current if other[0] == row[0]]
        changed = [
            f"{name}: {before!r} -> {after!r}"
            for name, before, after in zip(header, row, near[0] if near else row, strict=True)
            if before != after
        ]
        problems.append(f"{mart} row {header[0]}={row[0]!r}: " + ("; ".join(changed) if near else "missing"))
    added_rows = sorted(str(row[0]) for row in (current - wanted).elements())
    listed_rows = sorted((listed.get("added_rows") or {}).get(mart, []))
    if added_rows != listed_rows and not any(problem.startswith(f"{mart} row") for problem in problems):
        problems.append(f"{mart}: rows added {added_rows}, changes.yml lists {listed_rows}")
    return problems


@pytest.fixture(scope="module")
def built(warehouse_path):
    with duckdb.connect(str(warehouse_path), read_only=True) as connection:
        yield connection


def test_the_snapshot_holds_every_mart_of_the_original_build():
    assert len(BASELINE_MARTS) >= 10 and "fct_figures" in BASELINE_MARTS


@pytest.mark.parametrize("mart", BASELINE_MARTS)
def test_baseline_mart_is_unchanged(built, mart):
    problems = differences(built, mart, changes())
    assert not problems, "\n".join(problems)


def test_only_the_listed_marts_are_new(built):
    marts = {
        name
        for (name,) in built.execute("select table_name from duckdb_tables() where schema_name = 'marts'").fetchall()
    }
    assert sorted(marts - set(BASELINE_MARTS)) == sorted(changes().get("added_marts") or [])


def test_a_changed_value_fails(tmp_path):
    """The comparison itself: a mart whose value moved in its last digit, or lost a row, fails."""
    header, rows = read_snapshot("fct_figures")
    database = tmp_path / "changed.duckdb"
    with duckdb.connect(str(database)) as connection:
        connection.execute("create schema marts")
        connection.execute(
            "create table marts.fct_figures as "
            "select * from read_csv(?, all_varchar = true, nullstr = ?, header = true)",
            [str(FIXTURES / "fct_figures.csv"), NULL],
        )
        listed = {"added_columns": {}, "added_rows": {}}
        assert differences(connection, "fct_figures", listed) == []
        value = header.index("value")
        connection.execute("update marts.fct_figures set value = value || '1' where figure_id = ?", [rows[0][0]])
        assert any("value" in problem for problem in differences(connection, "fct_figures", listed))
        connection.execute("delete from marts.fct_figures where figure_id = ?", [rows[0][0]])
        assert any(problem.endswith("missing") for problem in differences(connection, "fct_figures", listed))
        assert rows[0][value] is not None


if __name__ == "__main__":
    write_snapshot(Path(sys.argv[1]))
