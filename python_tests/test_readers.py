"""Every example in the README and docs/*.md runs as written against a published warehouse.

A fenced block says what it is by its language: ```sh (run by bash in the published project, every
line; a `.venv/bin/duckdb` query is also compared with the rows the library gives), ```python (run
as a script there), ```sql (run read-only on the warehouse), ```yaml (parsed; a suite declaration is
loaded as pipeline/expectation_suites.py loads one); ```text and ```csv blocks are shown, not run. A
runnable block that the tests do not run starts with a `not run: <why>` comment. A block with no
language, or another one, fails, and so does an unmarked block that errors."""

from __future__ import annotations

import importlib.util
import re
import shlex
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest
import yaml

from pipeline import expectation_suites, settings

DOCS = [settings.ROOT / "README.md", *sorted((settings.ROOT / "docs").rglob("*.md"))]
FENCE = re.compile(r"^([ \t]*)```([^\n`]*)\n(.*?)^\1```", re.MULTILINE | re.DOTALL)  # indented in a list too
RUN = {"sh", "python", "sql", "yaml"}
SHOWN = {"text", "csv"}
NOT_RUN = re.compile(r"^(#|--) not run: \S")


def examples(paths: list[Path] = DOCS) -> list[tuple[str, str, str]]:
    """(where, language, body) of every fenced block of `paths`; where is document:line."""
    found = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        for match in FENCE.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            where = f"{path.relative_to(settings.ROOT).as_posix()}:{line}"
            found.append((where, match.group(2).strip(), textwrap.dedent(match.group(3))))
    return found


def runnable(language: str) -> list[tuple[str, str]]:
    """(where, body) of the blocks in `language` that are not marked `not run`."""
    return [(where, body) for where, fenced, body in examples() if fenced == language and not NOT_RUN.match(body)]


def cli_commands() -> list[tuple[str, str]]:
    """(document, command) for every DuckDB CLI command of a shell block in the docs."""
    return [
        (where, line.strip())
        for where, body in runnable("sh")
        for line in body.splitlines()
        if line.strip().startswith(".venv/bin/duckdb")
    ]


def python_recipes() -> list[tuple[str, str]]:
    return runnable("python")


def test_every_block_says_whether_it_runs():
    unmarked = [f"{where}: ```{language}" for where, language, _ in examples() if language not in RUN | SHOWN]
    assert not unmarked, f"blocks neither run nor marked shown (```text): {unmarked}"
    marked = [where for where, language, body in examples() if language in SHOWN and NOT_RUN.match(body)]
    assert not marked, f"a ```text or ```csv block is never run; drop its `not run` comment: {marked}"


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
    assert {where.split(":")[0] for where, _ in python_recipes()} >= {"README.md", "docs/readers.md"}


@pytest.mark.parametrize("where, script", runnable("sh"), ids=[where for where, _ in runnable("sh")])
def test_shell_block_runs_as_written(published, where, script):
    project = with_the_venv(published[0])
    completed = subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", script],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert completed.returncode == 0, f"{where}:\n{script}\n{completed.stdout[-2000:]}{completed.stderr[-2000:]}"


@pytest.mark.parametrize("where, query", runnable("sql"), ids=[where for where, _ in runnable("sql")])
def test_sql_block_runs_as_written(published, where, query):
    with duckdb.connect(str(published[0] / "warehouse.duckdb"), read_only=True) as connection:
        assert connection.execute(query).fetchall(), f"{where}: the query returns no row on the article's warehouse"


@pytest.mark.parametrize("where, text", runnable("yaml"), ids=[where for where, _ in runnable("yaml")])
def test_yaml_block_is_valid(tmp_path, where, text):
    data = yaml.safe_load(text)
    assert isinstance(data, dict), f"{where}: not a YAML mapping"
    if "expectations" in data:  # a suite declaration, as gx/expectations/<mart>.yml holds one
        path = tmp_path / f"{data['mart']}.yml"
        path.write_text(text, encoding="utf-8")
        declaration = expectation_suites.load_declaration(path)
        assert "select" in expectation_suites.render_sql(declaration, "violations")


@pytest.mark.parametrize("document, command", cli_commands(), ids=[where for where, _ in cli_commands()])
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


@pytest.mark.parametrize("where, recipe", python_recipes(), ids=[where for where, _ in python_recipes()])
def test_python_recipe_runs_as_written(published, where, recipe):
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
    assert completed.returncode == 0, f"{where}:\n{completed.stderr[-3000:]}"
    assert completed.stdout.strip() or recipe.rstrip().splitlines()[-1].isidentifier(), f"{where}: prints nothing"
