"""The claims report: the article's claims that its own figures contradict, and its conflicts."""

from __future__ import annotations

import textwrap
from pathlib import Path

import duckdb

from pipeline import settings

WIDTH = 100


def wrap(text: str, indent: str) -> str:
    return textwrap.fill(text, width=WIDTH, initial_indent=indent, subsequent_indent=indent)


def render(database: Path) -> str:
    with duckdb.connect(str(database), read_only=True) as connection:
        counts = dict(
            connection.execute(
                "select verdict, count(*) from marts.fct_claim_checks group by verdict order by verdict"
            ).fetchall()
        )
        inconsistent = connection.execute("""
            select claim_id, source_id, paragraph_number, claim_as_written, explanation
            from marts.fct_claim_checks where verdict = 'inconsistent' order by source_id, paragraph_number, claim_id
        """).fetchall()
        source_count = connection.execute("select count(distinct source_id) from marts.fct_claim_checks").fetchone()[0]
        conflicts = connection.execute("""
            select conflict_kind, entity_id, period_label, first_metric_id, first_value_as_written,
                   first_paragraph_number, second_metric_id, second_value_as_written, second_paragraph_number
            from marts.fct_figure_conflicts order by conflict_id
        """).fetchall()
    lines = ["Claims checked: " + ", ".join(f"{verdict} {count}" for verdict, count in counts.items())]
    lines.append(f"\nInconsistent claims ({len(inconsistent)}):")
    for claim_id, source_id, paragraph, as_written, explanation in inconsistent:
        # with claims from more than one source, say which source each is from
        where = f"{source_id}, paragraph {paragraph}" if source_count > 1 else f"paragraph {paragraph}"
        lines.append(f"  {claim_id} ({where})")
        lines.append(wrap(f'"{as_written}"', "      "))
        lines.append(wrap(explanation, "      "))
    lines.append(f"\nConflicting figures ({len(conflicts)}):")
    for kind, entity, period, metric_a, value_a, para_a, metric_b, value_b, para_b in conflicts:
        lines.append(f"  {kind}: {entity} {period}")
        lines.append(
            f"      {metric_a} = {value_a} (paragraph {para_a})  vs  {metric_b} = {value_b} (paragraph {para_b})"
        )
    return "\n".join(lines)


def main(database: Path = settings.PUBLISHED_PATH) -> int:
    if not database.is_file():
        print(f"{database} does not exist yet: run `make build` first.")
        return 1
    print(render(database))
    return 0
