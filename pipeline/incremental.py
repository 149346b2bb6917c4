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
