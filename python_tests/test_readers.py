"""The readers' recipes in the docs run as written against a published warehouse: the DuckDB CLI
commands (README and docs/) and every Python block of docs/readers.md."""

from __future__ import annotations

import importlib.util
import re
import shlex
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from pipeline import settings

DOCS = [settings.ROOT / "README.md", *sorted((settings.ROOT / "docs").rglob("*.md"))]
READERS = settings.ROOT / "docs" / "readers.md"
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def blocks(path: Path, language: str) -> list[str]:
    return [body for fenced, body in FENCE.findall(path.read_text(encoding="utf-8")) if fenced == language]


def cli_commands() -> list[tuple[str, str]]:
    """(document, command) for every DuckDB CLI command of a shell block in the docs."""
    return [
        (path.relative_to(settings.ROOT).as_posix(), line.strip())
        for path in DOCS
        for body in blocks(path, "sh")
        for line in body.splitlines()
        if line.strip().startswith(".venv/bin/duckdb")
    ]


def python_recipes() -> list[str]:
    return blocks(READERS, "python")


def with_the_venv(project: Path) -> Path:
    """The published copy of the project, with `.venv` pointing at the venv running the tests, so a
    command written as `.venv/bin/duckdb ...` runs there as written."""
    link = project / ".venv"
    if not link.exists():
        link.symlink_to(Path(sys.prefix), target_is_directory=True)
    return project


def test_the_docs_show_the_cli_and_python_recipes():
    assert cli_commands(), "no `.venv/bin/duckdb` command in a ```sh block of the README or docs/"
    assert len(python_recipes()) >= 3


@pytest.mark.parametrize("document, command", cli_commands())
def test_cli_query_runs_as_written(published, document, command):
    project = with_the_venv(published[0])
    completed = subprocess.run(
        command, shell=True, cwd=project, capture_output=True, text=True, check=False, stdin=subprocess.DEVNULL
    )
    assert completed.returncode == 0, f"{document}: {command}\n{completed.stdout[-2000:]}{completed.stderr[-2000:]}"
    assert "Error" not in completed.stderr, completed.stderr
    query = shlex.split(command)[-1]
    if query.lower().startswith("select"):
        # the shell printed the rows the same query gives through the library
        with duckdb.connect(str(project / "warehouse.duckdb"), read_only=True) as connection:
            rows = connection.execute(query).fetchall()
        assert rows, f"{document}: the query returns no row on the article's warehouse"
        printed = [line for line in completed.stdout.splitlines() if line.startswith("│")][2:]  # after name, type
        assert len(printed) == len(rows), completed.stdout
        for line, row in zip(printed, rows, strict=True):
            assert str(row[0]) in line, (line, row)


@pytest.mark.parametrize("recipe", python_recipes(), ids=lambda recipe: recipe.splitlines()[-1][:40])
def test_python_recipe_runs_as_written(published, recipe):
    missing = [
        module
        for module in re.findall(r"^(?:import|from) (\w+)", recipe, re.MULTILINE)
        if importlib.util.find_spec(module) is None
    ]
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed in the project's venv (run by hand: see docs/readers.md)")
    completed = subprocess.run(
        [sys.executable, "-c", recipe],
        cwd=published[0],
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert completed.stdout.strip() or recipe.rstrip().splitlines()[-1].isidentifier()
