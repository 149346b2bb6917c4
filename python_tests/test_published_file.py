"""The published file's SHA-256, taken in the background once the file is written."""

from __future__ import annotations

import hashlib
import json
import os

import duckdb
import pytest

from pipeline import published_file


def test_the_background_sha256_is_of_the_file_even_when_it_is_renamed_meanwhile(tmp_path, monkeypatch):
    monkeypatch.setattr(published_file, "BLOCK_BYTES", 1024)
    lean, published = tmp_path / "lean.duckdb", tmp_path / "warehouse.duckdb"
    lean.write_bytes(os.urandom(5 * 1024 + 3))
    expected = hashlib.sha256(lean.read_bytes()).hexdigest()
    digest = published_file.FileDigest(lean)
    os.replace(lean, published)  # the publish renames the file while it is hashed
    assert digest.result() == expected


def test_a_copy_that_cannot_be_read_is_a_mismatch_only_when_it_is_not_the_file_recorded(tmp_path):
    """The copy of the published file is hashed while it is read: when reading it fails, the build
    is told the file changed since it was published (and writes a new one) if its SHA-256 is not the
    one recorded; if it is, the failure is the build's own and is raised as it is."""
    previous, destination = tmp_path / "warehouse.duckdb", tmp_path / "lean" / "warehouse.duckdb"
    previous.write_bytes(b"not a DuckDB file, " * 1000)
    state, manifest = tmp_path / "state.duckdb", tmp_path / "manifest.json"
    manifest.write_text(json.dumps({"nodes": {}}), encoding="utf-8")
    with pytest.raises(published_file.PublishedFileMismatch, match="changed since it was published"):
        published_file.update_published_file(state, previous, destination, manifest, published_digest="0" * 64)
    recorded = hashlib.sha256(previous.read_bytes()).hexdigest()
    with pytest.raises(duckdb.Error):
        published_file.update_published_file(state, previous, destination, manifest, published_digest=recorded)
