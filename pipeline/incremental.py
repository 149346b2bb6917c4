"""When an incremental build may keep the figures earlier builds loaded.

An incremental build loads only the figure files it has not loaded as they are now. The figures it
keeps were resolved against the landed sources, entities and aliases as they were then; if landed
files changed those since (a new alias for a subject an earlier figure could not resolve, a
corrected publication date), a full build would resolve them differently. This check finds such
figures (the view intermediate.int_earlier_figures_touched, compiled by dbt so that names are
matched on the alias key as resolution matches them); the build then rebuilds in full, so
incremental and full builds give the same marts. What the earlier build loaded is kept in the
warehouse itself (schema build_state), written after each successful dbt build.
"""

from __future__ import annotations

from pathlib import Path

from pipeline import settings

SQL_DIR = Path(__file__).parent / "sql"


def earlier_figures_touched(candidate: Path) -> int:
    """Figures of `candidate` loaded by earlier builds whose source, entity or alias (of their
    subject or item) changed since."""
    with settings.connect(candidate) as connection:
        found = connection.execute(
            "select count(*) from duckdb_tables() where schema_name = 'build_state' and table_name = 'loaded_files'"
        ).fetchone()[0]
        if not found:
            # a warehouse from before build_state was kept: treat every earlier figure as touched
            return connection.execute("select count(*) from intermediate.int_figures_resolved").fetchone()[0]
        return connection.execute("select count(*) from intermediate.int_earlier_figures_touched").fetchone()[0]


def record_loaded_state(candidate: Path) -> None:
    """Keep in `candidate` what it was built from, for the next incremental build to compare with."""
    text = (SQL_DIR / "loaded_state.sql").read_text(encoding="utf-8")
    with settings.connect(candidate) as connection:
        for statement in text.split(";\n"):
            if statement.strip():
                connection.execute(statement)


def record_build_changes(candidate: Path, build_id: str, built_from: str | None, mode: str) -> None:
    """Keep in `candidate` which build this was, the build whose state it was built on, its mode and
    the sources and entities it changed (pipeline/sql/build_changes.sql)."""
    text = (SQL_DIR / "build_changes.sql").read_text(encoding="utf-8")
    parameters = {"build_id": build_id, "built_from": built_from, "mode": mode}
    with settings.connect(candidate) as connection:
        for statement in text.split(";\n"):
            if statement.strip():
                used = {name: value for name, value in parameters.items() if f"${name}" in statement}
                connection.execute(statement, used or None)


def builds_since(candidate: Path, build_id: str, since: str, most: int = 3) -> list[str] | None:
    """The builds from `build_id` back to `since` (not included), each an incremental build of the
    state the one before it left: the builds whose changed sources and entities are all the rows
    in which the published file of build `since` and the warehouse of `build_id` may differ. None
    when the chain is broken (a full build, a build not kept) or longer than `most`."""
    with settings.connect(candidate, read_only=True) as connection:
        found = connection.execute(
            "select count(*) from duckdb_tables() where schema_name = 'build_state' and table_name = 'build_changes'"
        ).fetchone()[0]
        if not found:
            return None
        kept = {
            row[0]: (row[1], row[2])
            for row in connection.execute(
                "select build_id, built_from, build_mode from build_state.build_changes"
            ).fetchall()
        }
    chain, current = [], build_id
    while current != since:
        built_from, mode = kept.get(current, (None, None))
        if mode != "incremental" or built_from is None or len(chain) == most:
            return None
        chain.append(current)
        current = built_from
    return chain
