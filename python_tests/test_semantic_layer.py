"""The semantic layer answers offline, and each metric agrees with the marts it is defined on."""

from __future__ import annotations

import csv
import io
import json
import math
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

from lab.projects import run
from pipeline import currency_columns, dbt, settings

# the money metrics are in the first reporting currency (var reporting_currencies)
FIRST = currency_columns.configured().reporting[0].lower()
BY_COMPANY = "metric_time__year,company__company_name"
FINANCIALS = """
    select fiscal_year, company_name, {column} as value from (
        select *,
            net_loss_{c} / lag(net_loss_{c}) over (partition by company_id order by fiscal_year) - 1
                as net_loss_growth_ratio,
            rd_expense_{c} / lag(rd_expense_{c}) over (partition by company_id order by fiscal_year) - 1
                as rd_expense_growth_ratio
        from marts.fct_company_financials)"""
CLOUD = "select fiscal_year, provider_name as company_name, {column} as value from marts.fct_cloud_revenue"

# metric -> (group by, SQL on the marts giving fiscal_year, company_name, value)
EXPECTED = {
    "revenue": (BY_COMPANY, FINANCIALS.format(c=FIRST, column=f"revenue_{FIRST}")),
    "net_loss": (BY_COMPANY, FINANCIALS.format(c=FIRST, column=f"net_loss_{FIRST}")),
    "rd_expense": (BY_COMPANY, FINANCIALS.format(c=FIRST, column=f"rd_expense_{FIRST}")),
    "public_cloud_revenue": (BY_COMPANY, FINANCIALS.format(c=FIRST, column=f"public_cloud_revenue_{FIRST}")),
    "revenue_growth": (BY_COMPANY, FINANCIALS.format(c=FIRST, column="revenue_yoy_growth_ratio")),
    "net_loss_growth": (BY_COMPANY, FINANCIALS.format(c=FIRST, column="net_loss_growth_ratio")),
    "rd_expense_growth": (BY_COMPANY, FINANCIALS.format(c=FIRST, column="rd_expense_growth_ratio")),
    "cloud_revenue": (BY_COMPANY, CLOUD.format(column=f"revenue_{FIRST}")),
    "stated_cloud_revenue_growth": (BY_COMPANY, CLOUD.format(column="stated_yoy_growth_ratio")),
    "cloud_revenue_growth": (BY_COMPANY, CLOUD.format(column="computed_yoy_growth_ratio")),
    "cdn_nodes": (BY_COMPANY, "select fiscal_year, provider_name, node_count from marts.fct_cdn_nodes"),
    "market_size": (
        "metric_time__year",
        f"""
        select fiscal_year, '' as company_name, sum(value_low_{FIRST}) from marts.fct_market_metrics
        where metric_id = 'market_size' group by fiscal_year""",
    ),
}


def defined_metrics() -> set[str]:
    manifest = settings.ROOT / "target" / "semantic_manifest.json"
    if not manifest.is_file():
        run = dbt.invoke(["parse"], quiet=True)
        assert run.success, run.describe()
    return {metric["name"] for metric in json.loads(manifest.read_text(encoding="utf-8"))["metrics"]}


def test_every_metric_defined_is_checked():
    assert defined_metrics() == set(EXPECTED)


def mf_query(project: Path, metric: str, group_by: str, output: Path) -> list[dict[str, str]]:
    """`mf query` on the published warehouse as the docs say to run it: the read-only `reader` target."""
    environment = dict(os.environ, DBT_DUCKDB_PATH=str(project / "warehouse.duckdb"), DBT_TARGET="reader")
    mf = str(Path(sys.executable).with_name("mf"))
    query = [mf, "query", "--metrics", metric, "--group-by", group_by, "--csv", str(output)]
    completed = run(query, project, environment)
    assert completed.returncode == 0, completed.stdout[-2000:] + completed.stderr[-2000:]
    return list(csv.DictReader(io.StringIO(output.read_text(encoding="utf-8"))))


@pytest.mark.parametrize("metric", sorted(EXPECTED))
def test_metric_matches_the_marts(published, tmp_path, metric):
    project, _ = published
    group_by, sql = EXPECTED[metric]
    answered = {}
    for row in mf_query(project, metric, group_by, tmp_path / "answer.csv"):
        if row[metric] not in ("", None):
            key = (int(row["metric_time__year"][:4]), row.get("company__company_name", ""))
            answered[key] = float(row[metric])
    with duckdb.connect(str(project / "warehouse.duckdb"), read_only=True) as connection:
        expected = {
            (year, name): value for year, name, value in connection.execute(sql).fetchall() if value is not None
        }
    assert expected, "the marts hold no value for this metric"
    assert answered.keys() == expected.keys()
    assert all(math.isclose(answered[key], expected[key], rel_tol=1e-9) for key in expected)


HOLD_OPEN = """
import duckdb, sys
connection = duckdb.connect(sys.argv[1], read_only=True)
print("open", flush=True)
sys.stdin.read()  # hold the file open until the test closes our stdin
"""


def test_mf_query_runs_beside_readers_and_never_blocks_them(published, tmp_path):
    """The reader target attaches the published file read-only: `mf query` works while a BI tool holds
    the file, and a reader connecting over and over while `mf query` runs never fails."""
    project, _ = published
    database = project / "warehouse.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_OPEN, str(database)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        # the premise: while another process holds the file, a read-write open (what the dev target does) fails
        with pytest.raises(duckdb.IOException, match="lock"):
            duckdb.connect(str(database)).close()

        failures: list[str] = []
        rounds = [0]
        stop = threading.Event()

        def poll() -> None:
            while not stop.is_set():
                try:
                    with duckdb.connect(str(database), read_only=True) as connection:
                        connection.execute("select count(*) from marts.fct_company_financials").fetchone()
                    rounds[0] += 1
                except duckdb.Error as error:
                    failures.append(str(error))
                time.sleep(0.02)

        poller = threading.Thread(target=poll)
        poller.start()
        try:
            rows = mf_query(project, "revenue", BY_COMPANY, tmp_path / "answer.csv")
        finally:
            stop.set()
            poller.join()
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert any(row["revenue"] for row in rows)
    assert not failures, failures[:3]
    assert rounds[0] >= 10  # the reader really polled while mf ran
