"""What the tests of unseen fixture articles share (test_unseen_articles.py, test_new_analyst_articles.py):
a copy of the project with fixture articles added the way a user adds one, built and published, and
the checks every such test makes of it."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import duckdb
from conftest import add_fixture_article, copy_project, query_rows, read_csv, run_pipeline

from pipeline import currency_columns, settings


def build_with_articles(
    folder: Path, *fixtures: str, reporting_currencies: list[str] | None = None
) -> tuple[Path, subprocess.CompletedProcess]:
    """A copy of the project in `folder` with the fixtures' seed rows and texts added, and the
    outcome of `python -m pipeline build` there. With `reporting_currencies`, the copy reports in
    those (var reporting_currencies) and its model YAML is rewritten for them first, as a user
    changing the list does (`python -m pipeline currency-columns`)."""
    project = copy_project(folder / "project")
    for fixture in fixtures:
        add_fixture_article(project, fixture)
    if reporting_currencies is not None:
        set_reporting_currencies(project, reporting_currencies)
    return project, run_pipeline(project, project / "documents")


def set_reporting_currencies(project: Path, codes: list[str]) -> None:
    """Set var reporting_currencies in the copy `project` and rewrite its currency columns."""
    configuration = project / "dbt_project.yml"
    text = configuration.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.strip().startswith("reporting_currencies:"))
    configuration.write_text(text.replace(line, f"  reporting_currencies: [{', '.join(codes)}]", 1), encoding="utf-8")
    assert currency_columns.configured(project).reporting == codes
    currency_columns.write(project)


def assert_published(completed: subprocess.CompletedProcess) -> None:
    assert completed.returncode == 0, completed.stdout[-5000:] + completed.stderr[-3000:]
    assert "published warehouse.duckdb" in completed.stdout


def open_warehouse(build: tuple[Path, subprocess.CompletedProcess]) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to the published warehouse of a build that passed (for a fixture)."""
    project, completed = build
    assert completed.returncode == 0, completed.stdout[-5000:] + completed.stderr[-3000:]
    with duckdb.connect(str(project / "warehouse.duckdb"), read_only=True) as connection:
        yield connection


def figures_of(connection, source_id: str) -> dict[str, dict]:
    return {
        row["figure_id"]: row
        for row in query_rows(connection, "select * from marts.fct_figures where source_id = ?", source_id)
    }


def claim_verdicts(connection, source_ids: list[str]) -> dict[str, str]:
    """claim_id -> verdict of every claim of the given sources in marts.fct_claim_checks."""
    return dict(
        connection.execute(
            "select claim_id, verdict from marts.fct_claim_checks where list_contains(?, source_id)", [source_ids]
        ).fetchall()
    )


def units_per_usd(currency: str, year: int) -> float:
    """The reference rate of the seed (input, not output): units of `currency` per US dollar."""
    rates = read_csv(settings.SEEDS_DIR / "reference" / "reference_fx_rates.csv")
    return next(
        float(row["units_per_usd"]) for row in rates if row["currency_code"] == currency and row["year"] == str(year)
    )
