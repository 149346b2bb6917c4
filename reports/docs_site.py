"""`make docs`: dbt's docs as one static HTML file, generated against a copy of the build's state.

The state (build/state/warehouse.duckdb) holds every model, staging and intermediate included; the
published warehouse.duckdb only the reader schemas, so the catalog is read from the state when
there is one. `dbt docs generate` opens its database read-write; running it on a copy never blocks
readers or the next build.
"""

from __future__ import annotations

import shutil

from pipeline import dbt, settings

DOCS_DIR = settings.BUILD_DIR / "docs"


def main() -> int:
    if not settings.PUBLISHED_PATH.is_file():
        print(f"{settings.PUBLISHED_PATH.name} does not exist yet: run `make build` first.")
        return 1
    DOCS_DIR.mkdir(parents=True, exist_ok=True)
    copy = DOCS_DIR / settings.PUBLISHED_PATH.name
    source = settings.STATE_PATH if settings.STATE_PATH.is_file() else settings.PUBLISHED_PATH
    shutil.copy2(source, copy)
    target = DOCS_DIR / "target"
    run = dbt.invoke(["docs", "generate", "--static"], database=copy, target_path=target)
    if not run.success:
        print("dbt docs generate failed:\n" + run.describe())
        return 1
    site = DOCS_DIR / "index.html"
    shutil.copy2(target / "static_index.html", site)
    copy.unlink()
    print(f"docs site: {site.relative_to(settings.ROOT)} (one file; open it in a browser)")
    return 0
