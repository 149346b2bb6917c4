"""The pages across companies: competitors' revenue and growth, CDN nodes, price cuts and market
figures. Years and periods are those of the data: a section per year the sources give."""

from __future__ import annotations

from collections import defaultdict

from reports.dashboard import charts
from reports.dashboard.numbers import Number, amount_axis, amount_text, bar_label, qualified, short, value_text
from reports.dashboard.site import Page, Site

MAX_CHART_ROWS = 30  # a chart shows at most this many bars; its table lists every row


def capped(draw, title: str, axis: str, data: list, *arguments) -> charts.Chart | None:
    """A bar chart of the first MAX_CHART_ROWS rows; the title says how many more the table lists."""
    if not data:
        return None
    if len(data) > MAX_CHART_ROWS:
        title = f"{title} (first {MAX_CHART_ROWS} of {len(data)}; the table lists all)"
    return draw(title, axis, data[:MAX_CHART_ROWS], *arguments)


def competitors_page(site: Site) -> Page:
    by_year = defaultdict(list)
    for row in site.data.cloud_revenue:
        by_year[row["fiscal_year"]].append(row)
    sections = []
    for year, rows in sorted(by_year.items(), reverse=True):
        table = [
            {
                "row": row,
                "href": site.company_href.get(row["provider_id"]),
                "revenue": site.number(
                    row["revenue_amount"],
                    amount_text(row["revenue_amount"], row["revenue_currency"]),
                    row["revenue_figure_id"],
                    "revenue",
                ),
                "stated_growth": site.ratio(row, "stated_yoy_growth_ratio", "yoy_growth_figure_id"),
                "computed_growth": site.ratio(
                    row,
                    "computed_yoy_growth_ratio",
                    "revenue_figure_id",
                    "computed from this and the prior year's revenue",
                ),
            }
            for row in rows
        ]
        year_charts = []
        for currency in sorted({row["revenue_currency"] for row in rows if row["revenue_currency"]}):
            in_currency = [row for row in table if row["revenue"] and row["row"]["revenue_currency"] == currency]
            in_currency.sort(key=lambda row: -row["revenue"].value)
            divisor, axis = amount_axis(currency, [row["revenue"].value for row in in_currency])
            data = [
                (row["row"]["provider_name"], row["revenue"].datum(short(row["revenue"].value, divisor)))
                for row in in_currency
            ]
            year_charts.append(capped(charts.bars, f"Cloud revenue, {year} ({currency})", axis, data, divisor))
        growth = sorted((row for row in table if row["stated_growth"]), key=lambda row: -row["stated_growth"].value)
        data = [
            (
                row["row"]["provider_name"],
                row["stated_growth"].datum(
                    row["stated_growth"].text, tone="positive" if row["stated_growth"].value >= 0 else "negative"
                ),
            )
            for row in growth
        ]
        title = f"Revenue growth, {year}, as stated"
        year_charts.append(capped(charts.bars, title, "% year on year", data, 1.0, True))
        sections.append({"year": year, "rows": table, "charts": [chart for chart in year_charts if chart]})
    return Page("competitors.html", "competitors.html.j2", "Competitors", {"sections": sections})


def cdn_page(site: Site) -> Page:
    by_year = defaultdict(list)
    for row in site.data.cdn_nodes:
        by_year[row["fiscal_year"]].append(site.node_row(row))
    sections = []
    for year, rows in sorted(by_year.items(), reverse=True):
        metric = rows[0]["metric_name"] or "CDN nodes"
        data = [(row["row"]["provider_name"], row["nodes"].datum(row["nodes"].text)) for row in rows if row["nodes"]]
        chart = capped(charts.bars, f"{metric} by provider, {year}", metric, data)
        sections.append({"year": year, "rows": rows, "chart": chart})
    return Page("cdn-nodes.html", "cdn_nodes.html.j2", "CDN nodes", {"sections": sections})


def price_cuts_page(site: Site) -> Page:
    rows = [site.cut_row(row) for row in site.data.price_cuts]
    data = []
    for row in rows:
        shallowest = row["shallowest"].value if row["shallowest"] else None
        label = f"{row['row']['provider_name']}: {row['row']['product_name']} ({row['row']['period_label']})"
        data.append((label, row["deepest"].datum(row["row"]["value_as_written"], low=shallowest)))
    chart = capped(charts.bars, "Price changes by provider and product", "price change, %", data, 1.0, True)
    return Page("price-cuts.html", "price_cuts.html.j2", "Price cuts", {"rows": rows, "cuts_chart": chart})


def market_page(site: Site) -> Page:
    """A section per metric and unit; a range is drawn from its low to its high end."""
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for row in site.data.market:
        groups[(row["metric_id"], row["unit"], row["per_unit"] or "")].append(row)
    sections = []
    for (_, unit, per_unit), rows in groups.items():
        kinds = {figure.unit_kind for row in rows for figure in site.refs(row["figure_ids"])}
        unit_kind = kinds.pop() if len(kinds) == 1 else unit
        heading = rows[0]["metric_name"]
        values = [value for row in rows for value in (row["value_low"], row["value_high"]) if value is not None]
        if unit_kind == "currency":
            divisor, axis = amount_axis(unit, values, per_unit or None)
            heading = f"{heading} ({unit})"
        else:
            divisor, axis = 1.0, "%" if unit == "ratio" else heading
        table, data = [], []
        for row in rows:
            high = row["value_high"] if row["value_high"] is not None else row["value_low"]
            low = row["value_low"] if row["value_high"] is not None and row["value_low"] != high else None
            note = f"stated by {row['statement_count']} statements" if row["statement_count"] > 1 else ""
            number = site.number(high, row["value_as_written"], row["figure_ids"], row["metric_id"], note)
            shown = value_text(high, unit, unit_kind, per_unit or None)
            if low is not None:
                shown = value_text(low, unit, unit_kind, per_unit or None) + " to " + shown
            table.append(
                {
                    "row": row,
                    "number": number or Number(row["value_as_written"]),
                    "normalised": qualified(shown, row["qualifier"]),
                }
            )
            if number is not None:
                label = bar_label(high, low, divisor, unit, row["qualifier"])
                data.append((f"{row['entity_name']}, {row['period_label']}", number.datum(label, low=low)))
        chart = capped(charts.bars, heading, axis, data, divisor, unit == "ratio")
        sections.append({"metric": heading, "rows": table, "chart": chart})
    return Page("market.html", "market.html.j2", "Market", {"sections": sections})
