"""The floor of `make bench`: lab/sql/floor.sql run by plain DuckDB on a landing folder, no dbt.

python -m lab.floor LANDING_DIR DATABASE
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from pipeline import settings
from pipeline.literals import sql_string

FLOOR_SQL = settings.ROOT / "lab" / "sql" / "floor.sql"


def reader(landing: Path, kind: str) -> str:
    """A relation of every landed file of `kind` (CSV and Parquet), with the file as landed_file."""
    folder = landing / kind
    parts = []
    if list(folder.glob("*.parquet")):
        parts.append(
            "select * exclude (filename), filename as landed_file "
            f"from read_parquet({sql_string(f'{folder}/*.parquet')}, filename = true)"
        )
    if list(folder.glob("*.csv")):
        parts.append(
            "select * exclude (filename), filename as landed_file "
            f"from read_csv({sql_string(f'{folder}/*.csv')}, header = true, union_by_name = true, "
            "all_varchar = true, filename = true)"
        )
    if not parts:
        raise FileNotFoundError(f"{folder}: no landed .parquet or .csv files")
    return "(" + " union all by name ".join(parts) + ")"


def floor_sql(landing: Path) -> str:
    text = FLOOR_SQL.read_text(encoding="utf-8")
    replacements = {"@@SEEDS@@": str(settings.ROOT / "seeds")}
    replacements |= {f"@@{kind.upper()}@@": reader(landing, kind) for kind in ["figures", "sources", "entities"]}
    replacements["@@ALIASES@@"] = reader(landing, "entity_aliases")
    for token, value in replacements.items():
        text = text.replace(token, value)
    return text


def run_floor(landing_dir: str | Path, database: str | Path) -> dict[str, int]:
    """Run the floor into `database`; return the violation counts of its checks."""
    started = time.perf_counter()
    with settings.connect(database) as connection:
        connection.execute(floor_sql(Path(landing_dir)))
        counts = dict(connection.execute("select check_name, violations from check_counts").fetchall())
        figures = connection.execute("select count(*) from fct_figures").fetchone()[0]
        rejected = connection.execute("select count(*) from audit_rejected_figures").fetchone()[0]
    print(f"floor: {figures:,} figures, {rejected:,} rejected, {time.perf_counter() - started:.1f} s")
    failing = {name: count for name, count in counts.items() if count}
    if failing:
        print(f"floor checks failing: {failing}")
    return counts


if __name__ == "__main__":
    run_floor(sys.argv[1], sys.argv[2])
