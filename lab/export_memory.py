"""Peak memory of the Parquet exporter on a large mart: `python -m lab.export_memory --rows N`.

Generates a table shaped like `marts.fct_figures` with N rows (lab/sql/export_memory_figures.sql) in
its own DuckDB file under build/bench/export_memory/, then exports it in a fresh process per writer
and prints each one's wall time, peak resident memory (ru_maxrss) and file size:

- `streaming`: the product, pipeline/exports.write_parquet (pyarrow ParquetWriter over DuckDB record
  batches, per-field metadata);
- `copy`: DuckDB's own `COPY ... (format parquet)` (what the exports used before; no field metadata);
- `whole`: the whole table fetched as one Arrow table, then written (what batching avoids);
- `baseline`: the same process, connection and column list, writing nothing (Python, DuckDB and
  pyarrow themselves).

Every process runs under DUCKDB_MEMORY_LIMIT (default 3GB), as the build does.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq

from pipeline import exports, settings

WORK = settings.BUILD_DIR / "bench" / "export_memory"
TABLE_SQL = Path(__file__).parent / "sql" / "export_memory_figures.sql"
MODES = ("baseline", "streaming", "copy", "whole")


def generate(rows: int) -> Path:
    database = WORK / f"figures_{rows}.duckdb"
    if database.exists():
        return database
    WORK.mkdir(parents=True, exist_ok=True)
    partial = database.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    with settings.connect(partial) as connection:
        connection.execute("create schema marts")
        connection.execute(TABLE_SQL.read_text(encoding="utf-8"), {"rows": rows})
    partial.rename(database)
    return database


def export(database: Path, mode: str, target: Path) -> None:
    """One export of marts.fct_figures, run in its own process by `main`."""
    with settings.connect(database, read_only=True) as connection:
        columns = [
            {"name": name, "description": f"column {name}", "unit": "CNY" if name.endswith("_cny") else ""}
            for (name,) in connection.execute(
                "select column_name from duckdb_columns() where table_name = 'fct_figures'"
            ).fetchall()
        ]
        table = {"table": "fct_figures", "columns": columns}
        if mode == "baseline":
            target.write_bytes(b"")
        elif mode == "streaming":
            exports.write_parquet(connection, table, target, {"table": "fct_figures"})
        elif mode == "copy":
            connection.execute(f"copy marts.fct_figures to '{target}' (format parquet)")
        else:
            whole = connection.sql("select * from marts.fct_figures").fetch_arrow_table()
            pq.write_table(whole, target)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lab.export_memory")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--modes", default=",".join(MODES), help="comma-separated, of: " + ", ".join(MODES))
    parser.add_argument("--export", nargs=3, metavar=("DATABASE", "MODE", "TARGET"), help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)
    if arguments.export:
        database, mode, target = arguments.export
        export(Path(database), mode, Path(target))
        return 0
    started = time.perf_counter()
    database = generate(arguments.rows)
    print(
        f"table: {arguments.rows:,} rows, {database.stat().st_size / 1e6:,.0f} MB of DuckDB file "
        f"({time.perf_counter() - started:.0f} s to get); DUCKDB_MEMORY_LIMIT={settings.MEMORY_LIMIT}"
    )
    for mode in arguments.modes.split(","):
        target = WORK / f"figures_{arguments.rows}_{mode}.parquet"
        target.unlink(missing_ok=True)
        command = [sys.executable, "-m", "lab.export_memory", "--export", str(database), mode, str(target)]
        # a fresh measuring process per writer: ru_maxrss of waited-for children is a running maximum
        measured = subprocess.run(
            [sys.executable, "-m", "lab.measure", str(settings.ROOT), *command],
            capture_output=True,
            text=True,
            check=True,
        )
        result = json.loads(measured.stdout)
        if result["returncode"] != 0:
            print(f"{mode}: failed\n{result['stderr'][-2000:]}")
            return 1
        print(
            json.dumps(
                {
                    "writer": mode,
                    "rows": arguments.rows,
                    "seconds": round(result["seconds"], 1),
                    "peak_rss_mib": round(result["peak_mib"]),
                    "file_mb": round(target.stat().st_size / 1e6),
                    "row_groups": pq.read_metadata(target).num_row_groups if mode != "baseline" else 0,
                }
            ),
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
