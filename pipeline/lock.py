"""One build at a time: a file lock held for the whole build (and a rollback).

The lock is an advisory `flock` on `.publish/build.lock`, which the kernel releases when the
holder exits, however it exits (a SIGKILL included), so a crashed build never leaves it taken.
"""

from __future__ import annotations

import fcntl
import json
import os
import sys
import time
from pathlib import Path
from types import TracebackType

from pipeline import settings
from pipeline.errors import BuildBusy


class BuildLock:
    """`with BuildLock(wait_seconds):` holds the build lock, waiting up to `wait_seconds` for it."""

    def __init__(self, wait_seconds: float = 0.0, path: Path = settings.LOCK_PATH, purpose: str = "build") -> None:
        self.wait_seconds = wait_seconds
        self.path = path
        self.purpose = purpose
        self.handle = None

    def holder(self) -> str:
        try:
            record = json.loads(self.path.read_text(encoding="utf-8") or "{}")
        except (OSError, ValueError):
            record = {}
        if not record:
            return "another build"
        return f"another {record.get('purpose', 'build')} (pid {record.get('pid')}, started {record.get('started')})"

    def __enter__(self) -> BuildLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = self.path.open("a+", encoding="utf-8")
        deadline = time.monotonic() + self.wait_seconds
        announced = False
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = self.holder()
                    handle.close()
                    waited = f" after waiting {self.wait_seconds:.0f} s" if self.wait_seconds else ""
                    raise BuildBusy(
                        f"{holder} holds the build lock {self.path.relative_to(settings.ROOT)}{waited}: one build "
                        "runs at a time. Wait for it to finish, or run with --wait SECONDS to start when it does"
                    ) from None
                if not announced:
                    print(f"waiting for {self.holder()} to finish (up to {self.wait_seconds:.0f} s)", flush=True)
                    announced = True
                time.sleep(0.2)
        handle.seek(0)
        handle.truncate()
        record = {
            "purpose": self.purpose,
            "pid": os.getpid(),
            "started": time.strftime("%Y-%m-%d %H:%M:%S"),
            "command": " ".join(sys.argv),
        }
        handle.write(json.dumps(record))
        handle.flush()
        self.handle = handle
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self.handle is not None:
            self.handle.seek(0)
            self.handle.truncate()
            fcntl.flock(self.handle.fileno(), fcntl.LOCK_UN)
            self.handle.close()
            self.handle = None
