"""The JSON schemas dbt validates its parsed nodes and configuration against, kept between checks.

dbt checks each node, config and YAML entry it parses against a JSON schema that it builds from the
class's definition (mashumaro's build_json_schema), once per class and process: some twenty classes
and about 0.6 CPU seconds of every check that goes through dbt, for schemas that are the same until
dbt or one of its libraries is upgraded.

`json_schemas_kept_in(path)` keeps, for the length of check's dbt pass, each class's schema under
its module and name, in a file that holds the versions of Python and of every library those
classes come from: another version of any of them, and every schema is built again. A class whose
schema is not in the file is built as dbt builds it and added.

Used by `python -m pipeline check` only; the build's dbt runs build the schemas as dbt does.
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import json
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

# bump when the layout of the file changes
FORMAT = 1
# the libraries that define the classes dbt validates, and the schema builder
LIBRARIES = ("dbt-core", "dbt-common", "dbt-adapters", "dbt-duckdb", "dbt-semantic-interfaces", "mashumaro")


def versions() -> str:
    packages = []
    for name in LIBRARIES:
        try:
            packages.append(f"{name}={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            packages.append(f"{name}=none")
    return "\n".join([f"format {FORMAT}", sys.version, *packages])


class _Kept:
    """What build_json_schema returns, for a schema read from the file."""

    def __init__(self, schema: dict) -> None:
        self.schema = schema

    def to_dict(self) -> dict:
        return json.loads(json.dumps(self.schema))  # a copy: dbt's validator may not change it, the file's stays


class KeptSchemas:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.prefix = versions()
        self.schemas: dict[str, dict] = {}
        with contextlib.suppress(OSError, ValueError):
            saved = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(saved, dict) and saved.get("prefix") == self.prefix:
                self.schemas = saved["schemas"]
        self.added = 0
        self.lock = threading.Lock()

    def save(self) -> None:
        """Written aside, then renamed, only when a schema was added."""
        if not self.added:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(f"{self.path.name}.{os.getpid()}.partial")
        partial.write_text(json.dumps({"prefix": self.prefix, "schemas": self.schemas}), encoding="utf-8")
        os.replace(partial, self.path)


@contextlib.contextmanager
def json_schemas_kept_in(path: Path) -> Iterator[KeptSchemas]:
    """For the length of the block (check's dbt parse and compile, in this process): the JSON
    schema of each class dbt validates is read from `path` when it was built there with the same
    versions, else built as dbt builds it and kept."""
    import dbt_common.dataclass_schema as dataclass_schema

    kept = KeptSchemas(path)
    build = dataclass_schema.build_json_schema

    def build_json_schema(cls, *args, **kwargs):
        if args or kwargs:
            return build(cls, *args, **kwargs)
        name = f"{cls.__module__}.{cls.__qualname__}"
        schema = kept.schemas.get(name)
        if schema is not None:
            return _Kept(schema)
        built = build(cls)
        schema = built.to_dict()
        try:
            as_json = json.dumps(schema, sort_keys=True)
        except (TypeError, ValueError):  # not plain JSON: built again next time
            return built
        if json.dumps(json.loads(as_json), sort_keys=True) == as_json:
            with kept.lock:
                kept.schemas[name] = json.loads(as_json)
                kept.added += 1
        return built

    dataclass_schema.build_json_schema = build_json_schema
    try:
        yield kept
    finally:
        dataclass_schema.build_json_schema = build
    kept.save()
