"""dbt's partial parse after a macro file changed, narrowed to the macros whose text changed.

When a macro file changes, dbt parses again every model, test and unit test that uses any macro of
that file, directly or through other macros, with their YAML (generic tests, unit tests): after an
edit of macros/grammar/vocabulary.sql, whose helpers nearly every model reaches, that is about 40
models, 150 generic tests and their documentation, some 2.5 CPU seconds, whatever the edit was.

What parsing a node records (its refs, sources, config, the macros it calls) can only change if the
text of a macro it reaches changed. `macro_edits_parse_their_users_only()` keeps dbt's own partial
parse and narrows one step of it: the nodes parsed again are those that reach a macro whose block
(`{% macro %}...{% endmacro %}`, or a generic test's block) changed or went away; a macro whose
block is unchanged is skipped as a starting point, and still followed when a changed macro calls
into it. An edit outside every block (a comment between macros) parses no node again. A file with
a new block (which might override a macro of the same name elsewhere), a materialization, two
blocks of one name, or anything not read as expected is left to dbt's own handling, all of its
macros followed.

It narrows `dbt parse` for `python -m pipeline check` only (whose compiled SQL is then compiled with
the new macros as always); the build's own parse is dbt's, unchanged.

`without_generic_or_unit_tests()` leaves out of check's parse what check never compiles: the
generic tests of the schema YAML (of models, seeds, snapshots and sources) and the unit tests.
Check compiles its models and its two singular data tests only; the build's parse, which runs
every test, keeps them all. After a macro edit that is some 150 generic tests fewer to parse again.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

# the blocks dbt reads as macros from a macro or generic-test file (dbt/parser/macros.py)
MACRO_BLOCKS = {"macro", "materialization", "test", "data_test"}


def macro_name(block_type: str, block_name: str) -> str | None:
    """The name dbt gives the macro of a block: a generic test's `test_` + its name; None for a
    materialization (named after its adapter), which is left to dbt's own handling."""
    if block_type == "macro":
        return block_name
    if block_type in ("test", "data_test"):
        return f"test_{block_name}"
    return None


def unchanged_macros(old: dict[str, tuple[str, str]], blocks: list[tuple[str, str, str]]) -> set[str] | None:
    """Of a changed file's macros before the edit (`old`: unique id -> (name, block text)), the unique
    ids whose block is the same after it (`blocks`: (block type, block name, block text) of the new
    file); None when the file must be left to dbt (a new block, a materialization, a name twice)."""
    new: dict[str, str] = {}
    for block_type, block_name, text in blocks:
        name = macro_name(block_type, block_name)
        if name is None or name in new:
            return None
        new[name] = text
    if set(new) - {name for name, _ in old.values()}:
        return None
    return {unique_id for unique_id, (name, text) in old.items() if new.get(name) == text}


def _unchanged_in(saved_manifest, old_file, new_file) -> set[str] | None:
    from dbt_common.clients.jinja import BlockTag, extract_toplevel_blocks

    try:
        old = {
            unique_id: (saved_manifest.macros[unique_id].name, saved_manifest.macros[unique_id].macro_sql)
            for unique_id in old_file.macros
        }
        blocks = [
            (block.block_type_name, block.block_name, block.full_block or "")
            for block in extract_toplevel_blocks(new_file.contents, allowed_blocks=MACRO_BLOCKS, collect_raw_data=False)
            if isinstance(block, BlockTag)
        ]
    except Exception:  # noqa: BLE001 - anything unexpected: dbt's own handling
        return None
    return unchanged_macros(old, blocks)


@contextlib.contextmanager
def macro_edits_parse_their_users_only() -> Iterator[None]:
    """For the length of one in-process `dbt parse`: a changed macro file sends to be parsed again
    only the nodes that reach a macro whose block changed (see the module's docstring)."""
    from dbt.parser.partial import PartialParsing

    update = PartialParsing.update_macro_in_saved
    gather = PartialParsing.recursively_gather_macro_references

    def update_macro_in_saved(self, new_source_file, old_source_file):
        unchanged = _unchanged_in(self.saved_manifest, old_source_file, new_source_file)
        if not unchanged:
            return update(self, new_source_file, old_source_file)
        depth = 0

        def gather_from_changed(unique_id, referencing_nodes):
            # a macro of the file whose block is unchanged starts no search; reached from a changed
            # macro (depth > 0), it is followed as dbt follows it
            nonlocal depth
            if depth == 0 and unique_id in unchanged:
                return
            depth += 1
            try:
                gather(self, unique_id, referencing_nodes)
            finally:
                depth -= 1

        self.recursively_gather_macro_references = gather_from_changed
        try:
            return update(self, new_source_file, old_source_file)
        finally:
            del self.recursively_gather_macro_references

    PartialParsing.update_macro_in_saved = update_macro_in_saved
    try:
        yield
    finally:
        PartialParsing.update_macro_in_saved = update


@contextlib.contextmanager
def without_generic_or_unit_tests() -> Iterator[None]:
    """For the length of one in-process `dbt parse`: no generic test (of a model, seed, snapshot or
    source) and no unit test is parsed; every other node, patch and macro is, as dbt parses them.
    The parse's saved state (for the next partial parse) then holds no such test either."""
    from dbt.parser.schema_generic_tests import SchemaGenericTestParser
    from dbt.parser.sources import SourcePatcher
    from dbt.parser.unit_tests import UnitTestParser

    def no_tests(*_args, **_kwargs):
        return None

    def no_source_tests(*_args, **_kwargs):
        return iter(())

    originals = [
        (SchemaGenericTestParser, "parse_tests", no_tests),
        (SchemaGenericTestParser, "parse_versioned_tests", no_tests),
        (SourcePatcher, "get_source_tests", no_source_tests),
        (UnitTestParser, "parse", no_tests),
    ]
    saved = [(owner, name, owner.__dict__[name]) for owner, name, _ in originals]
    for owner, name, replacement in originals:
        setattr(owner, name, replacement)
    try:
        yield
    finally:
        for owner, name, original in saved:
            setattr(owner, name, original)
