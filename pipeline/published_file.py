"""The lean published file: only what readers use, written from the build's state.

dbt builds into the state (settings.STATE_PATH, kept between builds: seeds, staging, intermediate
tables and the marts). Once every test and expectation has passed, this module writes a new file
holding only the reader schemas (settings.READER_SCHEMAS: marts, audit, semantic), each table with
its constraints and descriptions, in one transaction; the publish then renames that file over
warehouse.duckdb. The published file itself is never written to.

An incremental build whose state was, before it ran, the state of the published file (the same
build id) publishes without rewriting every table: a copy of the published file is brought up to
date, table by table, with only the rows of the sources and entities the build changed replaced
in the tables kept per source or entity (the models' meta kept_per in dbt's manifest; a table
whose rows of those sources or entities are unchanged is left as it is); the other tables are small
and are replaced whole (or left as they are when unchanged).

The copy is then checked against the state. Each publish records the SHA-256 of the file it
published (settings.PUBLISHED_DIGEST_PATH, with its build id). When the copy's SHA-256 is the one
recorded, the copy holds exactly what was published, and the check reads only what the build
changed: each table kept per source or entity by its row count and the fingerprint (row count and
sum of row hashes) of its changed sources' or entities' rows, each other table whole. When the
copy's SHA-256 is not the one recorded (the published file was written to since it was published:
a row planted, changed or removed), nothing of it is kept: a new file is written. With no record
(a file published before records were kept), every table is checked whole, so a row changed in a
table the build did not touch is noticed and a new file written.

The spare. Copying the published file costs as much as the file is large; the publish keeps instead
the file published before the previous one (settings.SPARE_PATH, pipeline/publish.py), and the
record names its build and SHA-256 too. When the state's builds since the spare's build are all
incremental ones, each built on the state of the one before, with the sources and entities each
changed kept in the state (build_state.build_changes, pipeline/sql/build_changes.sql), the spare
itself is brought up to date in place: it is moved to the candidate's path before the build's dbt
stage (so it can never be published or used again unless this build publishes it, and no other
process can open it) and hashed while dbt builds, its SHA-256 is checked against the record before
anything is changed, and the rows of the sources and entities changed by any of those builds
are replaced (any other row is the same in the spare's build and in this one). The spare is used
only when no reader has it open (readers hold a shared lock on the file they opened, the spare
among them if they opened it when it was published), and is not the published or the previous
file; otherwise, and when its SHA-256 or the check after the update fails, the build copies the
published file as above. Which tables are left as they were, for the exports, is then decided
against the published file, whose exports the build reuses.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import threading
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import duckdb
import jinja2

from pipeline import settings
from pipeline.literals import identifier, sql_string

SQL_DIR = Path(__file__).parent / "sql"


def query(name: str) -> str:
    schemas = ", ".join(sql_string(schema) for schema in settings.READER_SCHEMAS)
    return jinja2.Template((SQL_DIR / name).read_text(encoding="utf-8")).render(schemas=schemas)


class PublishedFileMismatch(Exception):
    """A copy of the published file cannot be brought up to date: the published file changed since
    it was published, or the copy brought up to date differs from the state."""


BLOCK_BYTES = 16 << 20


def file_digest(path: Path) -> str:
    """The SHA-256 of the file at `path` (hex)."""
    with open(path, "rb") as file:
        return read_digest(file)


def read_digest(file: BinaryIO) -> str:
    """The SHA-256 (hex) of what is left to read in `file`, read in 16 MiB blocks (hashlib releases
    the GIL on them, so other threads run meanwhile)."""
    digest = hashlib.sha256()
    block = bytearray(BLOCK_BYTES)
    view = memoryview(block)
    while size := file.readinto(block):
        digest.update(view[:size])
    return digest.hexdigest()


class FileDigest:
    """The SHA-256 of a finished file computed in a thread of its own, so that the work after it (the
    exports, Great Expectations, the publish) goes on meanwhile; `result` waits for it. The file is
    opened at once: renaming it (the publish) does not change what is read."""

    def __init__(self, path: Path) -> None:
        self.file = open(path, "rb")  # noqa: SIM115 (closed by the thread when it has read it)
        self.digest: str | None = None
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self.run, name="published-digest", daemon=True)
        self.thread.start()

    def run(self) -> None:
        try:
            with self.file:
                self.digest = read_digest(self.file)
        except BaseException as error:  # raised again by `result`, in the build's thread
            self.error = error

    def result(self) -> str:
        self.thread.join()
        if self.error is not None:
            raise self.error
        return self.digest


def record_digest(build_id: str, digest: str, path: Path | None = None, kept: dict | None = None) -> None:
    """Record the SHA-256 of the file published by build `build_id` (written whole, then renamed
    into place: a crash leaves the record before, which names another build and is not used), and
    `kept`: for the previous and the spare file, {"build_id", "sha256"} when both are known."""
    path = path or settings.PUBLISHED_DIGEST_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps({"build_id": build_id, "sha256": digest, **(kept or {})}), encoding="utf-8")
    os.replace(temporary, path)


def read_record(path: Path | None = None) -> dict:
    """The publish record (see `record_digest`); empty when missing or unreadable."""
    path = path or settings.PUBLISHED_DIGEST_PATH
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return record if isinstance(record, dict) else {}


def recorded_digests(record: dict) -> dict[str, str]:
    """Build id -> SHA-256 of every file `record` names (the published one, the previous, the spare)."""
    entries = [record, record.get("previous"), record.get("spare")]
    return {
        entry["build_id"]: entry["sha256"]
        for entry in entries
        if isinstance(entry, dict) and isinstance(entry.get("build_id"), str) and isinstance(entry.get("sha256"), str)
    }


def recorded_digest(build_id: str | None, path: Path | None = None) -> str | None:
    """The SHA-256 recorded when build `build_id` was published; None when the record is of
    another build, missing or unreadable."""
    path = path or settings.PUBLISHED_DIGEST_PATH
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or build_id is None or record.get("build_id") != build_id:
        return None
    digest = record.get("sha256")
    return digest if isinstance(digest, str) else None


def kept_per(manifest: Path) -> dict[tuple[str, str], dict]:
    """(schema, table) -> the meta of each model kept per source or entity, from dbt's manifest."""
    nodes = json.loads(manifest.read_text(encoding="utf-8"))["nodes"].values()
    return {
        (node["schema"], node.get("alias") or node["name"]): node["config"]["meta"]
        for node in nodes
        if node.get("resource_type") == "model"
        and (node.get("config", {}).get("meta") or {}).get("kept_per") in ("source", "entity")
    }


def fingerprint(connection, name: str, cache: dict | None = None) -> tuple:
    """The row count and the sum of the rows' hashes of table `name`: equal for the same rows (as a
    multiset) whatever their order, and differing, but for a hash collision, when a row was added,
    removed or changed. One scan of the table (none when `cache` holds it: see `fetch`)."""
    return fetch(connection, f"select count(*), sum(hash(fingerprinted)::hugeint) from {name} as fingerprinted", cache)


def fetch(connection, sql: str, cache: dict | None = None) -> tuple:
    """The one row of `sql`. Given `cache` (for queries of the state's tables only: attached
    read-only, they do not change while the copy is brought up to date), run once and kept there."""
    if cache is not None and sql in cache:
        return cache[sql]
    row = connection.execute(sql).fetchone()
    if cache is not None:
        cache[sql] = row
    return row


def published_ddl(connection) -> dict[tuple[str, str], str]:
    """(schema, table) -> the DDL of each table of the reader schemas in the file being written."""
    rows = connection.execute(query("published_tables.sql")).fetchall()
    return {(schema, table): sql for schema, table, sql in rows}


def recreate_table(connection, schema: str, table: str, create_statement: str) -> None:
    """Table `schema.table` anew from the state: its DDL and rows (descriptions: `describe`)."""
    name = f"{identifier(schema)}.{identifier(table)}"
    connection.execute(f"drop table if exists {name}")
    connection.execute(create_statement)
    connection.execute(f"insert into {name} select * from state.{name}")


def describe(connection, schema: str, table: str, comments: list[tuple]) -> None:
    """Set the description of table `schema.table` (column None) and of its columns."""
    name = f"{identifier(schema)}.{identifier(table)}"
    for column, column_comment in comments:
        if column is None:
            connection.execute(f"comment on table {name} is {sql_string(column_comment)}")
        else:
            connection.execute(f"comment on column {name}.{identifier(column)} is {sql_string(column_comment)}")


def update_published_file(
    state: Path,
    previous: Path,
    destination: Path,
    manifest: Path,
    published_digest: str | None = None,
    on_decided: Callable[[set[tuple[str, str]]], None] | None = None,
) -> int:
    """Write `destination` as a copy of `previous` (the published file of the build the state was at
    before this incremental build) with the changed rows of `state` applied; return the number of
    tables. A table whose DDL differs from the state's (the build records,
    whose column types follow their values) is written anew. `published_digest` is the SHA-256
    recorded when `previous` was published (None: not known). Raises PublishedFileMismatch when the
    copy's SHA-256 is not `published_digest`, or when a table's rows then differ from the state's
    (see the module's docstring for what is checked). `on_decided` is called with the (schema,
    table) of each table left as the previous file had it (the same rows as the state's) once they
    are known, before any table is changed (so that work which needs them, the exports, starts
    while the copy is brought up to date); a PublishedFileMismatch raised after it means they were
    those of a copy that was not published."""
    for leftover in (destination, destination.with_name(destination.name + ".wal")):
        leftover.unlink(missing_ok=True)
    destination.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(previous, destination)
    return bring_up_to_date(
        state, destination, manifest, published_digest, on_decided, previous.name, "the copy brought up to date"
    )


def update_spare_file(
    spare: Path,
    state: Path,
    published: Path,
    manifest: Path,
    spare_digest: str,
    builds_since: list[str],
    on_decided: Callable[[set[tuple[str, str]]], None] | None = None,
    hashing: FileDigest | None = None,
) -> int:
    """Bring `spare` (the spare file, moved to the candidate's path: see the module's docstring) up
    to date in place with the rows of `state` of the sources and entities changed by the builds
    `builds_since` (this one and those since the spare's build); return the number of tables.
    `spare_digest` is the SHA-256 recorded when the spare was published: nothing is changed before
    the spare's is known to be it. `on_decided` is called with the tables `published` (the file
    published now) has as the state has them. `hashing`: its SHA-256 begun earlier (the build
    begins it before its dbt stage), else begun here. Raises PublishedFileMismatch as
    `update_published_file` does; the spare is then no longer the file it was."""
    return bring_up_to_date(
        state,
        spare,
        manifest,
        spare_digest,
        on_decided,
        "the spare file",
        "the spare file brought up to date",
        builds_since=builds_since,
        published=published,
        hashing=hashing,
    )


def bring_up_to_date(
    state: Path,
    destination: Path,
    manifest: Path,
    published_digest: str | None,
    on_decided: Callable[[set[tuple[str, str]]], None] | None,
    what: str,
    copy: str,
    builds_since: list[str] | None = None,
    published: Path | None = None,
    hashing: FileDigest | None = None,
) -> int:
    """Apply the changed rows of `state` to `destination`, a file published before (`what` names it
    in messages, `copy` the file brought up to date), checked against `published_digest`; see
    `update_published_file` and `update_spare_file`."""
    trusted = published_digest is not None
    # the file is hashed while the tables are read to decide what to change; nothing is changed, and
    # `on_decided` is not called, before its SHA-256 is known to be the one recorded
    copy_digest = (hashing or FileDigest(destination)) if trusted else None

    def check_copy() -> None:
        if copy_digest is not None and copy_digest.result() != published_digest:
            raise PublishedFileMismatch(
                f"{what} changed since it was published (its SHA-256 is not the one recorded when it was published)"
            )

    try:
        tables, different = apply_changed_rows(
            state,
            destination,
            manifest,
            trusted=trusted,
            check_copy=check_copy,
            on_decided=on_decided,
            builds_since=builds_since,
            published=published,
        )
    except PublishedFileMismatch:
        raise
    except Exception:
        check_copy()  # a file that is not the one published may fail to be read: say so
        raise
    if different:
        raise PublishedFileMismatch(f"{copy} differs from the state in {', '.join(different)}")
    return len(tables)


# the sources and entities changed by the builds since the spare's (see `apply_changed_rows`)
SINCE_SPARE = {"changed_sources": "temp.main.sources_changed_since", "changed_cells": "temp.main.cells_changed_since"}


def apply_changed_rows(
    state: Path,
    destination: Path,
    manifest: Path,
    trusted: bool,
    check_copy: Callable[[], None],
    on_decided: Callable[[set[tuple[str, str]]], None] | None,
    builds_since: list[str] | None = None,
    published: Path | None = None,
) -> tuple[list[tuple], list[str]]:
    """Bring `destination`, a copy of the published file, up to date with the changed rows of `state`
    (see `update_published_file`); return the reader tables and the names of those whose rows then
    differ from the state's. `trusted`: the copy is known (once `check_copy` returns) to be the file
    published, so a table kept per source or entity is checked by its row count and its changed rows.
    With `builds_since` (the spare, `update_spare_file`), the rows replaced and checked are those of
    the sources and entities any of those builds changed, and what `on_decided` is told is decided
    against `published`."""
    metas = kept_per(manifest)
    template = jinja2.Template((SQL_DIR / "publish_changed_rows.sql").read_text(encoding="utf-8"))
    changed_keys = SINCE_SPARE if builds_since is not None else {}
    with settings.connect(destination) as connection:
        connection.execute(f"attach {sql_string(str(state))} as state (read_only)")
        try:
            if builds_since is not None:
                changed_since(connection, builds_since)
            tables = connection.execute(query("reader_tables.sql")).fetchall()
            comments: dict[tuple[str, str], list[tuple]] = {}
            for schema, table, column, column_comment in connection.execute(
                query("reader_column_comments.sql")
            ).fetchall():
                comments.setdefault((schema, table), []).append((column, column_comment))
            existing = published_ddl(connection)
            # (schema, table) -> the fingerprints of the copy and the state of a table left unchanged
            checked: dict[tuple[str, str], tuple] = {}
            # (schema, table) of the tables kept per source or entity left as they were
            left: set[tuple[str, str]] = set()
            # the fingerprints of the state's tables read so far, by their query (see `fetch`)
            state_prints: dict[str, tuple] = {}
            # (schema, table) -> for each table kept per source or entity of a copy known to be the
            # published file: the options of the changed-rows template when its changed rows were
            # replaced, None when it was left as it was
            changed_rows: dict[tuple[str, str], dict | None] = {}
            # what to do with each table, decided before any is changed: write anew (its DDL differs
            # from the state's), or replace its changed rows (template options) or the whole table
            recreated: list[tuple[str, str, str]] = []
            applied: list[dict] = []
            for schema, table, create_statement, _ in tables:
                meta = metas.get((schema, table), {})
                name = f"{identifier(schema)}.{identifier(table)}"
                if existing.get((schema, table)) != create_statement:
                    recreated.append((schema, table, create_statement))
                    continue
                if not meta:
                    # a table replaced whole: unchanged (the same fingerprint as the state's) is left
                    # as it is, since rewriting it would only leave free blocks in the file
                    pair = (fingerprint(connection, name), fingerprint(connection, f"state.{name}", state_prints))
                    if pair[0] == pair[1]:
                        checked[(schema, table)] = pair
                        continue
                options = {
                    "name": name,
                    "kept_per": meta.get("kept_per"),
                    "entity_column": identifier(meta.get("entity_column") or "entity_id"),
                    **changed_keys,
                }
                if meta and builds_since is not None:
                    # the spare: the rows of the sources and entities changed since its build are
                    # replaced without reading them first (most differ: they were changed), which
                    # leaves the reads to the check below
                    changed_rows[(schema, table)] = options
                elif meta:
                    # a table kept per source or entity whose rows of the changed sources or entities
                    # are those the copy holds already is left as it is (checked below: in a copy known
                    # to be the published file, by its row count alone)
                    copy_rows, state_rows = (
                        changed_fingerprint(connection, template, options, relation, cache)
                        for relation, cache in ((name, None), (f"state.{name}", state_prints))
                    )
                    if trusted:
                        changed_rows[(schema, table)] = None if copy_rows == state_rows else options
                    if copy_rows == state_rows:
                        left.add((schema, table))
                        continue
                applied.append(options)
            unchanged = {*checked, *left}
            if published is not None and on_decided is not None:
                unchanged = unchanged_in_published(connection, template, published, tables, metas, state_prints)
            check_copy()
            if on_decided is not None:
                on_decided(unchanged)
            connection.execute("begin")
            for schema, table, create_statement in recreated:
                recreate_table(connection, schema, table, create_statement)
            for options in applied:
                for statement in template.render(**options).split(";\n"):
                    connection.execute(statement)
            # descriptions as the state has them now (catalogue entries only: no rows are rewritten)
            for schema, table, _, table_comment in tables:
                described = [(None, table_comment)] if table_comment else []
                describe(connection, schema, table, described + comments.get((schema, table), []))
            connection.execute("commit")
            different = [
                f"{schema}.{table}"
                for schema, table, _, _ in tables
                if (schema, table) not in checked
                and not same_rows(connection, template, schema, table, changed_rows, (schema, table), state_prints)
            ]
        except Exception:
            with contextlib.suppress(duckdb.Error):  # no transaction open when it failed before `begin`
                connection.execute("rollback")
            raise
        finally:
            connection.execute("detach state")
        connection.execute("checkpoint")
    return tables, different


def changed_since(connection, builds: list[str]) -> None:
    """The temporary tables SINCE_SPARE names: the sources and the entities (cells) changed by any of
    `builds` (as the state kept them, build_state.build_changed_sources and _cells) or by this build."""
    listed = ", ".join(sql_string(build) for build in builds)
    connection.execute(
        f"""create or replace temp table sources_changed_since as
        select source_id from state.build_state.build_changed_sources where build_id in ({listed})
        union select source_id from state.intermediate.int_changed_sources"""
    )
    connection.execute(
        f"""create or replace temp table cells_changed_since as
        select entity_id from state.build_state.build_changed_cells where build_id in ({listed})
        union select entity_id from state.intermediate.int_changed_cells"""
    )


def unchanged_in_published(
    connection, template: jinja2.Template, published: Path, tables: list[tuple], metas: dict, cache: dict
) -> set[tuple[str, str]]:
    """The reader tables `published` (attached read-only meanwhile) holds as the state does: the
    same DDL, and the same rows of the sources and entities this build changed (a table kept per
    source or entity: its other rows are those of the build before) or the same rows (any other).
    Nothing when it cannot be read (it is refused at the publish then)."""
    try:
        connection.execute(f"attach {sql_string(str(published))} as published (read_only)")
    except duckdb.Error:
        return set()
    try:
        ddl = {
            (schema, table): sql
            for schema, table, sql in connection.execute(
                query("published_tables.sql").replace("current_database()", "'published'")
            ).fetchall()
        }
        unchanged = set()
        for schema, table, create_statement, _ in tables:
            # the exports are of the marts only
            if schema != "marts" or ddl.get((schema, table)) != create_statement:
                continue
            meta = metas.get((schema, table))
            name = f"{identifier(schema)}.{identifier(table)}"
            if meta:
                options = {
                    "name": name,
                    "kept_per": meta.get("kept_per"),
                    "entity_column": identifier(meta.get("entity_column") or "entity_id"),
                }
                same = changed_fingerprint(connection, template, options, f"published.{name}") == changed_fingerprint(
                    connection, template, options, f"state.{name}", cache
                )
            else:
                same = fingerprint(connection, f"published.{name}") == fingerprint(connection, f"state.{name}", cache)
            if same:
                unchanged.add((schema, table))
        return unchanged
    finally:
        connection.execute("detach published")


def changed_fingerprint(
    connection, template: jinja2.Template, options: dict, relation: str, cache: dict | None = None
) -> tuple:
    """The fingerprint of the rows of the changed sources or entities in `relation` (the copy's
    table or the state's), for the table the `options` of the changed-rows template name."""
    return fetch(connection, template.render(mode="fingerprint", relation=relation, **options), cache)


def same_rows(
    connection,
    template: jinja2.Template,
    schema: str,
    table: str,
    changed_rows: dict,
    key: tuple[str, str],
    cache: dict,
) -> bool:
    """Whether table `schema.table` of the copy holds the state's rows. A table kept per source or
    entity in a copy known to be the published file (in `changed_rows`: the build changed none of
    its other rows) by its row count, and, when its changed rows were replaced (their template
    options in `changed_rows`), by the fingerprint of those rows; any other table by the fingerprint
    of the whole table. The state's side is read from `cache` when it was read before."""
    name = f"{identifier(schema)}.{identifier(table)}"
    if key not in changed_rows:
        return fingerprint(connection, name) == fingerprint(connection, f"state.{name}", cache)
    counts = [
        fetch(connection, f"select count(*) from {name}"),
        fetch(connection, f"select count(*) from state.{name}"),
    ]
    options = changed_rows[key]
    return counts[0] == counts[1] and (
        options is None
        or changed_fingerprint(connection, template, options, name)
        == changed_fingerprint(connection, template, options, f"state.{name}", cache)
    )


def write_published_file(state: Path, destination: Path) -> int:
    """Write `destination` (named warehouse.duckdb) with the reader schemas of `state`; return the
    number of tables written."""
    for leftover in (destination, destination.with_name(destination.name + ".wal")):
        leftover.unlink(missing_ok=True)
    destination.parent.mkdir(parents=True, exist_ok=True)
    with settings.connect(destination) as connection:
        connection.execute(f"attach {sql_string(str(state))} as state (read_only)")
        try:
            tables = connection.execute(query("reader_tables.sql")).fetchall()
            comments = connection.execute(query("reader_column_comments.sql")).fetchall()
            connection.execute("begin")
            for schema in sorted({row[0] for row in tables}):
                connection.execute(f"create schema if not exists {identifier(schema)}")
            for schema, table, create_statement, table_comment in tables:
                name = f"{identifier(schema)}.{identifier(table)}"
                connection.execute(create_statement)
                connection.execute(f"insert into {name} select * from state.{name}")
                if table_comment:
                    connection.execute(f"comment on table {name} is {sql_string(table_comment)}")
            for schema, table, column, column_comment in comments:
                connection.execute(
                    f"comment on column {identifier(schema)}.{identifier(table)}.{identifier(column)} "
                    f"is {sql_string(column_comment)}"
                )
            connection.execute("commit")
        finally:
            connection.execute("detach state")
        connection.execute("checkpoint")
    return len(tables)
