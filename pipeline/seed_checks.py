"""Checks on the seed files that dbt itself reports badly or not at all.

dbt's seed loader stops with a traceback that names no file on a non-UTF-8 byte, renames a
duplicate header silently and cannot check a quote against its document. These checks run before
dbt and name the file and line of every problem.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import yaml

from pipeline import settings
from pipeline.documents import fold_whitespace, paragraphs, read_document


@dataclass(frozen=True)
class SeedProblem:
    path: Path
    line: int | None
    message: str

    def __str__(self) -> str:
        where = self.path.relative_to(settings.ROOT).as_posix()
        return f"{where}:{self.line}: {self.message}" if self.line else f"{where}: {self.message}"


@dataclass
class SeedTable:
    path: Path
    header: list[str]
    rows: list[tuple[int, dict[str, str]]]  # (line number, row)


def seed_files() -> list[Path]:
    return sorted(settings.SEEDS_DIR.rglob("*.csv"))


def unique_columns() -> dict[str, list[str]]:
    """Seed name -> columns the seed YAML declares `unique`: the keys to check for duplicates."""
    keys: dict[str, list[str]] = {}
    for yml in settings.SEEDS_DIR.rglob("*.yml"):
        for seed in yaml.safe_load(yml.read_text(encoding="utf-8")).get("seeds", []):
            for column in seed.get("columns", []):
                if "unique" in (column.get("data_tests") or []):
                    keys.setdefault(seed["name"], []).append(column["name"])
    return keys


def declared_column_types() -> dict[str, dict[str, str]]:
    """Seed name -> column_types set for it in dbt_project.yml."""
    project = yaml.safe_load((settings.ROOT / "dbt_project.yml").read_text(encoding="utf-8"))
    found: dict[str, dict[str, str]] = {}

    def walk(node: dict) -> None:
        for key, value in node.items():
            if isinstance(value, dict):
                if "+column_types" in value:
                    found[key] = value["+column_types"]
                walk(value)

    walk(project.get("seeds", {}))
    return found


def read_seed(path: Path, problems: list[SeedProblem]) -> SeedTable | None:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.append(SeedProblem(path, line, f"byte 0x{raw[error.start]:02x} is not UTF-8; save the file as UTF-8"))
        return None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        problems.append(SeedProblem(path, None, "file is empty; it needs at least a header line"))
        return None
    seen: set[str] = set()
    for name in header:
        if not name.strip():
            problems.append(SeedProblem(path, 1, "header has an empty column name"))
        elif name in seen:
            problems.append(SeedProblem(path, 1, f"header names column '{name}' twice"))
        seen.add(name)
    rows: list[tuple[int, dict[str, str]]] = []
    start_line = reader.line_num + 1
    for fields in reader:
        if fields and len(fields) != len(header):
            problems.append(
                SeedProblem(path, start_line, f"row has {len(fields)} fields, the header has {len(header)}")
            )
        elif fields:
            rows.append((start_line, dict(zip(header, fields, strict=True))))
        start_line = reader.line_num + 1
    return SeedTable(path, header, rows)


def check_table(
    table: SeedTable, keys: list[str], column_types: dict[str, str] | None, problems: list[SeedProblem]
) -> None:
    if column_types is None:
        problems.append(SeedProblem(table.path, None, "no column_types in dbt_project.yml for this seed"))
    else:
        for name in table.header:
            if name not in column_types:
                problems.append(
                    SeedProblem(table.path, 1, f"column '{name}' has no column_types entry in dbt_project.yml")
                )
    for key in keys:
        first_line: dict[str, int] = {}
        for line, row in table.rows:
            value = row.get(key, "")
            if value in first_line:
                problems.append(
                    SeedProblem(table.path, line, f"{key} '{value}' is already used on line {first_line[value]}")
                )
            else:
                first_line[value] = line


QUOTED_SEEDS = {"article_figures": "figure_id", "article_claims": "claim_id"}


def check_quotes(quoted: SeedTable, id_column: str, sources: SeedTable, problems: list[SeedProblem]) -> None:
    """Every quote must appear verbatim (whitespace folded) in its document, in the paragraph named."""
    documents: dict[str, list[str] | None] = {}
    for _, source in sources.rows:
        path = settings.documents_dir() / source.get("text_path", "")
        documents[source.get("source_id", "")] = (
            [fold_whitespace(p) for p in paragraphs(read_document(path))] if path.is_file() else None
        )
        if not path.is_file():
            problems.append(
                SeedProblem(
                    sources.path,
                    None,
                    f"text of source '{source.get('source_id')}' not found at {path} "
                    "(set source_documents_dir in dbt_project.yml or $SOURCE_DOCUMENTS_DIR)",
                )
            )
    for line, row in quoted.rows:
        source_id = row.get("source_id", "")
        label = f"{id_column.removesuffix('_id')} {row.get(id_column)}"
        if source_id not in documents:
            problems.append(SeedProblem(quoted.path, line, f"source_id '{source_id}' is not in article_sources.csv"))
            continue
        texts = documents[source_id]
        if texts is None:
            continue
        quote = fold_whitespace(row.get("quote", ""))
        where = [number for number, text in enumerate(texts, start=1) if quote and quote in text]
        if not where:
            problems.append(SeedProblem(quoted.path, line, f"{label}: quote is not in the text of {source_id}"))
        elif id_column == "figure_id" and not all(
            part in row.get("quote", "") for part in row.get("value_as_written", "").split(" to ")
        ):
            problems.append(
                SeedProblem(quoted.path, line, f"{label}: value '{row.get('value_as_written')}' is not in its quote")
            )
        elif row.get("paragraph_number", "").strip() not in {str(number) for number in where}:
            problems.append(
                SeedProblem(
                    quoted.path, line, f"{label}: quote is in paragraph {where[0]}, not {row.get('paragraph_number')}"
                )
            )


# compared_with values of curated_claim_kinds.csv that read the claim's reference_metric_id
REFERENCE_COMPARISONS = {"reference_metric", "reference_metric_any_period"}


def check_claims(claims: SeedTable, kinds: SeedTable, sources: SeedTable, problems: list[SeedProblem]) -> None:
    """Every claim names a kind of curated_claim_kinds.csv and fills what that kind is judged by:
    the stated figure, the threshold or the reference metric. int_claims_resolved refuses the same
    rows in dbt; here every such row is named at once, with its line."""
    kind_rows = {row.get("claim_kind", ""): row for _, row in kinds.rows}
    source_ids = {row.get("source_id", "") for _, row in sources.rows}
    for line, row in claims.rows:
        label = f"claim {row.get('claim_id')}"
        kind_id = row.get("claim_kind", "")
        kind = kind_rows.get(kind_id)
        figures_source = row.get("figures_source_id", "").strip()
        if figures_source and figures_source not in source_ids:
            problems.append(
                SeedProblem(
                    claims.path, line, f"{label}: figures_source_id '{figures_source}' is not in {sources.path.name}"
                )
            )
        if kind is None:
            problems.append(
                SeedProblem(
                    claims.path,
                    line,
                    f"{label}: claim_kind '{kind_id}' is not in {kinds.path.name}; "
                    "add a row there saying what the kind compares",
                )
            )
            continue
        needs = {
            "stated_figure_id": kind.get("stated_value_from") == "stated_figure",
            "threshold_as_written": kind.get("stated_value_from") == "threshold",
            "reference_metric_id": kind.get("compared_with") in REFERENCE_COMPARISONS,
        }
        for column, needed in needs.items():
            if needed and not row.get(column, "").strip():
                problems.append(
                    SeedProblem(
                        claims.path,
                        line,
                        f"{label}: its kind {kind_id} needs {column} ({kinds.path.name} says what each kind "
                        "compares), but it is empty: fill it from the quote",
                    )
                )


def check_seeds(quotes: bool = True) -> list[SeedProblem]:
    """Every problem of the seed files; `quotes=False` leaves the quotes to the dbt test that
    checks them against the documents (python -m pipeline check)."""
    problems: list[SeedProblem] = []
    keys = unique_columns()
    column_types = declared_column_types()
    tables: dict[str, SeedTable] = {}
    for path in seed_files():
        table = read_seed(path, problems)
        if table is None:
            continue
        tables[path.stem] = table
        check_table(table, keys.get(path.stem, []), column_types.get(path.stem), problems)
    if quotes and "article_sources" in tables:
        for seed, id_column in QUOTED_SEEDS.items():
            if seed in tables:
                check_quotes(tables[seed], id_column, tables["article_sources"], problems)
    if all(name in tables for name in ("article_claims", "curated_claim_kinds", "article_sources")):
        check_claims(tables["article_claims"], tables["curated_claim_kinds"], tables["article_sources"], problems)
    return problems
