"""Publishing: swap a checked candidate in as warehouse.duckdb, with its exports, as one journaled step.

The published layout (README, Publishing):

    warehouse.duckdb                    the published warehouse: a plain, self-contained file
    exports -> .exports/<build id>/     the build's Parquet files and manifest.json
    .publish/build.lock                 the build lock (pipeline/lock.py)
    .publish/journal.json               the publish (or rollback) in progress, if any
    .publish/published.json             the build id and SHA-256 of the file last published, and
                                        of the previous and spare files (pipeline/published_file.py)
    .publish/previous/warehouse.duckdb  the warehouse published before this one (rollback)
    .publish/spare/warehouse.duckdb     the warehouse published before the previous one: the next
                                        incremental build brings it up to date in place (no copy)
    .publish/stale/                     write-ahead logs found beside the published file, moved aside
    build/work/<build id>/              the build's candidate and DuckDB's work files, removed at the end

A publish: checkpoint the candidate (so the file alone holds everything), write the journal, keep a
hard link to the published file as the previous one, move any stale `warehouse.duckdb.wal` aside
(DuckDB would replay it onto the new file), rename the candidate over warehouse.duckdb (the commit
point), point `exports` at the build's folder, rename the file `previous` named to the spare and the
hard link to `previous`, then clear the journal. Both names change within microseconds; a crash
between them leaves the journal, and the next build or rollback finishes the publish from it before
doing anything else (`recover`).

The three names hold three files in turn: publishing build N makes N-1 the previous and N-2 the
spare; the spare of an earlier publish is either claimed by the next incremental build (moved into
its work folder before its dbt stage, to become its candidate: removed with the work files unless
that build publishes it) or replaced by the next publish. A rollback swaps warehouse.duckdb and
`previous` only: the spare stays as it is, and the build id recorded in `.publish/published.json`
then names another file than warehouse.duckdb, so no incremental build uses the spare until the
next publish records it again.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

from pipeline import exports, settings
from pipeline.errors import BuildFailed
from pipeline.faults import pause

PREVIOUS_NEW = settings.PREVIOUS_PATH.with_name(settings.PREVIOUS_PATH.name + ".new")


def wal_of(database: Path) -> Path:
    return database.with_name(database.name + ".wal")


def fsync_path(path: Path) -> None:
    """Flush a file, or a folder's entries, to disk."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _lock_refused(database: Path, flags: int, operation: int) -> bool:
    """True when this process cannot take the fcntl lock `operation` (without waiting) on `database`,
    opened with `flags`: another process holds a lock that conflicts with it. The probe's descriptor
    is closed at once, which drops every fcntl lock this process holds on the file: call it when this
    process has no connection to the file."""
    descriptor = os.open(database, flags)
    try:
        fcntl.lockf(descriptor, operation | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(descriptor)
    return False


def writer_holds(database: Path) -> bool:
    """True when another process has `database` open read-write: DuckDB holds an exclusive fcntl
    lock on the file for a read-write connection, a shared one for read-only ones."""
    return database.exists() and _lock_refused(database, os.O_RDONLY, fcntl.LOCK_SH)


def anyone_holds(database: Path) -> bool:
    """True when another process has `database` open at all, read-only or read-write: the exclusive
    fcntl lock DuckDB takes for a read-write connection cannot be had. Never waits, never writes."""
    return _lock_refused(database, os.O_RDWR, fcntl.LOCK_EX)


def refuse_if_written(database: Path) -> None:
    if writer_holds(database):
        raise BuildFailed(
            f"{database.name} is open read-write by another process (a plain `dbt build`, a notebook, or a DuckDB "
            "shell opened without -readonly): its changes would be lost, or replayed onto the next published "
            "file. Close it (readers should open the file read-only) and build again"
        )


def move_stale_wal(database: Path) -> str | None:
    """Move a write-ahead log left beside `database` (by a killed read-write connection or plain
    `dbt build`) out of the way: DuckDB would replay it onto whatever file bears the name next.
    Return a note saying where it went."""
    wal = wal_of(database)
    if not wal.exists():
        return None
    refuse_if_written(database)
    settings.STALE_DIR.mkdir(parents=True, exist_ok=True)
    destination = settings.STALE_DIR / f"{wal.name}.{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}"
    os.replace(wal, destination)
    return (
        f"moved {wal.name} aside to {destination.relative_to(settings.ROOT)}: a write-ahead log left by a read-write "
        "connection or a killed plain `dbt build`; its changes were never part of a published build, and DuckDB "
        f"would have replayed them onto {database.name}"
    )


def checkpoint(database: Path) -> None:
    """Fold any write-ahead log into the file, so the file alone holds the whole warehouse."""
    with duckdb.connect(str(database)) as connection:
        connection.execute("checkpoint")
    wal = wal_of(database)
    if wal.exists():
        raise BuildFailed(f"{wal} still exists after a checkpoint; refusing to publish a partial file")
    fsync_path(database)


def build_id_of(database: Path) -> str | None:
    """The id of the build that made `database` (audit.build_info), None when it has none."""
    if not database.is_file():
        return None
    try:
        with duckdb.connect(str(database), read_only=True) as connection:
            return connection.execute("select build_id from audit.build_info").fetchone()[0]
    except (duckdb.Error, TypeError):
        return None


class Journal:
    """The record of a publish or rollback in progress, written before the first rename and cleared
    after the last, so a crash in between is finished by the next build or rollback."""

    path = settings.JOURNAL_PATH

    @classmethod
    def write(cls, record: dict) -> None:
        cls.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = cls.path.with_name(cls.path.name + ".tmp")
        temporary.write_text(json.dumps(record), encoding="utf-8")
        fsync_path(temporary)
        os.replace(temporary, cls.path)
        fsync_path(cls.path.parent)

    @classmethod
    def read(cls) -> dict | None:
        try:
            return json.loads(cls.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except ValueError:
            # unreadable: written by hand, or damaged; it names no build, so it is forgotten
            return {"action": "publish", "build_id": None}

    @classmethod
    def clear(cls) -> None:
        cls.path.unlink(missing_ok=True)
        cls.path.with_name(cls.path.name + ".tmp").unlink(missing_ok=True)


def link_or_copy(source: Path, destination: Path) -> None:
    """A second name for `source` (a hard link: no copy), or a copy where links are not allowed."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    destination.unlink(missing_ok=True)
    try:
        os.link(source, destination)
    except OSError:
        shutil.copyfile(source, destination)


def keep_previous(previous_new: Path = PREVIOUS_NEW) -> None:
    """The last step of a publish: the file `previous` named becomes the spare (replacing any older
    one), then `previous_new` (the file the publish replaced) `previous`. Finishing an interrupted
    one does the same: when `previous` is gone already, it was renamed to the spare."""
    previous, spare = settings.PREVIOUS_PATH, settings.SPARE_PATH
    if previous.exists():
        spare.parent.mkdir(parents=True, exist_ok=True)
        os.replace(previous, spare)
    os.replace(previous_new, previous)


def publish(candidate: Path, build_id: str, export_folder: Path) -> list[str]:
    """Publish `candidate` (a checked warehouse named warehouse.duckdb) and `export_folder`: see the
    module's docstring. Returns notes to print. Nothing is renamed if anything before the commit
    point fails; a failure after it is undone, so the previous publish stays whole."""
    published = settings.PUBLISHED_PATH
    notes: list[str] = []
    checkpoint(candidate)
    refuse_if_written(published)
    note = move_stale_wal(published)
    if note:
        notes.append(note)
    Journal.write({"action": "publish", "build_id": build_id, "exports": export_folder.name, "pid": os.getpid()})
    had_previous = published.exists()
    if had_previous:
        link_or_copy(published, PREVIOUS_NEW)
    os.replace(candidate, published)  # the commit point
    fsync_path(published.parent)
    try:
        pause("warehouse-published")
        note = exports.switch_exports(export_folder)
        if note:
            notes.append(note)
    except BaseException:
        # undo: the warehouse published before is published again, with the exports it had
        if had_previous:
            os.replace(PREVIOUS_NEW, published)
        else:
            published.unlink(missing_ok=True)
        Journal.clear()
        raise
    if had_previous:
        keep_previous()
    fsync_path(published.parent)
    pause("exports-switched")
    Journal.clear()
    return notes


def rollback() -> list[str]:
    """Publish the previous warehouse again, with its exports; the one replaced becomes the previous
    (so a second rollback returns to it). Run under the build lock, after `recover`."""
    published, previous = settings.PUBLISHED_PATH, settings.PREVIOUS_PATH
    if not previous.is_file():
        raise BuildFailed(
            f"there is no previous warehouse to roll back to ({previous.relative_to(settings.ROOT)} does not exist): "
            "it is kept from the second publish on"
        )
    current_id, previous_id = build_id_of(published), build_id_of(previous)
    if previous_id is None:
        raise BuildFailed(
            f"{previous.relative_to(settings.ROOT)} has no build id in audit.build_info; cannot roll back to it"
        )
    notes = []
    folder = exports.version_folder(previous_id)
    if not (folder / "manifest.json").is_file():
        shutil.rmtree(folder, ignore_errors=True)
        try:
            exports.write_exports(previous, previous_id)
        except Exception as error:
            shutil.rmtree(folder, ignore_errors=True)
            raise BuildFailed(
                f"the exports of build {previous_id} are gone and could not be written again from its warehouse "
                f"({type(error).__name__}: {error})"
            ) from None
        notes.append(f"wrote the exports of build {previous_id} again from its warehouse")
    refuse_if_written(published)
    note = move_stale_wal(published)
    if note:
        notes.append(note)
    Journal.write({"action": "rollback", "build_id": previous_id, "from_build_id": current_id, "pid": os.getpid()})
    link_or_copy(published, PREVIOUS_NEW)
    os.replace(previous, published)
    os.replace(PREVIOUS_NEW, previous)
    fsync_path(published.parent)
    note = exports.switch_exports(folder)
    if note:
        notes.append(note)
    Journal.clear()
    notes.append(
        f"rolled back: warehouse.duckdb and exports/ are build {previous_id} again; build {current_id} is kept as "
        "the previous one (`python -m pipeline rollback` again returns to it)"
    )
    return notes


def recover(remove: Callable[[Path], None] = shutil.rmtree) -> list[str]:
    """Put the published layout back in order after a crash; run under the build lock before a
    build or rollback. Finishes (or forgets) an interrupted publish from its journal, moves a stale
    write-ahead log aside, removes the work files and exports folders of interrupted builds, and
    points `exports` at the published build's folder. Returns notes saying what it did."""
    published = settings.PUBLISHED_PATH
    notes: list[str] = []
    note = move_stale_wal(published)
    if note:
        notes.append(note)
    record = Journal.read()
    current_id = build_id_of(published)
    if record is not None:
        build_id = record.get("build_id")
        if build_id is not None and current_id == build_id:
            if PREVIOUS_NEW.exists():
                if record.get("action") == "publish":
                    keep_previous()
                else:
                    os.replace(PREVIOUS_NEW, settings.PREVIOUS_PATH)
            switched = exports.switch_exports(exports.version_folder(build_id))
            notes += [switched] if switched else []
            notes.append(
                f"finished the {record.get('action')} of build {build_id}, interrupted after warehouse.duckdb was "
                "replaced: exports/ now matches it"
            )
        else:
            PREVIOUS_NEW.unlink(missing_ok=True)
            notes.append(
                f"a {record.get('action')} of build {build_id} was interrupted before it replaced warehouse.duckdb: "
                f"the published warehouse (build {current_id}) and exports/ are unchanged"
            )
        Journal.clear()
    PREVIOUS_NEW.unlink(missing_ok=True)
    if settings.WORK_DIR.is_dir():
        for leftover in sorted(settings.WORK_DIR.iterdir()):
            if leftover.is_symlink() or not leftover.is_dir():
                leftover.unlink()
                continue
            remove(leftover)
            notes.append(f"removed the work files of an interrupted build: {leftover.relative_to(settings.ROOT)}")
    if settings.FAILED_DIR.is_dir():
        remove(settings.FAILED_DIR)
    keep = {build_id for build_id in (current_id, build_id_of(settings.PREVIOUS_PATH)) if build_id}
    if current_id and exports.linked_build_id() != current_id and exports.version_folder(current_id).is_dir():
        switched = exports.switch_exports(exports.version_folder(current_id))
        notes += [switched] if switched else []
        notes.append(f"pointed exports/ at the published build {current_id}")
    linked = exports.linked_build_id()
    if linked:
        keep.add(linked)
    with contextlib.suppress(FileNotFoundError):
        removed = exports.prune_versions(keep)
        if removed:
            notes.append(f"removed {len(removed)} exports folder(s) of builds neither published nor kept for rollback")
    return notes
