"""Reporting currencies are data: no SQL names a currency, and the model YAML's currency columns are
the ones the list in dbt_project.yml gives (python -m pipeline currency-columns writes them).

Reads the project's files; needs no build. The build of a third reporting currency is in
test_unseen_articles.py.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml
from conftest import read_csv

from pipeline import currency_columns, expectation_suites, settings


def currency_codes() -> list[str]:
    return [row["currency_code"] for row in read_csv(settings.SEEDS_DIR / "vocabulary" / "vocabulary_currencies.csv")]


def test_no_model_or_macro_names_a_currency_code() -> None:
    codes = "|".join(currency_codes())
    literal = re.compile(rf"'({codes})'|\b({codes.lower()})_per_|_({codes.lower()})\b")
    found = []
    for folder in ("models", "macros", "tests"):
        for path in sorted((settings.ROOT / folder).rglob("*.sql")):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                # units_per_usd is the rates seed's column: the base currency is its schema (var fx_rates_base_currency)
                if literal.search(line.replace("units_per_usd", "")):
                    found.append(f"{path.relative_to(settings.ROOT)}:{number}: {line.strip()}")
    assert found == [], "a currency named in SQL instead of var reporting_currencies:\n" + "\n".join(found)


def test_the_model_yaml_has_the_columns_of_the_configured_currencies() -> None:
    assert currency_columns.check() == [], "run `python -m pipeline currency-columns`"


def column_names(project, model: str) -> list[str]:
    for path in sorted((project / "models").rglob("*.yml")):
        for node in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("models") or []:
            if node["name"] == model:
                return [column["name"] for column in node.get("columns") or []]
    raise AssertionError(model)


def with_currencies(project: Path, currencies: str) -> Path:
    """`project` as a copy of the models (made on first use) and of dbt_project.yml with the list of
    reporting currencies set to `currencies` ("[EUR, USD, JPY]"); the model YAML is not rewritten yet."""
    if not (project / "models").is_dir():
        shutil.copytree(settings.ROOT / "models", project / "models")
    text, replaced = re.subn(
        r"^(\s*reporting_currencies: )\[[^\]]*\]",
        lambda match: match[1] + currencies,
        (settings.ROOT / "dbt_project.yml").read_text(encoding="utf-8"),
        flags=re.MULTILINE,
    )
    assert replaced == 1, "dbt_project.yml sets reporting_currencies once"
    (project / "dbt_project.yml").write_text(text, encoding="utf-8")
    return project


def test_rewriting_for_another_list_adds_and_removes_columns(tmp_path) -> None:
    project = with_currencies(tmp_path / "project", "[EUR, USD, CNY]")
    assert currency_columns.write(project)
    figures = column_names(project, "fct_figures")
    assert figures[figures.index("value") + 1 : figures.index("fx_missing_reason")] == [
        "value_eur", "value_usd", "value_cny", "fx_units_per_usd", "fx_eur_per_usd", "fx_cny_per_usd",
    ]  # fmt: skip
    cloud = column_names(project, "fct_cloud_revenue")
    # measures in one currency follow the first of the list
    assert "implied_prior_year_revenue_eur" in cloud and "implied_prior_year_revenue_cny" not in cloud
    assert currency_columns.check(project) == []
    currency_columns.write(with_currencies(project, "[USD]"))
    assert not [name for name in column_names(project, "fct_company_financials") if name.endswith("_cny")]


def suite_columns(declaration) -> set[str]:
    """The mart columns a suite reads: `mart.<column>` in its check columns, and its expectations'
    columns that are not check columns."""
    expressions = declaration.check_columns.values()
    read = {name for expression in expressions for name in re.findall(r"mart\.(\w+)", expression)}
    for expectation in declaration.expectations:
        kwargs = expectation["kwargs"]
        read |= {kwargs[key] for key in ("column", "column_A", "column_B") if key in kwargs}
    return read - set(declaration.check_columns)


def test_no_expectation_suite_names_a_currency_code() -> None:
    codes = "|".join(currency_codes())
    literal = re.compile(rf"\b({codes})\b|\b({codes.lower()})_per_|_({codes.lower()})\b")
    found = [
        f"{path.relative_to(settings.ROOT)}:{number}: {line.strip()}"
        for path in sorted((settings.ROOT / "gx" / "expectations").glob("*.yml"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if literal.search(line)
    ]
    assert found == [], "a currency named in a suite instead of {c} / {o}:\n" + "\n".join(found)


def test_the_suites_read_the_columns_of_any_currency_list(tmp_path) -> None:
    """For another list (the first currency not the FX base, a third one), every column a suite reads is
    a column of its mart's rewritten YAML, and each other currency gets its own rate check."""
    project = with_currencies(tmp_path / "project", "[EUR, USD, JPY]")
    currency_columns.write(project)
    currencies = currency_columns.configured(project)
    declarations = expectation_suites.load_declarations(currencies=currencies)
    missing = {
        declaration.mart: sorted(suite_columns(declaration) - set(column_names(project, declaration.mart)))
        for declaration in declarations
    }
    assert {mart: columns for mart, columns in missing.items() if columns} == {}
    financials = next(declaration for declaration in declarations if declaration.mart == "fct_company_financials")
    assert financials.check_columns["revenue_jpy_at_the_rate"] == (
        "mart.revenue_jpy * mart.fx_eur_per_usd / (mart.fx_jpy_per_usd * mart.revenue_eur) - 1"
    )
    assert financials.check_columns["revenue_usd_at_the_rate"] == (
        "mart.revenue_usd * mart.fx_eur_per_usd / (1 * mart.revenue_eur) - 1"
    )


def semantic_layer(project) -> dict:
    return yaml.safe_load((project / "models" / "marts" / "semantic" / "_semantic__models.yml").read_text("utf-8"))


def test_the_semantic_layer_follows_any_currency_list(tmp_path) -> None:
    """After a rewrite for [EUR, USD, JPY], each money measure reads a column of its mart in its own
    currency, there is one per currency, and the money metrics are in the first currency."""
    project = with_currencies(tmp_path / "project", "[EUR, USD, JPY]")
    currency_columns.write(project)
    layer = semantic_layer(project)
    measures = {}
    for model in layer["semantic_models"]:
        mart = re.fullmatch(r"ref\('(\w+)'\)", model["model"])[1]
        columns = set(column_names(project, mart)) if mart.startswith("fct_") else set()
        for measure in model.get("measures") or []:
            unit = ((measure.get("config") or {}).get("meta") or {}).get("unit")
            measures[measure["name"]] = unit
            if unit is None:
                continue
            read = re.findall(r"\b\w+_[a-z]{3}\b", str(measure.get("expr", measure["name"])))
            assert read and all(name.endswith("_" + unit.lower()) and name in columns for name in read), measure
    money = {name: unit for name, unit in measures.items() if unit}
    assert sorted(set(money.values())) == ["EUR", "JPY", "USD"]
    for stem in {name.rsplit("_", 1)[0] for name in money}:
        assert {money.get(f"{stem}_{code}") for code in ("eur", "usd", "jpy")} == {"EUR", "USD", "JPY"}, stem
    simple = [metric for metric in layer["metrics"] if metric["type"] == "simple"]
    in_money = [metric for metric in simple if measures[metric["type_params"]["measure"]]]
    assert in_money and all(
        measures[metric["type_params"]["measure"]] == "EUR" == metric["config"]["meta"]["unit"]
        and "(EUR)" in metric["label"]
        for metric in in_money
    )


def test_the_semantic_layer_names_no_currency_outside_its_generated_regions() -> None:
    codes = "|".join(currency_codes())
    literal = re.compile(rf"\b({codes})\b|_({codes.lower()})\b")
    path = settings.ROOT / "models" / "marts" / "semantic" / "_semantic__models.yml"
    found, inside = [], False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if currency_columns.MARKER.match(line):
            inside = True
        elif currency_columns.END.match(line):
            inside = False
        elif not inside and literal.search(line):
            found.append(f"{number}: {line.strip()}")
    assert found == [], "a currency named in the semantic layer outside a generated region:\n" + "\n".join(found)
