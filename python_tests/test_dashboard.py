"""The dashboard: every page renders its charts in headless Chromium, with no console errors, and
shows the warehouse's numbers. One screenshot per page is kept under build/dashboard/screenshots."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import duckdb
import pytest

from pipeline import settings
from reports.dashboard import PAGES

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

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (make test installs it)")


@pytest.fixture(scope="module")
def dashboard(published):
    project, _ = published
    completed = subprocess.run(
        [sys.executable, "-m", "pipeline", "dashboard"], cwd=project, capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return project / "build" / "dashboard"


def chromium(tmp_path, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *arguments],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("page", PAGES, ids=[page.slug for page in PAGES])
def test_page_renders_its_charts_without_console_errors(dashboard, tmp_path, page):
    url = (dashboard / f"{page.slug}.html").as_uri()
    rendered = chromium(tmp_path, "--dump-dom", url)
    assert rendered.returncode == 0, rendered.stderr[-2000:]
    dom = rendered.stdout
    assert "<svg" in dom and re.search(r"<(path|rect|use)\b", dom), "no chart drawn"
    assert "<table" in dom and "data-figure-ids" in dom
    console = [line for line in rendered.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    assert console == []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = chromium(tmp_path, "--window-size=1200,1400", f"--screenshot={SCREENSHOTS / f'{page.slug}.png'}", url)
    assert shot.returncode == 0 and (SCREENSHOTS / f"{page.slug}.png").stat().st_size > 10_000


def shown_values(dom: str, name: str) -> list[float]:
    return [float(value) for value in re.findall(rf'data-name="{name}" data-value="([^"]+)"', dom)]


def test_figures_on_the_pages_equal_the_warehouse(dashboard, published, tmp_path):
    project, _ = published
    financials = chromium(tmp_path, "--dump-dom", (dashboard / "financials.html").as_uri()).stdout
    prices = chromium(tmp_path, "--dump-dom", (dashboard / "share-price.html").as_uri()).stdout
    with duckdb.connect(str(project / "warehouse.duckdb"), read_only=True) as connection:
        revenue = [
            row[0]
            for row in connection.execute(
                "select revenue_cny from marts.fct_company_financials where company_id = 'kingsoft_cloud' "
                "and revenue_cny is not null order by fiscal_year"
            ).fetchall()
        ]
        drawdown = connection.execute(
            "select drawdown_from_peak_ratio from marts.fct_share_price_events where event_type = 'close'"
        ).fetchone()[0]
    assert shown_values(financials, "revenue_cny") == revenue
    assert drawdown in shown_values(prices, "drawdown_from_peak_ratio")
