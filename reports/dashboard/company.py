"""A page per company: its financials by year, segments, share prices, CDN nodes, price cuts and the
claims about it. Amounts stay in the currency the source states them in: a chart never mixes
currencies, and its axis names the one it shows."""

from __future__ import annotations

from collections import defaultdict

from reports.dashboard import charts
from reports.dashboard.numbers import Figure, Number, amount_axis, amount_text, figure_number, qualified, short
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
ANNUAL_PERIODS = ("fiscal_year", "year_end")  # period types a fiscal-year column of the company page takes


def company_pages(site: Site) -> list[Page]:
    data = site.data
    annual = grouped(data.annual_figures, "company_id")
    forecasts = grouped(data.forecasts, "company_id")
    ratios = grouped(data.ratios, "company_id")
    segments = grouped(data.segments, "company_id")
    prices = grouped(data.share_prices, "company_id")
    nodes = grouped(data.cdn_nodes, "provider_id")
    cuts = grouped(data.price_cuts, "provider_id")
    pages = []
    for company in data.companies:
        company_id, name = company["company_id"], company["company_name"]
        stated = [
            site.figures[row["figure_id"]] for row in annual.get(company_id, []) if row["figure_id"] in site.figures
        ]
        forecast = [
            site.figures[row["figure_id"]] for row in forecasts.get(company_id, []) if row["figure_id"] in site.figures
        ]
        annual_forecast = [figure for figure in forecast if figure.period_type in ANNUAL_PERIODS and figure.fiscal_year]
        years = year_span([row["fiscal_year"] for row in ratios.get(company_id, [])], annual_forecast)
        sources = site.sources_by_entity.get(company_id, set())
        context = {
            "company": company,
            "parent_href": site.company_href.get(company["parent_company_id"] or ""),
            "sources": [row for row in data.sources if row["source_id"] in sources] if len(sources) <= 20 else [],
            "years": years,
            "annual_charts": annual_charts(name, stated + annual_forecast, years),
            "annual_rows": annual_rows(site, stated + annual_forecast, ratios.get(company_id, [])),
            "other_forecasts": [figure_number(figure) for figure in forecast if figure not in annual_forecast],
            "segments": segment_section(site, name, segments.get(company_id, [])),
            "prices": price_section(site, name, prices.get(company_id, [])),
            "nodes": [site.node_row(row) for row in nodes.get(company_id, [])],
            "cuts": [site.cut_row(row) for row in cuts.get(company_id, [])],
            "claims": [site.claim_row(row) for row in site.claims_by_entity.get(company_id, [])],
        }
        pages.append(Page(site.company_href[company_id], "company.html.j2", name, context))
    return pages


def year_span(reported: list[int], forecasts: list[Figure]) -> list[int]:
    """Every year from the first to the last the company has a reported or forecast annual figure for."""
    years = set(reported) | {figure.fiscal_year for figure in forecasts}
    return list(range(min(years), max(years) + 1)) if years else []


def metric_label(figure: Figure) -> str:
    return figure.metric_name + (" (forecast)" if figure.is_forecast else "")


def annual_rows(site: Site, stated: list[Figure], ratios: list[dict]) -> list[dict]:
    """One table row per metric stated for the company, by year (amounts first, largest first; a
    forecast in a row of its own, never mixed with reported figures), then the ratios computed."""
    by_metric: dict[tuple[str, str, bool], dict[int, Number]] = defaultdict(dict)
    names, sizes = {}, defaultdict(float)
    for figure in stated:
        key = (figure.metric_id, figure.unit_kind, figure.is_forecast)
        by_metric[key][figure.fiscal_year] = figure_number(figure)
        names[key] = metric_label(figure)
        sizes[key] = max(sizes[key], abs(figure.value) if figure.unit_kind == "currency" else 0)
    order = sorted(by_metric, key=lambda key: (key[1] != "currency", key[2], -sizes[key], names[key]))
    rows = [{"label": names[key], "computed": False, "cells": by_metric[key]} for key in order]
    for column, label in COMPANY_RATIOS:
        note = "computed from the figures below"
        cells = {row["fiscal_year"]: site.ratio(row, f"{column}_ratio", f"{column}_figure_ids", note) for row in ratios}
        if any(cells.values()):
            rows.append({"label": label, "computed": True, "cells": cells})
    return rows


def annual_charts(name: str, stated: list[Figure], years: list[int]) -> list[charts.Chart]:
    """Amounts by year, a series per metric, one chart per currency of record."""
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
            one.data[str(figure.fiscal_year)] = figure_number(figure).datum(short(figure.value, divisor))
        title = f"{name}: amounts by year ({currency})"
        result.append(charts.columns(title, axis, [str(year) for year in years], list(series.values()), divisor))
    return result


def segment_section(site: Site, name: str, rows: list[dict]) -> dict | None:
    if not rows:
        return None
    table = []
    for row in rows:
        derived = row["is_industry_cloud_revenue_derived"]
        table.append(
            {
                "year": row["fiscal_year"],
                "currency": row["public_cloud_currency"],
                "public": site.number(
                    row["public_cloud_revenue"],
                    amount_text(row["public_cloud_revenue"], row["public_cloud_currency"]),
                    row["public_cloud_revenue_figure_id"],
                    "public_cloud_revenue",
                ),
                "industry": site.number(
                    row["industry_cloud_revenue"],
                    amount_text(row["industry_cloud_revenue"], row["industry_cloud_currency"]),
                    row["industry_cloud_revenue_figure_ids"],
                    "industry_cloud_revenue",
                    "total revenue less public cloud revenue" if derived else "",
                ),
                "derived": derived,
                "share": site.ratio(
                    row, "public_cloud_share_ratio", "industry_cloud_revenue_figure_ids", "public cloud over total"
                ),
            }
        )
    result = []
    for currency in sorted({row["currency"] for row in table}):
        in_currency = [row for row in table if row["currency"] == currency]
        values = [row[part].value for row in in_currency for part, _ in SEGMENTS if row[part] is not None]
        divisor, axis = amount_axis(currency, values)
        series = [
            charts.Series(
                label,
                {
                    str(row["year"]): row[part].datum(short(row[part].value, divisor))
                    for row in in_currency
                    if row[part] is not None
                },
            )
            for part, label in SEGMENTS
        ]
        years = [str(row["year"]) for row in in_currency]
        result.append(charts.columns(f"{name}: revenue by segment ({currency})", axis, years, series, divisor))
    return {"rows": table, "charts": result}


def price_section(site: Site, name: str, rows: list[dict]) -> dict | None:
    """Share price events in time order, each price in its own currency, with the changes computed and stated."""
    if not rows:
        return None
    table = []
    for row in rows:
        text = qualified(amount_text(row["share_price"], row["currency"], "share"), row["price_qualifier"])
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
    for currency in sorted({row["currency"] for row in rows}):
        in_currency = [row for row in table if row["row"]["currency"] == currency and row["price"]]
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
