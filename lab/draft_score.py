"""How well `python -m pipeline draft` proposes an article's figure rows, measured on articles whose
rows a person curated: the article's figure rows (and ignore rows) are set aside in a copy of the
project, the draft is made from its text, and the draft rows are compared with the curated ones.

    python -m lab.draft_score [--fixture NAME ...]

Cases: the first article (its rows in seeds/articles), and each fixture of python_tests/fixtures
named with --fixture (default: the document written for this measure, nimbus_data_2025_08_26, whose
words the metric vocabulary was not tuned on); "--fixture A+B" adds fixture A's rows before B's and
scores B (B reuses catalogue rows A adds). For each it prints:
- recall (value, paragraph, quote): curated figure rows with a draft row of the same paragraph,
  range end and value as written, whose quote holds the curated quote or is held by it;
- recall (all): of those, the draft's subject (its entity), metric and period (its label, resolved
  against the published date) also those of the curated row (as the build resolves it);
- precision: draft rows that are one of the curated figure rows.
Figures only: nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import csv
import io
import shutil
import tempfile
from pathlib import Path

from pipeline import dbt, draft, settings

PROJECT_PARTS = ["dbt_project.yml", "profiles.yml", "selectors.yml", "models", "seeds", "macros", "tests", "documents"]
FIXTURES = settings.ROOT / "python_tests" / "fixtures"
FIRST_ARTICLE = "kingsoft_cloud_2024_04_17"


def fold(text: str) -> str:
    return " ".join(text.split())


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def write_csv(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def new_rows(header: list[str], present: list[dict[str, str]], added: list[dict[str, str]]) -> list[dict[str, str]]:
    """The rows of `added` not already in `present`, the same in every column of `header`: each fixture
    carries every catalogue row it needs, so a metric two fixtures add (headcount, in Deccan and
    Corvane) is added once, as the tests add fixtures (python_tests/conftest.py append_rows); added
    twice, the build joins a figure to both rows and the figure is counted twice."""
    seen = {tuple(row.get(name, "") or "" for name in header) for row in present}
    kept = []
    for row in added:
        key = tuple(row.get(name, "") or "" for name in header)
        if key not in seen:
            seen.add(key)
            kept.append(row)
    return kept


def copy_project(destination: Path, fixture: str | None) -> Path:
    """A copy of the project with the seed rows and texts of `fixture` added: a name, or names joined
    by "+" (each added in turn, as "deccan_infotech_2025_01_16+corvane_systems_2025_05_02": the second
    reuses metrics the first adds)."""
    destination.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = settings.ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part)
        else:
            shutil.copy2(source, destination / part)
    for name in fixture.split("+") if fixture else []:
        folder = FIXTURES / name
        for fixture_csv in sorted((folder / "seeds").rglob("*.csv")):
            target = destination / "seeds" / fixture_csv.relative_to(folder / "seeds")
            header, rows = read_csv(target)
            write_csv(target, header, rows + new_rows(header, rows, read_csv(fixture_csv)[1]))
        for document in (folder / "documents").iterdir():
            shutil.copy2(document, destination / "documents" / document.name)
    return destination


def curated_figures(project: Path, source_id: str, work: Path) -> list[dict[str, str]]:
    """The source's figure rows as the build resolves them (entity, period label)."""
    database = work / "curated.duckdb"
    for command in (["seed"], ["run", "--select", "+int_figures_normalised"]):
        run = dbt.invoke(command, database=database, project_dir=project, target_path=work / "target", quiet=True)
        if not run.success:
            raise SystemExit(f"dbt {command[0]} failed:\n{run.describe(database)}")
    with settings.connect(database, read_only=True) as connection:
        cursor = connection.execute(
            "select f.*, n.entity_id, n.period_label from raw.article_figures as f "
            "left join intermediate.int_figures_normalised as n on f.figure_id = n.figure_id where f.source_id = ?",
            [source_id],
        )
        names = [column[0] for column in cursor.description]
        rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    return [{name: "" if value is None else str(value) for name, value in row.items()} for row in rows]


def set_aside(project: Path, source_id: str) -> None:
    """Remove the source's figure, claim and ignore rows, as for a document nobody has curated."""
    for seed in ("article_figures", "article_claims", "article_ignored_mentions"):
        path = project / "seeds" / "articles" / f"{seed}.csv"
        header, rows = read_csv(path)
        write_csv(path, header, [row for row in rows if row["source_id"] != source_id])


def same_statement(curated: dict[str, str], proposed: dict[str, str]) -> bool:
    curated_quote, proposed_quote = fold(curated["quote"]), fold(proposed["quote"])
    return (
        curated["paragraph_number"] == proposed["paragraph_number"]
        and curated["range_position"] == proposed["range_position"]
        and curated["value_as_written"] == proposed["value_as_written"]
        and (curated_quote in proposed_quote or proposed_quote in curated_quote)
    )


def all_right(curated: dict[str, str], proposed: dict[str, str]) -> bool:
    return (
        curated["entity_id"] == proposed["entity_id_guess"]
        and curated["metric_id"] == proposed["metric_id"]
        and curated["period_label"] == proposed["period_label_guess"]
    )


def pair_rows(curated: list[dict[str, str]], proposed: list[dict[str, str]]) -> tuple[list[int | None], list[int]]:
    """For each curated row, the index of the proposed row it is paired with (None: missed), and the
    proposed rows paired with none. A proposed row pairs with one curated row of the same statement;
    rows that are also all right are paired first, so two figures of one sentence with the same value
    as written ("Tencent Cloud had over 2,800, and Huawei Cloud had over 2,800 as well") are each
    paired with the draft row that names their subject, whatever order the draft lists them in."""
    pairs: list[int | None] = [None] * len(curated)
    unmatched = list(range(len(proposed)))
    for wanted in (lambda row, guess: same_statement(row, guess) and all_right(row, guess), same_statement):
        for position, row in enumerate(curated):
            if pairs[position] is None:
                match = next((index for index in unmatched if wanted(row, proposed[index])), None)
                if match is not None:
                    pairs[position] = match
                    unmatched.remove(match)
    return pairs, unmatched


def score(source_id: str, fixture: str | None) -> dict[str, float | int]:
    with tempfile.TemporaryDirectory(prefix="draft_score_") as folder:
        work = Path(folder)
        project = copy_project(work / "project", fixture)
        curated = curated_figures(project, source_id, work)
        set_aside(project, source_id)
        proposed = draft.draft_rows(source_id, project_dir=project, work_dir=work / "draft")
    pairs, unmatched = pair_rows(curated, proposed)
    found = right = 0
    misses: list[str] = []
    for row, match in zip(curated, pairs, strict=True):
        if match is None:
            misses.append(
                f"missed {row['figure_id']} ({row['value_as_written']!r}, paragraph {row['paragraph_number']})"
            )
            continue
        found += 1
        if all_right(row, proposed[match]):
            right += 1
        else:
            guess = proposed[match]
            misses.append(
                f"guessed {row['figure_id']}: entity {guess['entity_id_guess']!r} (curated {row['entity_id']!r}), "
                f"metric {guess['metric_id']!r} ({row['metric_id']!r}), period {guess['period_label_guess']!r} "
                f"({row['period_label']!r})"
            )
    for index in unmatched:
        misses.append(
            f"not a figure: {proposed[index]['value_as_written']!r} in paragraph {proposed[index]['paragraph_number']}"
        )
    return {
        "curated": len(curated),
        "proposed": len(proposed),
        "recall_value": found / len(curated) if curated else 0.0,
        "recall_all": right / len(curated) if curated else 0.0,
        "precision": (len(proposed) - len(unmatched)) / len(proposed) if proposed else 0.0,
        "details": misses,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lab.draft_score", description=__doc__.splitlines()[0])
    parser.add_argument("--fixture", action="append", help="a fixture of python_tests/fixtures to score as well")
    parser.add_argument("--details", action="store_true", help="list every miss and wrong guess")
    parser.add_argument("--skip-first-article", action="store_true", help="score the fixtures only")
    arguments = parser.parse_args(argv)
    cases = [] if arguments.skip_first_article else [(FIRST_ARTICLE, None)]
    for fixture in arguments.fixture or ["nimbus_data_2025_08_26"]:
        scored = fixture.split("+")[-1]  # the fixtures before it only add catalogue rows it needs
        sources = read_csv(FIXTURES / scored / "seeds" / "articles" / "article_sources.csv")[1]
        cases += [(source["source_id"], fixture) for source in sources]
    print(
        f"{'document':<32} {'curated':>7} {'proposed':>8} {'recall (value, paragraph, quote)':>33} "
        f"{'recall (+ subject, metric, period)':>35} {'precision':>9}"
    )
    for source_id, fixture in cases:
        result = score(source_id, fixture)
        print(
            f"{source_id:<32} {result['curated']:>7} {result['proposed']:>8} {result['recall_value']:>33.1%} "
            f"{result['recall_all']:>35.1%} {result['precision']:>9.1%}",
            flush=True,
        )
        if arguments.details:
            for line in result["details"]:
                print(f"    {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
