"""`make dashboard`: a static HTML dashboard of the published warehouse, one page per question.

Charts are drawn with matplotlib as inline SVG, so the pages need no network, no JavaScript and no
server: open build/dashboard/index.html in a browser. Every number shown comes from the marts of
the published warehouse, read read-only.
"""

from __future__ import annotations

import html
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import matplotlib

matplotlib.use("svg")
import matplotlib.pyplot as plt  # noqa: E402

from pipeline import settings  # noqa: E402

DASHBOARD_DIR = settings.BUILD_DIR / "dashboard"
BLUE, ORANGE, GREY, RED, GREEN = "#1f6fb2", "#e08a1e", "#8c8c8c", "#c0392b", "#2e8b57"

plt.rcParams.update(
    {"font.size": 10, "axes.spines.top": False, "axes.spines.right": False, "svg.fonttype": "none", "figure.dpi": 100}
)


@dataclass
class Page:
    slug: str
    title: str
    build: Callable[[duckdb.DuckDBPyConnection], str]


def rows(connection: duckdb.DuckDBPyConnection, sql: str) -> list[dict]:
    cursor = connection.execute(sql)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def svg(figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight")
    plt.close(figure)
    text = buffer.getvalue()
    return text[text.index("<svg") :]


def billions(value: float | None) -> str:
    return "" if value is None else f"{value / 1e9:,.3f} bn"


def percent(value: float | None) -> str:
    return "" if value is None else f"{value * 100:,.2f}%"


def table(headers: list[str], body: list[list[str]], figure_ids: list[str] | None = None) -> str:
    head = "".join(f"<th>{html.escape(header)}</th>" for header in headers)
    lines = []
    for index, cells in enumerate(body):
        attribute = f' data-figure-ids="{html.escape(figure_ids[index])}"' if figure_ids else ""
        lines.append(f"<tr{attribute}>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(lines)}</tbody></table>"


def value_cell(value: float | None, text: str, name: str) -> str:
    """A table cell that carries the exact value, so a test can compare it with the warehouse."""
    raw = "" if value is None else repr(float(value))
    return f'<span class="value" data-name="{name}" data-value="{raw}">{html.escape(text)}</span>'


def financials_page(connection) -> str:
    data = rows(
        connection,
        """
        select fiscal_year, revenue_cny, net_loss_cny, rd_expense_cny, revenue_yoy_growth_ratio,
               stated_revenue_yoy_growth_ratio, figure_ids
        from marts.fct_company_financials where company_id = 'kingsoft_cloud' order by fiscal_year""",
    )
    years = [row["fiscal_year"] for row in data]
    figure, axes = plt.subplots(figsize=(8, 3.6))
    width = 0.27
    for offset, (column, label, colour) in enumerate(
        [("revenue_cny", "Revenue", BLUE), ("net_loss_cny", "Net loss", RED), ("rd_expense_cny", "R&D", GREY)]
    ):
        axes.bar(
            [year + (offset - 1) * width for year in years],
            [(row[column] or 0) / 1e9 for row in data],
            width,
            label=label,
            color=colour,
        )
    axes.set_ylabel("billion yuan")
    axes.set_xticks(years)
    axes.legend(frameon=False)
    axes.set_title("Kingsoft Cloud: revenue, net loss and R&D (years the article gives)")
    body = [
        [
            str(row["fiscal_year"]),
            value_cell(row["revenue_cny"], billions(row["revenue_cny"]), "revenue_cny"),
            value_cell(row["net_loss_cny"], billions(row["net_loss_cny"]), "net_loss_cny"),
            value_cell(row["rd_expense_cny"], billions(row["rd_expense_cny"]), "rd_expense_cny"),
            value_cell(
                row["revenue_yoy_growth_ratio"], percent(row["revenue_yoy_growth_ratio"]), "revenue_yoy_growth_ratio"
            ),
            percent(row["stated_revenue_yoy_growth_ratio"]),
        ]
        for row in data
    ]
    return (
        svg(figure)
        + table(
            ["Year", "Revenue (CNY)", "Net loss (CNY)", "R&D (CNY)", "Growth, computed", "Growth, as stated"],
            body,
            [row["figure_ids"] or "" for row in data],
        )
        + (
            "<p>2019 and 2020 are not in the article, so they are empty; growth is computed only where the prior "
            "year is stated.</p>"
        )
    )


def segments_page(connection) -> str:
    data = rows(
        connection,
        """
        select fiscal_year, public_cloud_revenue_cny, industry_cloud_revenue_cny, public_cloud_share_ratio, figure_ids
        from marts.fct_company_financials
        where company_id = 'kingsoft_cloud' and public_cloud_revenue_cny is not null order by fiscal_year""",
    )
    years = [str(row["fiscal_year"]) for row in data]
    figure, axes = plt.subplots(figsize=(6, 3.4))
    public = [row["public_cloud_revenue_cny"] / 1e9 for row in data]
    industry = [row["industry_cloud_revenue_cny"] / 1e9 for row in data]
    axes.bar(years, public, color=BLUE, label="Public cloud")
    axes.bar(years, industry, bottom=public, color=ORANGE, label="Industry cloud (derived)")
    axes.set_ylabel("billion yuan")
    axes.legend(frameon=False)
    axes.set_title("Kingsoft Cloud revenue by segment")
    body = [
        [
            str(row["fiscal_year"]),
            value_cell(
                row["public_cloud_revenue_cny"], billions(row["public_cloud_revenue_cny"]), "public_cloud_revenue_cny"
            ),
            value_cell(
                row["industry_cloud_revenue_cny"],
                billions(row["industry_cloud_revenue_cny"]),
                "industry_cloud_revenue_cny",
            ),
            percent(row["public_cloud_share_ratio"]),
        ]
        for row in data
    ]
    return svg(figure) + table(
        ["Year", "Public cloud", "Industry cloud (total less public)", "Public share"],
        body,
        [row["figure_ids"] for row in data],
    )


def competitors_page(connection) -> str:
    data = rows(
        connection,
        """
        select provider_name, revenue_cny, stated_yoy_growth_ratio, implied_prior_year_revenue_cny,
               revenue_figure_id || coalesce(', ' || yoy_growth_figure_id, '') as figure_ids
        from marts.fct_cloud_revenue where fiscal_year = 2023 order by revenue_cny desc""",
    )
    figure, (left, right) = plt.subplots(1, 2, figsize=(10, 3.6))
    names = [row["provider_name"] for row in data]
    left.barh(names, [row["revenue_cny"] / 1e9 for row in data], color=BLUE)
    left.invert_yaxis()
    left.set_xlabel("billion yuan")
    left.set_title("Cloud revenue, 2023")
    growth = [(row["stated_yoy_growth_ratio"] or 0) * 100 for row in data]
    right.barh(names, growth, color=[GREEN if value >= 0 else RED for value in growth])
    right.invert_yaxis()
    right.set_xlabel("% year on year, as stated")
    right.set_title("Growth, 2023")
    right.set_yticklabels([])
    body = [
        [
            html.escape(row["provider_name"]),
            value_cell(row["revenue_cny"], billions(row["revenue_cny"]), "revenue_cny"),
            percent(row["stated_yoy_growth_ratio"]),
            billions(row["implied_prior_year_revenue_cny"]),
        ]
        for row in data
    ]
    return svg(figure) + table(
        ["Provider", "Revenue 2023", "Growth as stated", "Prior-year revenue it implies"],
        body,
        [row["figure_ids"] for row in data],
    )


def cdn_page(connection) -> str:
    data = rows(
        connection,
        """
        select provider_name, node_count, qualifier, figure_id
        from marts.fct_cdn_nodes order by node_count desc""",
    )
    figure, axes = plt.subplots(figsize=(6, 3))
    axes.barh(
        [row["provider_name"] for row in data],
        [row["node_count"] for row in data],
        color=[ORANGE if row["provider_name"] == "Kingsoft Cloud" else BLUE for row in data],
    )
    axes.invert_yaxis()
    axes.set_xlabel('CDN nodes, 2023 ("over" counts are lower bounds)')
    body = [
        [
            html.escape(row["provider_name"]),
            value_cell(row["node_count"], f"{row['node_count']:,}", "node_count"),
            row["qualifier"],
        ]
        for row in data
    ]
    return svg(figure) + table(["Provider", "Nodes", "Qualifier"], body, [row["figure_id"] for row in data])


def price_cuts_page(connection) -> str:
    data = rows(
        connection,
        """
        select provider_name, product_name, period_label, value_as_written, deepest_price_change_ratio,
               shallowest_price_change_ratio, figure_ids
        from marts.fct_price_cuts order by deepest_price_change_ratio""",
    )
    labels = [f"{row['provider_name']}: {row['product_name']}" for row in data]
    figure, axes = plt.subplots(figsize=(8, 3.2))
    for index, row in enumerate(data):
        deepest = -row["deepest_price_change_ratio"] * 100
        shallowest = -(row["shallowest_price_change_ratio"] or 0) * 100
        axes.plot([shallowest, deepest], [index, index], color=RED, linewidth=6, solid_capstyle="butt")
    axes.set_yticks(range(len(labels)), labels)
    axes.invert_yaxis()
    axes.set_xlim(0, 100)
    axes.set_xlabel("price cut, % (a bar from 0 means 'up to')")
    body = [
        [
            html.escape(row["provider_name"]),
            html.escape(row["product_name"]),
            row["period_label"],
            html.escape(row["value_as_written"]),
            value_cell(
                row["deepest_price_change_ratio"],
                percent(row["deepest_price_change_ratio"]),
                "deepest_price_change_ratio",
            ),
        ]
        for row in data
    ]
    return svg(figure) + table(
        ["Provider", "Product", "When", "As written", "Deepest change"], body, [row["figure_ids"] for row in data]
    )


def share_price_page(connection) -> str:
    data = rows(
        connection,
        """
        select event_type, period_label, share_price_usd, price_qualifier, is_price_derived, change_from_ipo_ratio,
               drawdown_from_peak_ratio, stated_change_from_peak_ratio, figure_ids
        from marts.fct_share_price_events
        order by case event_type when 'ipo' then 1 when 'first_day' then 2 when 'peak' then 3 else 4 end""",
    )
    figure, axes = plt.subplots(figsize=(7, 3.4))
    labels = [f"{row['event_type']}\n{row['period_label']}" for row in data]
    axes.plot(labels, [row["share_price_usd"] for row in data], marker="o", color=BLUE)
    for label, row in zip(labels, data, strict=True):
        axes.annotate(
            f"${row['share_price_usd']:.2f}",
            (label, row["share_price_usd"]),
            textcoords="offset points",
            xytext=(0, 8),
            ha="center",
        )
    axes.set_ylabel("US dollars per share")
    axes.set_title("Kingsoft Cloud share price, IPO to April 2024")
    body = [
        [
            row["event_type"],
            row["period_label"],
            value_cell(row["share_price_usd"], f"${row['share_price_usd']:.2f}", "share_price_usd")
            + (" (implied)" if row["is_price_derived"] else ""),
            percent(row["change_from_ipo_ratio"]),
            value_cell(
                row["drawdown_from_peak_ratio"], percent(row["drawdown_from_peak_ratio"]), "drawdown_from_peak_ratio"
            ),
            percent(row["stated_change_from_peak_ratio"]),
        ]
        for row in data
    ]
    return svg(figure) + table(
        ["Event", "When", "Price", "From IPO", "From peak, computed", "From peak, as stated"],
        body,
        [row["figure_ids"] for row in data],
    )


def claims_page(connection) -> str:
    data = rows(
        connection,
        """
        select claim_id, verdict, claim_as_written, explanation, paragraph_number
        from marts.fct_claim_checks
        order by case verdict when 'inconsistent' then 1 when 'not_checkable' then 2 else 3 end, paragraph_number""",
    )
    counts = {
        verdict: sum(1 for row in data if row["verdict"] == verdict)
        for verdict in ("consistent", "inconsistent", "not_checkable")
    }
    figure, axes = plt.subplots(figsize=(6, 2.2))
    axes.barh(list(counts), list(counts.values()), color=[GREEN, RED, GREY])
    axes.invert_yaxis()
    axes.set_xlabel("claims")
    axes.set_title("The article's claims, checked against its own figures")
    body = [
        [
            f'<span class="verdict {row["verdict"]}">{row["verdict"]}</span>',
            str(row["paragraph_number"]),
            html.escape(row["claim_as_written"]),
            html.escape(row["explanation"]),
        ]
        for row in data
    ]
    return svg(figure) + table(
        ["Verdict", "Paragraph", "Claim", "Explanation"], body, [row["claim_id"] for row in data]
    )


PAGES = [
    Page("financials", "Revenue, loss and R&D", financials_page),
    Page("segments", "Public vs industry cloud", segments_page),
    Page("competitors", "Competitors in 2023", competitors_page),
    Page("cdn-nodes", "CDN nodes", cdn_page),
    Page("price-cuts", "Price cuts", price_cuts_page),
    Page("share-price", "Share price", share_price_page),
    Page("claims", "Claim checks", claims_page),
]

STYLE = """
body { font-family: system-ui, sans-serif; margin: 0; color: #222; }
nav { background: #14324f; padding: 0.6rem 1rem; }
nav a { color: #fff; margin-right: 1rem; text-decoration: none; }
nav a.current { font-weight: bold; text-decoration: underline; }
main { padding: 1rem 2rem; max-width: 1100px; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border-bottom: 1px solid #ddd; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
.verdict.inconsistent { color: #c0392b; font-weight: bold; }
.verdict.consistent { color: #2e8b57; }
footer { color: #777; font-size: 0.85rem; padding: 1rem 2rem; }
"""


def render_page(page: Page, content: str, built_at: str) -> str:
    links = "".join(
        f'<a href="{other.slug}.html" class="{"current" if other is page else ""}">{html.escape(other.title)}</a>'
        for other in PAGES
    )
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{html.escape(page.title)}"
        f" - Kingsoft Cloud figures</title><style>{STYLE}</style></head><body><nav>{links}</nav>"
        f"<main><h1>{html.escape(page.title)}</h1>{content}</main>"
        f"<footer>From warehouse.duckdb, published {html.escape(built_at)}. Every row names the figures it "
        f"comes from (hover a row: data-figure-ids).</footer></body></html>"
    )


def build_dashboard(database: Path = settings.PUBLISHED_PATH, output: Path = DASHBOARD_DIR) -> list[Path]:
    output.mkdir(parents=True, exist_ok=True)
    written = []
    built_at = f"{database.stat().st_mtime:.0f}"
    with duckdb.connect(str(database), read_only=True) as connection:
        built_at = connection.execute("select cast(to_timestamp(?) as varchar)", [database.stat().st_mtime]).fetchone()[
            0
        ]
        for page in PAGES:
            path = output / f"{page.slug}.html"
            path.write_text(render_page(page, page.build(connection), built_at), encoding="utf-8")
            written.append(path)
    index = output / "index.html"
    index.write_text((output / f"{PAGES[0].slug}.html").read_text(encoding="utf-8"), encoding="utf-8")
    return written


def main() -> int:
    if not settings.PUBLISHED_PATH.is_file():
        print(f"{settings.PUBLISHED_PATH.name} does not exist yet: run `make build` first.")
        return 1
    written = build_dashboard()
    print(f"dashboard: {DASHBOARD_DIR.relative_to(settings.ROOT)}/index.html ({len(written)} pages)")
    return 0
