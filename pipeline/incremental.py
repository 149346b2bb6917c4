"""When an incremental build may keep the figures earlier builds loaded.

An incremental build loads only the figure files it has not loaded as they are now. The figures it
keeps were resolved against the landed sources, entities and aliases as they were then; if landed
files changed those since (a new alias for a subject an earlier figure could not resolve, a
corrected publication date), a full build would resolve them differently. This check finds such
figures; the build then rebuilds in full, so incremental and full builds give the same marts.
"""

from __future__ import annotations

from pathlib import Path

from pipeline import settings
from pipeline.literals import sql_string

SQL = Path(__file__).parent / "sql" / "earlier_figures_touched.sql"


def earlier_figures_touched(candidate: Path, published: Path) -> int:
    """Figures of `candidate` loaded by earlier builds whose source, entity or alias changed since."""
    with settings.connect(candidate) as connection:
        connection.execute(f"attach {sql_string(str(published))} as previous_publish (read_only)")
        try:
            return connection.execute(SQL.read_text(encoding="utf-8")).fetchone()[0]
        finally:
            connection.execute("detach previous_publish")
