"""`python -m pipeline check`: every problem of the seeds and documents at once, each as
`file:line: what is wrong; what to do`, without building the warehouse.

Two passes. The seed files' structure (UTF-8, headers, field counts, duplicate keys, claim rows)
is checked in Python (pipeline/seed_checks.py). Then the models that parse and resolve the article
seeds (stg_articles__figures through int_figures_normalised) and read the documents
(stg_documents__paragraphs, int_document_mentions) run on the seeds, with the var seed_errors set
to 'reject': a seed row that does not parse or resolve is kept with its reason instead of stopping
the run at the first. The two data tests on the documents (quotes verbatim in their paragraph;
every number accounted for) run on them. Every row found is named by its file and line.

The second pass runs one of two ways, with the same SQL:
- through dbt: dbt parses the project and compiles those models and tests (the seeds they read
  loaded first into a scratch database under build/check/, since the grammar macros read the
  vocabulary seeds while compiling), without building them; DuckDB then runs the compiled SQL as
  below, and it is saved, with a fingerprint of everything it was compiled from, in
  build/check/compiled.json;
- when that fingerprint still holds, the saved SQL is run again by DuckDB on the seeds as they are
  now, loaded as dbt loads them (the column_types of dbt_project.yml, DuckDB's COPY), in an
  in-memory database: no dbt start-up, no parse, no compile.
The fingerprint covers what the compiled SQL depends on: models, macros, tests, dbt_project.yml
and profiles.yml, the list of seed files, the content of every seed a macro reads at compile time
(the grammar's vocabulary, through vocabulary_rows), the project and documents folders, and the
versions of dbt, dbt-duckdb and DuckDB. A change to any of them (a new word in a vocabulary seed)
sends check through dbt again; a change to other seeds or to the documents' text does not, because
the SQL reads those when it runs.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.metadata
import json
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipeline import dbt, settings
from pipeline.json_schema_cache import json_schemas_kept_in
from pipeline.partial_parse import macro_edits_parse_their_users_only, without_generic_or_unit_tests
from pipeline.seed_checks import check_seeds
from pipeline.template_cache import compiled_templates_kept_in

CHECK_DIR = settings.BUILD_DIR / "check"
COMPILED_NAME = "compiled.json"
# the Python code Jinja compiled templates to, by their text (pipeline/template_cache.py)
TEMPLATES_NAME = "templates.marshal"
# the JSON schemas dbt validates what it parses against (pipeline/json_schema_cache.py)
JSON_SCHEMAS_NAME = "json_schemas.json"
MODELS = ["+int_figures_normalised", "+int_document_mentions"]
TESTS = ["assert_quotes_are_verbatim_in_their_paragraph", "assert_every_number_mention_is_accounted_for"]
FIGURES_SEED = "seeds/articles/article_figures.csv"
# what check's dbt pass compiles with: rows that do not parse are listed, not raised; landed files
# are the landing checks' and the build's business, never read by check (an empty landing folder)
CHECK_VARS = {"seed_errors": "reject", "check_tests_severity": "warn"}
# bump when the layout of compiled.json changes
COMPILED_FORMAT = 1
# a seed read while a node compiles: the grammar macros read them through vocabulary_rows('name')
COMPILE_TIME_SEED = re.compile(r"vocabulary_rows\(\s*['\"]([A-Za-z0-9_]+)['\"]\s*\)")

Rows = Callable[[str], list[dict]]


@dataclass(frozen=True)
class Problem:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True)
class CheckResult:
    problems: list[Problem]
    how: str  # "compiled SQL reused", "dbt", "seed files only"


def seed_lines(project_dir: Path, relative: str, key_columns: list[str]) -> dict[tuple[str, ...], int]:
    """Line of each row of a seed file, keyed by the values of `key_columns` (the first row wins)."""
    path = project_dir / relative
    lines: dict[tuple[str, ...], int] = {}
    if not path.is_file():
        return lines
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        line = reader.line_num + 1
        for row in reader:
            lines.setdefault(tuple((row.get(column) or "").strip() for column in key_columns), line)
            line = reader.line_num + 1
    return lines


def rows_of(connection) -> Rows:
    def rows(sql: str) -> list[dict]:
        cursor = connection.execute(sql)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    return rows


def figure_problems(rows: Rows, project_dir: Path) -> list[Problem]:
    lines = seed_lines(project_dir, FIGURES_SEED, ["figure_id"])
    found = rows(
        "select figure_id, rejection_reason from intermediate.int_figures_normalised "
        "where is_curated and rejection_reason is not null order by figure_id"
    )
    return [
        Problem(
            f"{FIGURES_SEED}:{lines.get((row['figure_id'],), '?')}",
            f"figure {row['figure_id']}: {row['rejection_reason']}",
        )
        for row in found
    ]


def test_row_problems(rows: Rows, failing_rows: list[dict], project_dir: Path) -> list[Problem]:
    """The rows a failed data test of TESTS returned, each named by its seed file and line, or by
    the line of its document."""
    problems: list[Problem] = []
    documents = {
        row["source_id"]: row["text_path"] for row in rows("select source_id, text_path from intermediate.int_sources")
    }
    paragraph_lines = {
        (row["text_path"], row["paragraph_number"]): row["line_number"]
        for row in rows("select text_path, paragraph_number, line_number from staging.stg_documents__paragraphs")
    }
    documents_dir = settings.documents_dir()
    for row in failing_rows:
        seed_file = row["seed_file"]
        if "row_id" in row:  # the quote test
            key = "figure_id" if row["row_kind"] == "figure" else "claim_id"
            line = seed_lines(project_dir, seed_file, [key]).get((row["row_id"],), "?")
            problems.append(Problem(f"{seed_file}:{line}", f"{row['row_kind']} {row['row_id']}: {row['problem']}"))
        elif seed_file.endswith("article_ignored_mentions.csv"):
            line = seed_lines(project_dir, seed_file, ["source_id", "paragraph_number", "mention_as_written"]).get(
                (row["source_id"], str(row["paragraph_number"]), row["mention_as_written"]), "?"
            )
            problems.append(Problem(f"{seed_file}:{line}", row["problem"]))
        else:  # a number no row accounts for: where it is in its document
            text_path = documents.get(row["source_id"], "")
            line = paragraph_lines.get((text_path, row["paragraph_number"]), "?")
            where = (
                (documents_dir / text_path).relative_to(settings.ROOT)
                if documents_dir.is_relative_to(settings.ROOT)
                else documents_dir / text_path
            )
            problems.append(Problem(f"{where}:{line}", row["problem"]))
    return problems


def is_check_test(failure: dbt.NodeFailure) -> bool:
    """A failed data test of TESTS whose rows name seed lines (its compiled SQL is in the result)."""
    return failure.is_failed_test and bool(failure.compiled_code) and failure.unique_id.rsplit(".", 1)[-1] in TESTS


def failed_test_problems(run: dbt.DbtRun, database: Path, project_dir: Path) -> list[Problem]:
    """The rows of the failed data tests of TESTS in a dbt run on `database`, as file:line problems
    (check's dbt pass, and the build's dbt stage when it fails)."""
    problems: list[Problem] = []
    failures = [failure for failure in run.failures if is_check_test(failure)]
    if not failures:
        return problems
    with settings.connect(database, read_only=True) as connection:
        rows = rows_of(connection)
        for failure in failures:
            problems += test_row_problems(rows, rows(failure.compiled_code or ""), project_dir)
    return problems


# --- what the compiled SQL depends on -------------------------------------------------------------


def compile_time_seeds(project_dir: Path) -> list[str]:
    """Seeds a macro, model or test reads while it compiles (by vocabulary_rows('name'))."""
    names: set[str] = set()
    for folder in ("macros", "models", "tests"):
        for path in (project_dir / folder).rglob("*.sql"):
            names.update(COMPILE_TIME_SEED.findall(path.read_text(encoding="utf-8")))
    return sorted(names)


def fingerprint(project_dir: Path) -> str:
    """A hash of everything check's compiled SQL depends on (see the module's docstring)."""
    digest = hashlib.sha256()

    def add(label: str, data: bytes) -> None:
        digest.update(label.encode() + b"\0" + data + b"\0")

    add("format", str(COMPILED_FORMAT).encode())
    for package in ("dbt-core", "dbt-duckdb", "duckdb"):
        add(package, importlib.metadata.version(package).encode())
    add("project", str(project_dir.resolve()).encode())
    add("documents", str(settings.documents_dir()).encode())
    add("selection", json.dumps([MODELS, TESTS, CHECK_VARS]).encode())
    files = [project_dir / "dbt_project.yml", project_dir / "profiles.yml"]
    for folder in ("models", "macros", "tests"):
        files += sorted(path for path in (project_dir / folder).rglob("*") if path.is_file())
    seeds = sorted((project_dir / "seeds").rglob("*.csv"))
    add("seeds", "\n".join(str(path.relative_to(project_dir)) for path in seeds).encode())
    read_when_compiling = set(compile_time_seeds(project_dir))
    files += [path for path in seeds if path.stem in read_when_compiling]
    for path in files:
        add(str(path.relative_to(project_dir)), path.read_bytes() if path.is_file() else b"(missing)")
    return digest.hexdigest()


# --- through dbt ----------------------------------------------------------------------------------


def _relation(node) -> dict:
    return {"database": node.database, "schema": node.schema, "identifier": node.alias or node.name}


def _in_dag_order(nodes: list) -> list:
    by_id = {node.unique_id: node for node in nodes}
    ordered: list = []
    done: set[str] = set()

    def visit(unique_id: str) -> None:
        if unique_id in done or unique_id not in by_id:
            return
        done.add(unique_id)
        for parent in by_id[unique_id].depends_on.nodes:
            visit(parent)
        ordered.append(by_id[unique_id])

    for unique_id in sorted(by_id):
        visit(unique_id)
    return ordered


def seeds_read_by(manifest, names: set[str]) -> list:
    """The seed nodes the nodes named `names` (models and tests) read, directly or through others."""
    nodes = manifest.nodes
    stack = [unique_id for unique_id, node in nodes.items() if node.name in names]
    seen: set[str] = set()
    while stack:
        unique_id = stack.pop()
        if unique_id in seen or unique_id not in nodes:
            continue
        seen.add(unique_id)
        stack += getattr(nodes[unique_id].depends_on, "nodes", [])
    return sorted((nodes[unique_id] for unique_id in seen if nodes[unique_id].resource_type == "seed"), key=str)


def seed_entries(seeds: list) -> list[dict]:
    """Where each seed is loaded and from which file, with its column_types (dbt_project.yml)."""
    return [
        {**_relation(node), "path": node.original_file_path, "column_types": dict(node.config.column_types or {})}
        for node in sorted(seeds, key=lambda node: node.unique_id)
    ]


def compiled_sql(print_: str, seeds: list, results: list) -> dict | None:
    """What check keeps of dbt's compile: seeds to load, models in DAG order, data tests."""
    models = [
        {
            **_relation(node),
            "unique_id": node.unique_id,
            "materialized": node.config.materialized,
            "sql": node.compiled_code,
        }
        for node in _in_dag_order([result.node for result in results if result.node.resource_type == "model"])
    ]
    tests = [
        {"name": result.node.name, "sql": result.node.compiled_code}
        for result in results
        if result.node.resource_type == "test" and result.node.name in TESTS
    ]
    if any(not model["sql"] for model in models) or sorted(test["name"] for test in tests) != sorted(TESTS):
        return None
    return {"fingerprint": print_, "seeds": seed_entries(seeds), "models": models, "tests": tests}


def save_compiled(path: Path, saved: dict) -> None:
    # written aside, then renamed: a build reading it meanwhile sees the old file or the new one
    partial = path.with_suffix(".partial")
    partial.write_text(json.dumps(saved), encoding="utf-8")
    os.replace(partial, path)


def parse_and_compile(options: dict, project_dir: Path) -> list[Problem] | tuple[list, dbt.DbtRun]:
    """Check's dbt parse (pipeline/partial_parse.py), the seeds its models and tests read loaded in
    the scratch database, and dbt's compile of them: the seeds and the run, or what failed."""
    with macro_edits_parse_their_users_only(), without_generic_or_unit_tests():
        parsed = dbt.parse(**options)
    if not parsed.success:
        return [Problem("dbt", line) for line in parsed.describe().splitlines()]
    seeds = seeds_read_by(parsed.result, {name.lstrip("+") for name in MODELS} | set(TESTS))
    with settings.connect(options["database"]) as connection:
        for schema in sorted({entry["schema"] for entry in seed_entries(seeds)}):
            connection.execute(f'create schema if not exists "{schema}"')
        problems = load_seeds(connection, seed_entries(seeds), project_dir)
    if problems:
        return problems
    # the SQL the last check's compile wrote is moved aside first: writing over it waits on the disk
    deleting = dbt.set_aside_written_sql(options["target_path"])
    run = dbt.invoke(
        [
            # nothing on the console: `dbt compile --select` prints the SQL it compiled, even with
            # --quiet; a failure comes back in the run's result and is listed as a problem
            "--log-level",
            "none",
            "compile",
            "--full-refresh",
            "--select",
            *MODELS,
            *TESTS,
            "--indirect-selection",
            "empty",
            "--exclude",
            "resource_type:unit_test",
            "--no-write-json",
        ],
        manifest=parsed.result,
        **options,
    )
    deleting.join()
    if not run.success:
        return [Problem("dbt", line) for line in run.describe().splitlines()]
    return seeds, run


def check_with_dbt(project_dir: Path, work_dir: Path) -> list[Problem]:
    """dbt parses the project (after a macro edit, only the nodes that reach a macro whose text
    changed: pipeline/partial_parse.py) and compiles the models of MODELS and the data tests of TESTS, with
    the seeds they read loaded in a scratch database (the grammar macros read the vocabulary while
    compiling); DuckDB then runs that SQL as the reuse path does, and the SQL is kept for the next
    check. No `dbt build`: dbt's start-up, parse and compile, without materialising each node. Kept
    between these passes, for what dbt would otherwise build again from what did not change: Jinja's
    compile of each template, by its text (pipeline/template_cache.py), and the JSON schemas dbt
    validates its parse against, by the versions of dbt and its libraries (pipeline/json_schema_cache.py)."""
    work_dir.mkdir(parents=True, exist_ok=True)
    compiled = work_dir / COMPILED_NAME
    compiled.unlink(missing_ok=True)
    print_ = fingerprint(project_dir)
    database = work_dir / "check.duckdb"
    database.unlink(missing_ok=True)
    landing = work_dir / "no-landing"
    landing.mkdir(exist_ok=True)
    options = {
        "database": database,
        "project_dir": project_dir,
        "target_path": work_dir / "target",
        "variables": {**CHECK_VARS, "landing_dir": str(landing)},
        "quiet": True,
    }
    with (
        compiled_templates_kept_in(work_dir / TEMPLATES_NAME),
        json_schemas_kept_in(work_dir / JSON_SCHEMAS_NAME),
    ):
        outcome = parse_and_compile(options, project_dir)
    if isinstance(outcome, list):
        return outcome
    seeds, run = outcome
    saved = compiled_sql(print_, seeds, getattr(run.result, "results", None) or [])
    if saved is None:
        return [Problem("dbt", f"check's models and data tests did not all compile: {', '.join(TESTS)}")]
    problems = check_with_saved_sql(saved, project_dir)
    if not any(problem.where.startswith("dbt") for problem in problems):
        save_compiled(compiled, saved)
    return problems


# --- with the saved SQL ---------------------------------------------------------------------------


def saved_compiled(project_dir: Path, work_dir: Path) -> dict | None:
    """The SQL saved by check's last dbt pass, if everything it was compiled from is unchanged."""
    path = work_dir / COMPILED_NAME
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return saved if saved.get("fingerprint") == fingerprint(project_dir) else None


def _name(relation: dict, with_database: bool = True) -> str:
    parts = [relation["database"]] if with_database else []
    parts += [relation["schema"], relation["identifier"]]
    return ".".join('"' + part.replace('"', '""') + '"' for part in parts)


def load_seeds(connection, seeds: list[dict], project_dir: Path) -> list[Problem]:
    """Each seed as dbt-duckdb loads it: a table of its header's columns with their column_types
    (dbt_project.yml), then DuckDB's COPY of the file. A seed that does not load is a problem."""
    import duckdb

    problems: list[Problem] = []
    for seed in seeds:
        path = project_dir / seed["path"]
        with path.open(encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle))
        columns = ", ".join(
            '"' + name.replace('"', '""') + '" ' + seed["column_types"].get(name, "varchar") for name in header
        )
        literal = str(path).replace("'", "''")
        try:
            connection.execute(f"create table {_name(seed)} ({columns})")
            connection.execute(f"copy {_name(seed)} from '{literal}' (format csv, header true, delimiter ',')")
        except duckdb.Error as error:
            message = " ".join(str(error).split())
            problems.append(
                Problem(
                    seed["path"], f"does not load with its column_types (dbt_project.yml): {message}; fix the value"
                )
            )
    return problems


def check_with_saved_sql(saved: dict, project_dir: Path) -> list[Problem]:
    import duckdb

    with duckdb.connect(":memory:", config={"memory_limit": settings.MEMORY_LIMIT}) as connection:
        database = saved["models"][0]["database"] if saved["models"] else "memory"
        connection.execute(f"""attach ':memory:' as "{database}" """)
        connection.execute(f'use "{database}"')
        schemas = {(item["database"], item["schema"]) for item in saved["seeds"] + saved["models"]}
        for database_name, schema in sorted(schemas):
            connection.execute(f'create schema if not exists "{database_name}"."{schema}"')
        problems = load_seeds(connection, saved["seeds"], project_dir)
        if problems:
            return problems
        for model in saved["models"]:
            kind = "view" if model["materialized"] == "view" else "table"
            try:
                connection.execute(f"create {kind} {_name(model)} as (\n{model['sql']}\n)")
            except duckdb.Error as error:
                return [Problem(f"dbt {model['unique_id']}", " ".join(str(error).split()))]
        rows = rows_of(connection)
        problems += figure_problems(rows, project_dir)
        for test in saved["tests"]:
            failing = rows(test["sql"])
            if failing:
                problems += test_row_problems(rows, failing, project_dir)
    return problems


# --- check ----------------------------------------------------------------------------------------


def structural_problems() -> list[Problem]:
    return [Problem(str(problem).split(": ", 1)[0], str(problem).split(": ", 1)[-1]) for problem in check_seeds()]


def check_result(
    project_dir: Path = settings.ROOT, work_dir: Path = CHECK_DIR, dbt_allowed: bool = True
) -> CheckResult:
    """Every problem found, structure first; the models' pass runs only when the seeds load. With
    the saved compiled SQL when it still holds; else through dbt, unless `dbt_allowed` is false
    (the build, whose own dbt stage then runs the same models and tests)."""
    problems = structural_problems()
    if problems:
        return CheckResult(problems, "seed files only")  # seeds whose structure is broken do not load
    saved = saved_compiled(project_dir, work_dir)
    if saved is not None:
        return CheckResult(check_with_saved_sql(saved, project_dir), "compiled SQL reused")
    if not dbt_allowed:
        return CheckResult([], "seed files only")
    return CheckResult(check_with_dbt(project_dir, work_dir), "dbt")


def check(project_dir: Path = settings.ROOT, work_dir: Path = CHECK_DIR) -> list[Problem]:
    return check_result(project_dir, work_dir).problems


def reading_order(problem: Problem) -> tuple[str, int]:
    """File, then line: the order in which a user fixes them ("dbt" and other places without a line first)."""
    path, _, line = problem.where.partition(":")
    return (path, int(line) if line.isdigit() else 0)


def main(argv: list[str] | None = None) -> int:
    if argv:
        print(f"check: unrecognized arguments: {' '.join(argv)}")
        return 2
    started = time.perf_counter()
    result = check_result()
    seconds = time.perf_counter() - started
    for problem in sorted(result.problems, key=reading_order):
        print(problem)
    how = {
        "compiled SQL reused": "the SQL dbt compiled for the last check, reused",
        "dbt": "through dbt; its compiled SQL is kept for the next check",
        "seed files only": "seed files only",
    }[result.how]
    if result.problems:
        print(f"check: {len(result.problems)} problem(s) in {seconds:.1f} s ({how})")
        return 1
    print(f"check: seeds and documents OK in {seconds:.1f} s ({how})")
    return 0
