"""`python -m pipeline check`: every problem of the seeds and documents at once, each as
`file:line: what is wrong; what to do`, without building the warehouse.

Two passes. The seed files' structure (UTF-8, headers, field counts, duplicate keys, claim rows)
is checked in Python, as the build's first stage does. Then dbt loads the seeds into a scratch
database under build/check/ and runs only the models that parse and resolve the article seeds
(stg_articles__figures through int_figures_normalised) and read the documents
(stg_documents__paragraphs, int_document_mentions), with the var seed_errors set to 'reject': a
seed row that does not parse or resolve is kept with its reason instead of stopping the run at the
first. The two data tests on the documents (quotes verbatim in their paragraph; every number
accounted for) run on them. Every row found is named by its file and line.
"""

from __future__ import annotations

import csv
import time
from dataclasses import dataclass
from pathlib import Path

from pipeline import dbt, settings
from pipeline.seed_checks import check_seeds

CHECK_DIR = settings.BUILD_DIR / "check"
MODELS = ["+int_figures_normalised", "+int_document_mentions"]
TESTS = ["assert_quotes_are_verbatim_in_their_paragraph", "assert_every_number_mention_is_accounted_for"]
FIGURES_SEED = "seeds/articles/article_figures.csv"


@dataclass(frozen=True)
class Problem:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


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


def query(database: Path, sql: str) -> list[dict]:
    with settings.connect(database, read_only=True) as connection:
        cursor = connection.execute(sql)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def figure_problems(database: Path, project_dir: Path) -> list[Problem]:
    lines = seed_lines(project_dir, FIGURES_SEED, ["figure_id"])
    rows = query(
        database,
        "select figure_id, rejection_reason from intermediate.int_figures_normalised "
        "where is_curated and rejection_reason is not null order by figure_id",
    )
    return [
        Problem(
            f"{FIGURES_SEED}:{lines.get((row['figure_id'],), '?')}",
            f"figure {row['figure_id']}: {row['rejection_reason']}",
        )
        for row in rows
    ]


def test_problems(run: dbt.DbtRun, database: Path, project_dir: Path) -> list[Problem]:
    problems: list[Problem] = []
    documents = {
        row["source_id"]: row["text_path"]
        for row in query(database, "select source_id, text_path from intermediate.int_sources")
    }
    paragraph_lines = {
        (row["text_path"], row["paragraph_number"]): row["line_number"]
        for row in query(
            database, "select text_path, paragraph_number, line_number from staging.stg_documents__paragraphs"
        )
    }
    documents_dir = settings.documents_dir()
    for failure in run.failures:
        if not failure.is_failed_test or not failure.compiled_code:
            problems.append(Problem("dbt", f"{failure.unique_id}: {failure.message}"))
            continue
        for row in query(database, failure.compiled_code):
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


def check(project_dir: Path = settings.ROOT, work_dir: Path = CHECK_DIR) -> list[Problem]:
    """Every problem found, structure first; the dbt pass runs only when the seeds load."""
    structural = check_seeds(quotes=False)
    problems = [Problem(str(problem).split(": ", 1)[0], str(problem).split(": ", 1)[-1]) for problem in structural]
    if problems:
        return problems  # dbt cannot load seeds whose structure is broken
    work_dir.mkdir(parents=True, exist_ok=True)
    database = work_dir / "check.duckdb"
    database.unlink(missing_ok=True)
    target = work_dir / "target"
    variables = {"seed_errors": "reject"}
    for command in (["seed"], ["run", "--full-refresh", "--select", *MODELS]):
        run = dbt.invoke(
            command, database=database, project_dir=project_dir, target_path=target, variables=variables, quiet=True
        )
        if not run.success:
            return [Problem("dbt", line) for line in run.describe(database).splitlines()]
    problems += figure_problems(database, project_dir)
    run = dbt.invoke(
        ["test", "--select", *TESTS],
        database=database,
        project_dir=project_dir,
        target_path=target,
        variables=variables,
        quiet=True,
    )
    problems += test_problems(run, database, project_dir)
    return problems


def main(argv: list[str] | None = None) -> int:
    if argv:
        print(f"check: unrecognized arguments: {' '.join(argv)}")
        return 2
    started = time.perf_counter()
    problems = check()
    seconds = time.perf_counter() - started
    for problem in problems:
        print(problem)
    if problems:
        print(f"check: {len(problems)} problem(s) in {seconds:.1f} s")
        return 1
    print(f"check: seeds and documents OK in {seconds:.1f} s")
    return 0
