"""Reading the published warehouse: the queries of reports/sql/dashboard, run on a read-only connection."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from reports.dashboard.numbers import Figure, split_ids

SQL_DIR = Path(__file__).resolve().parents[1] / "sql" / "dashboard"
ID_COLUMNS = re.compile(r"(^|_)figure_ids?$")  # columns that name figures: figure_id, revenue_figure_id, figure_ids


def sql(name: str) -> str:
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def query(connection: duckdb.DuckDBPyConnection, name: str, parameters: dict | None = None) -> list[dict]:
    cursor = connection.execute(sql(name), parameters) if parameters else connection.execute(sql(name))
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def grouped(rows: list[dict], key: str) -> dict[str, list[dict]]:
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        groups[row[key]].append(row)
    return groups


@dataclass
class Data:
    """Every row the pages show, each query's rows in the order its SQL gives them."""

    companies: list[dict]
    sources: list[dict]
    annual_figures: list[dict]
    forecasts: list[dict]
    ratios: list[dict]
    segments: list[dict]
    interim_figures: list[dict]
    interim_periods: list[dict]
    share_prices: list[dict]
    cloud_revenue: list[dict]
    cdn_nodes: list[dict]
    price_cuts: list[dict]
    market: list[dict]
    claims: list[dict]
    figures: dict[str, Figure] = field(default_factory=dict)

    def named_figure_ids(self) -> set[str]:
        """Every figure id any row names, in any of its figure id columns."""
        found = set()
        for rows in vars(self).values():
            if isinstance(rows, list):
                found |= ids_in(rows)
        return found


def ids_in(rows: list[dict]) -> set[str]:
    found = set()
    for row in rows:
        for column, value in row.items():
            if ID_COLUMNS.search(column) and isinstance(value, str):
                found.update(split_ids(value))
    return found


def load(connection: duckdb.DuckDBPyConnection) -> Data:
    data = Data(
        companies=query(connection, "companies"),
        sources=query(connection, "sources"),
        annual_figures=query(connection, "company_annual_figures"),
        forecasts=query(connection, "company_forecasts"),
        ratios=query(connection, "company_ratios"),
        segments=query(connection, "company_segments"),
        interim_figures=query(connection, "company_interim_figures"),
        interim_periods=query(connection, "company_interim_periods"),
        share_prices=query(connection, "share_prices"),
        cloud_revenue=query(connection, "cloud_revenue"),
        cdn_nodes=query(connection, "cdn_nodes"),
        price_cuts=query(connection, "price_cuts"),
        market=query(connection, "market_metrics"),
        claims=query(connection, "claims"),
    )
    figures = query(connection, "figures", {"figure_ids": sorted(data.named_figure_ids())})
    data.figures = {row["figure_id"]: Figure(**row) for row in figures}
    return data
