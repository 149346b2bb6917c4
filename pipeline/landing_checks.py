"""Checks on landed files before dbt reads them: every problem of every file, at once.

A landed CSV file is read by header name, so its header must name exactly the columns of its kind
(the columns of the seed `landing_kinds` maps it to, with the types dbt_project.yml declares for
that seed: the one place they are written). A missing, extra or repeated column rejects the file,
naming it and the column; a UTF-8 byte-order mark is fine. A landed Parquet file must have the same
columns, each of a type that holds the declared one. Values that do not convert (a paragraph number
that is not a number) are caught where they are read, in macros/landing.sql, with file and column.
"""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb

from pipeline import settings
from pipeline.seed_checks import declared_column_types

# DuckDB types a Parquet column may have for each declared seed type (besides "NULL", a column with
# no values); any type reads as text
COMPATIBLE_TYPES = {
    "integer": ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT"),
    "date": ("DATE", "TIMESTAMP", "TIMESTAMP WITH TIME ZONE", "TIMESTAMP_NS", "TIMESTAMP_MS", "TIMESTAMP_S"),
    "double": ("DOUBLE", "FLOAT", "DECIMAL", "TINYINT", "SMALLINT", "INTEGER", "BIGINT"),
    "boolean": ("BOOLEAN",),
}


def expected_columns() -> dict[str, dict[str, str]]:
    """Kind of landed file -> its columns and declared types, in the seed's order."""
    declared = declared_column_types()
    return {kind: declared[seed] for kind, seed in settings.project_vars()["landing_kinds"].items()}


def shown(path: Path) -> str:
    return str(path.relative_to(settings.ROOT)) if path.is_relative_to(settings.ROOT) else str(path)


def header_problems(path: Path, columns: dict[str, str]) -> list[str]:
    with path.open("rb") as handle:
        first_line = handle.readline()
    if not first_line.strip():
        return [f"{shown(path)}: the file is empty; a landed CSV file starts with a header row naming its columns"]
    try:
        text = first_line.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return [f"{shown(path)}:1: byte 0x{first_line[error.start]:02x} is not UTF-8; save the file as UTF-8"]
    header = next(csv.reader([text]))
    return name_problems(path, [name.strip() for name in header], columns)


def name_problems(path: Path, names: list[str], columns: dict[str, str]) -> list[str]:
    problems = []
    seen: set[str] = set()
    for name in names:
        if name in seen:
            problems.append(f"{shown(path)}: names column '{name}' twice")
        seen.add(name)
    problems += [f"{shown(path)}: column '{name}' is missing" for name in columns if name not in seen]
    problems += [
        f"{shown(path)}: column '{name}' is not a column of {path.parent.name} files (expected: {', '.join(columns)})"
        for name in names
        if name not in columns
    ]
    return problems


def parquet_problems(path: Path, columns: dict[str, str], connection: duckdb.DuckDBPyConnection) -> list[str]:
    try:
        described = connection.execute(
            "select column_name, column_type from (describe select * from read_parquet(?))", [str(path)]
        ).fetchall()
    except duckdb.Error as error:
        return [f"{shown(path)}: not a Parquet file DuckDB can read ({' '.join(str(error).split())})"]
    problems = name_problems(path, [name for name, _ in described], columns)
    for name, column_type in described:
        declared = columns.get(name)
        if declared is None or column_type == '"NULL"' or declared.lower() == "string":
            continue  # any value reads as text
        base = column_type.split("(")[0]
        if base not in COMPATIBLE_TYPES.get(declared.lower(), (base,)):
            problems.append(
                f"{shown(path)}: column '{name}' is {column_type}, a {path.parent.name} file needs {declared}"
            )
    return problems


def check_landing(landing: Path) -> tuple[list[str], list[str]]:
    """(problems, notes) about the files under `landing`: problems reject the build; notes name
    files that are not read (another extension, a folder no kind is read from)."""
    problems: list[str] = []
    notes: list[str] = []
    kinds = expected_columns()
    if not landing.is_dir():
        return problems, notes
    for folder in sorted(path for path in landing.iterdir() if path.is_dir() and not path.name.startswith((".", "_"))):
        if folder.name not in kinds:
            notes.append(f"{shown(folder)}/ is not read: landed files go in {', '.join(kinds)}")
    with duckdb.connect() as connection:
        for kind, columns in kinds.items():
            folder = landing / kind
            if not folder.is_dir():
                continue
            for path in sorted(folder.iterdir()):
                if path.name.startswith("."):
                    continue
                if path.suffix == ".csv" and path.is_file():
                    problems += header_problems(path, columns)
                elif path.suffix == ".parquet" and path.is_file():
                    problems += parquet_problems(path, columns, connection)
                else:
                    notes.append(f"{shown(path)} is not read: only .csv and .parquet files are landed")
    return problems, notes
