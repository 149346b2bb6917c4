"""Documentation once: a description written twice is a doc block ({% docs %}) referenced where used.

Reads the YAML of models/ and seeds/ and the doc blocks (*.md) beside them; needs no build. That every
column the build creates is described is checked on the built warehouse (test_warehouse.py).
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from pipeline import settings

FOLDERS = [settings.ROOT / "models", settings.SEEDS_DIR]
DOC_BLOCK = re.compile(r"{%-?\s*docs\s+(\w+)\s*-?%}(.*?){%-?\s*enddocs\s*-?%}", re.S)
DOC_REFERENCE = re.compile(r"""\{\{\s*doc\(\s*['"](\w+)['"]\s*\)\s*\}\}""")


def folded(text: str) -> str:
    return " ".join(str(text).split())


def doc_blocks(folders: list[Path]) -> dict[str, str]:
    """name -> text of every doc block in the .md files of `folders`."""
    return {
        name: folded(text)
        for folder in folders
        for path in sorted(folder.rglob("*.md"))
        for name, text in DOC_BLOCK.findall(path.read_text(encoding="utf-8"))
    }


def described(folders: list[Path]) -> list[tuple[str, str, str | None]]:
    """(file, node or node.column, description) of every model, seed, source table and column in the YAML
    of `folders`."""
    found = []
    for folder in folders:
        for path in sorted(folder.rglob("*.yml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            where = path.relative_to(settings.ROOT).as_posix()
            tables = [table for source in data.get("sources") or [] for table in source.get("tables") or []]
            for node in (data.get("models") or []) + (data.get("seeds") or []) + tables:
                found.append((where, node["name"], node.get("description")))
                for column in node.get("columns") or []:
                    found.append((where, f"{node['name']}.{column['name']}", column.get("description")))
    return found


def repeated_descriptions(entries: list[tuple[str, str, str | None]], blocks: dict[str, str]) -> dict[str, list[str]]:
    """Each description text written out (not a doc reference) in more than one place, or written out
    where a doc block already holds it: text -> the places."""
    places = defaultdict(list)
    for name, text in blocks.items():
        places[text].append(f"doc block {name}")
    for where, node, description in entries:
        if description and not DOC_REFERENCE.fullmatch(folded(description)):
            places[folded(description)].append(f"{where}: {node}")
    return {text: where for text, where in places.items() if len(where) > 1}


def test_no_description_text_is_written_twice():
    repeated = repeated_descriptions(described(FOLDERS), doc_blocks(FOLDERS))
    assert not repeated, "\n".join(
        f"{text[:80]!r} is written in {len(where)} places ({'; '.join(where)}): put it in a doc block in "
        "models/_docs.md and use {{ doc('...') }} in each"
        for text, where in repeated.items()
    )


def test_every_doc_reference_names_a_block_and_every_block_is_used():
    blocks = doc_blocks(FOLDERS)
    referenced = {name for _, _, description in described(FOLDERS) for name in DOC_REFERENCE.findall(description or "")}
    assert sorted(referenced - set(blocks)) == []
    assert sorted(set(blocks) - referenced - {"__overview__"}) == []


def test_every_model_seed_and_listed_column_has_a_description():
    entries = described(FOLDERS)
    missing = [f"{where}: {node}" for where, node, description in entries if not (description or "").strip()]
    listed = {node for _, node, _ in entries}
    models = {path.stem for path in (settings.ROOT / "models").rglob("*.sql")}
    seeds = {path.stem for path in settings.SEEDS_DIR.rglob("*.csv")}
    assert (missing, sorted((models | seeds) - listed)) == ([], [])


@pytest.mark.parametrize(
    ("description", "repeated"),
    [
        ("The same words.", True),
        ("The   same\n words.", True),  # folded like YAML folds a long line
        ("{{ doc('shared') }}", False),
        ("Other words.", False),
    ],
)
def test_a_pasted_description_is_caught(description, repeated):
    entries = [("a.yml", "model_a.column", "The same words."), ("b.yml", "model_b.column", description)]
    assert bool(repeated_descriptions(entries, {"shared": "Words of a block."})) == repeated


def test_a_description_pasted_from_a_doc_block_is_caught():
    entries = [("a.yml", "model_a.column", "Words of a block.")]
    assert repeated_descriptions(entries, {"shared": "Words of a block."})
