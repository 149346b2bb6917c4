"""`make dashboard`: a static HTML dashboard of the published warehouse, generated from its data.

One page per company the warehouse holds figures about (its financials, segments and share prices,
each in its own currency), one per curated source (its figures and claim verdicts), an index of
landed sources, and pages for competitors, CDN nodes, price cuts, market figures and claims whose
years and periods come from the data. Every number shown names the figures it comes from: hover it
for its quote and figure id, click it to keep them open.

The queries are in reports/sql/dashboard/*.sql, the HTML and SVG in reports/templates/dashboard/;
this module runs the one, computes chart geometry (reports/charts.py) and renders the other. The
pages need no network, no JavaScript and no server: open build/dashboard/index.html.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import jinja2

from pipeline import settings
from reports import charts
from reports.charts import Datum, Series

DASHBOARD_DIR = settings.BUILD_DIR / "dashboard"
SQL_DIR = Path(__file__).parent / "sql" / "dashboard"
TEMPLATE_DIR = Path(__file__).parent / "templates" / "dashboard"
MAX_CHART_ROWS = 30  # a chart shows at most this many bars; its table lists every row
LANDED_PAGE_SIZE = 500  # landed sources per page of the landed-sources index
ID_SEPARATOR = ", "  # how the marts list several figure ids in one column
QUALIFIER_MARKS = {"approx": "~", "lower_bound": "≥", "upper_bound": "≤"}
SCALE_ABBREVIATIONS = {"trillion": "tn", "billion": "bn", "million": "mn", "thousand": "k"}

# The ratios fct_company_financials computes, with the columns company_ratios.sql names them by.
COMPANY_RATIOS = [
    ("revenue_yoy_growth", "Revenue growth year on year, computed"),
    ("public_cloud_share", "Public cloud share of revenue, computed"),
    ("rd_intensity", "R&D expense to revenue, computed"),
    ("net_loss_margin", "Net loss to revenue, computed"),
]


# ---------------------------------------------------------------------------------------------
# Figures and the numbers shown from them


@dataclass(frozen=True)
class Figure:
    """One row of fct_figures, as figures.sql reads it."""

    figure_id: str
    source_id: str
    source_title: str
    is_curated_source: bool
    entity_id: str
    entity_name: str
    metric_id: str
    metric_name: str
    unit_kind: str
    period_label: str
    period_type: str
    period_start_date: object
    fiscal_year: int | None
    qualifier: str
    value: float
    unit: str
    per_unit: str | None
    is_forecast: bool
    value_as_written: str
    paragraph_number: int
    quote: str
    source_href: str = ""

    @property
    def tooltip(self) -> str:
        return f"{self.figure_id} (paragraph {self.paragraph_number}, {self.source_title}): “{self.quote}”"


@dataclass(frozen=True)
class Number:
    """A number on a page: its text, the figures it comes from (hover shows their quotes and ids),
    and, for tests, what it is (`name`) and its exact value."""

    text: str
    figures: tuple[Figure, ...] = ()
    name: str = ""
    value: float | None = None
    note: str = ""

    @property
    def is_forecast(self) -> bool:
        return any(figure.is_forecast for figure in self.figures)

    @property
    def figure_ids(self) -> str:
        return ID_SEPARATOR.join(figure.figure_id for figure in self.figures)

    @property
    def raw(self) -> str:
        return "" if self.value is None else repr(float(self.value))

    @property
    def tooltip(self) -> str:
        lines = [self.text + (" (forecast)" if self.is_forecast else "")]
        if self.note:
            lines.append(self.note)
        lines.extend(figure.tooltip for figure in self.figures)
        return "\n".join(lines)


def split_ids(text: str | None) -> list[str]:
    return [part for part in (text or "").split(ID_SEPARATOR) if part]


def scaled(value: float, divisor: float, decimals: int) -> str:
    return f"{value / divisor:,.{decimals}f}"


def amount_text(value: float | None, currency: str, per_unit: str | None = None) -> str:
    """`CNY 7.047 bn`, `HKD 8.80 per share`: the currency code from the data, never a symbol."""
    if value is None:
        return ""
    divisor, word = charts.value_scale([value])
    number = short(value, divisor) + " " + SCALE_ABBREVIATIONS[word] if word else scaled(value, 1, 2)
    return f"{currency} {number}" + (f" per {per_unit}" if per_unit else "")


def short(value: float, divisor: float) -> str:
    """`2.218`, `5.36`, `971`: at most three decimals, no trailing zeros."""
    return scaled(value, divisor, 3).rstrip("0").rstrip(".")


def percent_text(value: float | None) -> str:
    return "" if value is None else f"{value * 100:,.2f}%"


def value_text(value: float | None, unit: str, unit_kind: str, per_unit: str | None = None) -> str:
    if value is None:
        return ""
    if unit_kind == "currency":
        return amount_text(value, unit, per_unit)
    if unit == "ratio":
        return percent_text(value)
    if unit == "count":
        return f"{value:,.0f}" + (f" per {per_unit}" if per_unit else "")
    return f"{value:,.4g} {unit}" + (f" per {per_unit}" if per_unit else "")


def qualified(text: str, qualifier: str | None) -> str:
    mark = QUALIFIER_MARKS.get(qualifier or "", "")
    return f"{mark} {text}" if mark and text else text


def amount_axis(currency: str, values: list[float], per_unit: str | None = None) -> tuple[float, str]:
    """The divisor of an axis of amounts and its label, e.g. (1e9, 'billion HKD')."""
    divisor, word = charts.value_scale(values)
    label = f"{word} {currency}" if word else currency
    return divisor, label + (f" per {per_unit}" if per_unit else "")


def slug(prefix: str, key: str) -> str:
    """A file name for a page about `key`; keys that are not plain names get a short hash."""
    if re.fullmatch(r"[A-Za-z0-9_.-]+", key):
        return f"{prefix}-{key}.html"
    cleaned = re.sub(r"[^A-Za-z0-9_-]+", "-", key).strip("-")[:40]
    return f"{prefix}-{cleaned}-{hashlib.sha1(key.encode()).hexdigest()[:8]}.html"


# ---------------------------------------------------------------------------------------------
# Reading the warehouse


def sql(name: str) -> str:
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def query(connection: duckdb.DuckDBPyConnection, name: str, parameters: dict | None = None) -> list[dict]:
    cursor = connection.execute(sql(name), parameters) if parameters else connection.execute(sql(name))
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


ID_COLUMNS = re.compile(r"(^|_)figure_ids?$")


@dataclass
class Data:
    companies: list[dict]
    sources: list[dict]
    annual_figures: list[dict]
    ratios: list[dict]
    segments: list[dict]
    share_prices: list[dict]
    cloud_revenue: list[dict]
    cdn_nodes: list[dict]
    price_cuts: list[dict]
    market: list[dict]
    claims: list[dict]
    figures: dict[str, Figure] = field(default_factory=dict)


def load(connection: duckdb.DuckDBPyConnection) -> Data:
    connection.execute(sql("views"))
    data = Data(
        companies=query(connection, "companies"),
        sources=query(connection, "sources"),
        annual_figures=query(connection, "company_annual_figures"),
        ratios=query(connection, "company_ratios"),
        segments=query(connection, "company_segments"),
        share_prices=query(connection, "share_prices"),
        cloud_revenue=query(connection, "cloud_revenue"),
        cdn_nodes=query(connection, "cdn_nodes"),
        price_cuts=query(connection, "price_cuts"),
        market=query(connection, "market_metrics"),
        claims=query(connection, "claims"),
    )
    wanted = set()
    for rows in (data.annual_figures, data.ratios, data.segments, data.share_prices, data.cloud_revenue):
        wanted.update(ids_in(rows))
    for rows in (data.cdn_nodes, data.price_cuts, data.market, data.claims):
        wanted.update(ids_in(rows))
    figures = query(connection, "figures", {"figure_ids": sorted(wanted)})
    data.figures = {row["figure_id"]: Figure(**row) for row in figures}
    return data


def ids_in(rows: list[dict]) -> set[str]:
    found = set()
    for row in rows:
        for column, value in row.items():
            if ID_COLUMNS.search(column) and isinstance(value, str):
                found.update(split_ids(value))
    return found


# ---------------------------------------------------------------------------------------------
# Building the pages


@dataclass
class Page:
    path: str
    template: str
    title: str
    context: dict


class Site:
    """The data, the links between pages, and the pages themselves."""

    def __init__(self, data: Data):
        self.data = data
        self.company_href = {row["company_id"]: slug("company", row["company_id"]) for row in data.companies}
        curated = [row for row in data.sources if row["is_curated"]]
        self.landed = [row for row in data.sources if not row["is_curated"]]
        self.source_href = {row["source_id"]: slug("source", row["source_id"]) for row in curated}
        for index, row in enumerate(self.landed):
            self.source_href[row["source_id"]] = landed_page(index // LANDED_PAGE_SIZE) + "#" + row["source_id"]
        self.figures = {
            figure_id: Figure(**{**figure.__dict__, "source_href": self.source_href.get(figure.source_id, "")})
            for figure_id, figure in data.figures.items()
        }

    # numbers -------------------------------------------------------------------------------

    def refs(self, ids: str | list[str] | None) -> tuple[Figure, ...]:
        listed = split_ids(ids) if isinstance(ids, str) or ids is None else ids
        return tuple(self.figures[figure_id] for figure_id in listed if figure_id in self.figures)

    def number(self, value, text: str, ids, name: str = "", note: str = "") -> Number | None:
        if value is None:
            return None
        return Number(text, self.refs(ids), name, value, note)

    def figure_number(self, figure: Figure, name: str = "") -> Number:
        text = value_text(figure.value, figure.unit, figure.unit_kind, figure.per_unit)
        return Number(qualified(text, figure.qualifier), (figure,), name or figure.metric_id, figure.value)

    def datum(self, number: Number, label: str, low: float | None = None, tone: str = "") -> Datum:
        return Datum(
            value=number.value,
            label=label,
            tooltip=number.tooltip,
            figure_ids=number.figure_ids,
            low=low,
            is_forecast=number.is_forecast,
            tone=tone,
        )

    # pages -----------------------------------------------------------------------------------

    def pages(self) -> list[Page]:
        pages = [self.index_page()]
        pages += [self.company_page(company) for company in self.data.companies]
        pages += [self.source_page(source) for source in self.data.sources if source["is_curated"]]
        pages += self.landed_pages()
        pages += [
            self.competitors_page(),
            self.cdn_page(),
            self.price_cuts_page(),
            self.market_page(),
            self.claims_page(),
        ]
        return pages

    def nav(self) -> list[tuple[str, str]]:
        items = [
            ("index.html", "Overview"),
            ("competitors.html", "Competitors"),
            ("cdn-nodes.html", "CDN nodes"),
            ("price-cuts.html", "Price cuts"),
            ("market.html", "Market"),
            ("claims.html", "Claims"),
        ]
        if self.landed:
            items.append((landed_page(0), "Landed sources"))
        return items

    def index_page(self) -> Page:
        curated = [row for row in self.data.sources if row["is_curated"]]
        return Page(
            "index.html",
            "index.html.j2",
            "Overview",
            {
                "companies": self.data.companies,
                "curated_sources": curated,
                "landed_count": len(self.landed),
                "landed_figures": sum(row["figure_count"] for row in self.landed),
                "landed_href": landed_page(0),
                "claim_count": len(self.data.claims),
            },
        )

    def company_page(self, company: dict) -> Page:
        company_id = company["company_id"]
        name = company["company_name"]
        ratios = [row for row in self.data.ratios if row["company_id"] == company_id]
        years = [row["fiscal_year"] for row in ratios]
        stated = [
            self.figures[row["figure_id"]]
            for row in self.data.annual_figures
            if row["company_id"] == company_id and row["figure_id"] in self.figures
        ]
        annual_rows = self.annual_rows(stated, ratios, years)
        segments = [row for row in self.data.segments if row["company_id"] == company_id]
        prices = [row for row in self.data.share_prices if row["company_id"] == company_id]
        nodes = [row for row in self.data.cdn_nodes if row["provider_id"] == company_id]
        cuts = [row for row in self.data.price_cuts if row["provider_id"] == company_id]
        claims = [row for row in self.data.claims if row["entity_id"] == company_id]
        shown = {figure.source_id for figure in self.figures.values() if figure.entity_id == company_id}
        return Page(
            self.company_href[company_id],
            "company.html.j2",
            name,
            {
                "company": company,
                "parent_href": self.company_href.get(company["parent_company_id"] or ""),
                "sources": [row for row in self.data.sources if row["source_id"] in shown],
                "years": years,
                "annual_charts": self.annual_charts(name, stated, years),
                "annual_rows": annual_rows,
                "segments": self.segment_section(name, segments),
                "prices": self.price_section(name, prices),
                "nodes": [self.node_row(row) for row in nodes],
                "cuts": [self.cut_row(row) for row in cuts],
                "claims": [self.claim_row(row) for row in claims],
            },
        )

    def annual_rows(self, stated: list[Figure], ratios: list[dict], years: list[int]) -> list[dict]:
        """One table row per metric stated for the company by year, then the ratios computed from them."""
        by_metric: dict[tuple[str, str], dict[int, Number]] = defaultdict(dict)
        names, sizes = {}, defaultdict(float)
        for figure in stated:
            key = (figure.metric_id, figure.unit_kind)
            by_metric[key][figure.fiscal_year] = self.figure_number(figure)
            names[key] = figure.metric_name
            sizes[key] = max(sizes[key], abs(figure.value) if figure.unit_kind == "currency" else 0)
        order = sorted(by_metric, key=lambda key: (key[1] != "currency", -sizes[key], names[key]))
        rows = [{"label": names[key], "computed": False, "cells": by_metric[key]} for key in order]
        for column, label in COMPANY_RATIOS:
            cells = {
                row["fiscal_year"]: self.number(
                    row[f"{column}_ratio"],
                    percent_text(row[f"{column}_ratio"]),
                    row[f"{column}_figure_ids"],
                    f"{column}_ratio",
                    "computed from the figures below",
                )
                for row in ratios
            }
            if any(cells.values()):
                rows.append({"label": label, "computed": True, "cells": cells})
        return rows

    def annual_charts(self, name: str, stated: list[Figure], years: list[int]) -> list[charts.Chart]:
        """Annual amounts by year, one chart per currency of record (a chart never mixes currencies)."""
        amounts = [figure for figure in stated if figure.unit_kind == "currency" and not figure.per_unit]
        result = []
        for currency in sorted({figure.unit for figure in amounts}):
            in_currency = [figure for figure in amounts if figure.unit == currency]
            divisor, axis = amount_axis(currency, [figure.value for figure in in_currency])
            by_metric: dict[str, dict[str, Datum]] = {}
            metric_names = {}
            for figure in sorted(in_currency, key=lambda figure: -abs(figure.value)):
                number = self.figure_number(figure)
                metric_names[figure.metric_id] = figure.metric_name
                by_metric.setdefault(figure.metric_id, {})[str(figure.fiscal_year)] = self.datum(
                    number, short(figure.value, divisor)
                )
            series = [Series(metric_names[metric], data) for metric, data in by_metric.items()]
            title = f"{name}: amounts by year ({currency})"
            result.append(charts.columns(title, axis, [str(year) for year in years], series, divisor))
        return result

    def segment_section(self, name: str, rows: list[dict]) -> dict | None:
        if not rows:
            return None
        table, result_charts = [], []
        for row in rows:
            table.append(
                {
                    "year": row["fiscal_year"],
                    "public": self.number(
                        row["public_cloud_revenue"],
                        amount_text(row["public_cloud_revenue"], row["public_cloud_currency"]),
                        row["public_cloud_revenue_figure_id"],
                        "public_cloud_revenue",
                    ),
                    "industry": self.number(
                        row["industry_cloud_revenue"],
                        amount_text(row["industry_cloud_revenue"], row["industry_cloud_currency"]),
                        row["industry_cloud_revenue_figure_ids"],
                        "industry_cloud_revenue",
                        "total revenue less public cloud revenue" if row["is_industry_cloud_revenue_derived"] else "",
                    ),
                    "derived": row["is_industry_cloud_revenue_derived"],
                    "share": self.number(
                        row["public_cloud_share_ratio"],
                        percent_text(row["public_cloud_share_ratio"])
                        if row["public_cloud_share_ratio"] is not None
                        else "",
                        row["industry_cloud_revenue_figure_ids"],
                        "public_cloud_share_ratio",
                        "public cloud revenue over total revenue",
                    ),
                }
            )
        for currency in sorted({row["public_cloud_currency"] for row in rows}):
            in_currency = [row for row in table if row["public"].figures[0].unit == currency]
            values = [
                row[part].value for row in in_currency for part in ("public", "industry") if row[part] is not None
            ]
            divisor, axis = amount_axis(currency, values)
            series = [
                Series(
                    label,
                    {
                        str(row["year"]): self.datum(row[part], short(row[part].value, divisor))
                        for row in in_currency
                        if row[part] is not None
                    },
                )
                for part, label in (("public", "Public cloud"), ("industry", "Industry cloud"))
            ]
            years = [str(row["year"]) for row in in_currency]
            result_charts.append(
                charts.columns(f"{name}: revenue by segment ({currency})", axis, years, series, divisor)
            )
        return {"rows": table, "charts": result_charts}

    def price_section(self, name: str, rows: list[dict]) -> dict | None:
        if not rows:
            return None
        table = []
        for row in rows:
            currency = row["currency"]
            table.append(
                {
                    "row": row,
                    "price": self.number(
                        row["share_price"],
                        qualified(amount_text(row["share_price"], currency, "share"), row["price_qualifier"]),
                        row["figure_ids"],
                        "share_price",
                        "implied by the figures below" if row["is_price_derived"] else "",
                    ),
                    "currency": currency,
                    "from_ipo": self.ratio(row, "change_from_ipo_ratio"),
                    "from_peak": self.ratio(row, "drawdown_from_peak_ratio"),
                    "stated_from_ipo": self.ratio(row, "stated_change_from_ipo_ratio"),
                    "stated_from_peak": self.ratio(row, "stated_change_from_peak_ratio"),
                }
            )
        result_charts = []
        for currency in sorted({row["currency"] for row in table}):
            in_currency = [row for row in table if row["currency"] == currency]
            divisor, axis = amount_axis(currency, [row["price"].value for row in in_currency], "share")
            data = [
                (
                    f"{row['row']['event_type']} {row['row']['period_label']}",
                    self.datum(row["price"], qualified(f"{row['price'].value:,.2f}", row["row"]["price_qualifier"])),
                )
                for row in in_currency
            ]
            result_charts.append(charts.points(f"{name}: share price events ({currency})", axis, data, divisor))
        return {"rows": table, "charts": result_charts}

    def ratio(self, row: dict, column: str) -> Number | None:
        value = row[column]
        return self.number(value, percent_text(value), row["figure_ids"], column)

    def node_row(self, row: dict) -> dict:
        figure = self.figures.get(row["figure_id"])
        return {
            "row": row,
            "href": self.company_href.get(row["provider_id"]),
            "nodes": self.number(
                row["node_count"],
                qualified(f"{row['node_count']:,}", row["qualifier"]),
                row["figure_ids"],
                "node_count",
            ),
            "metric_name": figure.metric_name if figure else "",
        }

    def cut_row(self, row: dict) -> dict:
        deepest, shallowest = row["deepest_price_change_ratio"], row["shallowest_price_change_ratio"]
        return {
            "row": row,
            "href": self.company_href.get(row["provider_id"]),
            "deepest": self.number(deepest, percent_text(deepest), row["figure_ids"], "deepest_price_change_ratio"),
            "shallowest": self.number(
                shallowest,
                percent_text(shallowest),
                row["figure_ids"],
                "shallowest_price_change_ratio",
            ),
        }

    def claim_row(self, row: dict) -> dict:
        return {
            "row": row,
            "source_href": self.source_href.get(row["source_id"], ""),
            "company_href": self.company_href.get(row["entity_id"]),
            "stated": self.refs(row["stated_figure_id"]),
        }

    def verdict_chart(self, title: str, claims: list[dict]) -> charts.Chart | None:
        if not claims:
            return None
        counts: dict[str, int] = defaultdict(int)
        for row in claims:
            counts[row["verdict"]] += 1
        data = [
            (verdict, Datum(count, f"{count}", f"{verdict}: {count} claims", tone=verdict))
            for verdict, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        ]
        return charts.bars(title, "claims", data)

    def source_page(self, source: dict) -> Page:
        source_id = source["source_id"]
        figures = [figure for figure in self.figures.values() if figure.source_id == source_id]
        figures.sort(key=lambda figure: (figure.paragraph_number, figure.figure_id))
        claims = [row for row in self.data.claims if row["source_id"] == source_id]
        return Page(
            self.source_href[source_id],
            "source.html.j2",
            source["title"],
            {
                "source": source,
                "verdicts": self.verdict_chart("Its claims, checked against its own figures", claims),
                "claims": [self.claim_row(row) for row in claims],
                "figures": [
                    {
                        "figure": figure,
                        "number": self.figure_number(figure),
                        "href": self.company_href.get(figure.entity_id),
                    }
                    for figure in figures
                ],
            },
        )

    def landed_pages(self) -> list[Page]:
        count = math.ceil(len(self.landed) / LANDED_PAGE_SIZE)
        pages = []
        for index in range(count):
            rows = self.landed[index * LANDED_PAGE_SIZE : (index + 1) * LANDED_PAGE_SIZE]
            pages.append(
                Page(
                    landed_page(index),
                    "landed_sources.html.j2",
                    "Landed sources",
                    {
                        "rows": rows,
                        "page_number": index + 1,
                        "page_count": count,
                        "pages": [landed_page(other) for other in range(count)],
                        "total": len(self.landed),
                        "total_figures": sum(row["figure_count"] for row in self.landed),
                        "files": len({row["landed_file"] for row in self.landed}),
                    },
                )
            )
        return pages

    def competitors_page(self) -> Page:
        sections = []
        for year in sorted({row["fiscal_year"] for row in self.data.cloud_revenue}, reverse=True):
            rows = [row for row in self.data.cloud_revenue if row["fiscal_year"] == year]
            table = [
                {
                    "row": row,
                    "href": self.company_href.get(row["provider_id"]),
                    "revenue": self.number(
                        row["revenue"],
                        amount_text(row["revenue"], row["currency"]),
                        row["revenue_figure_id"],
                        "revenue",
                    ),
                    "stated_growth": self.number(
                        row["stated_yoy_growth_ratio"],
                        percent_text(row["stated_yoy_growth_ratio"]),
                        row["yoy_growth_figure_id"],
                        "stated_yoy_growth_ratio",
                    ),
                    "computed_growth": self.number(
                        row["computed_yoy_growth_ratio"],
                        percent_text(row["computed_yoy_growth_ratio"])
                        if row["computed_yoy_growth_ratio"] is not None
                        else "",
                        row["revenue_figure_id"],
                        "computed_yoy_growth_ratio",
                        "computed from this and the prior year's revenue",
                    ),
                }
                for row in rows
            ]
            year_charts = []
            for currency in sorted({row["currency"] for row in rows if row["currency"]}):
                in_currency = [row for row in table if row["revenue"] and row["row"]["currency"] == currency]
                in_currency.sort(key=lambda row: -row["revenue"].value)
                divisor, axis = amount_axis(currency, [row["revenue"].value for row in in_currency])
                data = [
                    (row["row"]["provider_name"], self.datum(row["revenue"], short(row["revenue"].value, divisor)))
                    for row in in_currency
                ]
                year_charts.append(capped(charts.bars, f"Cloud revenue, {year} ({currency})", axis, data, divisor))
            growth = [row for row in table if row["stated_growth"]]
            growth.sort(key=lambda row: -row["stated_growth"].value)
            if growth:
                data = [
                    (
                        row["row"]["provider_name"],
                        self.datum(
                            row["stated_growth"],
                            row["stated_growth"].text,
                            tone="positive" if row["stated_growth"].value >= 0 else "negative",
                        ),
                    )
                    for row in growth
                ]
                year_charts.append(
                    capped(charts.bars, f"Revenue growth, {year}, as stated", "% year on year", data, 1.0, True)
                )
            sections.append({"year": year, "rows": table, "charts": year_charts})
        return Page("competitors.html", "competitors.html.j2", "Competitors", {"sections": sections})

    def cdn_page(self) -> Page:
        sections = []
        for year in sorted({row["fiscal_year"] for row in self.data.cdn_nodes}, reverse=True):
            rows = [self.node_row(row) for row in self.data.cdn_nodes if row["fiscal_year"] == year]
            metric = rows[0]["metric_name"] or "CDN nodes"
            data = [
                (row["row"]["provider_name"], self.datum(row["nodes"], row["nodes"].text))
                for row in rows
                if row["nodes"]
            ]
            chart = capped(charts.bars, f"{metric} by provider, {year}", metric, data)
            sections.append({"year": year, "rows": rows, "chart": chart})
        return Page("cdn-nodes.html", "cdn_nodes.html.j2", "CDN nodes", {"sections": sections})

    def price_cuts_page(self) -> Page:
        rows = [self.cut_row(row) for row in self.data.price_cuts]
        data = []
        for row in rows:
            deepest, shallowest = row["deepest"], row["shallowest"]
            label = f"{row['row']['provider_name']}: {row['row']['product_name']} ({row['row']['period_label']})"
            data.append(
                (
                    label,
                    self.datum(deepest, row["row"]["value_as_written"], low=shallowest.value if shallowest else None),
                )
            )
        chart = capped(charts.bars, "Price changes by provider and product", "price change, %", data, 1.0, True)
        return Page("price-cuts.html", "price_cuts.html.j2", "Price cuts", {"rows": rows, "cuts_chart": chart})

    def market_page(self) -> Page:
        groups: dict[tuple, list[dict]] = defaultdict(list)
        for row in self.data.market:
            groups[(row["metric_id"], row["unit"], row["per_unit"] or "")].append(row)
        sections = []
        for (_, unit, per_unit), rows in groups.items():
            unit_kind = self.unit_kind(rows)
            values = [value for row in rows for value in (row["value_low"], row["value_high"]) if value is not None]
            heading = rows[0]["metric_name"]
            if unit_kind == "currency":
                divisor, axis = amount_axis(unit, values, per_unit or None)
                heading = f"{heading} ({unit})"
            else:
                divisor, axis = 1.0, "%" if unit == "ratio" else rows[0]["metric_name"]
            table, data = [], []
            for row in rows:
                high = row["value_high"] if row["value_high"] is not None else row["value_low"]
                low = row["value_low"] if row["value_high"] is not None and row["value_low"] != high else None
                number = self.number(
                    high, row["value_as_written"], row["figure_ids"], row["metric_id"], market_note(row)
                ) or Number(row["value_as_written"])
                shown = value_text(high, unit, unit_kind, per_unit or None)
                if low is not None:
                    shown = value_text(low, unit, unit_kind, per_unit or None) + " to " + shown
                table.append({"row": row, "number": number, "normalised": qualified(shown, row["qualifier"])})
                if high is not None:
                    label = f"{row['entity_name']}, {row['period_label']}"
                    data.append(
                        (label, self.datum(number, bar_label(high, low, divisor, unit, row["qualifier"]), low=low))
                    )
            chart = capped(charts.bars, heading, axis, data, divisor, unit == "ratio") if data else None
            sections.append({"metric": heading, "rows": table, "chart": chart})
        return Page("market.html", "market.html.j2", "Market", {"sections": sections})

    def unit_kind(self, rows: list[dict]) -> str:
        """currency, ratio or count: the kind of the metric, read from the rows' figures."""
        kinds = {figure.unit_kind for row in rows for figure in self.refs(row["figure_ids"])}
        return kinds.pop() if len(kinds) == 1 else rows[0]["unit"]

    def claims_page(self) -> Page:
        by_source = defaultdict(list)
        for row in self.data.claims:
            by_source[row["source_id"]].append(self.claim_row(row))
        sections = [
            {
                "source_id": source_id,
                "title": rows[0]["row"]["source_title"],
                "href": self.source_href.get(source_id, ""),
                "rows": rows,
            }
            for source_id, rows in by_source.items()
        ]
        chart = self.verdict_chart("Claims the sources make, checked against their own figures", self.data.claims)
        return Page("claims.html", "claims.html.j2", "Claim checks", {"sections": sections, "verdicts": chart})


def bar_label(high: float, low: float | None, divisor: float, unit: str, qualifier: str | None) -> str:
    """The short text beside a bar, in the axis's scale: `≤ 500`, `200 to 300`, `15.9%`."""

    def one(value: float) -> str:
        return percent_text(value).replace(".00%", "%") if unit == "ratio" else short(value, divisor)

    return one(low) + " to " + one(high) if low is not None else qualified(one(high), qualifier)


def market_note(row: dict) -> str:
    count = row["statement_count"]
    return f"stated by {count} statements" if count > 1 else ""


def capped(draw, title: str, axis: str, data: list, *arguments) -> charts.Chart | None:
    """A bar chart of the first MAX_CHART_ROWS rows; the title says how many more the table lists."""
    if not data:
        return None
    if len(data) > MAX_CHART_ROWS:
        title = f"{title} (first {MAX_CHART_ROWS} of {len(data)}; the table lists all)"
    return draw(title, axis, data[:MAX_CHART_ROWS], *arguments)


def landed_page(index: int) -> str:
    return "landed-sources.html" if index == 0 else f"landed-sources-{index + 1}.html"


# ---------------------------------------------------------------------------------------------
# Rendering


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["coordinate"] = lambda value: f"{value:.1f}"
    return env


def build_dashboard(database: Path = settings.PUBLISHED_PATH, output: Path = DASHBOARD_DIR) -> list[Path]:
    """Render every page of the dashboard of `database` into `output`; returns the files written."""
    with duckdb.connect(str(database), read_only=True) as connection:
        data = load(connection)
        built_at = connection.execute("select cast(to_timestamp(?) as varchar)", [database.stat().st_mtime]).fetchone()[
            0
        ]
    site = Site(data)
    env = environment()
    output.mkdir(parents=True, exist_ok=True)
    written = []
    nav = site.nav()
    for page in site.pages():
        html = env.get_template(page.template).render(
            page=page,
            nav=nav,
            database=database.name,
            built_at=built_at,
            company_hrefs=site.company_href,
            source_hrefs=site.source_href,
            **page.context,
        )
        path = output / page.path
        path.write_text(html, encoding="utf-8")
        written.append(path)
    return written


def main() -> int:
    if not settings.PUBLISHED_PATH.is_file():
        print(f"{settings.PUBLISHED_PATH.name} does not exist yet: run `make build` first.")
        return 1
    written = build_dashboard()
    print(f"dashboard: {DASHBOARD_DIR.relative_to(settings.ROOT)}/index.html ({len(written)} pages)")
    return 0
