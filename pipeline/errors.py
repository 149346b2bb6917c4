"""Failures of a build, said once, with what failed and where."""

from __future__ import annotations

import errno


class BuildFailed(Exception):
    """A stage failed; the message says which file, figure or setting, and why."""


class BuildBusy(BuildFailed):
    """Another build holds the build lock."""


def describe_os_error(error: OSError) -> str:
    """An OSError as one line naming the file: disk full and permission problems said plainly."""
    where = error.filename if error.filename is not None else "(no file named)"
    if error.filename2 is not None:
        where = f"{where} -> {error.filename2}"
    reason = error.strerror or str(error)
    if error.errno == errno.ENOSPC:
        return f"disk full: no space left on the device while writing {where}; free some space and build again"
    if error.errno == errno.EDQUOT:
        return f"disk quota exceeded while writing {where}; free some space and build again"
    if error.errno in (errno.EACCES, errno.EPERM):
        return f"permission denied: {where} ({reason}); make it writable by this user and build again"
    if error.errno == errno.EROFS:
        return f"read-only file system: cannot write {where}"
    return f"{reason}: {where}"


def classify(text: str) -> str:
    """A DuckDB or dbt error message, prefixed with its cause when it is one of the usual ones."""
    lowered = text.lower()
    if "no space left on device" in lowered or "disk quota exceeded" in lowered:
        return f"disk full: {text}"
    if "permission denied" in lowered or "operation not permitted" in lowered:
        return f"permission denied: {text}"
    return text
