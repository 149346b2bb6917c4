"""Source freshness (`dbt source freshness --select "source:*"`): the documents folder and the landing
folder are fresh while a file in them changed recently (each source's loaded_at_query reads the newest
file's modification time), and warn when the newest is older than the source's warn_after."""

from __future__ import annotations

import os
import time
from pathlib import Path

from pipeline import dbt

DAY = 24 * 60 * 60


def freshness(tmp_path: Path, documents: Path, landing: Path) -> dict[str, str]:
    """The status of each source's freshness, by source name."""
    run = dbt.invoke(
        ["source", "freshness", "--select", "source:*"],
        database=tmp_path / "freshness.duckdb",
        target_path=tmp_path / "target",
        variables={"landing_dir": str(landing)},
        environment={"SOURCE_DOCUMENTS_DIR": str(documents)},
        quiet=True,
    )
    assert run.exception is None, run.describe()
    return {
        result.node.source_name: str(result.status)
        for result in run.result.results
        if result.node.resource_type == "source"
    }


def age(folder: Path, days: float) -> None:
    """Set every file under `folder` to have last changed `days` ago."""
    then = time.time() - days * DAY
    for path in folder.rglob("*"):
        if path.is_file():
            os.utime(path, (then, then))


def test_new_files_are_fresh_and_old_ones_warn(tmp_path):
    documents = tmp_path / "documents"
    landing = tmp_path / "landing"
    (landing / "figures").mkdir(parents=True)
    documents.mkdir()
    (documents / "an_article.txt").write_text("Acme's revenue rose 5% to $10 million.\n", encoding="utf-8")
    (landing / "figures" / "batch.csv").write_text("figure_id\n", encoding="utf-8")

    assert freshness(tmp_path, documents, landing) == {"documents": "pass", "landing": "pass"}

    # a week old: too old for a daily feed, not for the documents
    age(landing, 7)
    age(documents, 7)
    assert freshness(tmp_path, documents, landing) == {"documents": "pass", "landing": "warn"}

    age(documents, 45)
    assert freshness(tmp_path, documents, landing) == {"documents": "warn", "landing": "warn"}


def test_an_empty_landing_folder_warns(tmp_path):
    documents = tmp_path / "documents"
    documents.mkdir()
    (documents / "an_article.txt").write_text("Acme's revenue rose 5%.\n", encoding="utf-8")
    empty = tmp_path / "landing"
    empty.mkdir()
    assert freshness(tmp_path, documents, empty)["landing"] == "warn"
