"""Bad input never reaches the published warehouse, and the build says where it is.

Each case copies a project whose warehouse has been published, injects one fault, runs the whole
pipeline (`python -m pipeline build`) and checks the exit code, the message and that the
published file is byte for byte unchanged. The copies take turns in one folder (conftest's
Workbench), so that each build's dbt parses only the seeds its fault changed.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest
from conftest import Workbench, checksum, replace_in_file, run_pipeline
from faults import copy_published

FIGURES = Path("seeds/articles/article_figures.csv")
SOURCES = Path("seeds/articles/article_sources.csv")
ENTITIES = Path("seeds/curated/curated_entities.csv")

SCORE: dict[str, bool] = {}

# A fault is `inject(project, documents, case)`: it edits the copy of the project (and its
# documents); a row it adds takes its ids from `case`, the case's id, so that faults built together
# never collide on a figure or source id and each message names its own case's row.
Inject = Callable[[Path, Path, str], None]


def csv_line(*fields: str) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(fields)
    return buffer.getvalue()


def figure_of(case: str) -> str:
    """The figure id of the row a case adds."""
    return f"{case}_figure"


def add_document(project: Path, documents: Path, case: str, text: str, figures: list[tuple[str, ...]]) -> None:
    """Register an article of the case's own (source id `<case>_note`) and its figures:
    (figure_id, subject, metric_id, period, value, direction)."""
    source_id = f"{case}_note"
    (documents / f"{source_id}.txt").write_text(text, encoding="utf-8")
    with (project / SOURCES).open("a", encoding="utf-8") as handle:
        handle.write(
            csv_line(source_id, f"A note on cloud results ({case})", "2024-05-01", "en", f"{source_id}.txt", "News")
        )
    with (project / FIGURES).open("a", encoding="utf-8") as handle:
        for figure_id, subject, metric_id, period, value, direction in figures:
            handle.write(
                csv_line(
                    figure_id,
                    source_id,
                    "1",
                    subject,
                    "",
                    metric_id,
                    metric_id,
                    period,
                    value,
                    "",
                    direction,
                    text.strip(),
                )
            )


def one_figure(sentence: str, metric_id: str, period: str, value: str, direction: str = "") -> Inject:
    def inject(project: Path, documents: Path, case: str) -> None:
        add_document(
            project,
            documents,
            case,
            sentence + "\n",
            [(figure_of(case), "Kingsoft Cloud", metric_id, period, value, direction)],
        )

    return inject


def scale_slip_for_another_company(project: Path, documents: Path, case: str) -> None:
    """Alibaba Cloud's revenue a thousand times too small: a company with one other revenue figure."""
    add_document(
        project,
        documents,
        case,
        "Alibaba Cloud's revenue in 2022 was 102.3 million yuan.\n",
        [(figure_of(case), "Alibaba Cloud", "revenue", "2022", "102.3 million yuan", "")],
    )


def price_change_disagrees_with_prices(project: Path, documents: Path, case: str) -> None:
    """The fall from the IPO price ($17 to $2.70) entered as a rise."""
    path = project / FIGURES
    rows = path.read_text(encoding="utf-8").splitlines(keepends=True)
    changed = [
        row.replace(",over 84%,,down,", ",over 84%,,up,", 1) if row.startswith("ksc_share_change_from_ipo_") else row
        for row in rows
    ]
    assert changed != rows
    path.write_text("".join(changed), encoding="utf-8")


def wrong_period(project: Path, documents: Path, case: str) -> None:
    """The article's 2021 record revenue typed in again under 2022: two values for one figure of one source."""
    rows = (project / FIGURES).read_text(encoding="utf-8").splitlines(keepends=True)
    record = next(row for row in rows if row.startswith("ksc_revenue_2021_record_high,"))
    with (project / FIGURES).open("a", encoding="utf-8") as handle:
        handle.write(
            record.replace("ksc_revenue_2021_record_high,", f"{figure_of(case)},").replace(",2021,", ",2022,", 1)
        )


def non_utf8_byte(project: Path, documents: Path, case: str) -> None:
    path = project / FIGURES
    path.write_bytes(
        path.read_bytes()
        .replace(b"KuaiPan", b"Kuai\xffPan", 1)
        .replace(b"ksc_financing_raised_early_years,", b"ksc_financing_raised_early_years\xff,", 1)
    )


def missing_field(project: Path, documents: Path, case: str) -> None:
    with (project / FIGURES).open("a", encoding="utf-8") as handle:
        handle.write(f"{figure_of(case)},kingsoft_cloud_2024_04_17,20,Kingsoft Cloud\n")


def rows_appended_with_windows_line_endings(project: Path, documents: Path, case: str) -> None:
    """Two figures appended as a spreadsheet or Python's csv module writes them (CR LF) to a file in LF:
    DuckDB's CSV reader then finds no dialect at all."""
    rows = (project / FIGURES).read_text(encoding="utf-8").splitlines()
    appended = [rows[6].replace("ksc_revenue_2018,", f"{figure_of(case)}_{number},", 1) for number in (1, 2)]
    with (project / FIGURES).open("a", encoding="utf-8", newline="") as handle:
        handle.write("".join(row + "\r\n" for row in appended))


def unknown_unit_kind(project: Path, documents: Path, case: str) -> None:
    """A new metric whose unit kind is not in seeds/vocabulary/vocabulary_unit_kinds.csv."""
    with (project / "seeds/curated/curated_metrics.csv").open("a", encoding="utf-8") as handle:
        handle.write("take_rate_change,Take rate change,points,financials,true,,,Change in the take rate.,\n")


def company_mart_types_disagree(project: Path, documents: Path, case: str) -> None:
    """The catalogue drops a company type from one company mart, which its SQL still takes."""
    replace_in_file(
        project / "seeds/curated/curated_marts.csv",
        "fct_cdn_nodes,cloud_provider;company;investor;publisher,",
        "fct_cdn_nodes,cloud_provider;company;investor,",
    )


def pivot_mart_without_the_column(project: Path, documents: Path, case: str) -> None:
    """The catalogue puts a metric in a company pivot mart that has no column for it."""
    replace_in_file(
        project / "seeds/curated/curated_metrics.csv",
        'Loss from operations for a period, as a positive amount.",fct_figures\n',
        'Loss from operations for a period, as a positive amount.",fct_figures;fct_company_financials\n',
    )


def extra_field(project: Path, documents: Path, case: str) -> None:
    replace_in_file(
        project / FIGURES, 'struggles to break through with AI"\n', 'struggles to break through with AI",surplus\n'
    )


def duplicate_header(project: Path, documents: Path, case: str) -> None:
    replace_in_file(project / FIGURES, ",item_as_written,", ",subject_as_written,")


def duplicate_figure_id(project: Path, documents: Path, case: str) -> None:
    replace_in_file(project / FIGURES, "ksc_revenue_2022,", "ksc_revenue_2018,")


def unknown_alias(project: Path, documents: Path, case: str) -> None:
    replace_in_file(
        project / FIGURES, ",Golden Mountain Cloud,,cdn_node_count,", ",Golden Mountain Clouds,,cdn_node_count,"
    )


def unknown_metric(project: Path, documents: Path, case: str) -> None:
    replace_in_file(project / FIGURES, ",cdn_node_count,global nodes,", ",cdn_nodes,global nodes,")


def quote_not_in_document(project: Path, documents: Path, case: str) -> None:
    replace_in_file(project / FIGURES, "with only 1,700 globally.", "with only 1,700 nodes globally.")


@dataclass(frozen=True)
class Case:
    """A fault, the words the build's output must hold, and the build it is injected in: `group`
    names a build several independent faults share (see GROUPS); None, a build of its own."""

    id: str
    inject: Inject
    expected: list[str]
    group: str | None = None


# Faults share a build only when they are refused at the same stage and none can hide another:
# - "expectations": the build's dbt stage passes and Great Expectations refuses each row (its own
#   figure and source ids, or a figure no other case touches); each expectation lists every row it
#   refuses, so one build shows them all.
# - "data tests": the two catalogue tests (on stg_curated__marts and stg_curated__metrics) and the
#   quote test (on the article seeds and the documents' paragraphs) fail, and stg_articles__figures
#   stops at one value that does not parse; a failed data test skips the nodes below the models it
#   reads, a model in error the nodes below it, and none of these four nodes is below another's
#   (stg_articles__figures reads the figures seed and the grammar, not the catalogue). The claims'
#   test no_two_values_for_one_figure is below the catalogue (a failed catalogue test skipped it),
#   so two_values_for_one_figure has a build of its own.
# Alone: the check stage's faults of article_figures.csv (a file that is not UTF-8, or whose header
# is broken, is not read further, and the file's problems would hide each other), and the other
# faults a model refuses with an error (stg_articles__figures and int_figures_resolved stop at the
# first row they refuse: a second such fault would not be named, and int_figures_resolved is below
# stg_articles__figures and the catalogue).
GROUPS = {
    "expectations": "the dbt stage passes; Great Expectations refuses each row",
    "data tests": "the catalogue tests and the quote test fail, a value does not parse, none below another",
}

CASES: list[Case] = [
    Case("non_utf8_byte", non_utf8_byte, ["article_figures.csv:", "is not UTF-8"]),
    Case("missing_field", missing_field, ["article_figures.csv:65:", "row has 4 fields, the header has 12"]),
    Case("extra_field", extra_field, ["article_figures.csv:2:", "row has 13 fields"]),
    Case(
        "rows_appended_with_windows_line_endings",
        rows_appended_with_windows_line_endings,
        ["article_figures.csv:65:", "2 line(s), the first here, end with CR LF and the others with LF"],
    ),
    Case(
        "unknown_unit_kind",
        unknown_unit_kind,
        ["curated_metrics.csv:", "unit_kind 'points' is not a unit_kind of seeds/vocabulary/vocabulary_unit_kinds.csv"],
    ),
    Case("duplicate_header", duplicate_header, ["article_figures.csv:1:", "names column 'subject_as_written' twice"]),
    Case(
        "duplicate_figure_id",
        duplicate_figure_id,
        ["article_figures.csv:18:", "figure_id 'ksc_revenue_2018' is already used on line 7"],
    ),
    Case(
        "value_does_not_parse",
        one_figure("Revenue was several billion yuan in 2019.", "revenue", "2019", "several billion yuan"),
        [f"figure {figure_of('value_does_not_parse')}", "does not parse"],
        "data tests",
    ),
    Case(
        "unknown_scale_word",
        one_figure("Revenue was 5 bilion yuan in 2019.", "revenue", "2019", "5 bilion yuan"),
        [f"figure {figure_of('unknown_scale_word')}", "unknown word(s) 'bilion'"],
    ),
    Case(
        "unknown_currency",
        one_figure("Revenue was 5 billion dinars in 2019.", "revenue", "2019", "5 billion dinars"),
        [f"figure {figure_of('unknown_currency')}", "unknown word(s) 'dinars'"],
    ),
    Case("unknown_alias", unknown_alias, ["figure ksc_cdn_nodes_2023", "'Golden Mountain Clouds' matches no alias"]),
    Case("unknown_metric", unknown_metric, ["figure alibaba_cloud_cdn_nodes_2023", "metric_id 'cdn_nodes' is not in"]),
    Case(
        "quote_not_in_document",
        quote_not_in_document,
        ["article_figures.csv:32:", "ksc_cdn_nodes_2023: quote is not in"],
        "data tests",
    ),
    Case(
        "negative_revenue",
        one_figure("Revenue was -2.1 billion yuan in 2019.", "revenue", "2019", "-2.1 billion yuan"),
        [f"figure {figure_of('negative_revenue')}", "does not parse"],
    ),
    Case(
        "share_above_100_percent",
        one_figure("Public cloud made up 162.18% of revenue in 2022.", "public_cloud_revenue_share", "2022", "162.18%"),
        [
            "expect_column_pair_values_a_to_be_greater_than_b",
            "'column_A': 'metric_max_value'",
            figure_of("share_above_100_percent"),
        ],
        "expectations",
    ),
    Case(
        "segment_above_total",
        one_figure(
            "Public cloud revenue was 9.5 billion yuan in 2021.", "public_cloud_revenue", "2021", "9.5 billion yuan"
        ),
        ["FAILED fct_company_financials", "'column_B': 'public_cloud_revenue_cny'", figure_of("segment_above_total")],
        "expectations",
    ),
    Case(
        "scale_slipped_by_1000",
        one_figure("R&D expenditure was ¥0.971 million in 2020.", "rd_expense", "2020", "¥0.971 million"),
        [
            "FAILED fct_figures: expect_column_values_to_be_between",
            "ratio_to_series_median",
            figure_of("scale_slipped_by_1000"),
        ],
        "expectations",
    ),
    Case(
        "scale_slipped_for_another_company",
        scale_slip_for_another_company,
        [
            "FAILED fct_figures: expect_column_values_to_be_between",
            "ratio_to_series_median",
            figure_of("scale_slipped_for_another_company"),
        ],
        "expectations",
    ),
    Case(
        "price_change_disagrees_with_prices",
        price_change_disagrees_with_prices,
        ["FAILED fct_share_price_events", "stated_change_from_ipo_direction", "kingsoft_cloud__close"],
        "expectations",
    ),
    Case(
        "two_values_for_one_figure",
        wrong_period,
        ["no_two_values_for_one_figure", "ksc_revenue_2022", figure_of("two_values_for_one_figure")],
    ),
    Case(
        "company_mart_types_disagree",
        company_mart_types_disagree,
        ["assert_company_marts_take_the_company_types", "fct_cdn_nodes", "publisher"],
        "data tests",
    ),
    Case(
        "pivot_mart_without_the_column",
        pivot_mart_without_the_column,
        ["assert_catalogue_agrees_with_the_pivot_marts", "operating_loss", "fct_company_financials"],
        "data tests",
    ),
]


@dataclass
class Built:
    """A copy of the published project with faults injected, its build's output and exit code, and
    the checksum of its published warehouse before and after."""

    returncode: int
    output: str
    before: str
    after: str


@pytest.fixture(scope="module")
def bench(published, tmp_path_factory) -> Workbench:
    """The folder where this file's builds take turns: a copy of the published project and its
    documents, and dbt's state in the project's target/ (where `python -m pipeline build` keeps it)."""
    return Workbench(
        tmp_path_factory.mktemp("bad_input"), lambda folder: copy_published(published, folder), "project/target"
    )


def build_with(bench: Workbench, cases: list[Case]) -> Built:
    folder = bench.turn()
    project, documents = folder / "project", folder / "documents"
    before = checksum(project / "warehouse.duckdb")
    for case in cases:
        case.inject(project, documents, case.id)
    completed = run_pipeline(project, documents)
    return Built(
        completed.returncode, completed.stdout + completed.stderr, before, checksum(project / "warehouse.duckdb")
    )


@pytest.fixture(scope="module")
def group_builds(bench) -> Callable[[str], Built]:
    """The build of each group of GROUPS, run the first time one of its cases asks for it."""
    built: dict[str, Built] = {}

    def build(group: str) -> Built:
        if group not in built:
            members = [case for case in CASES if case.group == group]
            built[group] = build_with(bench, members)
        return built[group]

    return build


# a line of dbt's progress (a time first, after colour codes): dbt names there every node it runs, failed or not
DBT_PROGRESS = re.compile(r"^(\x1b\[[0-9;]*m)*\d\d:\d\d:\d\d ")


def said(output: str) -> str:
    """What the build itself says of a failure: its output without dbt's progress lines, so that the
    words a case expects are found only where the build names what failed (in a build shared with
    other faults, a node dbt merely ran, such as a test that passed, would otherwise match them)."""
    return "\n".join(line for line in output.splitlines() if not DBT_PROGRESS.match(line))


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_input_fails_the_build_and_leaves_the_warehouse_unchanged(bench, group_builds, case):
    built = group_builds(case.group) if case.group else build_with(bench, [case])
    output, report = built.output, said(built.output)
    caught = built.returncode != 0 and all(words in report for words in case.expected) and built.after == built.before
    SCORE[case.id] = caught
    assert built.returncode != 0, output[-3000:]
    assert [words for words in case.expected if words not in report] == [], output[-4000:]
    assert "was not changed" in output
    assert built.after == built.before


HOSTILE = "'); drop table marts.fct_figures; --"


@pytest.fixture(scope="module")
def built_while_read(bench) -> dict:
    """One build of a copy whose entity description holds SQL in quotes, run while a reader holds the
    published warehouse open: what the reader saw before and after, and what the new warehouse holds.
    The two faults are independent (text a seed loads, a file a build replaces), so they share a build
    and each test below asserts its own."""
    folder = bench.turn()
    project, documents = folder / "project", folder / "documents"
    replace_in_file(project / ENTITIES, "Growth consulting firm.", f'"Growth consulting firm {HOSTILE}"')
    with duckdb.connect(str(project / "warehouse.duckdb"), read_only=True) as reader:
        before = reader.execute("select count(*) from marts.fct_figures").fetchone()[0]
        completed = run_pipeline(project, documents)
        seen_during = reader.execute("select count(*) from marts.fct_figures").fetchone()[0]
    found = {"completed": completed, "before": before, "seen_during": seen_during}
    if completed.returncode == 0:
        with duckdb.connect(str(project / "warehouse.duckdb"), read_only=True) as connection:
            found["description"] = connection.execute(
                "select description from marts.dim_entities where entity_id = 'frost_sullivan'"
            ).fetchone()[0]
            found["after"] = connection.execute("select count(*) from marts.fct_figures").fetchone()[0]
    return found


def test_a_quote_holding_sql_loads_as_text(built_while_read):
    completed = built_while_read["completed"]
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-2000:]
    assert built_while_read["description"] == f"Growth consulting firm {HOSTILE}"
    assert built_while_read["after"] > 0


def test_a_reader_holding_the_warehouse_open_does_not_block_a_build(built_while_read):
    completed = built_while_read["completed"]
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-2000:]
    assert built_while_read["seen_during"] == built_while_read["before"]
    assert built_while_read["after"] == built_while_read["before"]
