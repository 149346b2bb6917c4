"""The expectation suites as data: one YAML file per mart in gx/expectations/, loaded and checked.

A file names its mart, the columns that identify a failing row, check columns (SQL expressions
computed in DuckDB from the mart, for arithmetic between columns and across rows) and the
expectations, in Great Expectations' own configuration form (`type`, `kwargs`, `description`).
`render_sql` turns a declaration into SQL (pipeline/sql/expectations.sql): the mart with its check
columns, which Great Expectations validates, or the counts of violating rows, for large marts.

Amounts are checked in the reporting currencies of dbt_project.yml (var reporting_currencies), not in
currencies a file names: in a check column's name or expression and in an expectation, `{c}` is the
first reporting currency's lowercase code (`{C}` the code) and `{c_rate}` its rate column
(`mart.fx_<c>_per_<base>`, or 1 for the FX base currency); a check column or expectation that says
`{o}` (`{O}`, `{o_rate}`) stands for one per other reporting currency, and for none when there is one.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import jinja2
import yaml

from pipeline import currency_columns, settings

DECLARATIONS_DIR = settings.ROOT / "gx" / "expectations"
SQL_TEMPLATE = Path(__file__).parent / "sql" / "expectations.sql"
# The expectation types a declaration may use (each has a SQL form in pipeline/sql/expectations.sql),
# with the arguments each needs.
SUPPORTED: dict[str, set[str]] = {
    "expect_column_values_to_be_between": {"column"},
    "expect_column_pair_values_a_to_be_greater_than_b": {"column_A", "column_B"},
    "expect_table_row_count_to_be_between": set(),
}
# Structure is dbt's: a suite that declares one of these is refused, so no rule is checked twice.
OWNED_BY_DBT = {
    "expect_column_values_to_not_be_null": "a not_null constraint or test in the model's YAML",
    "expect_column_values_to_be_in_set": "an accepted_values test in the model's YAML",
    "expect_column_values_to_be_unique": "a unique test in the model's YAML",
    "expect_compound_columns_to_be_unique": "a unique_combination_of_columns test in the model's YAML",
}
DECLARATION_KEYS = {"mart", "index_columns", "check_columns", "changed_rows", "expectations"}
# How an incremental build finds a mart's changed rows (`changed_rows:` of a suite file): by the
# column holding the entity (every row of an entity a changed source names, old or new:
# intermediate.int_changed_cells) or the source (intermediate.int_changed_sources).
CHANGED_ROWS_KEYS = {"entity_column", "source_column"}
# Expectations on the whole table, evaluated on every row even when the others read the changed ones
TABLE_LEVEL = {"expect_table_row_count_to_be_between"}
EXPECTATION_KEYS = {"type", "kwargs", "description", "meta"}


class DeclarationError(Exception):
    """A suite file that cannot be loaded; the message names the file and every problem in it."""


@dataclass
class Declaration:
    """The expectations of one mart, as its file declares them."""

    mart: str
    path: Path
    index_columns: list[str]
    check_columns: dict[str, str]
    expectations: list[dict[str, Any]]
    changed_rows: dict[str, str] | None = None


def _expectation_problems(number: int, expectation: Any) -> list[str]:
    if not isinstance(expectation, dict):
        return [f"expectation {number} is not a mapping"]
    kind, kwargs = expectation.get("type"), expectation.get("kwargs") or {}
    problems = [f"expectation {number}: unknown key '{key}'" for key in sorted(set(expectation) - EXPECTATION_KEYS)]
    if kind in OWNED_BY_DBT:
        return [*problems, f"expectation {number}: {kind} is structure, dbt's to check: use {OWNED_BY_DBT[kind]}"]
    if kind not in SUPPORTED:
        return [*problems, f"expectation {number}: type '{kind}' is not one of {', '.join(sorted(SUPPORTED))}"]
    missing = sorted(SUPPORTED[kind] - set(kwargs))
    problems += [f"expectation {number} ({kind}): kwargs needs '{key}'" for key in missing]
    if kwargs.get("ignore_row_if", "either_value_is_missing") != "either_value_is_missing":
        problems.append(f"expectation {number}: only ignore_row_if 'either_value_is_missing' is supported")
    if "row_condition" in kwargs:
        problems.append(f"expectation {number}: use a check column instead of a row_condition")
    return problems


def _currency_words(code: str, base: str, letter: str) -> dict[str, str]:
    rate = "1" if code == base else f"mart.fx_{code.lower()}_per_{base.lower()}"
    return {f"{{{letter}}}": code.lower(), f"{{{letter.upper()}}}": code, f"{{{letter}_rate}}": rate}


def _substituted(value: Any, words: dict[str, str]) -> Any:
    if isinstance(value, str):
        for word, text in words.items():
            value = value.replace(word, text)
        return value
    if isinstance(value, dict):
        return {_substituted(key, words): _substituted(item, words) for key, item in value.items()}
    if isinstance(value, list):
        return [_substituted(item, words) for item in value]
    return value


def _mentions_other(value: Any) -> bool:
    return any(word in repr(value) for word in ("{o}", "{O}", "{o_rate}"))


def with_currencies(raw: dict[str, Any], currencies: currency_columns.Currencies) -> dict[str, Any]:
    """`raw` with its currency words replaced (see the module's docstring): the first reporting
    currency for `{c}`, and each entry that says `{o}` once per other reporting currency."""
    first = _currency_words(currencies.reporting[0], currencies.base, "c")
    others = [_currency_words(code, currencies.base, "o") for code in currencies.reporting[1:]]
    checks: dict[str, Any] = {}
    for name, expression in (raw.get("check_columns") or {}).items():
        for words in others if _mentions_other({name: expression}) else [{}]:
            checks[_substituted(name, {**first, **words})] = _substituted(expression, {**first, **words})
    expectations = []
    for expectation in raw.get("expectations") or []:
        for words in others if _mentions_other(expectation) else [{}]:
            expectations.append(_substituted(expectation, {**first, **words}))
    expanded = {**_substituted(raw, first), "expectations": expectations}
    if "check_columns" in raw:
        expanded["check_columns"] = checks
    return expanded


def load_declaration(path: Path, currencies: currency_columns.Currencies | None = None) -> Declaration:
    """One suite file, checked: every problem in it is reported at once. Its currency words are those
    of `currencies` (by default the project's)."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise DeclarationError(f"{path}: not valid YAML: {error}") from error
    if not isinstance(raw, dict):
        raise DeclarationError(f"{path}: expected a mapping with keys {', '.join(sorted(DECLARATION_KEYS))}")
    raw = with_currencies(raw, currencies or currency_columns.configured())
    problems = [f"unknown key '{key}'" for key in sorted(set(raw) - DECLARATION_KEYS)]
    if raw.get("mart") != path.stem:
        problems.append(f"mart is '{raw.get('mart')}', the file name says '{path.stem}'")
    if not raw.get("index_columns"):
        problems.append("index_columns is empty: name the columns that identify a failing row")
    changed_rows = raw.get("changed_rows")
    if changed_rows is not None and (
        not isinstance(changed_rows, dict) or len(changed_rows) != 1 or set(changed_rows) - CHANGED_ROWS_KEYS
    ):
        problems.append(f"changed_rows must name one column: {' or '.join(sorted(CHANGED_ROWS_KEYS))}")
    expectations = raw.get("expectations") or []
    if not expectations:
        problems.append("no expectations")
    for number, expectation in enumerate(expectations, start=1):
        problems += _expectation_problems(number, expectation)
    if problems:
        raise DeclarationError(f"{path}:\n" + "\n".join(f"  {problem}" for problem in problems))
    for expectation in expectations:
        if expectation["type"] == "expect_column_pair_values_a_to_be_greater_than_b":
            expectation["kwargs"].setdefault("ignore_row_if", "either_value_is_missing")
    return Declaration(
        mart=raw["mart"],
        path=path,
        index_columns=list(raw["index_columns"]),
        check_columns=dict(raw.get("check_columns") or {}),
        expectations=expectations,
        changed_rows=dict(changed_rows) if changed_rows else None,
    )


def load_declarations(
    folder: Path = DECLARATIONS_DIR, currencies: currency_columns.Currencies | None = None
) -> list[Declaration]:
    """Every suite file of `folder`, in name order."""
    declarations, problems = [], []
    for path in sorted(folder.glob("*.yml")):
        try:
            declarations.append(load_declaration(path, currencies))
        except DeclarationError as error:
            problems.append(str(error))
    if problems:
        raise DeclarationError("\n".join(problems))
    return declarations


@functools.cache
def sql_template() -> jinja2.Template:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(SQL_TEMPLATE.parent), undefined=jinja2.StrictUndefined, autoescape=False
    )
    return environment.get_template(SQL_TEMPLATE.name)


def used_check_columns(declaration: Declaration, columns: list[str] | None = None) -> dict[str, str]:
    """The check columns of `declaration` that its expectations (or `columns`, the columns selected)
    name: the others are not computed. A check column can cost a scan of the whole mart (a median
    over each entity's series), which the row count of a table-level expectation does not need."""
    named = {value for each in declaration.expectations for value in each["kwargs"].values() if isinstance(value, str)}
    named.update(columns or [])
    return {name: expression for name, expression in declaration.check_columns.items() if name in named}


def render_sql(declaration: Declaration, mode: str, changed_only: bool = False, **options: Any) -> str:
    """The declaration as SQL (pipeline/sql/expectations.sql): 'rows', 'violations' or 'offending',
    with the check columns its expectations use. `changed_only`: read only the mart's rows an
    incremental build changed (its `changed_rows`)."""
    changed = declaration.changed_rows if changed_only else None
    used = replace(declaration, check_columns=used_check_columns(declaration, options.get("columns")))
    return sql_template().render(declaration=used, mode=mode, changed=changed, **options)
