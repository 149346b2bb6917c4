"""What an incremental build can leave out of dbt's selection: the seeds and every node (model or
data test) whose result can only depend on them.

An incremental build runs only on a state built from the same project, seeds, models, macros,
singular tests and expectation suites (build.project_fingerprint), so the seeds the state holds
are the seeds of the project, and a node computed from seeds alone, reading nothing else, would
come out as the state already holds it.
A node is left out when all of these hold (read from dbt's parsed manifest, before anything runs):

- it is a seed, a table or view model, or a data test, and carries no hook;
- its file and the file of every macro of this project it may call lie in the folders the
  fingerprint covers (settings.FINGERPRINTED): a node or macro elsewhere (a package's) may change
  between two builds of the same fingerprint, so it always runs;
- each of its parents is a seed or a node left out (a source, a landed file's model, a model read
  from documents is none);
- its SQL, its config and the macros of this project it may call (every macro whose name appears
  in the text, and, for a name dispatched by adapter, each engine's implementation) read nothing
  outside the warehouse and nothing a build may change: no file (read_text, read_csv, ...), no
  query run while compiling (run_query, statement), no environment variable, no var the build
  passes (the landing folder) nor a var named by anything but a literal, no clock or random number.

A node the rule cannot read with certainty is kept: leaving too much in costs seconds, leaving too
little in would publish stale rows. A full build, a state of another fingerprint and any engine but
DuckDB run everything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline import settings

# the folders build.project_fingerprint hashes
FINGERPRINTED = tuple(part for part in settings.FINGERPRINTED if part.endswith("/"))
# what dbt runs of a node a build can leave out
LEAVABLE = {"seed", "model", "test"}
MATERIALIZED = {"seed", "table", "view", "test", "ephemeral"}
# reading a file, a query at compile time, the environment, the clock or a random number
READS_OUTSIDE = re.compile(
    r"\b(?:env_var|run_query|statement|load_result|load_file|load_relation|get_relation|read_text|read_blob"
    r"|read_csv\w*|read_parquet|read_json\w*|read_ndjson\w*|parquet_scan|glob|run_started_at|invocation_id"
    r"|modules\s*\.\s*(?:datetime|time|os|random)|current_date|current_time|current_timestamp|localtimestamp"
    r"|now|today|get_current_\w+|transaction_timestamp|random|uuid|gen_random_uuid|setseed|rand)\b",
    re.IGNORECASE,
)
VAR_CALL = re.compile(r"\bvar\s*\(\s*(?:(['\"])(\w+)\1)?")
DISPATCH = re.compile(r"\badapter\s*\.\s*dispatch\s*\(\s*(['\"])(\w+)\1")
FQN_WILDCARDS = re.compile(r"[*?\[\]]")


def reads_outside(text: str, build_vars: Iterable[str]) -> str | None:
    """What in `text` reads something outside the warehouse or that a build may change, or None."""
    found = READS_OUTSIDE.search(text)
    if found:
        return found.group(0)
    for call in VAR_CALL.finditer(text):
        if call.group(2) is None or call.group(2) in build_vars:
            return call.group(0)
    return None


def macros_called(manifest, text: str, project: str) -> list:
    """The macros of this project `text` may call, with the macros they may call in turn: every macro
    whose name appears in the text (a generous reading: a name in a comment counts), and each
    engine's implementation (`duckdb__x`, `default__x`) of a name it dispatches."""
    by_name: dict[str, list] = {}
    for macro in manifest.macros.values():
        if macro.package_name == project:
            by_name.setdefault(macro.name, []).append(macro)
    if not by_name:
        return []
    names = re.compile(r"\b(" + "|".join(sorted(map(re.escape, by_name), key=len, reverse=True)) + r")\b")
    seen: dict[str, object] = {}
    pending = [text]
    while pending:
        current = pending.pop()
        called = set(names.findall(current))
        for dispatched in DISPATCH.finditer(current):
            called |= {name for name in by_name if name.endswith("__" + dispatched.group(2))}
        for name in called:
            for macro in by_name.get(name, []):
                if macro.unique_id not in seen:
                    seen[macro.unique_id] = macro
                    pending.append(macro.macro_sql)
                    called_later = {name for name in by_name if name.endswith("__" + macro.name)}
                    pending.append(" ".join(called_later))
    return list(seen.values())


def node_text(node) -> str:
    """The text of a node that decides what it reads: its SQL, its config and a test's arguments."""
    parts = [node.raw_code or "", repr(node.config.to_dict())]
    metadata = getattr(node, "test_metadata", None)
    if metadata is not None:
        parts += [metadata.name, repr(metadata.kwargs)]
    return "\n".join(parts)


def why_kept(manifest, node, left_out: set[str], project: str, build_vars: Iterable[str]) -> str | None:
    """Why `node` must run on an incremental build, or None when its result can only depend on seeds."""
    if node.resource_type not in LEAVABLE:
        return f"a {node.resource_type}"
    if node.config.materialized not in MATERIALIZED:
        return f"materialized as {node.config.materialized}"
    if getattr(node.config, "pre_hook", None) or getattr(node.config, "post_hook", None):
        return "a hook"
    if not str(node.original_file_path).startswith(FINGERPRINTED):
        return f"{node.original_file_path} is not in the project's fingerprint"
    if node.resource_type != "seed":
        parents = list(getattr(node.depends_on, "nodes", []))
        if not parents:
            return "no parent"
        for parent in parents:
            if parent not in left_out:
                return f"reads {parent}"
    text = node_text(node)
    found = reads_outside(text, build_vars)
    if found:
        return f"reads `{found}`"
    for macro in macros_called(manifest, text, project):
        if not str(macro.original_file_path).startswith(FINGERPRINTED):
            return f"calls {macro.name} of {macro.original_file_path}"
        found = reads_outside(macro.macro_sql, build_vars)
        if found:
            return f"calls {macro.name}, which reads `{found}`"
    return None


def seed_only_nodes(manifest, build_vars: Iterable[str]) -> set[str]:
    """The unique ids of the seeds and of every node whose result can only depend on them (module doc)."""
    project = manifest.metadata.project_name
    build_vars = set(build_vars)
    nodes = {unique_id: node for unique_id, node in manifest.nodes.items() if node.package_name == project}
    left_out: set[str] = set()
    # parents first: a node is decided once every parent of this project is
    decided: set[str] = set()
    changed = True
    while changed:
        changed = False
        for unique_id, node in nodes.items():
            if unique_id in decided:
                continue
            parents = [parent for parent in getattr(node.depends_on, "nodes", []) if parent in nodes]
            if any(parent not in decided for parent in parents):
                continue
            decided.add(unique_id)
            changed = True
            if why_kept(manifest, node, left_out, project, build_vars) is None:
                left_out.add(unique_id)
    return left_out


def default_exclusion(manifest) -> set[str] | None:
    """The nodes the project's default selector (selectors.yml) leaves out, as dbt's eager indirect
    selection leaves them out (with every test of theirs), when the selector is one this module reads:
    everything (`fqn: "*"`) less nodes of some tags. None for any other selector, which it does not
    translate (every node then runs)."""
    defaults = [selector for selector in manifest.selectors.values() if selector.get("default") is True]
    if not defaults:
        return set()
    definition = defaults[0]["definition"] if len(defaults) == 1 else None
    if not isinstance(definition, dict) or set(definition) != {"union"}:
        return None
    tags: set[str] = set()
    everything = False
    for entry in definition["union"]:
        if entry == {"method": "fqn", "value": "*"}:
            everything = True
        elif isinstance(entry, dict) and set(entry) == {"exclude"}:
            for excluded in entry["exclude"]:
                if not (isinstance(excluded, dict) and set(excluded) == {"method", "value"}):
                    return None
                if excluded["method"] != "tag" or FQN_WILDCARDS.search(str(excluded["value"])):
                    return None
                tags.add(str(excluded["value"]))
        else:
            return None
    if not everything:
        return None
    tagged = {unique_id for unique_id, node in manifest.nodes.items() if tags & set(node.tags)}
    tests = {
        unique_id
        for unique_id, node in manifest.nodes.items()
        if node.resource_type == "test" and tagged & set(getattr(node.depends_on, "nodes", []))
    }
    return tagged | tests


def exclusion_selectors(manifest, excluded: set[str]) -> list[str] | None:
    """`--exclude` selectors naming exactly the nodes `excluded` (an fqn selector names every node
    under it too), or None when some node cannot be named alone."""
    selectors = []
    for unique_id in sorted(excluded):
        node = manifest.nodes[unique_id]
        prefix = list(node.fqn)
        if any(FQN_WILDCARDS.search(part) or "." in part for part in prefix):
            return None
        if any(
            other_id not in excluded and list(other.fqn[: len(prefix)]) == prefix
            for other_id, other in manifest.nodes.items()
        ):
            return None
        selectors.append("fqn:" + ".".join(prefix))
    return selectors


def incremental_arguments(manifest, arguments: list[str], build_vars: Iterable[str]) -> tuple[list[str], str]:
    """dbt's arguments for an incremental build: `arguments` less the nodes whose result can only
    depend on the seeds, and one line saying how many were left out and why. The nodes are named
    one by one with indirect selection off, so a test with another parent still runs."""
    if manifest.metadata.adapter_type != "duckdb":
        return arguments, "incremental: every node runs (only a DuckDB build leaves out what the seeds alone make)"
    if any(argument in ("--select", "-s", "--exclude", "--selector", "--indirect-selection") for argument in arguments):
        return arguments, "incremental: every node runs (the build names its own selection)"
    default = default_exclusion(manifest)
    if default is None:
        return arguments, "incremental: every node runs (the default selector is not one the build reads)"
    leaving = seed_only_nodes(manifest, build_vars) - default
    if not leaving:
        return arguments, "incremental: every node runs (none is built from the seeds alone)"
    selectors = exclusion_selectors(manifest, default | leaving)
    if selectors is None:
        return arguments, "incremental: every node runs (a node left out cannot be named alone)"
    seeds = sum(1 for unique_id in leaving if manifest.nodes[unique_id].resource_type == "seed")
    line = (
        f"incremental: left out {len(leaving)} nodes, {seeds} seeds and the models and tests built from them "
        "alone (reading no file, environment variable or build var): the project is unchanged since the "
        "state was built, so the state holds what they would make"
    )
    return [*arguments, "--indirect-selection", "empty", "--select", "fqn:*", "--exclude", *selectors], line
