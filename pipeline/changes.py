"""The change report: figures added, removed and changed against the previous publish.

Computed in the candidate before it is published (the previous publish attached read-only), kept
in its audit schema (audit.publish_changes, and the counts in audit.build_info) and printed by the
build.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import jinja2

from pipeline import settings
from pipeline.literals import identifier, sql_string

SQL_DIR = Path(__file__).parent / "sql"


@dataclass
class ChangeReport:
    previous_build_id: str | None
    added: int = 0
    removed: int = 0
    changed: int = 0
    examples: list[tuple] = field(default_factory=list)
    compared: bool = False
    unreadable: str | None = None

    def lines(self) -> list[str]:
        if self.unreadable:
            return [f"changes: the published warehouse could not be read to compare with ({self.unreadable})"]
        if not self.compared:
            return ["changes: a first publish, nothing to compare with"]
        against = f"build {self.previous_build_id}" if self.previous_build_id else "the published warehouse"
        lines = [
            f"changes against {against}: {self.added:,} figures added, {self.removed:,} removed, "
            f"{self.changed:,} changed (every one: select * from audit.publish_changes)"
        ]
        for figure_id, kind, columns, before, after in self.examples:
            if kind == "changed":
                lines.append(f"  changed {figure_id}: {columns}; value as written {before!r} -> {after!r}")
            else:
                lines.append(f"  {kind} {figure_id}: {(after if kind == 'added' else before)!r}")
        return lines


def statements(name: str, **context: object) -> list[str]:
    text = jinja2.Template((SQL_DIR / name).read_text(encoding="utf-8")).render(**context)
    return [statement for statement in text.split(";\n") if statement.strip()]


def fct_figures_columns(connection: duckdb.DuckDBPyConnection, catalog: str) -> list[str]:
    """The columns of `catalog`'s marts.fct_figures, in order (read from an empty result: listing
    duckdb_columns() walks every column of every attached database)."""
    relation = f"{identifier(catalog)}.marts.fct_figures"
    return [column[0] for column in connection.execute(f"select * from {relation} limit 0").description]  # noqa: S608


def compare(
    candidate: Path,
    published: Path,
    previous_build_id: str | None,
    example_limit: int = 10,
    changed_sources_only: bool = False,
) -> ChangeReport:
    """Write audit.publish_changes into `candidate`, comparing its fct_figures with `published`'s.
    `changed_sources_only`: the candidate is an incremental build of the state `published` was
    written from, so only the figures of the sources it changed (intermediate.int_changed_sources;
    fct_figures is kept per source) can differ, and only those are compared."""
    report = ChangeReport(previous_build_id)
    with settings.connect(candidate) as connection:
        if not published.is_file():
            for statement in statements("empty_change_report.sql"):
                connection.execute(statement)
            return report
        try:
            connection.execute(f"attach {sql_string(str(published))} as previous_publish (read_only)")
        except duckdb.Error as error:
            for statement in statements("empty_change_report.sql"):
                connection.execute(statement)
            report.unreadable = " ".join(str(error).split())
            return report
        try:
            current = fct_figures_columns(connection, "warehouse")
            previous = set(fct_figures_columns(connection, "previous_publish"))
            if not previous or "figure_id" not in previous:
                for statement in statements("empty_change_report.sql"):
                    connection.execute(statement)
                return report
            columns = [
                '"' + name.replace('"', '""') + '"' for name in current if name in previous and name != "figure_id"
            ]
            report_sql = statements("change_report.sql", columns=columns, changed_sources_only=changed_sources_only)
            for statement in report_sql:
                connection.execute(statement)
        finally:
            connection.execute("detach previous_publish")
        counts = dict(
            connection.execute("select change_kind, count(*) from audit.publish_changes group by all").fetchall()
        )
        report.added, report.removed, report.changed = (counts.get(kind, 0) for kind in ("added", "removed", "changed"))
        report.examples = connection.execute(
            """select figure_id, change_kind, changed_columns, value_as_written_before, value_as_written_after
               from audit.publish_changes order by change_kind, figure_id limit ?""",
            [example_limit],
        ).fetchall()
        report.compared = True
    return report
