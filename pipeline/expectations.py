"""Great Expectations suites for every mart, and the validation step of the build.

GX's SQL data source does not work on DuckDB (it closes the connection before reading the result),
so each mart is read through a read-only DuckDB connection into a DataFrame and validated as a
dataframe asset. A mart larger than SQL_ROWS rows is not pulled into memory: the same suite is
evaluated in SQL inside DuckDB, one count of violating rows per expectation.

Rules that compare columns arithmetically (drawdowns agree with prices, segments add up) are
expressed as a check column computed from the mart, which an expectation then bounds.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pipeline import settings

os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")

QUALIFIERS = ["exact", "approx", "lower_bound", "upper_bound", "range_low", "range_high"]
UNITS = ["CNY", "USD", "ratio", "count"]
TOLERANCE = 1e-9

# Plausible band of each metric's value in base units, so that a slip of scale (a billion written
# as a million) fails. (metric_id, extra pandas condition or None, min, max).
PLAUSIBLE_VALUES: list[tuple[str, str | None, float, float]] = [
    ("revenue", 'entity_id == "kingsoft_cloud"', 1e9, 5e10),
    ("revenue", 'entity_id != "kingsoft_cloud"', 1e10, 1e12),
    ("net_loss", None, 1e8, 2e10),
    ("operating_loss", None, 1e8, 2e10),
    ("public_cloud_revenue", None, 1e9, 5e10),
    ("industry_cloud_revenue", None, 1e8, 5e10),
    ("rd_expense", None, 1e8, 1e10),
    ("cash_and_equivalents", None, 1e8, 1e11),
    ("financing_raised", None, 1e6, 1e10),
    ("ipo_share_price", None, 1.0, 1000.0),
    ("peak_share_price", None, 1.0, 1000.0),
    ("closing_share_price", None, 0.1, 1000.0),
    ("peak_market_value", None, 1e8, 1e12),
    ("market_size", None, 1e9, 1e13),
    ("model_training_cost", None, 1e5, 1e10),
    ("model_training_cost_per_run", None, 1e4, 1e9),
    ("cdn_node_count", None, 10, 100_000),
    ("ai_model_count", None, 1, 100_000),
    ("ai_models_evaluated_count", None, 1, 10_000),
    ("revenue_yoy_growth", None, -1.0, 5.0),
    ("revenue_cagr", None, -1.0, 5.0),
    ("market_yoy_growth", None, -1.0, 5.0),
    ("first_day_share_price_change", None, -1.0, 10.0),
    ("share_price_change_from_peak", None, -1.0, 0.0),
    ("share_price_change_from_ipo", None, -1.0, 100.0),
    ("public_cloud_revenue_share", None, 0.0, 1.0),
    ("cloud_adoption_rate", None, 0.0, 1.0),
    ("price_change", None, -1.0, 0.0),
]


def _gx():
    import great_expectations as gx  # imported late: it takes seconds

    return gx


@dataclass
class Suite:
    """The expectations of one mart, and the check columns they need."""

    table: str
    key: list[str]
    expectations: list = field(default_factory=list)
    check_columns: Callable[[pd.DataFrame], pd.DataFrame] | None = None
    index_columns: list[str] = field(default_factory=list)


def near_zero(column: str):
    gx = _gx()
    return gx.expectations.ExpectColumnValuesToBeBetween(column=column, min_value=-TOLERANCE, max_value=TOLERANCE)


def not_null(*columns: str) -> list:
    gx = _gx()
    return [gx.expectations.ExpectColumnValuesToNotBeNull(column=column) for column in columns]


def grain(key: list[str], minimum_rows: int = 1) -> list:
    gx = _gx()
    unique = (
        gx.expectations.ExpectColumnValuesToBeUnique(column=key[0])
        if len(key) == 1
        else gx.expectations.ExpectCompoundColumnsToBeUnique(column_list=key)
    )
    return [unique, gx.expectations.ExpectTableRowCountToBeBetween(min_value=minimum_rows), *not_null(*key)]


def between(column: str, low: float | None, high: float | None, condition: str | None = None):
    gx = _gx()
    options = {"row_condition": condition, "condition_parser": "pandas"} if condition else {}
    return gx.expectations.ExpectColumnValuesToBeBetween(column=column, min_value=low, max_value=high, **options)


def in_set(column: str, values: list[str]):
    return _gx().expectations.ExpectColumnValuesToBeInSet(column=column, value_set=values)


def a_not_below_b(column_a: str, column_b: str):
    return _gx().expectations.ExpectColumnPairValuesAToBeGreaterThanB(
        column_A=column_a, column_B=column_b, or_equal=True, ignore_row_if="either_value_is_missing"
    )


def financial_checks(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    frame["check_segments_add_up"] = (
        frame.public_cloud_revenue_cny + frame.industry_cloud_revenue_cny - frame.revenue_cny
    ) / frame.revenue_cny
    frame["check_usd_at_the_rate"] = frame.revenue_usd * frame.fx_cny_per_usd / frame.revenue_cny - 1
    return frame


def share_price_checks(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    peak = frame.loc[frame.event_type == "peak", "share_price_usd"].max()
    ipo = frame.loc[frame.event_type == "ipo", "share_price_usd"].max()
    frame["check_drawdown_agrees_with_prices"] = frame.share_price_usd / peak - 1 - frame.drawdown_from_peak_ratio
    frame["check_change_from_ipo_agrees_with_prices"] = frame.share_price_usd / ipo - 1 - frame.change_from_ipo_ratio
    return frame


def cloud_revenue_checks(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    frame["check_implied_prior_year"] = (
        frame.implied_prior_year_revenue_cny * (1 + frame.stated_yoy_growth_ratio) / frame.revenue_cny - 1
    )
    # a row needs a revenue figure or a growth figure (a source may state growth alone)
    frame["check_rows_without_a_figure"] = (frame.revenue_figure_id.isna() & frame.yoy_growth_figure_id.isna()).astype(
        int
    )
    return frame


def suites() -> list[Suite]:
    figure_bands = [
        between("value", low, high, f'metric_id == "{metric}"' + (f" and {extra}" if extra else ""))
        for metric, extra, low, high in PLAUSIBLE_VALUES
    ]
    return [
        Suite(
            "fct_figures",
            ["figure_id"],
            [
                *grain(["figure_id"]),
                in_set("unit", UNITS),
                in_set("qualifier", QUALIFIERS),
                *not_null(
                    "source_id", "entity_id", "metric_id", "value", "value_as_written", "quote", "paragraph_number"
                ),
                between("value", 0, None, 'unit in ["CNY", "USD"]'),
                *figure_bands,
            ],
            index_columns=["figure_id"],
        ),
        Suite(
            "fct_company_financials",
            ["company_id", "fiscal_year"],
            [
                *grain(["company_id", "fiscal_year"]),
                a_not_below_b("revenue_cny", "public_cloud_revenue_cny"),
                between("revenue_cny", 1e9, 1e12),
                between("net_loss_cny", 0, None),
                between("rd_expense_cny", 0, None),
                between("public_cloud_share_ratio", 0, 1),
                between("rd_intensity_ratio", 0, 1),
                between("net_loss_margin_ratio", 0, 5),
                between("revenue_yoy_growth_ratio", -1, 5),
                near_zero("check_segments_add_up"),
                near_zero("check_usd_at_the_rate"),
            ],
            financial_checks,
            ["company_id", "fiscal_year"],
        ),
        Suite(
            "fct_share_price_events",
            ["event_id"],
            [
                *grain(["event_id"], 3),
                in_set("event_type", ["ipo", "first_day", "peak", "close"]),
                between("share_price_usd", 0.01, 10_000),
                between("drawdown_from_peak_ratio", -1, 0),
                near_zero("check_drawdown_agrees_with_prices"),
                near_zero("check_change_from_ipo_agrees_with_prices"),
                *not_null("figure_ids"),
            ],
            share_price_checks,
            ["event_id"],
        ),
        Suite(
            "fct_cloud_revenue",
            ["provider_id", "fiscal_year"],
            [
                *grain(["provider_id", "fiscal_year"]),
                between("revenue_cny", 1e9, 1e12),
                between("stated_yoy_growth_ratio", -1, 5),
                near_zero("check_implied_prior_year"),
                near_zero("check_rows_without_a_figure"),
            ],
            cloud_revenue_checks,
            ["provider_id", "fiscal_year"],
        ),
        Suite(
            "fct_cdn_nodes",
            ["provider_id", "fiscal_year"],
            [
                *grain(["provider_id", "fiscal_year"]),
                between("node_count", 10, 100_000),
                *not_null("figure_id", "quote"),
            ],
            index_columns=["provider_id"],
        ),
        Suite(
            "fct_price_cuts",
            ["price_cut_id"],
            [
                *grain(["price_cut_id"]),
                between("deepest_price_change_ratio", -1, 0),
                between("shallowest_price_change_ratio", -1, 0),
                a_not_below_b("shallowest_price_change_ratio", "deepest_price_change_ratio"),
                *not_null("figure_ids", "quote", "product_id"),
            ],
            index_columns=["price_cut_id"],
        ),
        Suite(
            "fct_market_metrics",
            ["statement_id"],
            [
                *grain(["statement_id"]),
                in_set("unit", UNITS),
                a_not_below_b("value_high", "value_low"),
                *not_null("figure_ids", "quote"),
            ],
            index_columns=["statement_id"],
        ),
        Suite(
            "fct_claim_checks",
            ["claim_id"],
            [
                *grain(["claim_id"]),
                in_set("verdict", ["consistent", "inconsistent", "not_checkable"]),
                *not_null("explanation", "quote", "claim_kind"),
                _gx().expectations.ExpectColumnValuesToNotBeNull(
                    column="computed_value", row_condition='verdict != "not_checkable"', condition_parser="pandas"
                ),
            ],
            index_columns=["claim_id"],
        ),
        Suite(
            "fct_figure_conflicts",
            ["conflict_id"],
            [
                *grain(["conflict_id"], 0),
                in_set("conflict_kind", ["same_value_different_metric", "different_value_across_sources"]),
                *not_null("first_quote", "second_quote"),
            ],
            index_columns=["conflict_id"],
        ),
        Suite("dim_companies", ["company_id"], [*grain(["company_id"]), *not_null("company_name", "company_type")]),
        Suite("dim_entities", ["entity_id"], [*grain(["entity_id"]), *not_null("entity_name", "entity_type")]),
        Suite(
            "dim_metrics",
            ["metric_id"],
            [
                *grain(["metric_id"]),
                in_set("unit_kind", ["currency", "ratio", "count"]),
                in_set("domain", ["financials", "competitors", "market"]),
                *not_null("definition"),
            ],
        ),
        Suite("dim_sources", ["source_id"], [*grain(["source_id"]), between("figure_count", 1, None)]),
    ]


@dataclass
class SuiteResult:
    table: str
    evaluated: int
    failed: list[str]
    in_sql: bool = False


# Tables above this many rows are validated in SQL inside DuckDB (counts of violating rows), so
# no large table is pulled into memory; smaller marts go through Great Expectations.
SQL_ROWS = int(os.environ.get("EXPECTATIONS_SQL_ROWS", "200000"))


def sql_condition(pandas_condition: str) -> str:
    """A suite's row condition (pandas query syntax, as GX takes it) in SQL."""
    condition = pandas_condition.replace("!=", "<>").replace("==", "=").replace('"', "'")
    return condition.replace(" in [", " in (").replace("]", ")")


def sql_literal(value) -> str:
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    return repr(float(value)) if isinstance(value, float) else str(value)


def violations_sql(table: str, expectation) -> tuple[str, str]:
    """(SQL counting the rows that break `expectation`, what the count means) for one expectation."""
    kind = type(expectation).__name__
    kwargs = expectation.configuration.kwargs
    condition = kwargs.get("row_condition")
    if isinstance(condition, dict):  # GX keeps a pandas condition as {"pass_through_filter": ...}
        condition = condition.get("pass_through_filter")
    where = f"({sql_condition(condition)})" if condition else "true"
    relation = f"marts.{table}"
    if kind == "ExpectTableRowCountToBeBetween":
        low, high = kwargs.get("min_value"), kwargs.get("max_value")
        bounds = " and ".join(
            [
                *([f"count(*) >= {low}"] if low is not None else []),
                *([f"count(*) <= {high}"] if high is not None else []),
            ]
        )
        return f"select case when {bounds or 'true'} then 0 else 1 end from {relation}", "row count out of range"
    if kind in ("ExpectColumnValuesToBeUnique", "ExpectCompoundColumnsToBeUnique"):
        columns = ", ".join(kwargs.get("column_list") or [kwargs["column"]])
        return (
            f"select coalesce(sum(n), 0) from (select count(*) as n from {relation} where {where} "
            f"group by {columns} having count(*) > 1)",
            "rows sharing a key",
        )
    if kind == "ExpectColumnValuesToNotBeNull":
        return f"select count(*) from {relation} where {where} and {kwargs['column']} is null", "null values"
    column = kwargs.get("column")
    if kind == "ExpectColumnValuesToBeBetween":
        low, high = kwargs.get("min_value"), kwargs.get("max_value")
        outside = " or ".join(
            [
                *([f"{column} < {sql_literal(low)}"] if low is not None else []),
                *([f"{column} > {sql_literal(high)}"] if high is not None else []),
            ]
        )
        return (
            f"select count(*) from {relation} where {where} and {column} is not null and ({outside or 'false'})",
            "values out of range",
        )
    if kind == "ExpectColumnValuesToBeInSet":
        values = ", ".join(sql_literal(value) for value in kwargs["value_set"])
        return (
            f"select count(*) from {relation} where {where} and {column} is not null and {column} not in ({values})",
            "values outside the set",
        )
    if kind == "ExpectColumnPairValuesAToBeGreaterThanB":
        a, b = kwargs["column_A"], kwargs["column_B"]
        operator = ">=" if kwargs.get("or_equal") else ">"
        return (
            f"select count(*) from {relation} where {where} and {a} is not null and {b} is not null "
            f"and not ({a} {operator} {b})",
            f"rows where {a} is not {operator} {b}",
        )
    raise NotImplementedError(f"no SQL form for {kind}: add one to violations_sql before using it on a large table")


def validate_in_sql(connection, suite: Suite, json_dir: Path) -> SuiteResult:
    """Validate one large mart inside DuckDB: one count of violating rows per expectation."""
    results, failed = [], []
    for expectation in suite.expectations:
        sql, meaning = violations_sql(suite.table, expectation)
        count = connection.execute(sql).fetchone()[0]
        name, arguments = expectation_label(expectation.configuration)
        results.append(
            {
                "expectation": name,
                "kwargs": arguments,
                "success": count == 0,
                "violations": count,
                "meaning": meaning,
                "sql": sql,
            }
        )
        if count:
            failed.append(f"{name} {arguments}; {count} {meaning} (SQL: {sql})")
    (json_dir / f"{suite.table}.json").write_text(
        json.dumps(
            {"table": suite.table, "checked_in": "sql", "success": not failed, "results": results},
            indent=2,
            default=str,
        ),
        encoding="utf-8",
    )
    return SuiteResult(suite.table, len(results), failed, in_sql=True)


def expectation_label(config) -> tuple[str, dict]:
    """The name and arguments of an expectation, the same whether GX or SQL evaluated it."""
    arguments = {
        key: value
        for key, value in config.kwargs.items()
        if key not in {"batch_id", "condition_parser"} and value is not None
    }
    return config.type, arguments


def describe_failure(result, index_columns: list[str]) -> str:
    config = result.expectation_config
    _, arguments = expectation_label(config)
    details = result.result or {}
    offending = details.get("unexpected_index_list") or details.get("partial_unexpected_list")
    if offending and index_columns:
        offending = offending[:10]
    shown = f"; offending: {offending}" if offending else ""
    observed = details.get("observed_value")
    observed_text = f"; observed {observed}" if observed is not None and not offending else ""
    return f"{config.type} {arguments}{shown}{observed_text}"


def validate(database: Path, results_dir: Path = settings.RESULTS_DIR) -> list[SuiteResult]:
    """Validate every mart of `database`; write JSON results and Data Docs under results_dir."""
    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    gx = _gx()
    context_root = results_dir / "gx_project"
    shutil.rmtree(context_root, ignore_errors=True)
    context_root.mkdir(parents=True)
    json_dir = results_dir / "expectations"
    shutil.rmtree(json_dir, ignore_errors=True)
    json_dir.mkdir(parents=True)
    context = gx.get_context(mode="file", project_root_dir=str(context_root))
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    source = context.data_sources.add_pandas("warehouse")
    outcomes: list[SuiteResult] = []
    with settings.connect(database, read_only=True) as connection:
        for suite in suites():
            rows = connection.execute(f"select count(*) from marts.{suite.table}").fetchone()[0]
            if rows > SQL_ROWS and suite.check_columns is None:
                outcomes.append(validate_in_sql(connection, suite, json_dir))
                continue
            frame = connection.sql(f"select * from marts.{suite.table}").df()
            if suite.check_columns is not None:
                frame = suite.check_columns(frame)
            batch = source.add_dataframe_asset(suite.table).add_batch_definition_whole_dataframe("whole")
            expectation_suite = context.suites.add(gx.ExpectationSuite(name=f"{suite.table}_suite"))
            for expectation in suite.expectations:
                expectation_suite.add_expectation(expectation)
            definition = context.validation_definitions.add(
                gx.ValidationDefinition(name=suite.table, data=batch, suite=expectation_suite)
            )
            result_format = {"result_format": "COMPLETE", "unexpected_index_column_names": suite.index_columns}
            checkpoint = context.checkpoints.add(
                gx.Checkpoint(
                    name=f"{suite.table}_checkpoint", validation_definitions=[definition], result_format=result_format
                )
            )
            run = checkpoint.run(batch_parameters={"dataframe": frame})
            validation = next(iter(run.run_results.values()))
            (json_dir / f"{suite.table}.json").write_text(
                json.dumps(validation.to_json_dict(), indent=2, default=str), encoding="utf-8"
            )
            failed = [
                describe_failure(result, suite.index_columns) for result in validation.results if not result.success
            ]
            outcomes.append(SuiteResult(suite.table, len(validation.results), failed))
    context.build_data_docs()
    return outcomes


def summary(outcomes: list[SuiteResult], seconds: float) -> str:
    evaluated = sum(outcome.evaluated for outcome in outcomes)
    failed = sum(len(outcome.failed) for outcome in outcomes)
    lines = [f"{'mart':<26}{'expectations':>13}{'failed':>8}"]
    lines += [
        f"{outcome.table:<26}{outcome.evaluated:>13}{len(outcome.failed):>8}"
        + ("   (large: checked in SQL)" if outcome.in_sql else "")
        for outcome in outcomes
    ]
    lines.append(f"{'total':<26}{evaluated:>13}{failed:>8}   ({seconds:.1f} s)")
    for outcome in outcomes:
        lines += [f"  FAILED {outcome.table}: {failure}" for failure in outcome.failed]
    return "\n".join(lines)


def run(database: Path) -> tuple[bool, str]:
    started = time.perf_counter()
    outcomes = validate(database)
    text = summary(outcomes, time.perf_counter() - started)
    return all(not outcome.failed for outcome in outcomes), text
