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


def test_the_builds_since_the_spare_are_a_chain_of_incremental_builds(tmp_path):
    """The spare of build `since` lacks the changes of the builds from it to this one: found when
    each was an incremental build of the state the one before left, whose changes the state kept."""
    from pipeline import incremental

    state = tmp_path / "warehouse.duckdb"
    with duckdb.connect(str(state)) as connection:
        connection.execute("create schema build_state")
        connection.execute(
            "create table build_state.build_changes as select * from (values"
            " ('b1', null, 'full'), ('b2', 'b1', 'incremental'), ('b3', 'b2', 'incremental'),"
            " ('b4', 'b3', 'incremental'), ('b5', 'b4', 'full'), ('b6', 'b5', 'incremental'))"
            " as kept(build_id, built_from, build_mode)"
        )
    assert incremental.builds_since(state, "b4", "b1") == ["b4", "b3", "b2"]
    assert incremental.builds_since(state, "b4", "b2") == ["b4", "b3"]
    assert incremental.builds_since(state, "b4", "b1", most=2) is None  # longer than asked
    assert incremental.builds_since(state, "b6", "b4") is None  # b5 was a full build
    assert incremental.builds_since(state, "b6", "b5") == ["b6"]
    assert incremental.builds_since(state, "b9", "b4") is None  # a build the state did not keep


def test_the_publish_record_gives_the_sha256_of_each_file_it_names(tmp_path):
    record = tmp_path / "published.json"
    kept = {"previous": {"build_id": "b2", "sha256": "2" * 64}, "spare": {"build_id": "b1", "sha256": "1" * 64}}
    published_file.record_digest("b3", "3" * 64, record, kept=kept)
    digests = published_file.recorded_digests(published_file.read_record(record))
    assert digests == {"b3": "3" * 64, "b2": "2" * 64, "b1": "1" * 64}
    assert published_file.recorded_digest("b3", record) == "3" * 64
    assert published_file.recorded_digest("b2", record) is None  # the published build's only
    record.write_text("not json", encoding="utf-8")
    assert published_file.read_record(record) == {}
