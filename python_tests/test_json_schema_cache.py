"""Check's dbt pass keeps the JSON schemas dbt validates against (pipeline/json_schema_cache.py).
These tests would fail if a schema kept under other versions of dbt or its libraries were used (a
stale schema after an upgrade), or if the kept schema differed from the one dbt builds."""

from __future__ import annotations

import json

import dbt_common.dataclass_schema as dataclass_schema
from dbt.artifacts.resources import ModelConfig

import pipeline.json_schema_cache as json_schema_cache
from pipeline.json_schema_cache import json_schemas_kept_in

NAME = f"{ModelConfig.__module__}.{ModelConfig.__qualname__}"


def schema_of(cls) -> dict:
    return dataclass_schema.build_json_schema(cls).to_dict()


def test_a_kept_schema_is_the_built_one_and_other_versions_build_it_again(tmp_path, monkeypatch):
    path = tmp_path / "json_schemas.json"
    built = dataclass_schema.build_json_schema(ModelConfig).to_dict()
    with json_schemas_kept_in(path) as first:
        assert json.dumps(schema_of(ModelConfig), sort_keys=True) == json.dumps(built, sort_keys=True)
    assert first.added == 1
    # read from the file the next time: a schema planted there is what dbt gets
    saved = json.loads(path.read_text(encoding="utf-8"))
    saved["schemas"][NAME] = {"planted": True}
    path.write_text(json.dumps(saved), encoding="utf-8")
    with json_schemas_kept_in(path) as second:
        assert schema_of(ModelConfig) == {"planted": True}
    assert second.added == 0
    # another version of a library: nothing of the file is used, the schema is built again
    monkeypatch.setattr(json_schema_cache, "LIBRARIES", (*json_schema_cache.LIBRARIES, "pytest"))
    with json_schemas_kept_in(path) as upgraded:
        assert json.dumps(schema_of(ModelConfig), sort_keys=True) == json.dumps(built, sort_keys=True)
    assert upgraded.added == 1
    # outside the block, dbt builds its schemas itself
    assert dataclass_schema.build_json_schema.__module__.startswith("mashumaro")
