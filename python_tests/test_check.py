"""`python -m pipeline check` lists every problem of the seeds and documents in one run, each as
`file:line: what is wrong; what to do`, through the build's own models (no second parser).

A copy of the project gets six independent faults in seeds/articles/article_figures.csv; one run of
`check` must name all six, each with the line of its row (or of its number in the document).

The first check of a project runs through dbt and keeps the SQL dbt compiled; the next ones run that
SQL again on the seeds and documents as they are then, until something it was compiled from
changes (models, macros, a vocabulary seed the grammar macros read while compiling). The tests below
would fail if the reused SQL gave stale results or if a change that invalidates it went unseen.

After a macro edit, check's dbt parse parses again only the nodes that reach a macro whose text
changed (pipeline/partial_parse.py); the tests below would also fail if a node that reaches a changed
macro kept what it was parsed with before."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from conftest import copy_project, replace_in_file

from pipeline.partial_parse import unchanged_macros

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
    return run_check(project), expected_lines, project


def run_check(project) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", "check"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
        timeout=900,
    )


def problem_lines(output: str) -> list[str]:
    """The `file:line: ...` lines of check's output (dbt prints its own progress lines too)."""
    return [line for line in output.splitlines() if re.match(r"[\w./-]+:(\d+|\?): ", line)]


def test_one_run_lists_all_six_faults_with_their_lines(faulty_check):
    completed, lines, _ = faulty_check
    assert "through dbt" in completed.stdout
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
    # printed as a user fixes them, file by file and line by line (the seeds' checks and the data tests
    # find them in another order)
    places = [line.split(": ", 1)[0].rsplit(":", 1) for line in problem_lines(output)]
    assert places == sorted(places, key=lambda place: (place[0], int(place[1]) if place[1].isdigit() else 0))


def test_the_reused_sql_finds_what_dbt_found(faulty_check):
    first, _, project = faulty_check
    again = run_check(project)
    assert again.returncode == 1, again.stdout + again.stderr[-3000:]
    assert "reused" in again.stdout.splitlines()[-1]
    assert sorted(problem_lines(again.stdout)) == sorted(problem_lines(first.stdout))


def test_reuse_sees_new_seed_rows_and_a_vocabulary_change_compiles_again(tmp_path):
    project = copy_project(tmp_path / "project")
    first = run_check(project)
    assert first.returncode == 0, first.stdout + first.stderr[-3000:]
    assert "seeds and documents OK" in first.stdout and "through dbt" in first.stdout
    # article seeds and a document change: the compiled SQL is reused and reads them as they are now
    figures = project / FIGURES
    replace_in_file(figures, "2018,2.218 billion yuan,", "2018,2.218 bilion yuan,")
    replace_in_file(figures, "with only 1,700 globally.", "with only 1,700 nodes globally.")
    document = project / "documents" / "kingsoft_cloud_2024-04-17.txt"
    document.write_text(document.read_text(encoding="utf-8") + "\nThe company has 12 offices.\n", encoding="utf-8")
    last_paragraph = sum(1 for line in document.read_text(encoding="utf-8").splitlines() if line.strip())
    reused = run_check(project)
    assert "reused" in reused.stdout.splitlines()[-1], reused.stdout + reused.stderr[-3000:]
    expected = [
        f"{FIGURES}:{line_of(figures, 'ksc_revenue_2018,')}: figure ksc_revenue_2018: value '2.218 bilion yuan' "
        "does not parse: unknown word(s) 'bilion'",
        f"{FIGURES}:{line_of(figures, 'ksc_cdn_nodes_2023,')}: figure ksc_cdn_nodes_2023: quote is not in",
        f"number '12' in paragraph {last_paragraph}",
    ]
    assert [text for text in expected if text not in reused.stdout] == [], reused.stdout
    # a vocabulary seed is read while the grammar compiles: the saved SQL no longer holds
    vocabulary = project / "seeds" / "vocabulary" / "vocabulary_value_words.csv"
    vocabulary.write_text(vocabulary.read_text(encoding="utf-8") + "bilion,scale,,9,,\n", encoding="utf-8")
    recompiled = run_check(project)
    assert "through dbt" in recompiled.stdout, recompiled.stdout + recompiled.stderr[-3000:]
    assert "unknown word(s) 'bilion'" not in recompiled.stdout
    assert expected[1] in recompiled.stdout
    # and the SQL compiled with the new word is reused from then on
    again = run_check(project)
    assert "reused" in again.stdout.splitlines()[-1]
    assert sorted(problem_lines(again.stdout)) == sorted(problem_lines(recompiled.stdout))


MACRO = "{% macro words(rows) -%}\n    {{ return(rows) }}\n{%- endmacro %}"
OTHER = "{% macro other() -%}\n    {{ return(words([])) }}\n{%- endmacro %}"
OLD = {"macro.p.words": ("words", MACRO), "macro.p.other": ("other", OTHER)}


def test_a_macro_file_edit_starts_the_parse_only_from_macros_whose_text_changed():
    # dbt parses again every node that reaches any macro of an edited file; without the comparison
    # of blocks, a comment between two macros would parse them all again (an empty set here)
    assert unchanged_macros(OLD, [("macro", "words", MACRO), ("macro", "other", OTHER)]) == set(OLD)
    edited = MACRO.replace("return(rows)", "return(rows | sort)")
    assert unchanged_macros(OLD, [("macro", "words", edited), ("macro", "other", OTHER)]) == {"macro.p.other"}
    # a macro removed is not unchanged: what reaches it is parsed again
    assert unchanged_macros(OLD, [("macro", "other", OTHER)]) == {"macro.p.other"}
    # a generic test's block is named test_<name>, as dbt names its macro
    test_block = "{% test positive(model, column_name) %}select 1{% endtest %}"
    old_tests = {"macro.p.test_positive": ("test_positive", test_block)}
    assert unchanged_macros(old_tests, [("test", "positive", test_block)]) == {"macro.p.test_positive"}
    # left to dbt (every macro of the file followed): a new block, which may override a macro of the
    # same name elsewhere; a materialization; two blocks of one name
    new_block = "{% macro added() %}1{% endmacro %}"
    assert unchanged_macros(OLD, [("macro", "words", MACRO), ("macro", "added", new_block)]) is None
    assert (
        unchanged_macros(OLD, [("materialization", "table", "{% materialization table %}{% endmaterialization %}")])
        is None
    )
    assert unchanged_macros(OLD, [("macro", "words", MACRO), ("macro", "words", MACRO)]) is None


def test_a_macro_edit_parses_again_what_reaches_the_changed_macro(tmp_path):
    project = copy_project(tmp_path / "project")
    first = run_check(project)
    assert first.returncode == 0, first.stdout + first.stderr[-3000:]
    compiled = project / "build" / "check" / "compiled.json"
    first_models = json.loads(compiled.read_text(encoding="utf-8"))["models"]
    # Jinja's compile of every template is kept by its text (pipeline/template_cache.py): the edits
    # below are compiled again, never taken from what the first check kept
    assert (project / "build" / "check" / "templates.marshal").is_file()
    assert {model["identifier"]: model["materialized"] for model in first_models}["stg_articles__figures"] == "table"
    # a comment between the grammar's macros: through dbt again, no node parsed again, the same result
    macro = project / "macros" / "grammar" / "vocabulary.sql"
    macro.write_text(macro.read_text(encoding="utf-8") + "{# a comment between macros #}\n", encoding="utf-8")
    commented = run_check(project)
    assert commented.returncode == 0 and "through dbt" in commented.stdout, commented.stdout + commented.stderr[-3000:]
    assert json.loads(compiled.read_text(encoding="utf-8"))["models"] == first_models
    # what a node records while it is parsed (here its config, set by the macro every grammar model
    # reaches while parsing) follows an edit of that macro: the grammar's models are parsed again
    replace_in_file(
        macro,
        "{%- do ref(seed_name) -%}",
        "{%- do ref(seed_name) -%}\n        {%- do config(materialized='view') -%}",
    )
    edited = run_check(project)
    assert edited.returncode == 0 and "through dbt" in edited.stdout, edited.stdout + edited.stderr[-3000:]
    models = json.loads(compiled.read_text(encoding="utf-8"))["models"]
    assert {model["identifier"]: model["materialized"] for model in models}["stg_articles__figures"] == "view"
