"""`python -m pipeline check` lists every problem of the seeds and documents in one run, each as
`file:line: what is wrong; what to do`, through the build's own models (no second parser).

A copy of the project gets six independent faults in seeds/articles/article_figures.csv; one run of
`check` must name all six, each with the line of its row (or of its number in the document)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import copy_project, replace_in_file

FIGURES = "seeds/articles/article_figures.csv"


def line_of(path, starts_with: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if line.startswith(starts_with))


@pytest.fixture(scope="module")
def faulty_check(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("check") / "project")
    figures = project / FIGURES
    # 1. a word the grammar does not know
    replace_in_file(figures, "2018,2.218 billion yuan,", "2018,2.218 bilion yuan,")
    # 2. a period no form of the period grammar reads
    replace_in_file(
        figures, ",revenue,revenue,2021,9.061 billion yuan,", ",revenue,revenue,around 2021,9.061 billion yuan,"
    )
    # 3. a subject with no alias
    replace_in_file(figures, ",Golden Mountain Cloud,,cdn_node_count,", ",Golden Mountain Clouds,,cdn_node_count,")
    # 4. a metric the catalogue does not have
    replace_in_file(figures, ",cdn_node_count,global nodes,", ",cdn_nodes,global nodes,")
    # 5. a quote that is not verbatim
    replace_in_file(
        figures,
        "Unicom Cloud achieving a revenue of 51 billion yuan",
        "Unicom Cloud achieving revenue of 51 billion yuan",
    )
    # 6. a number no row accounts for: one figure row removed
    lines = figures.read_text(encoding="utf-8").splitlines(keepends=True)
    figures.write_text(
        "".join(line for line in lines if not line.startswith("tianyi_cloud_discount,")), encoding="utf-8"
    )
    expected_lines = {
        "ksc_revenue_2018": line_of(figures, "ksc_revenue_2018,"),
        "ksc_revenue_2021": line_of(figures, "ksc_revenue_2021,"),
        "ksc_cdn_nodes_2023": line_of(figures, "ksc_cdn_nodes_2023,"),
        "alibaba_cloud_cdn_nodes_2023": line_of(figures, "alibaba_cloud_cdn_nodes_2023,"),
        # the first row with that quote (several figures share the sentence)
        "tianyi_cloud_revenue_2023": line_of(figures, "tianyi_cloud_revenue_2023,"),
    }
    completed = subprocess.run(
        [sys.executable, "-m", "pipeline", "check"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
        timeout=900,
    )
    return completed, expected_lines


def test_one_run_lists_all_six_faults_with_their_lines(faulty_check):
    completed, lines = faulty_check
    output = completed.stdout
    assert completed.returncode == 1, output + completed.stderr[-3000:]
    expected = [
        f"{FIGURES}:{lines['ksc_revenue_2018']}: figure ksc_revenue_2018: value '2.218 bilion yuan' does not parse: "
        "unknown word(s) 'bilion'",
        f"{FIGURES}:{lines['ksc_revenue_2021']}: figure ksc_revenue_2021: period 'around 2021' matches no form",
        f"{FIGURES}:{lines['ksc_cdn_nodes_2023']}: figure ksc_cdn_nodes_2023: "
        "subject 'Golden Mountain Clouds' matches no alias",
        f"{FIGURES}:{lines['alibaba_cloud_cdn_nodes_2023']}: figure alibaba_cloud_cdn_nodes_2023: "
        "metric_id 'cdn_nodes' is not in",
        f"{FIGURES}:{lines['tianyi_cloud_revenue_2023']}: figure tianyi_cloud_revenue_2023: quote is not in the text",
        "documents/kingsoft_cloud_2024-04-17.txt:",
    ]
    missing = [text for text in expected if text not in output]
    assert missing == [], output
    assert "number 'up to 90%' in paragraph 26" in output


def test_a_clean_project_has_no_problems(tmp_path):
    project = copy_project(tmp_path / "project")
    completed = subprocess.run(
        [sys.executable, "-m", "pipeline", "check"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
        timeout=900,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr[-3000:]
    assert "seeds and documents OK" in completed.stdout
