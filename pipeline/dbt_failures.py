"""What went wrong in a dbt run, read from target/run_results.json, with the offending rows."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from pipeline import settings

FAILED = {"error", "fail"}


def failed_nodes(target_dir: Path | None = None) -> list[dict]:
    path = (target_dir or settings.ROOT / "target") / "run_results.json"
    if not path.is_file():
        return []
    results = json.loads(path.read_text(encoding="utf-8"))["results"]
    return [result for result in results if result.get("status") in FAILED]


def offending_rows(database: Path, compiled_sql: str, limit: int = 10) -> str:
    """Run a failed test's query on the candidate and render its first rows as a table."""
    try:
        with duckdb.connect(str(database), read_only=True) as connection:
            frame = connection.sql(f"select * from ({compiled_sql}) as failures limit {limit}").df()
    except duckdb.Error as error:
        return f"    (could not re-run the test query: {error})"
    return "\n".join("    " + line for line in frame.to_string(index=False, max_colwidth=60).splitlines())


def describe_failures(database: Path, target_dir: Path | None = None) -> str:
    lines: list[str] = []
    for result in failed_nodes(target_dir):
        unique_id = result["unique_id"]
        message = (result.get("message") or "").strip()
        lines.append(f"- {unique_id}: {message}")
        compiled = result.get("compiled_code")
        if unique_id.startswith("test.") and compiled and result.get("status") == "fail":
            lines.append(offending_rows(database, compiled))
    return "\n".join(lines)
