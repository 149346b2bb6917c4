"""The DAG's shape, as dbt-project-evaluator judges it (issue 14), read from the manifest of the test build:
no model reads seven or more nodes (its too_many_joins threshold), no node has three or more
direct children that are leaf models (models nothing reads: its model_fanout threshold), and every
model has a key test (primary_key, unique_combination_of_columns, or a unique test on a column that
a not_null test or a contract's not_null constraint keeps non-null).

The models of the keys an incremental build changed are exempt from the fan-out rule (FANOUT_EXCEPTIONS).

Needs the session's built warehouse (for its target/manifest.json); no extra dbt run.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

# dbt-project-evaluator's default too_many_joins_threshold: a model with this many parents is reported
TOO_MANY_PARENTS = 7
# its default models_fanout_threshold: a node with this many leaf models as direct children is reported
FANOUT = 3
KEY_TESTS = {"primary_key", "unique_combination_of_columns"}
# dbt-project-evaluator's exceptions (its dbt_project_evaluator_exceptions seed), with their reason:
# the models of the keys an incremental build changed are read by every mart kept per source, entity or
# provider to find its own changed rows; there is nothing they share to compute once upstream
FANOUT_EXCEPTIONS = {
    "int_changed_sources": "the sources an incremental build changed: each incremental mart's rows to replace",
    "int_changed_cells": "the cells and entities an incremental build changed: each incremental mart's rows to replace",
}


def manifest(warehouse_path: Path) -> dict:
    return json.loads((warehouse_path.parent / "target" / "manifest.json").read_text(encoding="utf-8"))


def project_models(nodes: dict) -> dict[str, dict]:
    return {
        unique_id: node
        for unique_id, node in nodes.items()
        if node["resource_type"] == "model" and node["package_name"] == "kingsoft_warehouse"
    }


def test_no_model_reads_too_many_nodes(warehouse_path):
    nodes = manifest(warehouse_path)["nodes"]
    crowded = {
        node["original_file_path"]: sorted(set(node["depends_on"]["nodes"]))
        for node in project_models(nodes).values()
        if len(set(node["depends_on"]["nodes"])) >= TOO_MANY_PARENTS
    }
    assert not crowded, f"models reading {TOO_MANY_PARENTS} or more nodes (split them): {crowded}"


def fanouts(nodes: dict) -> dict[str, list[str]]:
    """Each node with FANOUT or more direct children that are leaf models of the project."""
    models = project_models(nodes)
    children: dict[str, set[str]] = defaultdict(set)
    for unique_id, node in models.items():
        for parent in node["depends_on"]["nodes"]:
            children[parent].add(unique_id)
    leaves = {unique_id for unique_id in models if not children.get(unique_id)}
    found = {parent: sorted(kids & leaves) for parent, kids in children.items()}
    return {
        parent.split(".")[-1]: [kid.split(".")[-1] for kid in kids]
        for parent, kids in found.items()
        if len(kids) >= FANOUT and parent.split(".")[-1] not in FANOUT_EXCEPTIONS
    }


def test_no_node_fans_out_to_leaf_models(warehouse_path):
    found = fanouts(manifest(warehouse_path)["nodes"])
    assert not found, (
        f"nodes with {FANOUT} or more leaf models as children (compute what they share once upstream, "
        f"or read one mart from another; docs/contributors.md): {found}"
    )


def test_every_model_has_a_key_test(warehouse_path):
    nodes = manifest(warehouse_path)["nodes"]
    keyed: set[str] = set()
    column_tests: dict[tuple[str, str], set[str]] = defaultdict(set)
    for node in nodes.values():
        if node["resource_type"] != "test" or not node.get("test_metadata") or not node.get("attached_node"):
            continue
        name = node["test_metadata"]["name"]
        if name in KEY_TESTS:
            keyed.add(node["attached_node"])
        elif name in ("unique", "not_null") and node.get("column_name"):
            column_tests[(node["attached_node"], node["column_name"])].add(name)
    for model_id, model in project_models(nodes).items():
        for column_name, column in model["columns"].items():
            if any(constraint["type"] == "not_null" for constraint in column.get("constraints") or []):
                column_tests[(model_id, column_name)].add("not_null")
    keyed |= {model for (model, _), names in column_tests.items() if names == {"unique", "not_null"}}
    unkeyed = sorted(
        node["original_file_path"] for unique_id, node in project_models(nodes).items() if unique_id not in keyed
    )
    assert not unkeyed, f"models without a key test (primary_key or unique_combination_of_columns): {unkeyed}"
