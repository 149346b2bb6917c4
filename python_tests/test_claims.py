"""Claim checks: every claim judged, the known inconsistencies found, verdicts follow the figures;
a new kind of claim and a second article go in with seed rows alone; bad claim rows are refused."""

from __future__ import annotations

import csv
import io
import math
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from conftest import Workbench, copy_project, read_csv, replace_in_file, warehouse_build

from pipeline import dbt, settings
from reports.claims import render

FIRST_SOURCE = "kingsoft_cloud_2024_04_17"
CLAIMS = Path("seeds/articles/article_claims.csv")
CLAIM_KINDS = Path("seeds/curated/curated_claim_kinds.csv")


def verdicts(connection) -> dict[str, str]:
    return dict(connection.execute("select claim_id, verdict from marts.fct_claim_checks").fetchall())


def test_every_claim_in_the_seed_is_checked(warehouse):
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


def test_only_claims_judged_by_a_band_have_one(warehouse):
    rows = warehouse.execute("""
        select claim_id, tolerance, band_low, band_high from marts.fct_claim_checks
        where claim_kind in ('exceeds_threshold', 'record_high', 'fewer_than_peers', 'falls_every_year')
    """).fetchall()
    assert rows and all(tolerance == 0 and low is None and high is None for _, tolerance, low, high in rows)


def test_net_loss_relabelled_as_operating_loss_is_a_conflict(warehouse):
    pairs = warehouse.execute(
        "select first_metric_id, second_metric_id, period_label from marts.fct_figure_conflicts order by 3"
    ).fetchall()
    assert pairs == [("net_loss", "operating_loss", "FY2022"), ("net_loss", "operating_loss", "FY2023")]


def test_report_lists_inconsistent_claims_and_conflicts(warehouse_path):
    report = render(warehouse_path)
    assert "ksc_revenue_yoy_2022" in report and "operating_loss" in report
    assert "Claims checked: consistent 17, inconsistent 3, not_checkable 7" in report
    assert "Inconsistent claims (3)" in report


@pytest.fixture(scope="module")
def bench(tmp_path_factory) -> Workbench:
    """The folder where this file's copies of the project take turns (a copy in project/, its
    warehouse.duckdb, and dbt's state in target/)."""
    return Workbench(tmp_path_factory.mktemp("claims"), lambda folder: copy_project(folder / "project"), "target")


def test_changing_a_stated_value_flips_its_verdict(bench):
    folder = bench.turn()
    project = folder / "project"
    # the article as if it stated the 2022 decline as the revenue figures give it, and the public
    # cloud share wrongly: its text and every seed row quoting it say so (quotes stay verbatim)
    edited = [*(project / "documents").glob("*.txt"), *(project / "seeds" / "articles").glob("*.csv")]
    for stated, instead in (("9.72%", "10.52%"), ("62.18%", "64.18%")):
        touched = [path for path in edited if stated in path.read_text(encoding="utf-8")]
        assert touched, stated
        for path in touched:
            replace_in_file(path, stated, instead, count=-1)
    database = folder / "warehouse.duckdb"
    run = warehouse_build(database, folder / "target", project)
    assert run.success, run.describe(database)
    with duckdb.connect(str(database), read_only=True) as connection:
        found = verdicts(connection)
    assert found["ksc_revenue_yoy_2022"] == "consistent"
    assert found["ksc_public_cloud_share_2023"] == "inconsistent"


# --- a second article, a new kind of claim, and claims checked against their own source -------------

NOTE = "nimbus_cloud_2024_05_20"
NOTE_TEXT = """Nimbus Cloud triples its revenue in three years
Nimbus Cloud's revenue was 5 billion yuan in 2020 and 10 billion yuan in 2022. In 2023 its revenue reached 15 billion yuan, 3 times its revenue of 2020.
Nimbus Cloud spent 1.8 billion yuan on R&D in 2023, equal to 12% of its revenue. In 2022 its R&D expense was 1.5 billion yuan, which the company put at 12% of revenue as well.
AI services made up 30% of Nimbus Cloud's revenue in 2023, up 3 percentage points from 27% in 2022.
The public cloud market grew 25% year on year to $40 billion in the first half of 2023, from $32 billion in the first half of 2022.
Kingsoft Cloud's revenue fell 13.09% in 2023, according to the company's annual report.
"""  # noqa: E501 - one paragraph per line, as a source document is written


def sentence(paragraph: int, starts: str) -> str:
    """The sentence of NOTE_TEXT's paragraph that starts with `starts`, verbatim."""
    text = [line for line in NOTE_TEXT.splitlines() if line.strip()][paragraph - 1]
    start = text.index(starts)
    end = text.find(". ", start)
    return text[start : end + 1] if end != -1 else text[start:]


def append_rows(path: Path, rows: list[dict[str, str]]) -> None:
    """Append rows to a seed by column name; columns a row leaves out are empty, and a column the
    seed does not have fails the test (so a renamed column is noticed, not written to the wrong place)."""
    with path.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    unknown = {name for row in rows for name in row} - set(header)
    assert not unknown, f"{path.name} has no column(s) {sorted(unknown)}"
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\n")
    writer.writerows({name: row.get(name, "") for name in header} for row in rows)
    text = path.read_text(encoding="utf-8")
    path.write_text(text + ("" if text.endswith("\n") else "\n") + buffer.getvalue(), encoding="utf-8")


def figure(figure_id: str, paragraph: int, starts: str, subject: str, metric: str, period: str, value: str, **extra):
    return {
        "figure_id": figure_id,
        "source_id": NOTE,
        "paragraph_number": str(paragraph),
        "subject_as_written": subject,
        "metric_id": metric,
        "metric_as_written": metric,
        "period_as_written": period,
        "value_as_written": value,
        "quote": sentence(paragraph, starts),
        **extra,
    }


def claim(claim_id: str, paragraph: int, starts: str, kind: str, words: str, **columns) -> dict[str, str]:
    quote = sentence(paragraph, starts)
    assert words in quote
    return {
        "claim_id": claim_id,
        "source_id": NOTE,
        "paragraph_number": str(paragraph),
        "claim_kind": kind,
        "claim_as_written": words,
        "quote": quote,
        **columns,
    }


def kind_row_from_docs() -> dict[str, str]:
    """The claim kind docs/contributors.md gives as its example of a new kind (R&D expense as a
    fraction of revenue), read from the page, so the example is the row this test adds."""
    with (settings.ROOT / CLAIM_KINDS).open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    page = (settings.ROOT / "docs" / "contributors.md").read_text(encoding="utf-8")
    line = next(line for line in page.splitlines() if line.startswith("rd_intensity,"))
    return dict(zip(header, next(csv.reader([line])), strict=True))


NOTE_FIGURES = [
    figure("nimbus_revenue_2020", 2, "Nimbus Cloud's revenue", "Nimbus Cloud", "revenue", "2020", "5 billion yuan"),
    figure("nimbus_revenue_2022", 2, "Nimbus Cloud's revenue", "Nimbus Cloud", "revenue", "2022", "10 billion yuan"),
    figure("nimbus_revenue_2023", 2, "In 2023", "Nimbus Cloud", "revenue", "2023", "15 billion yuan"),
    # "3 times" written as digits in a count metric; the claim kind reads it the same way either way
    figure("nimbus_revenue_multiple_2020_2023", 2, "In 2023", "Nimbus Cloud", "revenue_multiple", "2020 to 2023", "3"),
    figure("nimbus_rd_2023", 3, "Nimbus Cloud spent", "Nimbus Cloud", "rd_expense", "2023", "1.8 billion yuan"),
    figure("nimbus_rd_intensity_2023", 3, "Nimbus Cloud spent", "Nimbus Cloud", "rd_intensity", "2023", "12%"),
    figure("nimbus_rd_2022", 3, "In 2022", "Nimbus Cloud", "rd_expense", "2022", "1.5 billion yuan"),
    figure("nimbus_rd_intensity_2022", 3, "In 2022", "Nimbus Cloud", "rd_intensity", "2022", "12%"),
    figure("nimbus_ai_share_2023", 4, "AI services", "Nimbus Cloud", "ai_revenue_share", "2023", "30%"),
    figure("nimbus_ai_share_2022", 4, "AI services", "Nimbus Cloud", "ai_revenue_share", "2022", "27%"),
    figure(
        "nimbus_ai_share_change_2023",
        4,
        "AI services",
        "Nimbus Cloud",
        "ai_revenue_share_change",
        "2023",
        "3 percentage points",
    ),
    figure(
        "cloud_market_size_2023h1",
        5,
        "The public",
        "The public cloud market",
        "market_size",
        "first half of 2023",
        "$40 billion",
    ),
    figure(
        "cloud_market_size_2022h1",
        5,
        "The public",
        "The public cloud market",
        "market_size",
        "first half of 2022",
        "$32 billion",
    ),
    figure(
        "cloud_market_growth_2023h1",
        5,
        "The public",
        "The public cloud market",
        "market_yoy_growth",
        "first half of 2023",
        "25%",
        direction_as_written="grew",
    ),
    figure(
        "note_ksc_revenue_growth_2023",
        6,
        "Kingsoft",
        "Kingsoft Cloud",
        "revenue_yoy_growth",
        "2023",
        "13.09%",
        direction_as_written="fell",
    ),
]

NOTE_CLAIMS = [
    claim(
        "nimbus_rd_intensity_2023",
        3,
        "Nimbus Cloud spent",
        "rd_intensity",
        "equal to 12% of its revenue",
        subject_as_written="Nimbus Cloud",
        metric_id="rd_expense",
        reference_metric_id="revenue",
        period_as_written="2023",
        stated_figure_id="nimbus_rd_intensity_2023",
    ),
    claim(
        "nimbus_rd_intensity_2022",
        3,
        "In 2022",
        "rd_intensity",
        "which the company put at 12% of revenue",
        subject_as_written="Nimbus Cloud",
        metric_id="rd_expense",
        reference_metric_id="revenue",
        period_as_written="2022",
        stated_figure_id="nimbus_rd_intensity_2022",
    ),
    claim(
        "nimbus_ai_share_up_3_points_2023",
        4,
        "AI services",
        "percentage_point_change",
        "up 3 percentage points",
        subject_as_written="Nimbus Cloud",
        metric_id="ai_revenue_share",
        period_as_written="2023",
        stated_figure_id="nimbus_ai_share_change_2023",
    ),
    claim(
        "nimbus_revenue_tripled_2020_2023",
        2,
        "In 2023",
        "multiple_over_span",
        "3 times its revenue of 2020",
        subject_as_written="Nimbus Cloud",
        metric_id="revenue",
        period_as_written="2020 to 2023",
        stated_figure_id="nimbus_revenue_multiple_2020_2023",
    ),
    claim(
        "cloud_market_yoy_2023h1",
        5,
        "The public",
        "yoy_growth",
        "grew 25% year on year",
        subject_as_written="The public cloud market",
        metric_id="market_size",
        period_as_written="first half of 2023",
        stated_figure_id="cloud_market_growth_2023h1",
    ),
    # the note restates the first article's figure: checked against that article's figures when its row
    # says so, and not checkable against its own, which have no Kingsoft Cloud revenue
    claim(
        "note_ksc_revenue_yoy_2023_first_article",
        6,
        "Kingsoft",
        "yoy_growth",
        "revenue fell 13.09% in 2023",
        subject_as_written="Kingsoft Cloud",
        metric_id="revenue",
        period_as_written="2023",
        stated_figure_id="note_ksc_revenue_growth_2023",
        figures_source_id=FIRST_SOURCE,
    ),
    claim(
        "note_ksc_revenue_yoy_2023_own_figures",
        6,
        "Kingsoft",
        "yoy_growth",
        "revenue fell 13.09% in 2023",
        subject_as_written="Kingsoft Cloud",
        metric_id="revenue",
        period_as_written="2023",
        stated_figure_id="note_ksc_revenue_growth_2023",
    ),
]


def add_note(project: Path) -> None:
    """The second article, by seed rows and its text only: no model, macro, YAML or Python changes."""
    (project / "documents" / f"{NOTE}.txt").write_text(NOTE_TEXT, encoding="utf-8")
    seeds = project / "seeds"
    append_rows(
        seeds / "articles" / "article_sources.csv",
        [
            {
                "source_id": NOTE,
                "title": "Nimbus Cloud triples its revenue in three years",
                "published_date": "2024-05-20",
                "language": "en",
                "text_path": f"{NOTE}.txt",
                "section": "News",
            }
        ],
    )
    append_rows(
        seeds / "curated" / "curated_entities.csv",
        [
            {
                "entity_id": "nimbus_cloud",
                "entity_name": "Nimbus Cloud",
                "entity_type": "cloud_provider",
                "description": "A cloud provider of the test note.",
            }
        ],
    )
    append_rows(
        seeds / "curated" / "curated_entity_aliases.csv",
        [
            {"alias": "Nimbus Cloud", "entity_id": "nimbus_cloud", "note": "Canonical name."},
            # one alias for two markets: the note's market is not the first article's, but the alias
            # reaches the same entity, so only the source keeps their figures apart
            {"alias": "The public cloud market", "entity_id": "china_public_cloud_market", "note": "Shared alias."},
        ],
    )
    metric = {"unit_kind": "ratio", "domain": "financials", "is_signed_change": "false"}
    append_rows(
        seeds / "curated" / "curated_metrics.csv",
        [
            {**metric, "metric_id": "rd_intensity", "metric_name": "R&D intensity", "definition": "R&D / revenue."},
            {**metric, "metric_id": "ai_revenue_share", "metric_name": "AI share", "definition": "AI / revenue."},
            {
                **metric,
                "unit_kind": "percentage_point",
                "metric_id": "ai_revenue_share_change",
                "metric_name": "AI share change",
                "definition": "Change in the AI share of revenue, in percentage points.",
            },
            {
                **metric,
                "unit_kind": "count",
                "metric_id": "revenue_multiple",
                "metric_name": "Revenue multiple",
                "definition": "Revenue as a multiple of an earlier year's.",
            },
        ],
    )
    append_rows(seeds / "curated" / "curated_claim_kinds.csv", [kind_row_from_docs()])
    append_rows(seeds / "articles" / "article_figures.csv", NOTE_FIGURES)
    append_rows(seeds / "articles" / "article_claims.csv", NOTE_CLAIMS)
    # the "three" of "in three years" in the title is part of a length of time, as a year is part of
    # a period: the coverage test needs no ignore row for it


def seed_problems(project: Path) -> list[str]:
    """The seed checks of `python -m pipeline build`, run in the copy (structure, claims), one per line."""
    completed = subprocess.run(
        [sys.executable, "-c", "from pipeline.seed_checks import check_seeds\nfor p in check_seeds(): print(p)"],
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
    )
    return completed.stdout.splitlines()


@pytest.fixture(scope="module")
def two_articles(bench, tmp_path_factory) -> Path:
    """A warehouse built from the project plus the note (another source) and one new claim kind
    (built in the bench, then copied out of it for the tests that read it)."""
    folder = bench.turn()
    project = folder / "project"
    add_note(project)
    assert seed_problems(project) == []
    database = folder / "warehouse.duckdb"
    run = warehouse_build(database, folder / "target", project)
    assert run.success, run.describe(database)
    kept = tmp_path_factory.mktemp("two_articles") / "warehouse.duckdb"
    shutil.copyfile(database, kept)
    return kept


def checks(database: Path) -> dict[str, dict]:
    with duckdb.connect(str(database), read_only=True) as connection:
        frame = connection.sql("select * from marts.fct_claim_checks").df()
    return {row["claim_id"]: row for row in frame.to_dict("records")}


def figure_value(database: Path, figure_id: str) -> float:
    with duckdb.connect(str(database), read_only=True) as connection:
        return connection.execute("select value from marts.fct_figures where figure_id = ?", [figure_id]).fetchone()[0]


def test_a_new_claim_kind_is_checked_by_seed_rows_alone(two_articles):
    assert "rd_intensity" not in {kind["claim_kind"] for kind in read_csv(settings.ROOT / CLAIM_KINDS)}
    found = checks(two_articles)
    revenue = {year: figure_value(two_articles, f"nimbus_revenue_{year}") for year in (2022, 2023)}
    rd = {year: figure_value(two_articles, f"nimbus_rd_{year}") for year in (2022, 2023)}
    right, wrong = found["nimbus_rd_intensity_2023"], found["nimbus_rd_intensity_2022"]
    assert right["claim_kind"] == "rd_intensity" and right["verdict"] == "consistent"
    assert math.isclose(right["computed_value"], rd[2023] / revenue[2023])  # 1.8 / 15 = 12%, stated 12%
    assert wrong["verdict"] == "inconsistent"
    assert math.isclose(wrong["computed_value"], rd[2022] / revenue[2022])  # 1.5 / 10 = 15%, stated 12%
    assert wrong["explanation"] == "stated 12% (12.00%), figures give 15.00%: off by 3.00 points"
    assert math.isclose(wrong["implied_value"], revenue[2022] * 0.12)  # the R&D the stated 12% implies


def test_percentage_point_changes_and_multiples_are_checked(two_articles):
    found = checks(two_articles)
    points = found["nimbus_ai_share_up_3_points_2023"]
    shares = [figure_value(two_articles, f"nimbus_ai_share_{year}") for year in (2023, 2022)]
    assert points["verdict"] == "consistent"
    assert math.isclose(points["computed_value"], (shares[0] - shares[1]) * 100)  # 30% - 27% = 3 points
    assert "3.00 percentage points" in points["explanation"]
    multiple = found["nimbus_revenue_tripled_2020_2023"]
    revenue = [figure_value(two_articles, f"nimbus_revenue_{year}") for year in (2023, 2020)]
    assert multiple["verdict"] == "consistent"
    assert math.isclose(multiple["computed_value"], revenue[0] / revenue[1])  # 15 / 5 = 3 times
    assert "3.00 times" in multiple["explanation"]


def test_a_claim_is_checked_against_its_own_source(two_articles, warehouse):
    found = checks(two_articles)
    # the note's market (reached through the shared alias) grew 40 / 32 - 1 = 25%, as it says
    note_market = found["cloud_market_yoy_2023h1"]
    assert note_market["verdict"] == "consistent" and note_market["figures_source_id"] == NOTE
    assert math.isclose(note_market["computed_value"], 40 / 32 - 1)
    # the first article gives no 2022 market size: its 15.9% stays not checkable, never judged
    # against the note's figures for the same entity and periods
    first_market = found["china_public_cloud_market_yoy_2023h1"]
    assert first_market["verdict"] == "not_checkable" and first_market["figures_source_id"] == FIRST_SOURCE
    # and every claim of the first article keeps the verdict and explanation it has alone
    alone = {
        claim_id: (verdict, explanation)
        for claim_id, verdict, explanation in warehouse.execute(
            "select claim_id, verdict, explanation from marts.fct_claim_checks"
        ).fetchall()
    }
    beside = {
        claim_id: (row["verdict"], row["explanation"])
        for claim_id, row in found.items()
        if row["source_id"] == FIRST_SOURCE
    }
    assert beside == alone


def test_the_report_names_the_source_of_each_inconsistent_claim(two_articles):
    report = render(two_articles)
    assert f"  nimbus_rd_intensity_2022 ({NOTE}, paragraph 3)" in report
    assert f"  ksc_revenue_yoy_2022 ({FIRST_SOURCE}, paragraph 14)" in report
    assert "Inconsistent claims (4)" in report


def test_a_claim_row_can_name_the_source_of_its_figures(two_articles, warehouse):
    found = checks(two_articles)
    named = found["note_ksc_revenue_yoy_2023_first_article"]
    revenue = dict(
        warehouse.execute(
            "select period_label, value from marts.fct_figures where entity_id = 'kingsoft_cloud' "
            "and metric_id = 'revenue' and period_label in ('FY2022', 'FY2023')"
        ).fetchall()
    )
    assert named["figures_source_id"] == FIRST_SOURCE and named["verdict"] == "consistent"
    assert math.isclose(named["computed_value"], revenue["FY2023"] / revenue["FY2022"] - 1)
    own = found["note_ksc_revenue_yoy_2023_own_figures"]
    assert own["figures_source_id"] == NOTE and own["verdict"] == "not_checkable"


# --- claim rows that cannot be judged are refused ------------------------------------------------------


def blank_column(path: Path, row_id: str, column: str, value: str = "") -> int:
    """Set one column of the seed row whose first field is `row_id`; returns the row's line number."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    line = next(number for number, row in enumerate(rows, start=1) if row and row[0] == row_id)
    rows[line - 1][header.index(column)] = value
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return line


BAD_CLAIMS = [
    # (claim, column emptied or changed, new value, words of the refusal)
    ("ksc_revenue_yoy_2022", "stated_figure_id", "", "its kind yoy_growth needs stated_figure_id"),
    (
        "ksc_net_loss_2023_exceeds_2bn",
        "threshold_as_written",
        "",
        "its kind exceeds_threshold needs threshold_as_written",
    ),
    ("ksc_public_cloud_share_2023", "reference_metric_id", "", "its kind share needs reference_metric_id"),
    ("ksc_revenue_record_high_2021", "claim_kind", "all_time_high", "claim_kind 'all_time_high' is not in"),
    ("ksc_revenue_yoy_2023", "figures_source_id", "no_such_source", "figures_source_id 'no_such_source' is not in"),
]

# what int_claims_resolved says of the same rows when dbt runs without the seed checks
DBT_REFUSALS = {
    "ksc_revenue_yoy_2022": "stated_figure_id is empty",
    "ksc_net_loss_2023_exceeds_2bn": "threshold_as_written is empty",
    "ksc_public_cloud_share_2023": "reference_metric_id is empty",
    "ksc_revenue_record_high_2021": "claim_kind 'all_time_high' is not in seeds/curated/curated_claim_kinds.csv",
    "ksc_revenue_yoy_2023": "figures_source_id 'no_such_source' is not in seeds/articles/article_sources.csv",
}


def test_claim_rows_missing_what_their_kind_needs_are_refused(bench):
    folder = bench.turn()
    project = folder / "project"
    lines = {
        claim_id: blank_column(project / CLAIMS, claim_id, column, value) for claim_id, column, value, _ in BAD_CLAIMS
    }
    # the seed checks name every bad row at once, with its file and line
    problems = seed_problems(project)
    for claim_id, _, _, words in BAD_CLAIMS:
        prefix = f"{CLAIMS.as_posix()}:{lines[claim_id]}: claim {claim_id}: "
        assert any(problem.startswith(prefix) and words in problem for problem in problems), (claim_id, problems)
    assert len(problems) == len(BAD_CLAIMS)
    # dbt alone refuses them too: the claims mart is never built, and the error names a claim and the file
    # (the unit tests, which check the models' logic on rows of their own, the first warehouse runs)
    database = folder / "warehouse.duckdb"
    run = dbt.invoke(
        [
            "build",
            "--select",
            "+fct_claim_checks",
            "--indirect-selection",
            "cautious",
            "--exclude-resource-type",
            "unit_test",
        ],
        database=database,
        project_dir=project,
        target_path=folder / "target",
    )
    assert not run.success
    message = run.describe()
    assert any(
        f"claim {claim_id} (seeds/articles/article_claims.csv): " in message and words in message
        for claim_id, words in DBT_REFUSALS.items()
    ), message
    with duckdb.connect(str(database), read_only=True) as connection:
        built = connection.execute(
            "select count(*) from information_schema.tables where table_name = 'fct_claim_checks'"
        ).fetchone()[0]
    assert built == 0


@pytest.mark.parametrize(
    ("column", "value", "words"),
    [
        ("operation", "max", "operation max needs a set of values"),
        ("compared_with", "next_year", "compared_with 'next_year' is not one of"),
        ("verdict_test", "roughly", "verdict_test 'roughly' is not one of"),
    ],
)
def test_a_claim_kind_with_no_computation_is_refused(bench, column, value, words):
    folder = bench.turn()
    project = folder / "project"
    blank_column(project / CLAIM_KINDS, "yoy_growth", column, value)
    database = folder / "warehouse.duckdb"
    run = dbt.invoke(
        ["build", "--select", "curated_claim_kinds", "stg_curated__claim_kinds"],
        database=database,
        project_dir=project,
        target_path=folder / "target",
    )
    assert not run.success
    message = run.describe()
    assert "claim kind yoy_growth (seeds/curated/curated_claim_kinds.csv): " in message and words in message, message


def test_a_claim_stating_a_figure_of_another_source_is_refused_naming_it(bench):
    """A claim whose stated figure is a figure of another source (one with no claims):
    int_claims_resolved, which joins the figures of the claims' sources only, still names the
    figure's source in its refusal."""
    folder = bench.turn()
    project = folder / "project"
    add_note(project)
    # the note without its claims, so that no claim reads the note's figures
    with (project / CLAIMS).open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.reader(handle) if row[1:2] != [NOTE]]
    with (project / CLAIMS).open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    blank_column(project / CLAIMS, "ksc_revenue_yoy_2023", "stated_figure_id", "nimbus_rd_intensity_2023")
    database = folder / "warehouse.duckdb"
    run = dbt.invoke(
        ["build", "--select", "+int_claims_resolved", "--exclude-resource-type", "unit_test"],
        database=database,
        project_dir=project,
        target_path=folder / "target",
    )
    assert not run.success
    message = run.describe()
    assert (
        "claim ksc_revenue_yoy_2023 (seeds/articles/article_claims.csv): stated_figure_id 'nimbus_rd_intensity_2023'"
        f" is a figure of source {NOTE}, not of the claim's source kingsoft_cloud_2024_04_17" in message
    ), message
