"""Checks on the seed files that dbt itself reports badly or not at all.

dbt's seed loader stops with a traceback that names no file on a non-UTF-8 byte and renames a
duplicate header silently. These checks run before dbt and name the file and line of every
problem. That each quote is verbatim in its document is a dbt test
(tests/assert_quotes_are_verbatim_in_their_paragraph.sql), run by python -m pipeline check.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from pipeline import settings


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
    """Seed name -> columns the seed YAML declares `unique` or `primary_key`: the keys to check for
    duplicates."""
    keys: dict[str, list[str]] = {}
    for yml in settings.SEEDS_DIR.rglob("*.yml"):
        for seed in yaml.safe_load(yml.read_text(encoding="utf-8")).get("seeds", []):
            for column in seed.get("columns", []):
                tests = column.get("data_tests") or []
                if "unique" in tests or "primary_key" in tests:
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


def line_ending_problem(path: Path, raw: bytes) -> SeedProblem | None:
    """Lines ending in CR LF (Windows) among lines ending in LF, as a spreadsheet or Python's csv
    module appends them: DuckDB's CSV reader (the seed loader's) then finds no dialect at all."""
    lines = raw.split(b"\n")[:-1] if raw.endswith(b"\n") else raw.split(b"\n")
    windows = [number for number, line in enumerate(lines, start=1) if line.endswith(b"\r")]
    if not windows or len(windows) == len(lines):
        return None
    if lines[0].endswith(b"\r"):  # the file is CR LF: name the lines in LF
        kind, others, differing = "LF", "CR LF", sorted(set(range(1, len(lines) + 1)) - set(windows))
    else:
        kind, others, differing = "CR LF", "LF", windows
    relative = path.relative_to(settings.ROOT).as_posix()
    return SeedProblem(
        path,
        differing[0],
        f"{len(differing)} line(s), the first here, end with {kind} and the others with {others}: the seed loader "
        f"reads one kind of line ending per file; save it with LF endings (e.g. `sed -i 's/\\r$//' {relative}`)",
    )


def read_seed(path: Path, problems: list[SeedProblem]) -> SeedTable | None:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.append(SeedProblem(path, line, f"byte 0x{raw[error.start]:02x} is not UTF-8; save the file as UTF-8"))
        return None
    mixed = line_ending_problem(path, raw)
    if mixed is not None:
        problems.append(mixed)
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


@dataclass(frozen=True)
class DeclaredValues:
    """A `relationships` (to another seed) or `accepted_values` test the seed YAML declares on a column."""

    seed: str
    column: str
    target: str | None  # the seed the values must be in (relationships), or None
    field: str | None
    values: tuple[str, ...] = ()


def declared_values() -> list[DeclaredValues]:
    """The value rules of the seed YAML files that name another seed or list the values: the same
    declarations dbt tests in the build, evaluated here so that every row breaking them is named
    with its line before dbt runs (a test that filters with `where` is left to dbt)."""
    found: list[DeclaredValues] = []
    for yml in sorted(settings.SEEDS_DIR.rglob("*.yml")):
        for seed in yaml.safe_load(yml.read_text(encoding="utf-8")).get("seeds", []):
            for column in seed.get("columns", []):
                for test in column.get("data_tests") or []:
                    if not isinstance(test, dict):
                        continue
                    (name, spec), *_ = test.items()
                    arguments = (spec or {}).get("arguments", spec) or {}
                    if ((spec or {}).get("config") or {}).get("where") or arguments.get("where"):
                        continue
                    if name == "relationships":
                        target = re.fullmatch(r"ref\(\s*['\"](\w+)['\"]\s*\)", str(arguments.get("to", "")).strip())
                        if target:
                            found.append(DeclaredValues(seed["name"], column["name"], target[1], arguments["field"]))
                    elif name == "accepted_values":
                        values = tuple(str(value) for value in arguments.get("values", []))
                        found.append(DeclaredValues(seed["name"], column["name"], None, None, values))
    return found


def check_declared_values(tables: dict[str, SeedTable], problems: list[SeedProblem]) -> None:
    for rule in declared_values():
        table = tables.get(rule.seed)
        if table is None or rule.column not in table.header:
            continue
        if rule.target is not None:
            target = tables.get(rule.target)
            if target is None or rule.field not in target.header:
                continue
            allowed = {row.get(rule.field, "") for _, row in target.rows}
            where = target.path.relative_to(settings.ROOT).as_posix()
            advice = f"is not a {rule.field} of {where}: use one of its rows, or add the row there"
        else:
            allowed = set(rule.values)
            advice = f"is not one of {', '.join(rule.values)}"
        for line, row in table.rows:
            value = row.get(rule.column, "")
            if value != "" and value not in allowed:  # an empty field is NULL, which the rule lets through
                problems.append(SeedProblem(table.path, line, f"{rule.column} '{value}' {advice}"))


def check_seeds() -> list[SeedProblem]:
    """Every problem of the seed files' structure. Quotes are checked against the documents by the
    dbt test assert_quotes_are_verbatim_in_their_paragraph (python -m pipeline check runs it)."""
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
    check_declared_values(tables, problems)
    if all(name in tables for name in ("article_claims", "curated_claim_kinds", "article_sources")):
        check_claims(tables["article_claims"], tables["curated_claim_kinds"], tables["article_sources"], problems)
    return problems
