"""`make dashboard`: a static HTML dashboard of the published warehouse, generated from its data.

One page per company the warehouse holds figures about (its financials by year and by quarter, half
or other part of a year, segments and share prices, each amount in its own currency, forecasts
marked), one per curated source (its figures and claim verdicts), an index of
landed sources, and pages for competitors, CDN nodes, price cuts, market figures and claims whose
years and periods come from the data. Every number shown names the figures it comes from: hover it
for its quote and figure id, click it to keep them open.

    warehouse.py   runs the queries of reports/sql/dashboard/*.sql on a read-only connection
    site.py        the pages, the links between them, numbers with their figures
    company.py     a page per company;  topics.py  the pages across companies
    charts.py      chart geometry;  numbers.py  how numbers and axes are written
    reports/templates/dashboard/*.html.j2   the HTML and SVG (Jinja2)

The pages need no network, no JavaScript and no server: open build/dashboard/index.html.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import jinja2

from pipeline import settings
from reports.dashboard import topics
from reports.dashboard.company import company_pages
from reports.dashboard.site import LANDED_PAGE_SIZE, Page, Site, slug
from reports.dashboard.warehouse import load

DASHBOARD_DIR = settings.BUILD_DIR / "dashboard"
TEMPLATE_DIR = Path(__file__).resolve().parents[1] / "templates" / "dashboard"

__all__ = ["DASHBOARD_DIR", "build_dashboard", "main", "slug"]


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


def pages(site: Site) -> list[Page]:
    return [
        site.index_page(),
        *company_pages(site),
        *[site.source_page(source) for source in site.curated],
        *site.landed_pages(),
        topics.competitors_page(site),
        topics.cdn_page(site),
        topics.price_cuts_page(site),
        topics.market_page(site),
        site.claims_page(),
    ]


def build_dashboard(
    database: Path = settings.PUBLISHED_PATH, output: Path = DASHBOARD_DIR, landed_page_size: int = LANDED_PAGE_SIZE
) -> list[Path]:
    """Render every page of the dashboard of `database` into `output`; returns the files written."""
    with duckdb.connect(str(database), read_only=True) as connection:
        data = load(connection)
        mtime = database.stat().st_mtime
        built_at = connection.execute("select cast(to_timestamp(?) as varchar)", [mtime]).fetchone()[0]
    site = Site(data, landed_page_size)
    env = environment()
    shared = {
        "nav": site.nav(),
        "database": database.name,
        "built_at": built_at,
        "company_hrefs": site.company_href,
        "source_hrefs": site.source_href,
    }
    output.mkdir(parents=True, exist_ok=True)
    written = []
    for page in pages(site):
        path = output / page.path
        path.write_text(env.get_template(page.template).render(page=page, **shared, **page.context), encoding="utf-8")
        written.append(path)
    return written


def main() -> int:
    if not settings.PUBLISHED_PATH.is_file():
        print(f"{settings.PUBLISHED_PATH.name} does not exist yet: run `make build` first.")
        return 1
    written = build_dashboard()
    print(f"dashboard: {DASHBOARD_DIR.relative_to(settings.ROOT)}/index.html ({len(written)} pages)")
    return 0
