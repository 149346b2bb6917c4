"""Claim checks: every claim judged, the known inconsistencies found, verdicts follow the figures."""

from __future__ import annotations

import duckdb
from conftest import copy_project, dbt_build, replace_in_file

from reports.claims import render


def verdicts(connection) -> dict[str, str]:
    return dict(connection.execute("select claim_id, verdict from marts.fct_claim_checks").fetchall())


def test_every_claim_in_the_seed_is_checked(warehouse):
    from conftest import read_csv

    from pipeline import settings

    seeded = {claim["claim_id"] for claim in read_csv(settings.SEEDS_DIR / "articles" / "article_claims.csv")}
    assert set(verdicts(warehouse)) == seeded


def test_growth_rates_that_do_not_match_the_revenue_are_inconsistent(warehouse):
    found = verdicts(warehouse)
    assert found["ksc_revenue_yoy_2022"] == "inconsistent"  # stated -9.72%, revenue gives -10.52%
    assert found["ksc_revenue_yoy_2023"] == "inconsistent"  # stated -13.85%, revenue gives -13.09%
    assert found["ksc_public_cloud_share_2023"] == "consistent"  # 4.382 / 7.047 = 62.18%
    assert found["alibaba_cloud_revenue_yoy_2023"] == "not_checkable"  # no 2022 revenue in the article


def test_the_explanation_states_both_values_and_the_gap(warehouse):
    explanation = warehouse.execute(
        "select explanation from marts.fct_claim_checks where claim_id = 'ksc_revenue_yoy_2022'"
    ).fetchone()[0]
    assert "-9.72%" in explanation and "-10.52%" in explanation and "0.80 points" in explanation


def test_net_loss_relabelled_as_operating_loss_is_a_conflict(warehouse):
    pairs = warehouse.execute(
        "select first_metric_id, second_metric_id, period_label from marts.fct_figure_conflicts order by 3"
    ).fetchall()
    assert pairs == [("net_loss", "operating_loss", "FY2022"), ("net_loss", "operating_loss", "FY2023")]


def test_report_lists_inconsistent_claims_and_conflicts(warehouse_path):
    report = render(warehouse_path)
    assert "ksc_revenue_yoy_2022" in report and "operating_loss" in report
    assert "Inconsistent claims (3)" in report


def test_changing_a_stated_value_flips_its_verdict(tmp_path):
    project = copy_project(tmp_path / "project")
    figures = project / "seeds" / "articles" / "article_figures.csv"
    # state the 2022 decline as the revenue figures give it, and the public cloud share wrongly
    replace_in_file(figures, "year-on-year decrease,2022,9.72%", "year-on-year decrease,2022,10.52%")
    replace_in_file(figures, "of its total revenue,2023,62.18%", "of its total revenue,2023,64.18%")
    database = tmp_path / "warehouse.duckdb"
    run = dbt_build(database, tmp_path / "target", project_dir=project)
    assert run.success, run.describe(database)
    with duckdb.connect(str(database), read_only=True) as connection:
        found = verdicts(connection)
    assert found["ksc_revenue_yoy_2022"] == "consistent"
    assert found["ksc_public_cloud_share_2023"] == "inconsistent"
