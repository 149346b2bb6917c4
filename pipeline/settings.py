"""Paths and settings shared by the build, the checks and the tests."""

from __future__ import annotations

import os
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "seeds"
# The published layout (docs/publishing in the README): readers open PUBLISHED_PATH read-only, a
# plain file, never a symlink; `exports` is a symlink to the build's folder under `.exports/`.
PUBLISHED_PATH = ROOT / "warehouse.duckdb"
EXPORTS_LINK = ROOT / "exports"
EXPORTS_VERSIONS_DIR = ROOT / ".exports"
# What publishing keeps between builds: the build lock, the journal of a publish in progress, the
# previous warehouse (for `python -m pipeline rollback`) and any stale write-ahead log moved aside.
PUBLISH_DIR = ROOT / ".publish"
LOCK_PATH = PUBLISH_DIR / "build.lock"
JOURNAL_PATH = PUBLISH_DIR / "journal.json"
# The SHA-256 of the file the last build published, with its build id: an incremental build's copy
# of the published file is checked against it (pipeline/published_file.py).
PUBLISHED_DIGEST_PATH = PUBLISH_DIR / "published.json"
# Same file name as the published file: dbt-duckdb qualifies view SQL with the database name,
# which DuckDB takes from the file name, so views survive a rename only if the names match.
PREVIOUS_PATH = PUBLISH_DIR / "previous" / PUBLISHED_PATH.name
# The spare: the file `previous` named before the last publish (the warehouse published before the
# previous one), kept so that the next incremental build brings it up to date in place instead of
# copying warehouse.duckdb (pipeline/published_file.py); its build id and SHA-256 are in
# PUBLISHED_DIGEST_PATH.
SPARE_PATH = PUBLISH_DIR / "spare" / PUBLISHED_PATH.name
STALE_DIR = PUBLISH_DIR / "stale"
BUILD_DIR = ROOT / "build"
# Each build's work files (its candidate warehouse, DuckDB's write-ahead log and spill files) live
# in WORK_DIR/<build id>/, removed when the build ends; the candidate of a failed build is moved to
# FAILED_DIR for inspection until the next build starts.
WORK_DIR = BUILD_DIR / "work"
FAILED_DIR = BUILD_DIR / "failed"
# The build's state: the whole dbt warehouse (raw seeds, staging, intermediate, marts, audit), kept
# between builds so that an incremental build brings it up to date in place instead of copying
# anything. Readers never open it: the published warehouse.duckdb is a new, lean file holding only
# READER_SCHEMAS, written from the state once every check has passed (pipeline/published_file.py).
# Same file name as the published file: dbt-duckdb qualifies view SQL with the database name.
STATE_DIR = BUILD_DIR / "state"
STATE_PATH = STATE_DIR / PUBLISHED_PATH.name
# Present only while the state is whole: removed before dbt writes into it, written again once the
# build's dbt stage has succeeded; an incremental build without it builds in full.
STATE_MARKER = STATE_DIR / "state.json"
READER_SCHEMAS = ("marts", "audit", "semantic")
# What shapes the warehouse and what checks it, besides landed files and documents: an incremental
# build runs only on a state built and checked by the same (build.project_fingerprint). The folders
# end in "/"; the tests and expectations are in it because an incremental build checks the changed
# rows alone, trusting the rest to have passed the same checks.
FINGERPRINTED = (
    "dbt_project.yml",
    "selectors.yml",
    "seeds/",
    "models/",
    "macros/",
    "tests/",
    "gx/expectations/",
)
RESULTS_DIR = BUILD_DIR / "results"
# What the last build recorded: each stage's seconds, figure counts (read by the benchmark).
SUMMARY_PATH = RESULTS_DIR / "build_summary.json"
# DuckDB's memory limit for the build (profiles.yml reads the same variable) and for the checks and
# exports that read it: beyond it DuckDB spills to disk instead of growing.
MEMORY_LIMIT = os.environ.get("DUCKDB_MEMORY_LIMIT", "3GB")


def project_vars() -> dict:
    """The `vars:` block of dbt_project.yml."""
    project = yaml.safe_load((ROOT / "dbt_project.yml").read_text(encoding="utf-8"))
    return project.get("vars", {})


def documents_dir() -> Path:
    """Folder of the source documents: $SOURCE_DOCUMENTS_DIR, else the dbt var
    `source_documents_dir`, relative to the project root."""
    configured = os.environ.get("SOURCE_DOCUMENTS_DIR") or project_vars()["source_documents_dir"]
    path = Path(configured)
    return path if path.is_absolute() else (ROOT / path).resolve()


def landing_dir() -> Path:
    """Folder of landed files: $LANDING_DIR, else `landing` under the project root."""
    path = Path(os.environ.get("LANDING_DIR", "landing"))
    return path if path.is_absolute() else (ROOT / path).resolve()


def connect(database: Path | str, read_only: bool = False):
    """A DuckDB connection to `database` under the build's memory limit."""
    import duckdb

    return duckdb.connect(
        str(database), read_only=read_only, config={"memory_limit": MEMORY_LIMIT, "preserve_insertion_order": False}
    )
