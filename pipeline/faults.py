"""A hook for the fault suite: stop a build at a named boundary so a test can kill it there.

With PIPELINE_PAUSE_AT=<boundary> (or several, comma-separated), the build prints
`PAUSED at <boundary> (pid N)` when it reaches that boundary and waits there (up to
PIPELINE_PAUSE_SECONDS, default 600), so the test can SIGKILL the real build process at that
point, or copy the files it has written so far. With PIPELINE_RESUME_DIR set too, the pause also
ends as soon as a file named after the boundary appears in that folder: the build goes on to the
next boundary it is told to pause at. Unset, it does nothing. The boundaries, in order: locked,
checked, dbt-built, validated, exports-written, warehouse-published, exports-switched.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

BOUNDARIES = (
    "locked",
    "checked",
    "dbt-built",
    "validated",
    "exports-written",
    "warehouse-published",
    "exports-switched",
)


def pause(boundary: str) -> None:
    assert boundary in BOUNDARIES, boundary
    wanted = {name.strip() for name in os.environ.get("PIPELINE_PAUSE_AT", "").split(",") if name.strip()}
    if boundary not in wanted:
        return
    print(f"PAUSED at {boundary} (pid {os.getpid()})", flush=True)
    resume = Path(os.environ["PIPELINE_RESUME_DIR"]) / boundary if os.environ.get("PIPELINE_RESUME_DIR") else None
    deadline = time.monotonic() + float(os.environ.get("PIPELINE_PAUSE_SECONDS", "600"))
    while time.monotonic() < deadline and not (resume is not None and resume.exists()):
        time.sleep(0.1)
