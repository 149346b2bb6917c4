"""A page per company: its financials by year and by part of a year (quarters, halves, ...),
segments, share prices, CDN nodes, price cuts and the claims about it. Amounts stay in the currency
the source states them in: a chart never mixes currencies, and its axis names the one it shows."""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from pipeline import settings
from reports.dashboard import charts
from reports.dashboard.numbers import (
    Figure,
    Number,
    amount_axis,
    amount_text,
    figure_number,
    qualified,
    short,
    split_ids,
)
from reports.dashboard.site import Page, Site
from reports.dashboard.warehouse import grouped

# The ratios fct_company_financials computes, by the names company_ratios.sql gives their columns.
COMPANY_RATIOS = [
    ("revenue_yoy_growth", "Revenue growth year on year, computed"),
    ("public_cloud_share", "Public cloud share of revenue, computed"),
    ("rd_intensity", "R&D expense to revenue, computed"),
    ("net_loss_margin", "Net loss to revenue, computed"),
]
SEGMENTS = [("public", "Public cloud"), ("industry", "Industry cloud")]


def mart_period_types(mart: str, seeds_dir: Path = settings.SEEDS_DIR) -> tuple[str, ...]:
    """The period types seeds/curated/curated_marts.csv lets `mart` hold, in the order it lists them."""
    with (seeds_dir / "curated" / "curated_marts.csv").open(newline="", encoding="utf-8") as seed:
        row = next((row for row in csv.DictReader(seed) if row["mart"] == mart), None)
    if row is None:
        raise ValueError(f"seeds/curated/curated_marts.csv has no row for mart {mart}: add one")
    return tuple(kind.strip() for kind in row["period_types"].split(";") if kind.strip())


# The period types a fiscal-year column of the company page takes, and those of its sections for
# parts of a year (a section each, in the order the seed lists them, whose columns are that kind's periods).
ANNUAL_PERIODS = mart_period_types("fct_company_financials")
INTERIM_PERIODS = mart_period_types("fct_company_interim_financials")


def company_pages(site: Site) -> list[Page]:
    data = site.data
    annual = grouped(data.annual_figures, "company_id")
    interim = grouped(data.interim_figures, "company_id")
    interim_periods = grouped(data.interim_periods, "company_id")
    forecasts = grouped(data.forecasts, "company_id")
    ratios = grouped(data.ratios, "company_id")
    segments = grouped(data.segments, "company_id")
    prices = grouped(data.share_prices, "company_id")
    nodes = grouped(data.cdn_nodes, "provider_id")
    cuts = grouped(data.price_cuts, "provider_id")
    pages = []
    for company in data.companies:
        company_id, name = company["company_id"], company["company_name"]
        stated = site_figures(site, annual.get(company_id, []))
        forecast = site_figures(site, forecasts.get(company_id, []))
        annual_forecast = [figure for figure in forecast if figure.period_type in ANNUAL_PERIODS and figure.fiscal_year]
        interim_forecast = [figure for figure in forecast if figure.period_type in INTERIM_PERIODS]
        years = year_span([row["fiscal_year"] for row in ratios.get(company_id, [])], annual_forecast)
        sources = site.sources_by_entity.get(company_id, set())
        context = {
            "company": company,
            "parent_href": site.company_href.get(company["parent_company_id"] or ""),
            "sources": [row for row in data.sources if row["source_id"] in sources] if len(sources) <= 20 else [],
            "years": years,
            "annual_charts": amount_charts(
                f"{name}: amounts by year", stated + annual_forecast, [str(year) for year in years], fiscal_year
            ),
            "annual_rows": annual_rows(site, stated + annual_forecast, ratios.get(company_id, [])),
            "interim": interim_sections(
                site,
                name,
                site_figures(site, interim.get(company_id, [])) + interim_forecast,
                interim_periods.get(company_id, []),
            ),
            "other_forecasts": [
                figure_number(figure)
                for figure in forecast
                if figure not in annual_forecast and figure not in interim_forecast
            ],
            "segments": segment_section(site, name, segments.get(company_id, [])),
            "prices": price_section(site, name, prices.get(company_id, [])),
            "nodes": [site.node_row(row) for row in nodes.get(company_id, [])],
            "cuts": [site.cut_row(row) for row in cuts.get(company_id, [])],
            "claims": [site.claim_row(row) for row in site.claims_by_entity.get(company_id, [])],
        }
        # figures a cell above speaks for (the marts' figure_ids: other statements of its value) count as shown
        cells = [*ratios.get(company_id, []), *interim_periods.get(company_id, [])]
        shown = shown_figure_ids(context) | {figure_id for row in cells for figure_id in split_ids(row["figure_ids"])}
        context["other_figures"] = [
            figure_number(figure)
            for figure in site.figures_by_entity.get(company_id, [])
            if figure.figure_id not in shown
        ]
        pages.append(Page(site.company_href[company_id], "company.html.j2", name, context))
    return pages


def shown_figure_ids(context: object) -> set[str]:
    """The ids of the figures behind every number in a page's context (tables and charts alike)."""
    if isinstance(context, Number):
        return {figure.figure_id for figure in context.figures}
    if isinstance(context, dict):
        context = list(context.values())
    if isinstance(context, list | tuple):
        return set().union(*(shown_figure_ids(item) for item in context))
    return set()


def site_figures(site: Site, rows: list[dict]) -> list[Figure]:
    """The figures `rows` name (in their figure_id column), in the order of the rows."""
    return [site.figures[row["figure_id"]] for row in rows if row["figure_id"] in site.figures]


def fiscal_year(figure: Figure) -> str:
    return str(figure.fiscal_year)


def period_label(figure: Figure) -> str:
    return figure.period_label


def year_span(reported: list[int], forecasts: list[Figure]) -> list[int]:
    """Every year from the first to the last the company has a reported or forecast annual figure for."""
    years = set(reported) | {figure.fiscal_year for figure in forecasts}
    return list(range(min(years), max(years) + 1)) if years else []


def metric_label(figure: Figure) -> str:
    return figure.metric_name + (" (forecast)" if figure.is_forecast else "")


def metric_rows(stated: list[Figure], column: Callable[[Figure], str]) -> list[dict]:
    """One table row per metric stated for the company, its cells keyed by `column` (amounts first,
    largest first; a forecast in a row of its own, never mixed with reported figures)."""
    by_metric: dict[tuple[str, str, bool], dict[str, Number]] = defaultdict(dict)
    names, sizes = {}, defaultdict(float)
    for figure in stated:
        key = (figure.metric_id, figure.unit_kind, figure.is_forecast)
        by_metric[key][column(figure)] = figure_number(figure)
        names[key] = metric_label(figure)
        sizes[key] = max(sizes[key], abs(figure.value) if figure.unit_kind == "currency" else 0)
    order = sorted(by_metric, key=lambda key: (key[1] != "currency", key[2], -sizes[key], names[key]))
    return [{"label": names[key], "computed": False, "cells": by_metric[key]} for key in order]


def annual_rows(site: Site, stated: list[Figure], ratios: list[dict]) -> list[dict]:
    """The metrics stated for the company by year, then the ratios fct_company_financials computes."""
    rows = metric_rows(stated, fiscal_year)
    for column, label in COMPANY_RATIOS:
        note = "computed from the figures below"
        cells = {
            str(row["fiscal_year"]): site.ratio(row, f"{column}_ratio", f"{column}_figure_ids", note) for row in ratios
        }
        if any(cells.values()):
            rows.append({"label": label, "computed": True, "cells": cells})
    return rows


def amount_charts(
    title: str, stated: list[Figure], categories: list[str], column: Callable[[Figure], str]
) -> list[charts.Chart]:
    """Amounts by period (`column` of each figure), a series per metric, one chart per currency of record."""
    amounts = [figure for figure in stated if figure.unit_kind == "currency" and not figure.per_unit]
    result = []
    for currency in sorted({figure.unit for figure in amounts}):
        in_currency = [figure for figure in amounts if figure.unit == currency]
        in_currency.sort(key=lambda figure: (figure.is_forecast, -figure.value))
        divisor, axis = amount_axis(currency, [figure.value for figure in in_currency])
        series: dict[tuple[str, bool], charts.Series] = {}
        colours: dict[str, int] = {}  # a metric's forecast takes the colour of the metric
        for figure in in_currency:
            colour = colours.setdefault(figure.metric_id, len(colours))
            key = (figure.metric_id, figure.is_forecast)
            one = series.setdefault(key, charts.Series(metric_label(figure), {}, colour, figure.is_forecast))
            one.data[column(figure)] = figure_number(figure).datum(short(figure.value, divisor))
        result.append(charts.columns(f"{title} ({currency})", axis, categories, list(series.values()), divisor))
    return result


def period_kind(period_type: str) -> str:
    """`half year` for half_year: how a heading names a kind of period."""
    return period_type.replace("_", " ")


def kind_order(period_type: str) -> tuple[int, str]:
    """Kinds of INTERIM_PERIODS in its order, any other after them by name."""
    known = period_type in INTERIM_PERIODS
    return (INTERIM_PERIODS.index(period_type) if known else len(INTERIM_PERIODS), period_type)


def interim_sections(site: Site, name: str, stated: list[Figure], periods: list[dict]) -> list[dict]:
    """A section per kind of period shorter than a year (quarters, halves, ...): the company's
    reported figures of fct_company_interim_financials and its forecasts for such periods, a column
    per period in time order, with the growth on the same period a year earlier the mart computes."""
    starts = {(row["period_type"], row["period_label"]): row["period_start_date"] for row in periods}
    for figure in stated:
        starts.setdefault((figure.period_type, figure.period_label), figure.period_start_date)
    kinds = sorted({kind for kind, _ in starts}, key=kind_order)
    sections = []
    for kind in kinds:
        labels = sorted(
            (label for other, label in starts if other == kind),
            key=lambda label: (starts[(kind, label)] is None, starts[(kind, label)] or 0, label),
        )
        of_kind = [figure for figure in stated if figure.period_type == kind]
        rows = metric_rows(of_kind, period_label)
        note = (
            f"computed from this {period_kind(kind)}'s revenue and that of the same {period_kind(kind)} a year earlier"
        )
        growth = {
            row["period_label"]: site.ratio(row, "revenue_yoy_growth_ratio", "revenue_yoy_growth_figure_ids", note)
            for row in periods
            if row["period_type"] == kind
        }
        if any(growth.values()):
            label = f"Revenue growth on the same {period_kind(kind)} a year earlier, computed"
            rows.append({"label": label, "computed": True, "cells": growth})
        sections.append(
            {
                "period_type": kind,
                "kind": period_kind(kind),
                "periods": labels,
                "rows": rows,
                "charts": amount_charts(f"{name}: amounts by {period_kind(kind)}", of_kind, labels, period_label),
            }
        )
    return sections


SEGMENT_NOTES = {"industry": "total revenue less public cloud revenue"}  # how a derived segment is computed


def segment_section(site: Site, name: str, rows: list[dict]) -> dict | None:
    """Revenue by segment and year, each amount in its own currency of record; a chart per currency,
    which shows the amounts stated in it."""
    if not rows:
        return None
    table = []
    for row in rows:
        derived = row["is_industry_cloud_revenue_derived"]
        cells = {}
        for part, _ in SEGMENTS:
            amount, currency = row[f"{part}_cloud_revenue_amount"], row[f"{part}_cloud_revenue_currency"]
            ids = row[f"{part}_cloud_revenue_figure_ids"]
            note = SEGMENT_NOTES.get(part, "") if derived else ""
            cells[part] = site.number(amount, amount_text(amount, currency), ids, f"{part}_cloud_revenue", note)
            cells[f"{part}_currency"] = currency if amount is not None else None
        share = site.ratio(row, "public_cloud_share_ratio", "public_cloud_share_figure_ids", "public cloud over total")
        table.append({"year": row["fiscal_year"], **cells, "derived": derived, "share": share})
    result = []
    currencies = {row[f"{part}_currency"] for row in table for part, _ in SEGMENTS} - {None}
    for currency in sorted(currencies):
        in_currency = [
            (row, part, label) for row in table for part, label in SEGMENTS if row[f"{part}_currency"] == currency
        ]
        divisor, axis = amount_axis(currency, [row[part].value for row, part, _ in in_currency])
        series = [
            charts.Series(
                label,
                {
                    str(row["year"]): row[part].datum(short(row[part].value, divisor))
                    for row, other, _ in in_currency
                    if other == part
                },
            )
            for part, label in SEGMENTS
        ]
        years = sorted({str(row["year"]) for row, _, _ in in_currency})
        result.append(charts.columns(f"{name}: revenue by segment ({currency})", axis, years, series, divisor))
    return {"rows": table, "charts": result}


def price_section(site: Site, name: str, rows: list[dict]) -> dict | None:
    """Share price events in time order, each price in its own currency, with the changes computed and stated."""
    if not rows:
        return None
    table = []
    for row in rows:
        text = qualified(amount_text(row["share_price"], row["share_price_currency"], "share"), row["price_qualifier"])
        note = "implied by the figures below" if row["is_price_derived"] else ""
        table.append(
            {
                "row": row,
                "price": site.number(row["share_price"], text, row["figure_ids"], "share_price", note),
                "from_ipo": site.ratio(row, "change_from_ipo_ratio"),
                "from_peak": site.ratio(row, "drawdown_from_peak_ratio"),
                "stated_from_ipo": site.ratio(row, "stated_change_from_ipo_ratio", "change_figure_ids"),
                "stated_from_peak": site.ratio(row, "stated_change_from_peak_ratio", "change_figure_ids"),
            }
        )
    result = []
    for currency in sorted({row["share_price_currency"] for row in rows} - {None}):
        in_currency = [row for row in table if row["row"]["share_price_currency"] == currency and row["price"]]
        divisor, axis = amount_axis(currency, [row["price"].value for row in in_currency], "share")
        data = [
            (
                f"{row['row']['event_type']} {row['row']['period_label']}",
                row["price"].datum(qualified(f"{row['price'].value:,.2f}", row["row"]["price_qualifier"])),
            )
            for row in in_currency
        ]
        result.append(charts.points(f"{name}: share price events ({currency})", axis, data, divisor))
    return {"rows": table, "charts": result}
