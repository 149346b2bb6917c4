"""The dashboard, rendered in headless Chromium: on the article's published warehouse, and on a
warehouse built with the fixture article (python_tests/fixtures/harbour_cloud_2025_03_20: a company
that reports in Hong Kong dollars, by year and by quarter, with forecasts) and a small landed batch
(two landed sources, for the landed-sources index).

What is checked is what a reader sees: pages for every company and curated source, charts whose
axes name the currency of the data, forecasts marked, every number carrying its quote and figure id
(hover or click), the years of the data in the headings, and the source of every claim."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest
from conftest import add_fixture_article, copy_project, read_csv, run_pipeline

from pipeline import settings
from reports import dashboard
from reports.dashboard import company

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--enable-logging=stderr",
    "--v=0",
]
SCREENSHOTS = settings.BUILD_DIR / "dashboard" / "screenshots"
FIXTURE_ARTICLE = "harbour_cloud_2025_03_20"
FIXTURE_CONTEXT = (
    Path(__file__).parent / "fixtures" / FIXTURE_ARTICLE / "seeds" / "articles" / "article_source_context.csv"
)

# A landed batch (the landing file layout of python_tests/test_incremental.py): two sources about a
# company of the landing registry, so the landed-sources index has two pages at one source a page.
LANDED = {
    "sources": [
        ["source_id", "title", "published_date", "language", "text_path", "section"],
        ["lantau_2025_02", "Lantau Data results", "2025-02-10", "en", "lantau_2025_02.txt", "Markets"],
        ["lantau_2025_03", "Lantau Data market notes", "2025-03-12", "en", "lantau_2025_03.txt", "Markets"],
    ],
    "entities": [
        ["entity_id", "entity_name", "entity_type", "parent_entity_id", "description"],
        ["lantau_data", "Lantau Data", "cloud_provider", "", "A cloud provider of the landed batch."],
    ],
    "entity_aliases": [["alias", "entity_id", "note"], ["Lantau Data", "lantau_data", "Canonical name."]],
    "figures": [
        [
            "figure_id", "source_id", "paragraph_number", "subject_as_written", "item_as_written", "metric_id",
            "metric_as_written", "period_as_written", "value_as_written", "range_position", "direction_as_written",
            "quote",
        ],
        [
            "lantau_revenue_2024", "lantau_2025_02", 1, "Lantau Data", "", "revenue", "revenue", "2024",
            "HK$1.2 billion", "", "", "Lantau Data reported revenue of HK$1.2 billion for 2024.",
        ],
        [
            "lantau_revenue_2023", "lantau_2025_03", 1, "Lantau Data", "", "revenue", "revenue", "2023",
            "HK$1.1 billion", "", "", "Lantau Data reported revenue of HK$1.1 billion for 2023.",
        ],
    ],
}  # fmt: skip

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (make test installs it)")


# ---------------------------------------------------------------------------------------------
# A small DOM of what Chromium rendered


VOID = {"br", "meta", "img", "hr", "input", "link", "col", "area", "base", "source", "wbr"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.parts) + "".join(child.text for child in self.children if child.tag != "title")

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def find(self, tag: str, css_class: str | None = None) -> list[Node]:
        found = []
        for child in self.children:
            if child.tag == tag and (css_class is None or css_class in child.classes):
                found.append(child)
            found.extend(child.find(tag, css_class))
        return found

    def title(self) -> str:
        titles = [child for child in self.children if child.tag == "title"]
        return "".join(titles[0].parts) if titles else ""


class DomBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Node(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        self.stack[-1].parts.append(data)


def parse(html: str) -> Node:
    builder = DomBuilder()
    builder.feed(html)
    return builder.root


# ---------------------------------------------------------------------------------------------
# Chromium


def chromium(profile: Path, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *arguments],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@dataclass
class Rendered:
    dom: Node
    html: str
    console: list[str]


def render_all(folder: Path, profile: Path) -> dict[str, Rendered]:
    """Every page of a dashboard folder as Chromium renders it, with the console lines it printed."""
    pages = {}
    for path in sorted(folder.glob("*.html")):
        rendered = chromium(profile, "--dump-dom", path.as_uri())
        assert rendered.returncode == 0, f"{path.name}: {rendered.stderr[-2000:]}"
        console = [line for line in rendered.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
        pages[path.name] = Rendered(parse(rendered.stdout), rendered.stdout, console)
    return pages


def rows(connection, sql: str, parameters=None) -> list[dict]:
    cursor = connection.execute(sql, parameters or [])
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


@pytest.fixture(scope="module")
def article(published, tmp_path_factory):
    """The article's warehouse, its dashboard built by `python -m pipeline dashboard`, every page rendered."""
    project, _ = published
    completed = subprocess.run(
        [sys.executable, "-m", "pipeline", "dashboard"], cwd=project, capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    folder = project / "build" / "dashboard"
    return project / "warehouse.duckdb", folder, render_all(folder, tmp_path_factory.mktemp("chromium"))


def land(landing: Path) -> None:
    for kind, rows in LANDED.items():
        folder = landing / kind
        folder.mkdir(parents=True, exist_ok=True)
        with (folder / "batch_000001.csv").open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows(rows)


@pytest.fixture(scope="module")
def second_currency(tmp_path_factory):
    """A copy of the project with the fixture article added (seed rows and text, as a user adds one)
    and a landed batch, built and published; its dashboard with one landed source per index page."""
    root = tmp_path_factory.mktemp("second_currency")
    project = copy_project(root / "project")
    add_fixture_article(project, FIXTURE_ARTICLE)
    land(project / "landing")
    completed = run_pipeline(project, project / "documents")
    assert completed.returncode == 0, completed.stdout[-5000:] + completed.stderr[-3000:]
    database, output = project / "warehouse.duckdb", root / "dashboard"
    dashboard.build_dashboard(database, output, landed_page_size=1)
    return database, output, render_all(output, tmp_path_factory.mktemp("chromium"))


BOTH = ["article", "second_currency"]


@pytest.fixture(params=BOTH)
def built(request):
    return request.getfixturevalue(request.param)


# ---------------------------------------------------------------------------------------------
# Both warehouses


def test_every_page_renders_its_charts_without_console_errors(built):
    _, _, pages = built
    for name, page in pages.items():
        assert page.console == [], f"{name}: {page.console}"
        assert page.dom.find("main"), f"{name}: no content"
        for svg in page.dom.find("svg", "chart"):
            assert svg.find("g", "mark"), f"{name}: a chart with nothing drawn: {svg.title()}"
            axis = svg.find("text", "axis-label")
            assert axis and axis[0].text.strip(), f"{name}: chart without an axis label: {svg.title()}"


def test_a_page_per_company_with_figures_and_per_curated_source(built):
    database, folder, _ = built
    with duckdb.connect(str(database), read_only=True) as connection:
        companies = rows(
            connection,
            "select company_id from marts.dim_companies where company_id in (select entity_id from marts.fct_figures)",
        )
        sources = rows(connection, "select source_id, is_curated from marts.dim_sources")
    written = {path.name for path in folder.glob("*.html")}
    assert {name for name in written if name.startswith("company-")} == {
        dashboard.slug("company", row["company_id"]) for row in companies
    }
    assert {name for name in written if name.startswith("source-")} == {
        dashboard.slug("source", row["source_id"]) for row in sources if row["is_curated"]
    }


def test_every_number_shows_its_quote_and_figure_id(built):
    """Hover: the number's title attribute, and every chart mark's <title>, give each figure's id and
    quote. Click: the <details> opens on the same ids and quotes. The figures are the warehouse's."""
    database, _, pages = built
    with duckdb.connect(str(database), read_only=True) as connection:
        quotes = {
            row["figure_id"]: row["quote"] for row in rows(connection, "select figure_id, quote from marts.fct_figures")
        }
    numbers = 0
    for name, page in pages.items():
        for number in page.dom.find("details", "number"):
            ids = [figure_id for figure_id in number.attrs["data-figure-ids"].split(", ") if figure_id]
            assert ids, f"{name}: {number.text.strip()!r} names no figure"
            summary = number.find("summary")[0]
            shown = [code.text for code in number.find("code", "figure-id")]
            assert shown == ids, f"{name}: {summary.text!r} opens on {shown}, not {ids}"
            for figure_id in ids:
                assert figure_id in quotes, f"{name}: {figure_id} is not in fct_figures"
                assert figure_id in summary.attrs["title"] and quotes[figure_id] in summary.attrs["title"]
                assert quotes[figure_id] in [quote.text for quote in number.find("q")]
            numbers += 1
        for mark in page.dom.find("g", "mark"):
            for figure_id in [part for part in mark.attrs["data-figure-ids"].split(", ") if part]:
                assert figure_id in mark.title() and quotes[figure_id] in mark.title(), f"{name}: {mark.title()!r}"
    assert numbers > 0


def test_years_in_headings_come_from_the_data(built):
    database, _, pages = built
    with duckdb.connect(str(database), read_only=True) as connection:
        cdn_years = {
            row["fiscal_year"] for row in rows(connection, "select distinct fiscal_year from marts.fct_cdn_nodes")
        }
        revenue_years = {
            row["fiscal_year"] for row in rows(connection, "select distinct fiscal_year from marts.fct_cloud_revenue")
        }
    cdn = pages["cdn-nodes.html"].dom
    assert {int(heading.text) for heading in cdn.find("h2")} == cdn_years
    assert all(any(str(year) in svg.title() for year in cdn_years) for svg in cdn.find("svg", "chart"))
    assert {int(heading.text) for heading in pages["competitors.html"].dom.find("h2")} == revenue_years


def test_claims_page_says_which_source_each_claim_comes_from(built):
    database, _, pages = built
    with duckdb.connect(str(database), read_only=True) as connection:
        claims = rows(
            connection,
            "select claims.claim_as_written, claims.source_id, sources.title from marts.fct_claim_checks as claims "
            "inner join marts.dim_sources as sources on claims.source_id = sources.source_id",
        )
    dom = pages["claims.html"].dom
    headings = {heading.attrs["data-source-id"]: heading.text for heading in dom.find("h2", "claims-source")}
    shown = [
        (row.attrs["data-source-id"], row.find("td")[3].text.strip())
        for row in dom.find("tr")
        if "data-source-id" in row.attrs
    ]
    assert sorted(shown) == sorted((claim["source_id"], claim["claim_as_written"]) for claim in claims)
    for claim in claims:
        assert claim["title"] in headings[claim["source_id"]]


def test_forecasts_are_marked(built):
    """Every forecast of the warehouse is shown somewhere, and a number or mark is badged as a forecast
    exactly when one of its figures is one (fct_figures.is_forecast)."""
    database, _, pages = built
    with duckdb.connect(str(database), read_only=True) as connection:
        forecasts = {
            row["figure_id"] for row in rows(connection, "select figure_id from marts.fct_figures where is_forecast")
        }
    assert forecasts
    seen = set()
    for name, page in pages.items():
        for mark in page.dom.find("g", "mark"):
            ids = set(mark.attrs["data-figure-ids"].split(", "))
            assert ("forecast" in mark.classes) == bool(ids & forecasts), f"{name}: {mark.title()!r}"
            seen |= ids & forecasts
        for number in page.dom.find("details", "number"):
            ids = set(number.attrs["data-figure-ids"].split(", "))
            badge = [span for span in number.find("summary")[0].find("span") if "badge" in span.classes]
            assert bool(badge) == bool(ids & forecasts), f"{name}: {number.text!r}"
            seen |= ids & forecasts
    assert seen == forecasts


# ---------------------------------------------------------------------------------------------
# A company page against the marts it shows


def numbers(node: Node, name: str) -> list[Node]:
    return [number for number in node.find("details", "number") if number.attrs["data-name"] == name]


def values(node: Node, name: str, forecast: bool = False) -> list[float]:
    """The values of the numbers named `name` under `node`, in page order: reported ones, or forecasts."""
    return [
        float(number.attrs["data-value"])
        for number in numbers(node, name)
        if forecast == ("forecast" in number.classes)
    ]


def shown_ids(number: Node) -> set[str]:
    return {part for part in number.attrs["data-figure-ids"].split(", ") if part}


def written_in(number: Node, currency: str) -> bool:
    """The number as shown (`≥ USD 74.00 per share`) names `currency`."""
    return currency in number.find("summary")[0].text.split()


def axes(node: Node) -> dict[str, str]:
    """Chart title -> its axis label, for every chart under `node`."""
    return {svg.title(): svg.find("text", "axis-label")[0].text for svg in node.find("svg", "chart")}


def check_company_page(database: Path, pages: dict[str, Rendered], company_id: str) -> Node:
    """The company's page shows what fct_company_financials, fct_company_interim_financials and
    fct_share_price_events hold for it, each amount with the currency column of the mart beside it."""
    with duckdb.connect(str(database), read_only=True) as connection:
        annual = rows(
            connection,
            "select * from marts.fct_company_financials where company_id = ? order by fiscal_year",
            [company_id],
        )
        interim = rows(
            connection,
            "select * from marts.fct_company_interim_financials where company_id = ? "
            "order by period_type, period_start_date, period_label",
            [company_id],
        )
        events = rows(connection, "select * from marts.fct_share_price_events where company_id = ?", [company_id])
        name = connection.execute(
            "select company_name from marts.dim_companies where company_id = ?", [company_id]
        ).fetchone()[0]
    page = pages[dashboard.slug("company", company_id)].dom
    charts = axes(page)

    # by year: revenue in its currency, the chart of each currency naming it
    (table,) = page.find("table", "annual")
    stated = [row for row in annual if row["revenue_amount"] is not None]
    assert values(table, "revenue") == [row["revenue_amount"] for row in stated]
    for currency in {row["revenue_currency"] for row in stated}:
        assert charts[f"{name}: amounts by year ({currency})"].endswith(currency)
        assert all(written_in(number, currency) for number in numbers(table, "revenue"))

    # segments: each amount in its own currency of record
    segments = page.find("table", "segments")
    for part in ("public_cloud_revenue", "industry_cloud_revenue"):
        shown = numbers(segments[0], part) if segments else []
        expected = [row for row in annual if row[f"{part}_amount"] is not None]
        assert [float(number.attrs["data-value"]) for number in shown] == [row[f"{part}_amount"] for row in expected]
        for number, row in zip(shown, expected, strict=True):
            assert written_in(number, row[f"{part}_currency"])
            assert shown_ids(number), f"{part} {row['fiscal_year']} names no figure"

    # parts of a year: a section per period type, its periods in time order, revenue and growth as the mart has them
    sections = {section.attrs["data-period-type"]: section for section in page.find("section", "interim")}
    assert set(sections) >= {row["period_type"] for row in interim}
    for period_type, section in sections.items():
        of_type = [row for row in interim if row["period_type"] == period_type]
        headers = [header.text for header in section.find("th", "period")]
        assert [label for label in headers if label in {row["period_label"] for row in of_type}] == [
            row["period_label"] for row in of_type
        ]
        assert all(header.attrs["data-period-type"] == period_type for header in section.find("th", "period"))
        reported = [row for row in of_type if row["revenue_amount"] is not None]
        assert values(section, "revenue") == [row["revenue_amount"] for row in reported]
        growth = [row["revenue_yoy_growth_ratio"] for row in of_type if row["revenue_yoy_growth_ratio"] is not None]
        assert values(section, "revenue_yoy_growth_ratio") == growth
        kind = period_type.replace("_", " ")
        assert section.find("h2")[0].text == f"Financials by {kind}"
        for currency in {row["revenue_currency"] for row in reported}:
            assert axes(section)[f"{name}: amounts by {kind} ({currency})"].endswith(currency)

    # share prices: each in its currency (share_price_currency); stated changes name change_figure_ids
    prices = numbers(page, "share_price")
    assert sorted(float(number.attrs["data-value"]) for number in prices) == sorted(
        row["share_price"] for row in events
    )
    for currency in {row["share_price_currency"] for row in events}:
        assert charts[f"{name}: share price events ({currency})"] == f"{currency} per share"
        assert sum(written_in(number, currency) for number in prices) == sum(
            row["share_price_currency"] == currency for row in events
        )
    # every figure of a curated source about the company is on its page, or restates a cell the page shows
    with duckdb.connect(str(database), read_only=True) as connection:
        curated = {
            row[0]
            for row in connection.execute(
                "select figure_id from marts.fct_figures where entity_id = ? and source_id in "
                "(select source_id from marts.dim_sources where is_curated)",
                [company_id],
            ).fetchall()
        }
    on_page = set().union(*[shown_ids(number) for number in page.find("details", "number")])
    in_cells = {part for row in annual + interim for part in (row["figure_ids"] or "").split(", ")}
    assert curated - on_page - in_cells == set()
    assert curated & on_page  # not all restatements

    changes = set().union(*[set((row["change_figure_ids"] or "").split(", ")) for row in events]) - {""}
    for column in ("stated_change_from_ipo_ratio", "stated_change_from_peak_ratio"):
        stated_changes = numbers(page, column)
        assert len(stated_changes) == sum(row[column] is not None for row in events)
        assert all(shown_ids(number) and shown_ids(number) <= changes for number in stated_changes)
    return page


def test_article_company_page_shows_its_marts_in_their_currency(article):
    database, _, pages = article
    page = check_company_page(database, pages, "kingsoft_cloud")
    with duckdb.connect(str(database), read_only=True) as connection:
        drawdown = connection.execute(
            "select drawdown_from_peak_ratio from marts.fct_share_price_events where event_id = 'kingsoft_cloud__close'"
        ).fetchone()[0]
    assert drawdown in values(page, "drawdown_from_peak_ratio")


def test_fixture_company_page_shows_its_currency_quarters_and_forecasts(second_currency):
    database, _, pages = second_currency
    (context,) = [row for row in read_csv(FIXTURE_CONTEXT) if row["source_id"] == FIXTURE_ARTICLE]
    currency, company_id = context["local_currency"], context["lead_entity_id"]
    page = check_company_page(database, pages, company_id)
    with duckdb.connect(str(database), read_only=True) as connection:
        forecasts = rows(
            connection,
            "select figure_id, value, period_type from marts.fct_figures where entity_id = ? and is_forecast",
            [company_id],
        )
        quarters = connection.execute(
            "select count(*) from marts.fct_company_interim_financials "
            "where company_id = ? and period_type = 'quarter'",
            [company_id],
        ).fetchone()[0]
    # every chart on the page is in the fixture's currency (or has none); only quotes keep "HK$"
    assert {label for label in axes(page).values()} >= {f"billion {currency}", f"{currency} per share"}
    others = [row["currency_code"] for row in read_csv(settings.SEEDS_DIR / "vocabulary" / "vocabulary_currencies.csv")]
    formatted = [summary.text for summary in page.find("summary")] + [
        text.text for svg in page.find("svg", "chart") for text in svg.find("text")
    ]
    assert [text for text in formatted if "$" in text or any(code in text for code in others if code != currency)] == []
    assert any(currency in text for text in formatted)
    # its quarters have a section of their own
    assert quarters > 0
    (section,) = [
        section for section in page.find("section", "interim") if section.attrs["data-period-type"] == "quarter"
    ]
    assert len(section.find("th", "period")) == quarters
    # its forecasts are on its page, badged, in rows of their own
    assert forecasts
    for forecast in forecasts:
        (number,) = [number for number in page.find("details", "number") if forecast["figure_id"] in shown_ids(number)]
        assert "forecast" in number.classes and float(number.attrs["data-value"]) == forecast["value"]
        assert written_in(number, currency)
    for row in page.find("tr"):
        kinds = {"forecast" in number.classes for number in row.find("details", "number")}
        if True in kinds:
            assert kinds == {True} and row.find("td")[0].text.endswith("(forecast)"), row.text


def test_other_pages_chart_each_currency_on_its_own_axis(second_currency):
    """Competitors' revenue: a chart per year and currency of fct_cloud_revenue, its axis naming that
    currency; market amounts: the axis names the unit of the figures."""
    database, _, pages = second_currency
    with duckdb.connect(str(database), read_only=True) as connection:
        revenue = rows(connection, "select distinct fiscal_year, revenue_currency from marts.fct_cloud_revenue")
    competitors = axes(pages["competitors.html"].dom)
    assert {title for title in competitors if title.startswith("Cloud revenue")} == {
        f"Cloud revenue, {row['fiscal_year']} ({row['revenue_currency']})" for row in revenue
    }
    for row in revenue:
        assert competitors[f"Cloud revenue, {row['fiscal_year']} ({row['revenue_currency']})"].endswith(
            row["revenue_currency"]
        )
    assert len({row["revenue_currency"] for row in revenue}) > 1  # the fixture adds a currency of its own


def test_landed_sources_are_listed_in_an_index_not_a_page_each(second_currency):
    database, folder, pages = second_currency
    with duckdb.connect(str(database), read_only=True) as connection:
        landed = [
            row["source_id"] for row in rows(connection, "select source_id from marts.dim_sources where not is_curated")
        ]
    listed = [
        row.attrs["id"]
        for name, page in pages.items()
        if name.startswith("landed-sources")
        for row in page.dom.find("tr")
        if "id" in row.attrs
    ]
    assert sorted(listed) == sorted(landed)
    assert len([name for name in pages if name.startswith("landed-sources")]) == len(landed)  # one a page here
    assert not [path for path in folder.glob("source-*.html") if any(source in path.name for source in landed)]


def test_screenshots_of_company_pages(article, second_currency, tmp_path):
    """A screenshot of each company page of both warehouses, under build/dashboard/screenshots."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for label, (_, folder, _) in {"article": article, "second_currency": second_currency}.items():
        for path in folder.glob("company-*.html"):
            target = SCREENSHOTS / f"{label}-{path.stem}.png"
            shot = chromium(tmp_path / "profile", "--window-size=1100,2400", f"--screenshot={target}", path.as_uri())
            assert shot.returncode == 0 and target.stat().st_size > 10_000, shot.stderr[-2000:]


def test_period_kinds_of_a_company_page_come_from_the_marts_seed(tmp_path):
    """The sections of a company page follow the period types seeds/curated/curated_marts.csv gives
    each mart, in its order: a new kind of period is a seed edit, not a code change."""
    seed = settings.SEEDS_DIR / "curated" / "curated_marts.csv"
    rows = read_csv(seed)
    for row in rows:
        if row["mart"] == "fct_company_interim_financials":
            row["period_types"] = "week;" + ";".join(reversed(row["period_types"].split(";")))
    (tmp_path / "curated").mkdir()
    with (tmp_path / "curated" / "curated_marts.csv").open("w", newline="", encoding="utf-8") as edited:
        writer = csv.DictWriter(edited, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    assert company.mart_period_types("fct_company_interim_financials", tmp_path) == (
        "week",
        "date",
        "month",
        "year_to_date",
        "half_year",
        "quarter",
    )
    with pytest.raises(ValueError, match="no row for mart fct_unknown"):
        company.mart_period_types("fct_unknown", tmp_path)
