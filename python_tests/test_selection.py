"""What an incremental build leaves out of dbt's selection (pipeline/selection.py): the seeds and the
nodes built from them alone, never a node that reads a file, the environment, a build var, the clock
or a query at compile time. Each rule is tried on a small manifest of the shape dbt parses."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from conftest import copy_project

from pipeline import build, selection, settings

BUILD = ["build", "--exclude-resource-type", "unit_test"]
BUILD_VARS = {"landing_dir"}
WAREHOUSE = {"union": [{"method": "fqn", "value": "*"}, {"exclude": [{"method": "tag", "value": "draft"}]}]}


class Config(SimpleNamespace):
    def to_dict(self) -> dict:
        return dict(vars(self))


def node(name, kind="model", parents=(), code="select 1", path=None, tags=(), materialized=None, **config):
    folder = {"seed": "seeds", "test": "models"}.get(kind, "models")
    return SimpleNamespace(
        unique_id=f"{kind}.proj.{name}",
        name=name,
        resource_type=kind,
        package_name="proj",
        fqn=["proj", *name.split("/")],
        original_file_path=path or f"{folder}/{name}.{'csv' if kind == 'seed' else 'sql'}",
        depends_on=SimpleNamespace(macros=[]) if kind == "seed" else SimpleNamespace(nodes=list(parents), macros=[]),
        raw_code="" if kind == "seed" else code,
        tags=list(tags),
        config=Config(materialized=materialized or {"seed": "seed", "test": "test"}.get(kind, "table"), **config),
        test_metadata=None,
    )


def macro(name, sql, path="macros/macros.sql"):
    return SimpleNamespace(
        unique_id=f"macro.proj.{name}", name=name, package_name="proj", macro_sql=sql, original_file_path=path
    )


def manifest(nodes, macros=(), adapter="duckdb", definition=WAREHOUSE):
    selectors = {"warehouse": {"default": True, "definition": definition}} if definition else {}
    return SimpleNamespace(
        nodes={item.unique_id: item for item in nodes},
        macros={item.unique_id: item for item in macros},
        metadata=SimpleNamespace(project_name="proj", adapter_type=adapter),
        selectors=selectors,
    )


SEED = node("units", "seed")
STAGED = node("stg_units", parents=[SEED.unique_id], code="select * from {{ ref('units') }}")
STAGED_TEST = node("not_null_stg_units_unit", "test", parents=[STAGED.unique_id])


def left_out(nodes, macros=()):
    return selection.seed_only_nodes(manifest(nodes, macros), BUILD_VARS)


def test_the_seeds_and_what_is_built_from_them_alone_are_left_out():
    built = node("int_units", parents=[STAGED.unique_id], code="select * from {{ ref('stg_units') }}")
    assert left_out([SEED, STAGED, STAGED_TEST, built]) == {
        SEED.unique_id,
        STAGED.unique_id,
        STAGED_TEST.unique_id,
        built.unique_id,
    }


def test_a_node_with_a_parent_not_left_out_runs_and_so_do_its_children():
    landed = node("stg_landing", parents=["source.proj.landing.figures"])
    joined = node("int_joined", parents=[STAGED.unique_id, landed.unique_id])
    child = node("fct_joined", parents=[joined.unique_id])
    both = node("relationships_joined", "test", parents=[joined.unique_id, STAGED.unique_id])
    found = left_out([SEED, STAGED, landed, joined, child, both])
    assert found == {SEED.unique_id, STAGED.unique_id}


def test_a_node_with_no_parent_runs():
    # nothing in dbt's lineage says what it reads (a date spine from the clock, a file)
    assert left_out([node("time_spine", code="select 1 as day")]) == set()


@pytest.mark.parametrize(
    ("called", "dispatcher", "implementation"),
    [
        # the macro dispatches its own name; the default implementation reads files
        ("document_lines", "{{ return(adapter.dispatch('document_lines')(directory)) }}", "default__document_lines"),
        # it dispatches another name than its own; that name's DuckDB implementation reads files
        ("lines", "{{ return(adapter.dispatch('document_lines')(directory)) }}", "duckdb__document_lines"),
        # the name it dispatches is not written out: each engine's implementation of the macro counts
        ("document_lines", "{{ return(adapter.dispatch(this_macro_name)(directory)) }}", "default__document_lines"),
    ],
    ids=["its own name", "another name", "a name not written out"],
)
def test_a_model_reading_files_through_a_dispatched_macro_runs(called, dispatcher, implementation):
    documents = node("stg_paragraphs", parents=[SEED.unique_id], code=f"{{{{ {called}(source_documents_dir) }}}}")
    macros = [
        macro(called, dispatcher),
        macro(implementation, "select content from read_text({{ directory }})"),
    ]
    assert documents.unique_id not in left_out([SEED, documents], macros)


def test_a_model_calling_a_macro_that_calls_a_file_reader_runs():
    model = node("stg_sizes", parents=[SEED.unique_id], code="select {{ outer() }}")
    macros = [macro("outer", "{{ inner() }}"), macro("inner", "(select count(*) from read_parquet('x/*.parquet'))")]
    assert model.unique_id not in left_out([SEED, model], macros)


@pytest.mark.parametrize(
    "code",
    [
        "select '{{ var(\"landing_dir\") }}' as folder",  # a var the build passes
        "select '{{ var(name) }}' as folder",  # a var named by no literal
        'select \'{{ env_var("SOURCE_DOCUMENTS_DIR", "") }}\' as folder',
        "select current_date as day",
        "select now() as day",
        "select '{{ run_started_at }}' as day",
        "select random() as draw",
        "{% set rows = run_query('select 1') %}select 1",
        "select * from read_csv('landing/*.csv')",
        "select * from glob('landing/*')",
    ],
)
def test_a_model_reading_anything_a_build_may_change_runs(code):
    model = node("stg_read", parents=[SEED.unique_id], code=code)
    assert left_out([SEED, model]) == {SEED.unique_id}


def test_a_var_of_the_project_file_does_not_keep_a_model():
    model = node("stg_currencies", parents=[SEED.unique_id], code="select '{{ var(\"reporting_currencies\") }}'")
    assert model.unique_id in left_out([SEED, model])


def test_a_var_read_by_a_called_macro_keeps_the_model():
    model = node("stg_landed", parents=[SEED.unique_id], code="select '{{ landing_dir() }}'")
    macros = [macro("landing_dir", "{{ return(var('landing_dir', 'landing')) }}")]
    assert model.unique_id not in left_out([SEED, model], macros)


def test_a_singular_test_outside_the_fingerprinted_folders_runs():
    # a package's test may change between two builds of the same fingerprint; the project's own may not
    packaged = node(
        "assert_units", "test", parents=[STAGED.unique_id], path="dbt_packages/units/tests/assert_units.sql"
    )
    own = node("assert_unit_names", "test", parents=[STAGED.unique_id], path="tests/assert_unit_names.sql")
    assert left_out([SEED, STAGED, packaged, own]) == {SEED.unique_id, STAGED.unique_id, own.unique_id}


# what the fingerprint must cover (the checks among them: the rows an incremental build does not
# change were checked by the tests and suites of the state)
SHAPES_OR_CHECKS = ["dbt_project.yml", "selectors.yml", "seeds/", "models/", "macros/", "tests/", "gx/expectations/"]


@pytest.mark.parametrize("part", SHAPES_OR_CHECKS)
def test_the_fingerprint_changes_with_any_file_of_what_shapes_or_checks_the_warehouse(part, tmp_path, monkeypatch):
    """An incremental build checks the changed rows alone: a changed test or expectation suite (or
    model, seed, macro, selector) must send the next build back to a full one."""
    project = copy_project(tmp_path / "project")
    monkeypatch.setattr(settings, "ROOT", project)
    before = build.project_fingerprint()
    path = project / part
    if part.endswith("/"):
        path = sorted(found for found in path.rglob("*") if found.is_file())[0]
    path.write_bytes(path.read_bytes() + b"\n")
    assert build.project_fingerprint() != before, path


def test_the_fingerprint_leaves_out_what_a_build_reads_as_data(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "project")
    monkeypatch.setattr(settings, "ROOT", project)
    before = build.project_fingerprint()
    for path in [project / "profiles.yml", sorted((project / "documents").iterdir())[0]]:
        path.write_bytes(path.read_bytes() + b"\n")
    (project / "tests" / "__pycache__").mkdir()
    (project / "tests" / "__pycache__" / "cached.pyc").write_bytes(b"\0")
    assert build.project_fingerprint() == before


def test_a_macro_outside_the_fingerprinted_folders_keeps_its_callers():
    model = node("stg_helper", parents=[SEED.unique_id], code="select {{ helper() }}")
    macros = [macro("helper", "1", path="dbt_packages/helpers/macros/helper.sql")]
    assert model.unique_id not in left_out([SEED, model], macros)


def test_a_model_with_a_hook_or_an_incremental_materialization_runs():
    hooked = node("stg_hooked", parents=[SEED.unique_id], post_hook=[{"sql": "delete from x"}])
    incremental = node("stg_incremental", parents=[SEED.unique_id], materialized="incremental")
    assert left_out([SEED, hooked, incremental]) == {SEED.unique_id}


def test_a_test_whose_arguments_read_a_build_var_runs():
    checked = node("accepted_units", "test", parents=[STAGED.unique_id])
    checked.test_metadata = SimpleNamespace(name="accepted_values", kwargs={"where": "{{ var('landing_dir') }}"})
    assert checked.unique_id not in left_out([SEED, STAGED, checked])


def test_the_build_names_the_nodes_left_out_one_by_one_with_indirect_selection_off():
    landed = node("stg_landing", parents=["source.proj.landing.figures"])
    both = node("relationships_landing_units", "test", parents=[landed.unique_id, STAGED.unique_id])
    draft = node("int_draft", parents=[landed.unique_id], tags=["draft"])
    draft_test = node("not_null_int_draft_x", "test", parents=[draft.unique_id])
    parsed = manifest([SEED, STAGED, STAGED_TEST, landed, both, draft, draft_test])
    arguments, line = selection.incremental_arguments(parsed, BUILD, BUILD_VARS)
    assert arguments[: len(BUILD)] == BUILD
    rest = arguments[len(BUILD) :]
    assert rest[:5] == ["--indirect-selection", "empty", "--select", "fqn:*", "--exclude"]
    # the test with a parent that runs is not named; the default selector's draft nodes and their tests are
    assert sorted(rest[5:]) == sorted(
        f"fqn:proj.{item.name}" for item in (SEED, STAGED, STAGED_TEST, draft, draft_test)
    )
    assert line.startswith("incremental: left out 3 nodes, 1 seeds")


def test_a_node_whose_selector_would_name_another_node_leaves_nothing_out():
    # fqn:proj.stg_units names every node under proj.stg_units too
    nested = node("stg_units/stg_landing", parents=["source.proj.landing.figures"])
    parsed = manifest([SEED, STAGED, nested])
    arguments, line = selection.incremental_arguments(parsed, BUILD, BUILD_VARS)
    assert arguments == BUILD and "every node runs" in line


@pytest.mark.parametrize(
    ("parsed", "arguments"),
    [
        (manifest([SEED, STAGED], adapter="spark"), BUILD),
        (manifest([SEED, STAGED], definition={"intersection": [{"method": "fqn", "value": "*"}]}), BUILD),
        (manifest([SEED, STAGED]), [*BUILD, "--select", "stg_units+"]),
    ],
    ids=["spark", "a selector it does not read", "a selection of the build's own"],
)
def test_every_node_runs_where_the_rule_does_not_apply(parsed, arguments):
    found, line = selection.incremental_arguments(parsed, arguments, BUILD_VARS)
    assert found == arguments and "every node runs" in line


@pytest.fixture(scope="module")
def project_manifest(tmp_path_factory):
    """The project's own parsed manifest, with the options a build parses it with."""
    from pipeline import dbt

    folder = tmp_path_factory.mktemp("selection")
    options = {
        "database": folder / "warehouse.duckdb",
        "variables": {"landing_dir": str(folder / "landing")},
        "target_path": folder / "target",
    }
    parsed = dbt.parse(**options)
    assert parsed.success, parsed.describe()
    return parsed.result, options


def test_the_projects_landed_files_documents_and_the_tests_reading_them_always_run(project_manifest):
    parsed, options = project_manifest
    leaving = selection.seed_only_nodes(parsed, options["variables"])
    names = {parsed.nodes[unique_id].name: parsed.nodes[unique_id].resource_type for unique_id in leaving}
    seeds = {item.name for item in parsed.nodes.values() if item.resource_type == "seed"}
    assert seeds <= set(names)
    assert "stg_curated__entities" in names
    kept_names = {item.name for unique_id, item in parsed.nodes.items() if unique_id not in leaving}
    assert {"stg_documents__paragraphs", "stg_landing__figures", "base_landing__files"} <= kept_names
    # a singular test reading the published or landed figures checks every build's changed rows
    assert {
        "assert_every_figure_is_published_or_rejected",
        "assert_quotes_are_verbatim_in_their_paragraph",
    } <= kept_names


def test_dbt_selects_every_node_of_a_build_but_those_left_out(project_manifest):
    """dbt's own reading of the arguments: the default selection less the nodes left out, no other."""
    import json

    from pipeline import dbt

    parsed, options = project_manifest
    arguments, _ = selection.incremental_arguments(parsed, BUILD, options["variables"])

    def listed(build_arguments):
        command = ["ls", *build_arguments[1:], "--output", "json", "--output-keys", "unique_id", "--log-level", "none"]
        run = dbt.invoke(command, manifest=parsed, quiet=True, **options)
        return {json.loads(line)["unique_id"] for line in run.result}

    everything, selected = listed(BUILD), listed(arguments)
    leaving = selection.seed_only_nodes(parsed, options["variables"])
    assert leaving & everything
    assert selected == everything - leaving
