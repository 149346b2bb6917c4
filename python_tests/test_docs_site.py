"""`make docs`: one static HTML file holding every model, the catalog of the warehouse, and the
exposures that say who reads each mart."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import yaml

from pipeline import settings


@pytest.fixture(scope="module")
def site(published) -> str:
    project, _ = published
    completed = subprocess.run(
        [sys.executable, "-m", "pipeline", "docs"], cwd=project, capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    files = sorted(path.name for path in (project / "build" / "docs").iterdir() if path.is_file())
    assert files == ["index.html"], "the site is one file (the warehouse copy is removed)"
    return (project / "build" / "docs" / "index.html").read_text(encoding="utf-8")


def model_names() -> list[str]:
    return sorted(path.stem for path in (settings.ROOT / "models").rglob("*.sql"))


def test_the_site_documents_every_model(site):
    missing = [name for name in model_names() if f"model.kingsoft_warehouse.{name}" not in site]
    assert missing == []


def test_the_site_carries_the_warehouse_catalog(site):
    """The catalog is read from the database: tables with their types and the column comments
    the build persisted there."""
    models = yaml.safe_load(
        (settings.ROOT / "models" / "marts" / "financials" / "_financials__models.yml").read_text(encoding="utf-8")
    )["models"]
    financials = next(model for model in models if model["name"] == "fct_company_financials")
    described = [column for column in financials["columns"] if "{{" not in column["description"]]
    for column in described:
        assert f'"comment": {json.dumps(column["description"])}' in site, column["name"]
    assert site.count('"type": "BASE TABLE"') >= len(list((settings.ROOT / "models" / "marts").rglob("f*.sql")))


def test_exposures_name_the_marts_they_read(site):
    exposures = yaml.safe_load((settings.ROOT / "models" / "marts" / "_exposures.yml").read_text(encoding="utf-8"))
    names = [exposure["name"] for exposure in exposures["exposures"]]
    assert {"figures_dashboard", "parquet_exports", "semantic_layer"} <= set(names)
    for name in names:
        assert f"exposure.kingsoft_warehouse.{name}" in site
