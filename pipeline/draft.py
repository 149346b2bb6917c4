"""`python -m pipeline draft DOCUMENT`: draft figure rows for a document from the warehouse's own models.

The document is registered first (a row in seeds/articles/article_sources.csv, its text in the
documents folder). dbt builds the models the draft needs (int_document_draft_figures and what it
reads: the document's paragraphs, the number mentions, the catalogue) into a scratch database, and
the draft is the rows of that model for the document: one per number no figure row, claim, period or
ignore row accounts for yet, in the columns of article_figures.csv, with the fields that are guesses
named in `guessed_fields`. A person checks each row, deletes the ones that are no figures (or moves
them to article_ignored_mentions.csv with a reason), and appends the rest to article_figures.csv.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from pipeline import dbt, settings

DRAFT_DIR = settings.BUILD_DIR / "draft"
DRAFT_MODEL = "int_document_draft_figures"
CLAIMS_MODEL = "int_document_draft_claims"
FIGURE_COLUMNS = [
    "figure_id",
    "source_id",
    "paragraph_number",
    "subject_as_written",
    "item_as_written",
    "metric_id",
    "metric_as_written",
    "period_as_written",
    "value_as_written",
    "range_position",
    "direction_as_written",
    "quote",
]
GUESS_COLUMNS = ["guessed_fields", "entity_id_guess", "period_label_guess", "guess_notes"]
CLAIM_COLUMNS = [
    "claim_id",
    "source_id",
    "paragraph_number",
    "claim_kind",
    "subject_as_written",
    "metric_id",
    "reference_metric_id",
    "period_as_written",
    "stated_figure_id",
    "threshold_as_written",
    "claim_as_written",
    "quote",
    "figures_source_id",
]
CLAIM_GUESS_COLUMNS = ["guessed_fields", "guess_notes"]


class DraftFailed(Exception):
    """The draft could not be made: the document is not registered, or dbt failed."""


def registered_source(document: str, project_dir: Path = settings.ROOT) -> str:
    """The source_id of `document`: a source_id of article_sources.csv, or the text_path of one."""
    with (project_dir / "seeds" / "articles" / "article_sources.csv").open(encoding="utf-8", newline="") as handle:
        sources = list(csv.DictReader(handle))
    name = Path(document).name
    for source in sources:
        if document == source["source_id"] or name == Path(source["text_path"]).name:
            return source["source_id"]
    raise DraftFailed(
        f"{document} is not registered: add a row for it to seeds/articles/article_sources.csv (source_id, title, "
        "published_date, language, text_path, section) and put its text in the documents folder"
    )


def read_model(
    database: Path, model: str, source_ids: list[str], columns: list[str]
) -> dict[str, list[dict[str, str]]]:
    """The rows of `model` of each of `source_ids`, in `columns` as text, by paragraph and first column.
    One query for them all: the draft models are views, and each query runs their whole chain."""
    with settings.connect(database, read_only=True) as connection:
        cursor = connection.execute(
            f"select * from intermediate.{model} where list_contains(?, source_id) order by paragraph_number, 1",  # noqa: S608
            [source_ids],
        )
        names = [column[0] for column in cursor.description]
        rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    found: dict[str, list[dict[str, str]]] = {source_id: [] for source_id in source_ids}
    for row in rows:
        found[row["source_id"]].append({name: "" if row[name] is None else str(row[name]) for name in columns})
    return found


def _options(project_dir: Path, work_dir: Path, quiet: bool) -> dict:
    """How draft_sources and parse call dbt: the scratch database and dbt's target folder in `work_dir`,
    and no descriptions written into that database as comments (dbt_project.yml's persist_docs)."""
    return {
        "database": work_dir / "draft.duckdb",
        "project_dir": project_dir,
        "target_path": work_dir / "target",
        "quiet": quiet,
        "variables": {"persist_docs": False},
    }


def parse(project_dir: Path = settings.ROOT, work_dir: Path = DRAFT_DIR, quiet: bool = True) -> object:
    """dbt's parse of `project_dir` (a dbt Manifest) for draft_sources with the same `work_dir`: the
    manifest names the scratch database draft_sources writes there."""
    parsed = dbt.parse(**_options(project_dir, work_dir, quiet))
    if not parsed.success:
        raise DraftFailed(f"dbt parse failed:\n{parsed.describe()}")
    return parsed.result


def draft_sources(
    source_ids: list[str],
    project_dir: Path = settings.ROOT,
    work_dir: Path = DRAFT_DIR,
    quiet: bool = True,
    manifest: object = None,
) -> dict[str, tuple[list[dict[str, str]], list[dict[str, str]]]]:
    """The draft figure rows and claim rows of each of `source_ids`, from one dbt build of the draft
    models (with the seeds and models they read, no test) into a scratch database under `work_dir`
    (removed afterwards). dbt parses the project once and writes no artifact; `manifest`, a parse of
    `project_dir` (`parse`), spares that parse, for a caller that drafts in one project several
    times with only seed rows and documents changed between (dbt reads a seed's file and a document
    when it runs, not when it parses)."""
    work_dir.mkdir(parents=True, exist_ok=True)
    options = _options(project_dir, work_dir, quiet)
    database = options["database"]
    database.unlink(missing_ok=True)
    if manifest is None:
        manifest = parse(project_dir, work_dir, quiet)
    # the draft models and the seeds and models they read, in one invocation, without their tests
    command = [
        "build",
        "--select",
        f"+{DRAFT_MODEL}",
        f"+{CLAIMS_MODEL}",
        "--exclude-resource-type",
        "test",
        "unit_test",
    ]
    run = dbt.invoke([*command, "--no-write-json"], manifest=manifest, **options)
    if not run.success:
        raise DraftFailed(f"dbt build of the draft models failed:\n{run.describe(database)}")
    figures = read_model(database, DRAFT_MODEL, source_ids, FIGURE_COLUMNS + GUESS_COLUMNS + ["mention_start"])
    claims = read_model(database, CLAIMS_MODEL, source_ids, CLAIM_COLUMNS + CLAIM_GUESS_COLUMNS)
    drafts = {}
    for source_id in source_ids:
        rows = sorted(
            figures[source_id],
            key=lambda row: (int(row["paragraph_number"]), int(row["mention_start"]), row["range_position"]),
        )
        drafts[source_id] = (
            [{name: row[name] for name in FIGURE_COLUMNS + GUESS_COLUMNS} for row in rows],
            claims[source_id],
        )
    database.unlink(missing_ok=True)
    return drafts


def draft(
    source_id: str, project_dir: Path = settings.ROOT, work_dir: Path = DRAFT_DIR, quiet: bool = True
) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """The draft figure rows and claim rows of `source_id` (draft_sources for one source)."""
    return draft_sources([source_id], project_dir, work_dir, quiet)[source_id]


def draft_rows(source_id: str, project_dir: Path = settings.ROOT, work_dir: Path = DRAFT_DIR) -> list[dict[str, str]]:
    """The draft figure rows alone."""
    return draft(source_id, project_dir, work_dir)[0]


def write_draft(rows: list[dict[str, str]], path: Path, columns: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline draft", description=__doc__.splitlines()[0])
    parser.add_argument("document", help="source_id of article_sources.csv, or the file name of its text")
    parser.add_argument("--output", type=Path, help="CSV to write (default build/draft/<source_id>_figures.csv)")
    arguments = parser.parse_args(argv)
    try:
        source_id = registered_source(arguments.document)
        rows, claims = draft(source_id)
    except DraftFailed as error:
        print(f"draft: {error}")
        return 1
    output = arguments.output or DRAFT_DIR / f"{source_id}_figures.csv"
    claims_output = output.with_name(output.name.replace("_figures", "").removesuffix(".csv") + "_claims.csv")
    write_draft(rows, output, FIGURE_COLUMNS + GUESS_COLUMNS)
    write_draft(claims, claims_output, CLAIM_COLUMNS + CLAIM_GUESS_COLUMNS)
    statements = len({(row["paragraph_number"], row["quote"], row["value_as_written"]) for row in rows})
    print(
        f"draft: {len(rows)} figure rows ({statements} numbers) of {source_id} in {output}\n"
        "  every number that no figure row, claim, period or ignore row accounts for yet; the columns named in\n"
        "  guessed_fields are guesses: check them against the quote, delete the rows that are no figures (or list\n"
        "  them in seeds/articles/article_ignored_mentions.csv with a reason), then append the first 12 columns to\n"
        "  seeds/articles/article_figures.csv and run python -m pipeline check\n"
        f"draft: {len(claims)} claim rows in {claims_output} (numbers derived from others: append what holds to "
        "seeds/articles/article_claims.csv, with stated_figure_id renamed as its figure)"
    )
    return 0
